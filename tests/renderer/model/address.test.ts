import { describe, expect, it } from 'vitest'
import { addressFormula, addressOf, byteDelta, hex, pyTuple, unravel } from '../../../src/renderer/src/model/address'
import type { ObjectInfo } from '../../../src/renderer/src/model/types'

const transposed = {
  strides: [1, 3], byteStrides: [8, 24], itemsize: 8, byteOffset: 16, dataPtr: String(0x7f0000001000n + 16n)
} as unknown as ObjectInfo

describe('address formula', () => {
  it('adds index times byte stride to data_ptr, exactly, past 2^53', () => {
    const big = { ...transposed, dataPtr: '18446744073709551000' } as ObjectInfo
    expect(addressOf(big, [1, 2])).toBe(18446744073709551000n + 8n + 48n)
  })
  it('writes the formula out with element strides and the itemsize', () => {
    expect(addressFormula(transposed, [1, 2])).toBe(`0x7f0000001010 + 1·1·8 + 2·3·8 = ${hex(0x7f0000001010n + 56n)}`)
  })
  it('byte distance from element 0 is the sum of index times byte stride', () => {
    expect(byteDelta(transposed, [0, 0])).toBe(0)
    expect(byteDelta(transposed, [2, 1])).toBe(16 + 24)
  })
  it('unravels in C order and prints Python tuples', () => {
    expect(unravel(5, [2, 3])).toEqual([1, 2])
    expect(unravel(0, [])).toEqual([])
    expect(pyTuple([3])).toBe('(3,)')
    expect(pyTuple([])).toBe('()')
    expect(pyTuple([2, 3])).toBe('(2, 3)')
  })
})
