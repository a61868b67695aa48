// Per-cell facts and colours of the memory wall, against brute force.
import { describe, expect, it } from 'vitest'
import { cContiguous, cellColors, cellFacts, cellInfo, denseFirstCell, logicalT, rampBytes, wallColors } from '../../../src/renderer/src/model/cellFacts'
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

/** Every fact the slow way: each byte of each element marks its cell. */
function bruteFacts(cells: number, cellBytes: number, objects: Array<{ offsets: Float64Array; itemsize: number }>, selected: number) {
  const logical = new Array<number>(cells).fill(-1), count = new Array<number>(cells).fill(0), self = new Array<number>(cells).fill(0), mask = new Array<number>(cells).fill(0)
  objects.forEach((o, j) => {
    o.offsets.forEach((off, f) => {
      const seen = new Set<number>()
      for (let b = off; b < off + o.itemsize; b++) {
        const c = Math.floor(b / cellBytes)
        if (c < 0 || c >= cells || seen.has(c)) continue
        seen.add(c)
        count[c]++
        mask[c] |= j < 8 ? 1 << j : 0
        if (j === selected) { self[c]++; if (logical[c] < 0) logical[c] = f }
      }
    })
  })
  return { logical, count, self, mask }
}

describe('cell facts: consecutive elements take the direct path, with the same facts', () => {
  const cases: Array<[string, number, number, Array<{ offsets: Float64Array; itemsize: number }>, number]> = [
    ['a contiguous object filling the wall', 12, 8, [{ offsets: elementOffsets({ shape: [3, 4], byteStrides: [32, 8] }, 0), itemsize: 8 }], 0],
    ['a contiguous row inside a larger block, under a sharer', 16, 4,
      [{ offsets: elementOffsets({ shape: [16], byteStrides: [4] }, 0), itemsize: 4 }, { offsets: elementOffsets({ shape: [5], byteStrides: [4] }, 20), itemsize: 4 }], 1],
    ['an unaligned start (falls back)', 10, 4, [{ offsets: elementOffsets({ shape: [4], byteStrides: [4] }, 2), itemsize: 4 }], 0],
    ['cells wider than an element (falls back)', 4, 8, [{ offsets: elementOffsets({ shape: [8], byteStrides: [4] }, 0), itemsize: 4 }], 0],
    ['a transposed view (not consecutive)', 6, 4, [{ offsets: elementOffsets({ shape: [3, 2], byteStrides: [4, 12] }, 0), itemsize: 4 }], 0],
    ['running past the wall (falls back, clamped)', 3, 4, [{ offsets: elementOffsets({ shape: [5], byteStrides: [4] }, 0), itemsize: 4 }], 0]
  ]
  for (const [name, cells, cellBytes, objects, selected] of cases) {
    it(name, () => {
      const f = cellFacts(cells, cellBytes, objects, selected)
      const b = bruteFacts(cells, cellBytes, objects, selected)
      expect(Array.from(f.logical)).toEqual(b.logical)
      expect(Array.from(f.count)).toEqual(b.count)
      expect(Array.from(f.selfCount)).toEqual(b.self)
      expect(Array.from(f.mask)).toEqual(b.mask)
      const reached = b.self.map((n, c) => (n > 0 ? c : -1)).filter((c) => c >= 0)
      expect([f.lo, f.hi]).toEqual(reached.length ? [reached[0], reached[reached.length - 1] + 1] : [0, 0])
    })
  }

  it('cContiguous says what reading the offsets says: each element the next item', () => {
    const layouts: Array<[number[], number[], number]> = [
      [[3, 4], [32, 8], 8], [[3, 4], [8, 24], 8], [[2, 1, 5], [20, 999, 4], 4], [[2, 1, 5], [20, 4, 4], 4], [[4], [0], 8],
      [[1], [0], 8], [[], [], 8], [[2, 3], [-12, 4], 4], [[0, 3], [0, 4], 4], [[5, 2], [4, 2], 2], [[5, 2], [6, 2], 2]
    ]
    for (const [shape, byteStrides, itemsize] of layouts) {
      const offs = elementOffsets({ shape, byteStrides }, 0)
      const consecutive = offs.every((o, f) => o === f * itemsize)
      expect([shape, byteStrides, cContiguous(shape, byteStrides, itemsize)]).toEqual([shape, byteStrides, consecutive])
    }
  })

  it('a contiguous hint gives the facts reading the offsets gives', () => {
    const objects = [{ offsets: elementOffsets({ shape: [16], byteStrides: [4] }, 0), itemsize: 4 }, { offsets: elementOffsets({ shape: [5], byteStrides: [4] }, 20), itemsize: 4 }]
    const read = cellFacts(16, 4, objects, 1)
    const hinted = cellFacts(16, 4, objects.map((o) => ({ ...o, contiguous: true })), 1)
    expect(hinted).toEqual(read)
    expect(read.dense).toBe(true)
  })

  it('denseFirstCell: the first cell only when every element is the next whole cell', () => {
    expect(denseFirstCell(new Float64Array([16, 24, 32]), 8, 8, 10)).toBe(2)
    expect(denseFirstCell(new Float64Array([16, 32, 24]), 8, 8, 10)).toBe(-1)
    expect(denseFirstCell(new Float64Array([12, 20]), 8, 8, 10)).toBe(-1)
    expect(denseFirstCell(new Float64Array([64, 72]), 8, 8, 9)).toBe(-1) // cell 9 is past the wall
    expect(denseFirstCell(new Float64Array([0, 4]), 4, 8, 10)).toBe(-1)
    expect(denseFirstCell(new Float64Array([]), 8, 8, 10)).toBe(-1)
  })
})

describe('cell colours and info, against each cell worked out alone', () => {
  it('every kind of cell: ramp, repeated (alpha 128), gap, other sharer dimmed, plain, padding', () => {
    // A block of 12 4-byte cells: sharer 0 reaches all of it; the selected (1) steps by 2 cells from cell 1,
    // with one element repeated (stride 0 along its first dim).
    const all = { offsets: elementOffsets({ shape: [10], byteStrides: [4] }, 0), itemsize: 4 }
    const sel = { offsets: elementOffsets({ shape: [2, 3], byteStrides: [0, 8] }, 4), itemsize: 4 }
    const f = cellFacts(12, 4, [all, sel], 1)
    const palette: Array<[number, number, number]> = [[230, 159, 0], [86, 180, 233]]
    for (const dark of [false, true]) {
      const rgba = cellColors(f, 5, 3, [2, 3], { kind: 'flat' }, palette, dark)
      const { gap, free, empty } = wallColors(dark)
      for (let c = 0; c < 15; c++) {
        let want: number[]
        let alpha = 255
        if (c >= 12) want = empty
        else if (f.logical[c] >= 0) want = rampBytes(logicalT(f.logical[c], [2, 3], { kind: 'flat' }))
        else if (c >= f.lo && c < f.hi) want = gap
        else if (f.mask[c]) want = [0, 1, 2].map((k) => Math.round(palette[0][k] * 0.45 + free[k] * 0.55))
        else want = free
        if (c < 12 && f.selfCount[c] > 1) alpha = 128
        expect(Array.from(rgba.subarray(c * 4, c * 4 + 4))).toEqual([...want, alpha])
      }
      const info = cellInfo(f, 5, 3)
      for (let c = 0; c < 15; c++) {
        const want = c < 12 ? [f.mask[c], Math.min(255, f.count[c]), Math.min(255, f.selfCount[c]), 0] : [0, 0, 0, 0]
        expect(Array.from(info.subarray(c * 4, c * 4 + 4))).toEqual(want)
      }
    }
    expect(f.selfCount[3]).toBe(2) // the repeated element is there
  })

  it('a dense selection is coloured in runs, each cell as cell by cell (sizes around the ramp steps, after a sharer)', () => {
    for (const n of [2, 3, 4095, 4096, 4097, 10_007, 250_001]) {
      const before = 3
      const sharer = { offsets: elementOffsets({ shape: [before], byteStrides: [8] }, 0), itemsize: 8 }
      const sel = { offsets: elementOffsets({ shape: [n], byteStrides: [8] }, before * 8), itemsize: 8 }
      const f = cellFacts(before + n + 2, 8, [sharer, sel], 1)
      expect(f.dense).toBe(true)
      const palette: Array<[number, number, number]> = [[230, 159, 0], [86, 180, 233]]
      const rgba = cellColors(f, before + n + 2, 1, [n], { kind: 'flat' }, palette, true)
      // The same facts, not marked dense: coloured cell by cell.
      const each = cellColors({ ...f, dense: false }, before + n + 2, 1, [n], { kind: 'flat' }, palette, true)
      const differs = rgba.findIndex((v, i) => v !== each[i])
      expect(differs).toBe(-1)
      // Spot checks against the ramp itself.
      expect(Array.from(rgba.subarray(before * 4, before * 4 + 4))).toEqual([...rampBytes(0), 255])
      expect(Array.from(rgba.subarray((before + n - 1) * 4, (before + n) * 4))).toEqual([...rampBytes(1), 255])
      const { free } = wallColors(true)
      expect(Array.from(rgba.subarray((before + n) * 4, (before + n) * 4 + 3))).toEqual(free)
    }
  })

  it('counts above 255 are capped in the info texture', () => {
    const offs = new Float64Array(300).fill(0)
    const f = cellFacts(1, 8, [{ offsets: offs, itemsize: 8 }], 0)
    expect(Array.from(cellInfo(f, 1, 1))).toEqual([1, 255, 255, 0])
  })
})
