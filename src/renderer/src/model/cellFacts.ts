// What each memory cell holds, for the wall: the logical position (C-order
// flat index) of the selected object's element stored there, how many times
// all sharers reach it, which sharers reach it, and the colour that follows.
// Pure and linear in the number of elements, so 1.6M elements stay cheap.
import { ramp } from './colormap'

export interface FactObject {
  offsets: Float64Array   // byte offset of each element from the block base, C order
  itemsize: number
  /** Known from the strides: element f sits at offsets[0] + f × itemsize (C-contiguous), so the offsets need no reading. */
  contiguous?: boolean
}

/** Whether byte strides put element f at element 0 + f × itemsize (C order; dims of one element have any stride). */
export function cContiguous(shape: readonly number[], byteStrides: readonly number[], itemsize: number): boolean {
  let want = itemsize
  for (let d = shape.length - 1; d >= 0; d--) {
    if (shape[d] === 0) return true
    if (shape[d] !== 1 && byteStrides[d] !== want) return false
    want *= shape[d]
  }
  return true
}

export interface CellFacts {
  cells: number
  cellBytes: number
  /** Smallest flat index of the selected object with a byte in the cell; -1 for none. */
  logical: Int32Array
  /** References to the cell by every sharer's elements together (stride 0 and overlapping views count each time). */
  count: Uint16Array
  /** References by the selected object alone. */
  selfCount: Uint16Array
  /** Bit j: sharer j (first 8) reaches the cell. */
  mask: Uint8Array
  /** The selected object's extent in cells [lo, hi): cells inside it it does not reach are its gaps. */
  lo: number
  hi: number
  /**
   * True when the selected object's elements lie one per cell, in C order, from cell `lo`
   * (logical[c] = c - lo on [lo, hi), each reached once): the wall is coloured in runs.
   */
  dense: boolean
}

export function cellFacts(cells: number, cellBytes: number, objects: readonly FactObject[], selected: number): CellFacts {
  // Only the selected object writes it: -1 is filled where it does not (see below), not first everywhere.
  const logical = new Int32Array(cells)
  let logicalSet = false
  const count = new Uint16Array(cells)
  const selfCount = new Uint16Array(cells)
  const mask = new Uint8Array(cells)
  let lo = cells, hi = 0
  let dense = false
  // Whether an earlier object reached any cell yet (until one has, count and mask are all zero).
  let reached = false
  for (let j = 0; j < objects.length; j++) {
    const o = objects[j]
    const bit = j < 8 ? 1 << j : 0
    const mine = j === selected
    const offs = o.offsets
    const first = denseFirstCell(offs, o.itemsize, cellBytes, cells, o.contiguous)
    if (first >= 0) {
      // Element f is cell first + f, each reached once: no offsets to read, no division;
      // a run of cells nothing has reached yet is filled whole.
      const end = first + offs.length
      if (!reached) {
        count.fill(1, first, end)
        mask.fill(bit, first, end)
      } else {
        for (let c = first; c < end; c++) {
          if (count[c] !== 65535) count[c]++
          mask[c] |= bit
        }
      }
      reached = true
      if (mine && end > first) {
        // Only the selected object writes these, once per cell.
        selfCount.fill(1, first, end)
        logical.fill(-1, 0, first)
        for (let c = first; c < end; c++) logical[c] = c - first
        logical.fill(-1, end)
        logicalSet = true
        lo = first
        hi = end
        dense = true
      }
      continue
    }
    reached = true
    if (mine) {
      logical.fill(-1)
      logicalSet = true
    }
    for (let f = 0; f < offs.length; f++) {
      const firstCell = Math.max(0, Math.floor(offs[f] / cellBytes))
      const last = Math.min(cells - 1, Math.floor((offs[f] + o.itemsize - 1) / cellBytes))
      for (let c = firstCell; c <= last; c++) {
        if (count[c] < 65535) count[c]++
        mask[c] |= bit
        if (mine) {
          if (selfCount[c] < 65535) selfCount[c]++
          if (logical[c] < 0) logical[c] = f // elements come in C order: the first one is the smallest
          if (c < lo) lo = c
          if (c + 1 > hi) hi = c + 1
        }
      }
    }
  }
  if (!logicalSet) logical.fill(-1)
  if (lo > hi) { lo = 0; hi = 0 }
  return { cells, cellBytes, logical, count, selfCount, mask, lo, hi, dense }
}

/**
 * The cell of element 0 when element f lies exactly in cell (that + f) for every f: one
 * element per cell, consecutive from an aligned start, inside the wall (a C-contiguous
 * object on a wall of its own itemsize, the common case); else -1.
 */
export function denseFirstCell(offs: Float64Array, itemsize: number, cellBytes: number, cells: number, contiguous = false): number {
  const n = offs.length
  if (n === 0 || itemsize !== cellBytes) return -1
  const base = offs[0]
  const first = base / cellBytes
  if (!Number.isInteger(first) || first < 0 || first + n > cells) return -1
  if (!contiguous) for (let f = 1; f < n; f++) if (offs[f] !== base + f * itemsize) return -1
  return first
}

/** How cells are coloured: by flat logical index, or by the coordinate along one dim. */
export type ColorBy = { kind: 'flat' } | { kind: 'dim'; dim: number }

/** Position on the colour ramp (0..1) of flat index f of an object of this shape. */
export function logicalT(f: number, shape: readonly number[], by: ColorBy): number {
  let numel = 1
  for (const n of shape) numel *= n
  if (by.kind === 'flat' || by.dim >= shape.length) return numel > 1 ? f / (numel - 1) : 0.5
  let inner = 1
  for (let k = by.dim + 1; k < shape.length; k++) inner *= shape[k]
  const n = shape[by.dim]
  const coord = Math.floor(f / inner) % n
  return n > 1 ? coord / (n - 1) : 0.5
}

/** Colours of the wall's cell kinds, per theme. Gaps are neutral; no hue competes with the ramp. */
export function wallColors(dark: boolean): { gap: [number, number, number]; free: [number, number, number]; empty: [number, number, number] } {
  return dark
    ? { gap: [0x6b, 0x6f, 0x76], free: [0x2a, 0x2e, 0x35], empty: [0x15, 0x18, 0x1d] }
    : { gap: [0xb4, 0xb8, 0xbe], free: [0xdc, 0xdf, 0xe4], empty: [0xf4, 0xf5, 0xf7] }
}

/**
 * RGBA8 per cell, row-major from the top-left (cols × rows, padding cells past
 * the end in the empty colour): the selected object's cells on the ramp by
 * logical position; cells it steps over inside its extent (gaps) neutral grey;
 * other sharers' cells in their own colour, dimmed; the rest of the block plain.
 * Alpha is 128 where the selected object reaches the cell more than once, else 255.
 */
export function cellColors(facts: CellFacts, cols: number, rows: number, shape: readonly number[], by: ColorBy,
  sharerColors: ReadonlyArray<[number, number, number]>, dark: boolean): Uint8Array {
  const out = new Uint8Array(cols * rows * 4)
  // One 32-bit write per cell (RGBA bytes, little-endian as every platform the app runs on).
  const out32 = new Uint32Array(out.buffer)
  const { gap, free, empty } = wallColors(dark)
  const opaque = (c: readonly number[]): number => (c[0] | (c[1] << 8) | (c[2] << 16) | (255 << 24)) >>> 0
  const gap32 = opaque(gap), free32 = opaque(free)
  // Other sharers: their own colour, dimmed towards the plain one so the selected object stays the brightest thing on the wall.
  const dimmed = new Uint32Array(8)
  for (let j = 0; j < 8; j++) {
    const s = sharerColors[j] ?? free
    dimmed[j] = opaque([0, 1, 2].map((k) => Math.round(s[k] * 0.45 + free[k] * 0.55)))
  }
  let numel = 1
  for (const n of shape) numel *= n
  // Precomputed for the dim mode: coordinate = floor(f / inner) % n.
  let inner = 1
  const dim = by.kind === 'dim' && by.dim < shape.length ? by.dim : -1
  const dimN = dim >= 0 ? shape[dim] : 0
  if (dimN) for (let k = dim + 1; k < shape.length; k++) inner *= shape[k]
  const scale = dimN ? (dimN > 1 ? 1 / (dimN - 1) : 0) : numel > 1 ? 1 / (numel - 1) : 0
  const { logical, selfCount, mask, lo, hi } = facts
  const cells = Math.min(facts.cells, cols * rows)
  // One element per cell from lo, by flat index: the ramp's steps are runs of cells, each filled whole.
  const runs = facts.dense && !dimN && numel > 1 && hi <= cells
  if (runs) fillRamp(out32, lo, hi - lo, scale)
  for (let c = 0; c < cells; c++) {
    if (runs && c === lo) { c = hi - 1; continue }
    const f = logical[c]
    let rgba: number
    if (f >= 0) {
      const t = dimN ? (dimN > 1 ? (Math.floor(f / inner) % dimN) * scale : 0.5) : numel > 1 ? f * scale : 0.5
      rgba = LUT32[lutStep(t)]
    } else if (c >= lo && c < hi) rgba = gap32
    else if (mask[c]) rgba = dimmed[31 - Math.clz32(mask[c] & -mask[c])]
    else rgba = free32
    // Alpha marks bytes the selected object reaches more than once (the wall hatches them).
    out32[c] = selfCount[c] > 1 ? (rgba & 0x00ffffff) | (128 << 24) : rgba
  }
  if (cells < cols * rows) out32.fill(opaque(empty), cells)
  return out
}

/**
 * Cells at..at+n-1 hold flat indices 0..n-1 (each once): their ramp colours, the same a
 * cell-by-cell lutStep(f * scale) gives, written as one fill per ramp step (the step of
 * f never decreases, so each step's cells are one run; its end is estimated, then checked).
 */
function fillRamp(out32: Uint32Array, at: number, n: number, scale: number): void {
  let f = 0
  while (f < n) {
    const k = lutStep(f * scale)
    // The first f past this step: about where f * scale crosses the step's upper half, then exact.
    let e = Math.min(n, Math.max(f + 1, Math.ceil((k + 0.5) / (LUT_SIZE - 1) / scale)))
    while (e > f + 1 && lutStep((e - 1) * scale) > k) e--
    while (e < n && lutStep(e * scale) === k) e++
    out32.fill(LUT32[k], at + f, at + e)
    f = e
  }
}

/**
 * The shader's per-cell facts, RGBA8 per cell (cols × rows): which sharers reach the
 * cell (bit mask), how often all of them do and how often the selected one does
 * (each up to 255); alpha 0, left for the write flash.
 */
export function cellInfo(facts: CellFacts, cols: number, rows: number): Uint8Array {
  const out = new Uint8Array(cols * rows * 4)
  const out32 = new Uint32Array(out.buffer)
  const { mask, count, selfCount } = facts
  const cells = Math.min(facts.cells, cols * rows)
  for (let c = 0; c < cells; c++) {
    const n = count[c], s = selfCount[c]
    out32[c] = mask[c] | ((n < 255 ? n : 255) << 8) | ((s < 255 ? s : 255) << 16)
  }
  return out
}

/** The ramp in bytes at LUT_SIZE steps: a cell's colour is a table lookup (1.6M cells stay cheap). */
const LUT_SIZE = 4096
const LUT = (() => {
  const out = new Uint8Array(LUT_SIZE * 3)
  const rgb: [number, number, number] = [0, 0, 0]
  for (let i = 0; i < LUT_SIZE; i++) {
    ramp(i / (LUT_SIZE - 1), rgb)
    out[i * 3] = Math.round(rgb[0] * 255); out[i * 3 + 1] = Math.round(rgb[1] * 255); out[i * 3 + 2] = Math.round(rgb[2] * 255)
  }
  return out
})()
/** The same table as opaque RGBA words, one per step. */
const LUT32 = (() => {
  const out = new Uint32Array(LUT_SIZE)
  for (let i = 0; i < LUT_SIZE; i++) out[i] = (LUT[i * 3] | (LUT[i * 3 + 1] << 8) | (LUT[i * 3 + 2] << 16) | (255 << 24)) >>> 0
  return out
})()

/** The table step of ramp position t (0..1, clamped). */
function lutStep(t: number): number {
  return Math.round(Math.min(1, Math.max(0, t)) * (LUT_SIZE - 1))
}

/** The ramp colour (0..255) a cell of logical position t gets: what tests compare canvas pixels with. */
export function rampBytes(t: number): [number, number, number] {
  const i = lutStep(t) * 3
  return [LUT[i], LUT[i + 1], LUT[i + 2]]
}

/**
 * Sharer outline colours: the Okabe–Ito palette (distinct under the common
 * colour-vision deficiencies), minus its black, with white/black per theme last.
 */
export const SHARER_PALETTE = ['#E69F00', '#56B4E9', '#009E73', '#F0E442', '#0072B2', '#D55E00', '#CC79A7']

export function sharerColor(j: number, dark: boolean): string {
  return j < SHARER_PALETTE.length ? SHARER_PALETTE[j] : dark ? '#ffffff' : '#000000'
}

export function hexRgb(hex: string): [number, number, number] {
  const v = parseInt(hex.slice(1), 16)
  return [(v >> 16) & 255, (v >> 8) & 255, v & 255]
}
