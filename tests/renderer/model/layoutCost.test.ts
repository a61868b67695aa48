// Layout costs against brute-force enumeration: every element's bytes listed,
// lines, pages, sectors and distinct bytes counted with plain Sets.
import { describe, expect, it } from 'vitest'
import { dimSteps, layoutCost } from '../../../src/renderer/src/model/layoutCost'
import { elementOffsets } from '../../../src/renderer/src/model/footprint'

/** A small deterministic generator (tests repeat exactly). */
function rng(seed: number): () => number {
  let s = seed >>> 0
  return () => { s = (s * 1664525 + 1013904223) >>> 0; return s / 2 ** 32 }
}

function brute(offsets: Float64Array, itemsize: number, address: number): { lines: number; pages: number; distinct: number; sectorsMean: number; sectorsWorst: number } {
  const lines = new Set<number>(), pages = new Set<number>(), bytes = new Set<number>()
  for (const off of offsets) for (let b = 0; b < itemsize; b++) {
    const a = address + off + b
    lines.add(Math.floor(a / 64)); pages.add(Math.floor(a / 4096)); bytes.add(a)
  }
  let total = 0, worst = 0, warps = 0
  for (let w = 0; w < offsets.length; w += 32) {
    const s = new Set<number>()
    for (let f = w; f < Math.min(offsets.length, w + 32); f++) for (let b = 0; b < itemsize; b++) s.add(Math.floor((address + offsets[f] + b) / 32))
    total += s.size; worst = Math.max(worst, s.size); warps++
  }
  return { lines: lines.size, pages: pages.size, distinct: bytes.size, sectorsMean: total / warps, sectorsWorst: worst }
}

describe('layout cost', () => {
  it('matches brute-force enumeration on random strided layouts (negative, zero and overlapping strides, odd alignment)', () => {
    const r = rng(7)
    for (let trial = 0; trial < 200; trial++) {
      const rank = 1 + Math.floor(r() * 4)
      const itemsize = [1, 2, 4, 8][Math.floor(r() * 4)]
      const shape = Array.from({ length: rank }, () => 1 + Math.floor(r() * 9))
      const byteStrides = shape.map(() => Math.floor((r() - 0.3) * 40) * (r() < 0.5 ? itemsize : 1))
      const address = 1 << 20 | Math.floor(r() * 8192)
      // Element 0 placed so the lowest byte stays at or above the address of the block.
      let low = 0
      shape.forEach((n, d) => { if (byteStrides[d] < 0) low += (n - 1) * byteStrides[d] })
      const base0 = -low
      const offs = elementOffsets({ shape, byteStrides }, 0)
      const got = layoutCost(offs, itemsize, BigInt(address + base0))
      const want = brute(offs, itemsize, address + base0)
      expect(got.layout.lines, `${shape} ${byteStrides}`).toBe(want.lines)
      expect(got.layout.pages).toBe(want.pages)
      expect(got.distinctBytes).toBe(want.distinct)
      expect(got.layout.lineUse).toBeCloseTo(want.distinct / (want.lines * 64), 12)
      expect(got.layout.sectorsPerWarp).toBeCloseTo(want.sectorsMean, 12)
      expect(got.layout.worstSectorsPerWarp).toBe(want.sectorsWorst)
      // The contiguous copy: the same elements packed from a page boundary.
      const packed = Float64Array.from(offs, (_, f) => f * itemsize)
      const c = brute(packed, itemsize, 0)
      expect(got.contiguous.lines).toBe(c.lines)
      expect(got.contiguous.pages).toBe(c.pages)
      expect(got.contiguous.sectorsPerWarp).toBeCloseTo(c.sectorsMean, 12)
    }
  })

  it('a channels_last walk touches the same lines as its copy but 8x the sectors per warp', () => {
    // float32 [2, 64, 8, 8] with channels_last strides (elements: 4096, 1, 512, 64).
    const shape = [2, 64, 8, 8]
    const offs = elementOffsets({ shape, byteStrides: [4096 * 4, 4, 512 * 4, 64 * 4] }, 0)
    const c = layoutCost(offs, 4, 0n)
    expect(c.layout.lines).toBe(c.contiguous.lines)
    expect(c.layout.lineUse).toBe(1)
    expect(c.contiguous.sectorsPerWarp).toBe(4)       // 32 floats = 128 B = 4 sectors
    expect(c.layout.sectorsPerWarp).toBe(32)          // each element 256 B from the next: its own sector
  })

  it('a step slice [::2] fetches every line but uses half of each', () => {
    const offs = elementOffsets({ shape: [1024], byteStrides: [8] }, 0)
    const c = layoutCost(offs, 4, 4096n)
    expect(c.layout.lines).toBe(128)
    expect(c.contiguous.lines).toBe(64)
    expect(c.layout.lineUse).toBe(0.5)
    expect(c.contiguous.lineUse).toBe(1)
  })
})

describe('which dim breaks contiguity', () => {
  it('a contiguous layout: every dim continues the run', () => {
    expect(dimSteps({ shape: [2, 3, 4], byteStrides: [48, 16, 4], itemsize: 4 }).every((d) => d.continues)).toBe(true)
  })
  it('permute(0, 2, 3, 1): the innermost dim breaks it, with the numbers', () => {
    // torch.arange(8*64*56*56.).reshape(8, 64, 56, 56).permute(0, 2, 3, 1): element strides (200704, 56, 1, 3136).
    const steps = dimSteps({ shape: [8, 56, 56, 64], byteStrides: [802816, 224, 4, 12544], itemsize: 4 })
    expect(steps.map((s) => s.continues)).toEqual([true, false, false, false])
    expect(steps[3].text).toBe('d3 breaks contiguity: a step moves +12544 B, a contiguous layout would move +4 B')
    expect(steps[2].text).toBe('d2 also breaks contiguity: a step moves +4 B, a contiguous layout would move +256 B')
  })
  it('size-1 dims never break it', () => {
    const steps = dimSteps({ shape: [1, 3], byteStrides: [999, 8], itemsize: 8 })
    expect(steps.map((s) => s.continues)).toEqual([true, true])
  })
})
