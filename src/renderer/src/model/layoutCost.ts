// What a layout costs when it is walked in logical (C) order: distinct 64 B
// cache lines and 4 KiB pages touched, the bytes used per line fetched, the
// same for its contiguous copy, and for CUDA the 32 B sectors a warp of 32
// consecutive logical elements touches (coalescing). Line and page boundaries
// come from the real address of element 0, so alignment counts.
//
// The walk streams over the logical order (an odometer over the outer dims, the
// innermost run in a tight loop) without listing the offsets, so objects of
// 10M elements and more are counted in one pass: lines and pages with a bitset
// over the touched range, distinct bytes only when the layout may overlap
// itself (else they are numel × itemsize), sectors per warp by sorting the few
// sector numbers of each warp. It runs in a Web Worker (layoutCost.worker.ts).
import { CACHE_LINE, PAGE, type StridedLike } from './wallShape'

export const SECTOR = 32
export const WARP = 32
/** Largest bitset the walk allocates (bits): beyond it a count is reported as unknown (NaN). */
export const MAX_BITS = 2 ** 30

export interface CostFigures {
  lines: number
  pages: number
  /** Distinct bytes read divided by the bytes of the lines fetched (1 = every fetched byte used; NaN unknown). */
  lineUse: number
  /** Mean and worst 32 B sectors per warp of 32 consecutive logical elements. */
  sectorsPerWarp: number
  worstSectorsPerWarp: number
}

export interface LayoutCost {
  elements: number
  /** NaN when the layout may overlap itself over a range too large to mark byte by byte. */
  distinctBytes: number
  layout: CostFigures
  contiguous: CostFigures
}

/** The walk: shape and byte strides in logical order, and element 0's address (its alignment places lines and pages). */
export interface StridedWalk {
  shape: readonly number[]
  byteStrides: readonly number[]
  itemsize: number
  address: bigint
}

export function layoutCost(w: StridedWalk): LayoutCost {
  let n = 1
  for (const s of w.shape) n *= s
  const misalign = Number(((w.address % BigInt(PAGE)) + BigInt(PAGE)) % BigInt(PAGE))
  const layout = figures(w.shape, w.byteStrides, w.itemsize, misalign)
  return { elements: n, distinctBytes: layout.distinctBytes, layout: layout.figures, contiguous: contiguousFigures(n, w.itemsize) }
}

/**
 * The contiguous copy, by formula: it starts on an allocator boundary (a page: lines and pages
 * align), every full warp spans 32 × itemsize bytes from a sector boundary, the last may be short.
 */
export function contiguousFigures(n: number, itemsize: number): CostFigures {
  if (n === 0) return EMPTY
  const bytes = n * itemsize
  const lines = Math.ceil(bytes / CACHE_LINE)
  const full = Math.floor(n / WARP), rest = n % WARP
  const fullSectors = (WARP * itemsize) / SECTOR, restSectors = Math.ceil((rest * itemsize) / SECTOR)
  const warps = full + (rest ? 1 : 0)
  return {
    lines, pages: Math.ceil(bytes / PAGE), lineUse: bytes / (lines * CACHE_LINE),
    sectorsPerWarp: (full * fullSectors + restSectors) / warps, worstSectorsPerWarp: full ? fullSectors : restSectors
  }
}

/** Drops size-1 dims and merges a dim into the one inside it when it continues its run (same walk, longer inner runs). */
export function coalesce(shape: readonly number[], strides: readonly number[]): { shape: number[]; strides: number[] } {
  const sh: number[] = [], st: number[] = []
  for (let d = 0; d < shape.length; d++) {
    if (shape[d] === 1) continue
    const k = sh.length - 1
    if (k >= 0 && st[k] === strides[d] * shape[d]) { sh[k] *= shape[d]; st[k] = strides[d] } else { sh.push(shape[d]); st.push(strides[d]) }
  }
  return { shape: sh, strides: st }
}

/** True when no two elements can share a byte (each dim, by stride, steps past everything inside it). */
export function provablyDisjoint(shape: readonly number[], strides: readonly number[], itemsize: number): boolean {
  const dims = shape.map((n, d) => ({ n, s: Math.abs(strides[d]) })).filter((x) => x.n > 1).sort((a, b) => a.s - b.s)
  let extent = itemsize
  for (const { n, s } of dims) {
    if (s < extent) return false
    extent += s * (n - 1)
  }
  return true
}

function gcd(a: number, b: number): number {
  a = Math.abs(a); b = Math.abs(b)
  while (b) [a, b] = [b, a % b]
  return a
}

class Bits {
  readonly words: Int32Array
  count = 0
  constructor(bits: number) { this.words = new Int32Array(Math.ceil(bits / 32) + 1) }
  /** Sets bits lo..hi (inclusive), counting the ones newly set. */
  range(lo: number, hi: number): void {
    for (let x = lo; x <= hi; x++) {
      const i = Math.floor(x / 32), bit = 1 << (x % 32)
      if (!(this.words[i] & bit)) { this.words[i] |= bit; this.count++ }
    }
  }
}

const EMPTY: CostFigures = { lines: 0, pages: 0, lineUse: 0, sectorsPerWarp: 0, worstSectorsPerWarp: 0 }

function figures(shape0: readonly number[], strides0: readonly number[], itemsize: number, misalign: number): { figures: CostFigures; distinctBytes: number } {
  let n = 1
  for (const s of shape0) n *= s
  if (n === 0) return { figures: EMPTY, distinctBytes: 0 }
  const { shape, strides } = coalesce(shape0, strides0)
  if (shape.length === 0) { shape.push(1); strides.push(itemsize) }
  const rank = shape.length
  let min = 0, max = 0
  for (let d = 0; d < rank; d++) { const e = (shape[d] - 1) * strides[d]; if (e < 0) min += e; else max += e }
  // Positions from the page boundary at or below the lowest byte touched: element 0 sits at `origin`.
  const shift = misalign + min
  const origin = misalign - Math.floor(shift / PAGE) * PAGE
  const top = origin + max + itemsize           // one past the highest byte, from the page boundary
  const lineBits = top / CACHE_LINE + 1, pageBits = top / PAGE + 1
  const lines = lineBits <= MAX_BITS ? new Bits(lineBits) : null
  const pages = pageBits <= MAX_BITS ? new Bits(pageBits) : null
  // Distinct bytes: numel × itemsize unless elements may share bytes; then a bit per unit (the gcd of
  // itemsize and strides: every element covers whole units) over the touched range.
  const disjoint = provablyDisjoint(shape, strides, itemsize)
  let unit = itemsize
  for (const s of strides) unit = gcd(unit, s)
  const unitBase = ((origin % unit) + unit) % unit
  const perElem = itemsize / unit
  const unitBits = top / unit + 1
  const units = !disjoint && unitBits <= MAX_BITS ? new Bits(unitBits) : null

  // Sectors per warp: each warp's elements as sector intervals (a contiguous stretch is one),
  // sorted when out of order, merged, and the sectors they cover counted.
  const starts = new Float64Array(WARP), ends = new Float64Array(WARP), order = Array.from({ length: WARP }, (_, i) => i)
  let wlen = 0, inOrder = true, warpFill = 0, warps = 0, sectorTotal = 0, worst = 0
  const closeWarp = (): void => {
    if (!inOrder) {
      const ix = order.slice(0, wlen).sort((x, y) => starts[x] - starts[y])
      const s2 = ix.map((i) => starts[i]), e2 = ix.map((i) => ends[i])
      for (let i = 0; i < wlen; i++) { starts[i] = s2[i]; ends[i] = e2[i] }
    }
    let k = 0, reach = -1
    for (let i = 0; i < wlen; i++) {
      const s0 = starts[i], s1 = ends[i]
      if (s0 > reach) { k += s1 - s0 + 1; reach = s1 } else if (s1 > reach) { k += s1 - reach; reach = s1 }
    }
    sectorTotal += k; warps++
    if (k > worst) worst = k
    wlen = 0; inOrder = true; warpFill = 0
  }

  let lastLine = -1, lastPage = -1
  const inner = shape[rank - 1], step = strides[rank - 1]
  // An inner run whose elements abut (either direction) is taken in stretches, up to the next warp boundary.
  const abut = Math.abs(step) === itemsize
  const idx = new Array<number>(rank).fill(0)
  let rowStart = origin
  for (;;) {
    let a = rowStart
    for (let i = 0; i < inner;) {
      const k = abut ? Math.min(inner - i, WARP - warpFill) : 1
      const lo = step < 0 ? a + (k - 1) * step : a
      const hi = lo + k * itemsize - 1
      if (lines) {
        const l0 = Math.floor(lo / CACHE_LINE), l1 = Math.floor(hi / CACHE_LINE)
        if (l0 !== lastLine || l1 !== lastLine) { lines.range(l0, l1); lastLine = step < 0 ? l0 : l1 }
      }
      if (pages) {
        const p0 = Math.floor(lo / PAGE), p1 = Math.floor(hi / PAGE)
        if (p0 !== lastPage || p1 !== lastPage) { pages.range(p0, p1); lastPage = step < 0 ? p0 : p1 }
      }
      if (units) { const u0 = (lo - unitBase) / unit; units.range(u0, u0 + k * perElem - 1) }
      const s0 = Math.floor(lo / SECTOR)
      if (wlen && s0 < starts[wlen - 1]) inOrder = false
      starts[wlen] = s0; ends[wlen] = Math.floor(hi / SECTOR); wlen++
      warpFill += k
      if (warpFill === WARP) closeWarp()
      i += k
      a += k * step
    }
    // Odometer over the outer dims.
    let d = rank - 2
    for (; d >= 0; d--) {
      idx[d]++
      rowStart += strides[d]
      if (idx[d] < shape[d]) break
      rowStart -= strides[d] * shape[d]
      idx[d] = 0
    }
    if (d < 0) break
  }
  if (warpFill) closeWarp()

  const distinct = disjoint ? n * itemsize : units ? units.count * unit : NaN
  const lineCount = lines ? lines.count : NaN
  return {
    figures: {
      lines: lineCount, pages: pages ? pages.count : NaN, lineUse: distinct / (lineCount * CACHE_LINE),
      sectorsPerWarp: sectorTotal / warps, worstSectorsPerWarp: worst
    },
    distinctBytes: distinct
  }
}

export interface DimStep {
  dim: number
  size: number
  strideBytes: number
  /** The stride that would continue the contiguous run of the dims inside it (C order). */
  contiguousBytes: number
  /** False when a step along this dim leaves the run: it breaks contiguity. */
  continues: boolean
  text: string
}

/** Per dim: does a step along it continue the C-order contiguous run of the dims inside it? */
export function dimSteps(o: StridedLike): DimStep[] {
  const out: DimStep[] = []
  let expected = o.itemsize
  let broken = false
  for (let d = o.shape.length - 1; d >= 0; d--) {
    const size = o.shape[d], s = o.byteStrides[d]
    const continues = size <= 1 || s === expected
    let text: string
    if (size <= 1) text = `d${d} has one element: it never moves`
    else if (continues) text = broken ? `d${d} steps +${s} B, as a contiguous layout would (an inner dim already broke the run)` : `d${d} continues the contiguous run (+${s} B per step)`
    else text = `d${d} ${broken ? 'also breaks' : 'breaks'} contiguity: a step moves ${s >= 0 ? '+' : '−'}${Math.abs(s)} B, a contiguous layout would move +${expected} B`
    out.unshift({ dim: d, size, strideBytes: s, contiguousBytes: expected, continues, text })
    if (!continues) broken = true
    expected *= Math.max(1, size)
  }
  return out
}
