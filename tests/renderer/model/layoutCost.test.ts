// Layout costs against brute-force enumeration: every element's bytes listed,
// lines, pages, sectors and distinct bytes counted with plain Sets; at sizes
// too large for Sets (millions of elements), against a second method that lists
// every element's offset first and marks bytes, lines, pages and sectors in flat
// tables (the streaming walk lists nothing and skips the byte marks when the
// layout cannot overlap itself).
import { describe, expect, it } from 'vitest'
import { coalesce, dimSteps, layoutCost, provablyDisjoint } from '../../../src/renderer/src/model/layoutCost'
import { elementOffsets } from '../../../src/renderer/src/model/footprint'

function cost(shape: number[], byteStrides: number[], itemsize: number, address: number | bigint) {
  return layoutCost({ shape, byteStrides, itemsize, address: BigInt(address) })
}

/** The second method: offsets listed, then a byte table, a line table, a page table and a sector stamp per warp. */
function listed(offsets: Float64Array, itemsize: number, address: number): { lines: number; pages: number; distinct: number; sectorsMean: number; sectorsWorst: number } {
  let min = Infinity, max = -Infinity
  for (const o of offsets) { if (o < min) min = o; if (o > max) max = o }
  const lo = Math.floor((address + min) / 4096) * 4096
  const span = address + max + itemsize - lo
  const bytes = new Uint8Array(span), lineT = new Uint8Array(Math.ceil(span / 64)), pageT = new Uint8Array(Math.ceil(span / 4096))
  const stamp = new Int32Array(Math.ceil(span / 32))
  let distinct = 0, lines = 0, pages = 0, total = 0, worst = 0, warps = 0
  for (let w = 0; w < offsets.length; w += 32) {
    warps++
    let k = 0
    for (let f = w; f < Math.min(offsets.length, w + 32); f++) {
      const a = address + offsets[f] - lo
      for (let b = a; b < a + itemsize; b++) {
        if (!bytes[b]) { bytes[b] = 1; distinct++ }
        if (!lineT[b >> 6]) { lineT[b >> 6] = 1; lines++ }
        if (!pageT[b >> 12]) { pageT[b >> 12] = 1; pages++ }
        if (stamp[b >> 5] !== warps) { stamp[b >> 5] = warps; k++ }
      }
    }
    total += k; worst = Math.max(worst, k)
  }
  return { lines, pages, distinct, sectorsMean: total / warps, sectorsWorst: worst }
}

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
      const got = cost(shape, byteStrides, itemsize, address + base0)
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
    const c = cost(shape, [4096 * 4, 4, 512 * 4, 64 * 4], 4, 0)
    expect(c.layout.lines).toBe(c.contiguous.lines)
    expect(c.layout.lineUse).toBe(1)
    expect(c.contiguous.sectorsPerWarp).toBe(4)       // 32 floats = 128 B = 4 sectors
    expect(c.layout.sectorsPerWarp).toBe(32)          // each element 256 B from the next: its own sector
  })

  it('a step slice [::2] fetches every line but uses half of each', () => {
    const c = cost([1024], [8], 4, 4096)
    expect(c.layout.lines).toBe(128)
    expect(c.contiguous.lines).toBe(64)
    expect(c.layout.lineUse).toBe(0.5)
    expect(c.contiguous.lineUse).toBe(1)
  })
})

describe('layout cost at real sizes (millions of elements) against the listed-offsets method', () => {
  const cases: Array<{ what: string; shape: number[]; byteStrides: number[]; itemsize: number; address: number }> = [
    // torch.arange(8*64*56*56.).reshape(8, 64, 56, 56).permute(0, 2, 3, 1): 1.6M float32.
    { what: 'rank-4 permute(0, 2, 3, 1), 1.6M float32', shape: [8, 56, 56, 64], byteStrides: [802816, 224, 4, 12544], itemsize: 4, address: 4096 * 3 + 16 },
    { what: 'transpose of a 2048x2048 float64 (4.2M)', shape: [2048, 2048], byteStrides: [8, 16384], itemsize: 8, address: 8192 },
    { what: 'step slice [::3] of 15M int16 (5M)', shape: [5_000_000], byteStrides: [6], itemsize: 2, address: 4096 + 2 },
    { what: 'expand(1000, 4096) of 4096 float32 (stride 0, 4.1M)', shape: [1000, 4096], byteStrides: [0, 4], itemsize: 4, address: 64 * 5 },
    { what: 'overlapping as_strided windows, 4.2M float32', shape: [2048, 2048], byteStrides: [12, 4], itemsize: 4, address: 4 },
    { what: 'negative strides (flip) of a channels_last 4-D, 2.1M complex64', shape: [2, 64, 128, 128], byteStrides: [-8388608, -8, 65536, 512], itemsize: 8, address: 8388608 + 504 }
  ]
  for (const c of cases) {
    it(c.what, () => {
      let low = 0
      c.shape.forEach((n, d) => { if (c.byteStrides[d] < 0) low += (n - 1) * c.byteStrides[d] })
      const got = cost(c.shape, c.byteStrides, c.itemsize, c.address)
      const want = listed(elementOffsets(c, 0), c.itemsize, c.address)
      expect(low).toBeGreaterThanOrEqual(-c.address)
      expect(got.layout.lines).toBe(want.lines)
      expect(got.layout.pages).toBe(want.pages)
      expect(got.distinctBytes).toBe(want.distinct)
      expect(got.layout.sectorsPerWarp).toBeCloseTo(want.sectorsMean, 9)
      expect(got.layout.worstSectorsPerWarp).toBe(want.sectorsWorst)
    })
  }

  it('10M contiguous float32 and its [:, ::2] half: lines, pages and sectors by formula', () => {
    const n = 10_000_000
    const c = cost([n], [4], 4, 0)
    expect(c.layout.lines).toBe(Math.ceil(n * 4 / 64))
    expect(c.layout.pages).toBe(Math.ceil(n * 4 / 4096))
    expect(c.layout.lineUse).toBe(1)
    expect(c.layout.sectorsPerWarp).toBe(4)
    expect(c.contiguous.lines).toBe(c.layout.lines)
    const half = cost([5000, 1000], [8000, 8], 4, 0)   // every other float of 5000 rows of 2000
    expect(half.layout.lines).toBe(Math.ceil(n * 4 / 64))
    expect(half.layout.lineUse).toBe(0.5)
    expect(half.contiguous.lines).toBe(Math.ceil(n / 2 * 4 / 64))
    expect(half.layout.sectorsPerWarp).toBe(8)
  })

  it('dims merge when one continues the run inside it; disjointness is proved from the strides', () => {
    expect(coalesce([2, 1, 3, 4], [48, 999, 16, 4])).toEqual({ shape: [24], strides: [4] })
    expect(coalesce([8, 56, 56, 64], [802816, 224, 4, 12544])).toEqual({ shape: [8, 3136, 64], strides: [802816, 4, 12544] })
    expect(provablyDisjoint([8, 56, 56, 64], [802816, 224, 4, 12544], 4)).toBe(true)
    expect(provablyDisjoint([1000, 4096], [0, 4], 4)).toBe(false)
    expect(provablyDisjoint([2048, 2048], [12, 4], 4)).toBe(false)
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
