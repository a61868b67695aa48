// What a layout costs when it is walked in logical (C) order: distinct 64 B
// cache lines and 4 KiB pages touched, the bytes used per line fetched, the
// same for its contiguous copy, and for CUDA the 32 B sectors a warp of 32
// consecutive logical elements touches (coalescing). Line and page boundaries
// come from the real address of element 0, so alignment counts.
import { CACHE_LINE, PAGE, type StridedLike } from './wallShape'

export const SECTOR = 32
export const WARP = 32

export interface CostFigures {
  lines: number
  pages: number
  /** Distinct bytes read divided by the bytes of the lines fetched (1 = every fetched byte used). */
  lineUse: number
  /** Mean and worst 32 B sectors per warp of 32 consecutive logical elements. */
  sectorsPerWarp: number
  worstSectorsPerWarp: number
}

export interface LayoutCost {
  elements: number
  distinctBytes: number
  layout: CostFigures
  contiguous: CostFigures
}

/**
 * `offsets`: byte offset of every element from element 0's address (C order),
 * `address`: element 0's address (its alignment decides where lines and pages begin).
 */
export function layoutCost(offsets: Float64Array, itemsize: number, address: bigint): LayoutCost {
  const n = offsets.length
  const contiguousOffsets = new Float64Array(n)
  for (let f = 0; f < n; f++) contiguousOffsets[f] = f * itemsize
  // A fresh contiguous copy starts on an allocator boundary (a page here: lines and pages both align).
  const layout = figures(offsets, itemsize, Number(((address % BigInt(PAGE)) + BigInt(PAGE)) % BigInt(PAGE)))
  const contiguous = figures(contiguousOffsets, itemsize, 0)
  return { elements: n, distinctBytes: layout.distinctBytes, layout: layout.figures, contiguous: contiguous.figures }
}

function figures(offsets: Float64Array, itemsize: number, misalign: number): { figures: CostFigures; distinctBytes: number } {
  const n = offsets.length
  if (n === 0) return { figures: { lines: 0, pages: 0, lineUse: 0, sectorsPerWarp: 0, worstSectorsPerWarp: 0 }, distinctBytes: 0 }
  let min = Infinity, max = -Infinity
  for (let f = 0; f < n; f++) { if (offsets[f] < min) min = offsets[f]; if (offsets[f] > max) max = offsets[f] }
  // Positions from the page boundary at or below the lowest byte touched.
  const shift = misalign + min
  const low = Math.floor(shift / PAGE) * PAGE
  const rel = (f: number): number => offsets[f] - min + (shift - low)
  const span = max - min + itemsize + (shift - low)
  const lineBits = new Uint8Array(Math.ceil(span / CACHE_LINE) + 1)
  const pageBits = new Uint8Array(Math.ceil(span / PAGE) + 1)
  // Distinct bytes: a bit per byte of the span (elements may overlap: stride 0, overlapping windows).
  const byteBits = new Uint32Array(Math.ceil(span / 32) + 1)
  let lines = 0, pages = 0, distinct = 0
  for (let f = 0; f < n; f++) {
    const a = rel(f), b = a + itemsize - 1
    for (let l = Math.floor(a / CACHE_LINE); l <= Math.floor(b / CACHE_LINE); l++) if (!lineBits[l]) { lineBits[l] = 1; lines++ }
    for (let p = Math.floor(a / PAGE); p <= Math.floor(b / PAGE); p++) if (!pageBits[p]) { pageBits[p] = 1; pages++ }
    for (let x = a; x <= b; x++) {
      const w = x >>> 5, bit = 1 << (x & 31)
      if (!(byteBits[w] & bit)) { byteBits[w] |= bit; distinct++ }
    }
  }
  // Sectors per warp: distinct 32 B sectors among the bytes of 32 consecutive logical elements,
  // counted with a stamp per sector (the warp that last saw it) so the pass stays linear.
  let warps = 0, total = 0, worst = 0
  const stamp = new Int32Array(Math.ceil(span / SECTOR) + 1)
  for (let w0 = 0; w0 < n; w0 += WARP) {
    const id = ++warps
    let k = 0
    for (let f = w0; f < Math.min(n, w0 + WARP); f++) {
      const a = rel(f)
      for (let s = Math.floor(a / SECTOR); s <= Math.floor((a + itemsize - 1) / SECTOR); s++) if (stamp[s] !== id) { stamp[s] = id; k++ }
    }
    total += k
    worst = Math.max(worst, k)
  }
  return {
    figures: { lines, pages, lineUse: distinct / (lines * CACHE_LINE), sectorsPerWarp: total / warps, worstSectorsPerWarp: worst },
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
