// Per-cell facts and colours of the memory wall, against brute force.
import { describe, expect, it } from 'vitest'
import { cellColors, cellFacts, logicalT, rampBytes, wallColors } from '../../../src/renderer/src/model/cellFacts'
import { elementOffsets } from '../../../src/renderer/src/model/footprint'

describe('cell facts', () => {
  it('each cell of a permuted 4-D tensor holds the element whose offset is there', () => {
    const shape = [4, 3, 2, 5]
    // Contiguous (5, 3, 2, 4) float32 permuted (3, 1, 2, 0): byte strides of the view.
    const base = [24 * 4, 8 * 4, 4 * 4, 4]
    const perm = [3, 1, 2, 0]
    const byteStrides = perm.map((p) => base[p])
    const offs = elementOffsets({ shape, byteStrides }, 0)
    const f = cellFacts(120, 4, [{ offsets: offs, itemsize: 4 }], 0)
    for (let e = 0; e < 120; e++) expect(f.logical[offs[e] / 4]).toBe(e)
    expect(Array.from(f.count).every((c) => c === 1)).toBe(true)
  })

  it('counts references: an expanded view reaches each byte once per repeat; a sharer adds its own', () => {
    const row = elementOffsets({ shape: [4], byteStrides: [8] }, 0)
    const expanded = elementOffsets({ shape: [3, 4], byteStrides: [0, 8] }, 0)
    const f = cellFacts(4, 8, [{ offsets: row, itemsize: 8 }, { offsets: expanded, itemsize: 8 }], 1)
    expect(Array.from(f.selfCount)).toEqual([3, 3, 3, 3])
    expect(Array.from(f.count)).toEqual([4, 4, 4, 4])
    expect(Array.from(f.mask)).toEqual([3, 3, 3, 3])
    expect(Array.from(f.logical)).toEqual([0, 1, 2, 3])
  })

  it('gaps are the cells inside the selected extent it steps over', () => {
    const all = elementOffsets({ shape: [8], byteStrides: [4] }, 0)
    const step = elementOffsets({ shape: [3], byteStrides: [12] }, 4)
    const f = cellFacts(8, 4, [{ offsets: all, itemsize: 4 }, { offsets: step, itemsize: 4 }], 1)
    expect([f.lo, f.hi]).toEqual([1, 8])
    const rgba = cellColors(f, 4, 2, [3], { kind: 'flat' }, [[255, 0, 0], [0, 0, 255]], true)
    const px = (c: number): number[] => Array.from(rgba.subarray(c * 4, c * 4 + 3))
    const { gap } = wallColors(true)
    expect(px(1)).toEqual(rampBytes(0))
    expect(px(4)).toEqual(rampBytes(0.5))
    expect(px(7)).toEqual(rampBytes(1))
    expect(px(2)).toEqual(gap)
    expect(px(3)).toEqual(gap)
    expect(px(0)).not.toEqual(gap) // outside the extent: the other sharer's (dimmed) colour
  })

  it('colour by a dim: the coordinate along it', () => {
    const shape = [2, 3, 4]
    expect(logicalT(0, shape, { kind: 'dim', dim: 1 })).toBe(0)
    expect(logicalT(4, shape, { kind: 'dim', dim: 1 })).toBe(0.5)
    expect(logicalT(12 + 8 + 3, shape, { kind: 'dim', dim: 1 })).toBe(1)
    expect(logicalT(23, shape, { kind: 'flat' })).toBe(1)
    const offs = elementOffsets({ shape, byteStrides: [48, 16, 4] }, 0)
    const f = cellFacts(24, 4, [{ offsets: offs, itemsize: 4 }], 0)
    const rgba = cellColors(f, 24, 1, shape, { kind: 'dim', dim: 1 }, [], false)
    for (let e = 0; e < 24; e++) expect(Array.from(rgba.subarray(e * 4, e * 4 + 3))).toEqual(rampBytes(logicalT(e, shape, { kind: 'dim', dim: 1 })))
  })
})
