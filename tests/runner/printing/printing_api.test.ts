// The printing API's contract with its caller: reads only what it prints,
// refuses malformed input with a clear error, and never reads out of range.

import { describe, expect, it } from 'vitest'
import {
  arrayFromFlat, formatNdarrayRepr, formatNdarrayStr, formatNumpyScalarRepr, formatTensorRepr,
  type PrintableArray
} from '../../../src/runner/printing'

function spy(shape: number[], dtype: PrintableArray['dtype'] = 'float64'): { a: PrintableArray; reads: string[] } {
  const reads: string[] = []
  const a: PrintableArray = {
    dtype,
    shape,
    at(i) {
      i.forEach((v, k) => {
        if (v < 0 || v >= shape[k]) throw new Error(`out of range read ${i}`)
      })
      reads.push(i.join(','))
      return dtype === 'int64' ? BigInt(i.reduce((x, y) => x * 7 + y, 0)) : i.reduce((x, y) => x * 7 + y, 0)
    }
  }
  return { a, reads }
}

describe('element reads', () => {
  it('a summarised NumPy array reads only its edge items, each once', () => {
    const { a, reads } = spy([100, 200, 300])
    expect(formatNdarrayRepr(a)).toContain('...')
    expect(reads.length).toBe(6 * 6 * 6)
    expect(new Set(reads).size).toBe(reads.length)
  })
  it('a small array reads every element once', () => {
    const { a, reads } = spy([3, 4], 'int64')
    formatNdarrayStr(a)
    expect(reads.length).toBe(12)
  })
  it('empty arrays read nothing', () => {
    const { a, reads } = spy([0, 5])
    expect(formatNdarrayRepr(a)).toBe('array([], shape=(0, 5), dtype=float64)')
    expect(formatTensorRepr(a)).toBe('tensor([], size=(0, 5), dtype=torch.float64)')
    expect(reads).toEqual([])
  })
})

describe('bad input', () => {
  it('rejects malformed shapes', () => {
    const bad = { dtype: 'float64' as const, shape: [2, -1], at: () => 0 }
    expect(() => formatNdarrayRepr(bad)).toThrow(RangeError)
    expect(() => formatTensorRepr(bad)).toThrow(RangeError)
    expect(() => arrayFromFlat('int32', [2, 2], [1, 2, 3])).toThrow(RangeError)
  })
  it('reports a missing element instead of printing garbage', () => {
    const holey = { dtype: 'float32' as const, shape: [2], at: (i: readonly number[]) => (i[0] === 0 ? 1 : (undefined as unknown as number)) }
    expect(() => formatNdarrayRepr(holey)).toThrow(TypeError)
  })
  it('bfloat16 is a torch dtype only', () => {
    const a = arrayFromFlat('bfloat16', [1], [1])
    expect(() => formatNdarrayRepr(a)).toThrow(/NumPy has no dtype 'bfloat16'/)
    expect(() => formatNumpyScalarRepr('bfloat16', 1)).toThrow(TypeError)
    expect(formatTensorRepr(a)).toBe('tensor([1.], dtype=torch.bfloat16)')
  })
})

describe('values in either JS type', () => {
  it('int64 from numbers or bigints, extremes exact', () => {
    const big = arrayFromFlat('int64', [2], [-(2n ** 63n), 2n ** 63n - 1n])
    expect(formatNdarrayRepr(big)).toBe('array([-9223372036854775808,  9223372036854775807])')
    expect(formatNdarrayRepr(arrayFromFlat('int64', [2], [1, -2]))).toBe('array([ 1, -2])')
    expect(formatNdarrayStr(arrayFromFlat('uint64', [1], [2n ** 64n - 1n]))).toBe('[18446744073709551615]')
  })
})
