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

describe('value diff (what a write changed)', () => {
  it('lists changed elements in C order; NaN stays NaN unchanged', async () => {
    const { changedIndices } = await import('../../../src/renderer/src/model/valueDiff')
    expect(changedIndices([0, 1, NaN, 3, 4], [0, 9, NaN, 3, -4])).toEqual([1, 4])
    expect(changedIndices([1, 2], [1, 2, 3])).toEqual([])
    expect(changedIndices([0, 0, 0], [1, 1, 1], 2)).toEqual([0, 1])
  })
})

describe('sharer outline colours', () => {
  // Machado, Oliveira & Fernandes (2009) full-severity simulation matrices, on linear RGB.
  const CVD: Record<string, number[][]> = {
    protanopia: [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]],
    deuteranopia: [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.011820, 0.042940, 0.968881]],
    tritanopia: [[1.255528, -0.076749, -0.178779], [-0.078411, 0.930809, 0.147602], [0.004733, 0.691367, 0.303900]],
    'normal vision': [[1, 0, 0], [0, 1, 0], [0, 0, 1]]
  }
  const lin = (c: number): number => { c /= 255; return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4 }
  const enc = (c: number): number => 255 * (c <= 0.0031308 ? 12.92 * c : 1.055 * c ** (1 / 2.4) - 0.055)

  for (const dark of [true, false]) {
    for (const [name, m] of Object.entries(CVD)) {
      it(`stay apart under ${name} (${dark ? 'dark' : 'light'} theme), and apart from the wall's own colours`, async () => {
        const { sharerColor, hexRgb } = await import('../../../src/renderer/src/model/cellFacts')
        const sim = (rgb: number[]): number[] => { const l = rgb.map(lin); return m.map((r) => enc(Math.min(1, Math.max(0, r[0] * l[0] + r[1] * l[1] + r[2] * l[2])))) }
        const colours = Array.from({ length: 8 }, (_, j) => sim(hexRgb(sharerColor(j, dark))))
        const dist = (a: number[], b: number[]): number => Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2])
        for (let i = 0; i < colours.length; i++) for (let j = i + 1; j < colours.length; j++) expect(dist(colours[i], colours[j])).toBeGreaterThan(25)
        const { gap, free, empty } = wallColors(dark)
        for (const c of colours) for (const w of [gap, free, empty]) expect(dist(c, sim(w))).toBeGreaterThan(25)
      })
    }
  }
})
