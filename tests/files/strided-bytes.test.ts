import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { gatherBytes, numpySaveOrder, swapByteOrder } from '../../src/files/strided-bytes'
import { computeSharing, type FileEntry } from '../../src/files/description'
import { isCContiguous, isFContiguous } from '../../src/files/layout'
import { forEachElementOffset } from '../../src/shared/element-offsets'

const bytes = Uint8Array.from({ length: 24 }, (_, i) => i)

function entry(name: string, shape: number[], strides: number[], byteOffset: number, itemsize = 1): FileEntry {
  return { name, kind: 'ndarray', dtype: 'uint8', dtypeText: '|u1', itemsize, shape, strides, byteOffset, storageKey: 's', byteOrder: '|', fortranOrder: false, readOnly: false, requiresGrad: false, sharesWith: [] }
}

describe('strided bytes', () => {
  it('gathers C and F order, negative and zero strides', () => {
    expect(Array.from(gatherBytes({ shape: [2, 3], strides: [3, 1], itemsize: 1, byteOffset: 0, data: bytes }, 'F'))).toEqual([0, 3, 1, 4, 2, 5])
    expect(Array.from(gatherBytes({ shape: [3], strides: [-2], itemsize: 2, byteOffset: 8, data: bytes }))).toEqual([8, 9, 6, 7, 4, 5])
    expect(Array.from(gatherBytes({ shape: [2, 2], strides: [0, 1], itemsize: 1, byteOffset: 5, data: bytes }))).toEqual([5, 6, 5, 6])
    expect(Array.from(gatherBytes({ shape: [0, 4], strides: [4, 1], itemsize: 1, byteOffset: 0, data: bytes }))).toEqual([])
  })
  it('NumPy flag rules: size-1 dims ignored, empty arrays both', () => {
    expect(isCContiguous([1, 3], [99, 8], 8)).toBe(true)
    expect(isFContiguous([3, 1], [8, 99], 8)).toBe(true)
    expect(isCContiguous([0, 3], [7, 7], 8) && isFContiguous([0, 3], [7, 7], 8)).toBe(true)
    expect(numpySaveOrder({ shape: [3], strides: [8], itemsize: 8 })).toBe('C')
    expect(numpySaveOrder({ shape: [2, 3], strides: [8, 16], itemsize: 8 })).toBe('F')
    expect(numpySaveOrder({ shape: [2, 3], strides: [8, 32], itemsize: 8 })).toBe('C')
  })
  it('swaps byte order per unit', () => {
    expect(Array.from(swapByteOrder(Uint8Array.of(1, 2, 3, 4, 5, 6, 7, 8), 4))).toEqual([4, 3, 2, 1, 8, 7, 6, 5])
  })
})

describe('shares with', () => {
  it('is exact: interleaved views over the same bytes do not share, overlapping ones do', () => {
    const even = entry('even', [6], [2], 0)
    const odd = entry('odd', [6], [2], 1)
    const mid = entry('mid', [4], [1], 4)
    const other = { ...entry('other', [24], [1], 0), storageKey: 't' }
    const es = [even, odd, mid, other]
    computeSharing(es)
    expect(even.sharesWith).toEqual(['mid'])
    expect(odd.sharesWith).toEqual(['mid'])
    expect(mid.sharesWith).toEqual(['even', 'odd'])
    expect(other.sharesWith).toEqual([])
  })

  it('agrees with a brute-force byte comparison on random views', () => {
    const view = fc.record({
      shape: fc.array(fc.integer({ min: 0, max: 4 }), { maxLength: 3 }),
      strides: fc.array(fc.integer({ min: -6, max: 6 }), { minLength: 3, maxLength: 3 }),
      offset: fc.integer({ min: 0, max: 40 }),
      itemsize: fc.constantFrom(1, 2, 4),
    })
    const bytesOf = (e: FileEntry) => {
      const set = new Set<number>()
      forEachElementOffset(e.shape, e.strides, e.byteOffset, (o) => { for (let k = 0; k < e.itemsize; k++) set.add(o + k) })
      return set
    }
    fc.assert(fc.property(view, view, (x, y) => {
      const a = entry('a', x.shape, x.strides.slice(0, x.shape.length), x.offset, x.itemsize)
      const b = entry('b', y.shape, y.strides.slice(0, y.shape.length), y.offset, y.itemsize)
      computeSharing([a, b])
      const sa = bytesOf(a)
      const shared = [...bytesOf(b)].some((p) => sa.has(p))
      expect(a.sharesWith).toEqual(shared ? ['b'] : [])
    }), { numRuns: 500, examples: [[{ shape: [3, 3], strides: [0, 4, 0], offset: 0, itemsize: 1 }, { shape: [1], strides: [1, 0, 0], offset: 1, itemsize: 1 }]] })
  })
})
