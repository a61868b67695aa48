// What each memory cell holds, for the wall: the logical position (C-order
// flat index) of the selected object's element stored there, how many times
// all sharers reach it, which sharers reach it, and the colour that follows.
// Pure and linear in the number of elements, so 1.6M elements stay cheap.
import { ramp } from './colormap'

export interface FactObject {
  offsets: Float64Array   // byte offset of each element from the block base, C order
  itemsize: number
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
}

export function cellFacts(cells: number, cellBytes: number, objects: readonly FactObject[], selected: number): CellFacts {
  const logical = new Int32Array(cells).fill(-1)
  const count = new Uint16Array(cells)
  const selfCount = new Uint16Array(cells)
  const mask = new Uint8Array(cells)
  let lo = cells, hi = 0
  objects.forEach((o, j) => {
    const bit = j < 8 ? 1 << j : 0
    const offs = o.offsets
    const mine = j === selected
    for (let f = 0; f < offs.length; f++) {
      const first = Math.max(0, Math.floor(offs[f] / cellBytes))
      const last = Math.min(cells - 1, Math.floor((offs[f] + o.itemsize - 1) / cellBytes))
      for (let c = first; c <= last; c++) {
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
  })
  if (lo > hi) { lo = 0; hi = 0 }
  return { cells, cellBytes, logical, count, selfCount, mask, lo, hi }
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
  const { gap, free, empty } = wallColors(dark)
  let numel = 1
  for (const n of shape) numel *= n
  // Precomputed for the dim mode: coordinate = floor(f / inner) % n.
  let inner = 1
  const dim = by.kind === 'dim' && by.dim < shape.length ? by.dim : -1
  const dimN = dim >= 0 ? shape[dim] : 0
  if (dimN) for (let k = dim + 1; k < shape.length; k++) inner *= shape[k]
  const scale = dimN ? (dimN > 1 ? 1 / (dimN - 1) : 0) : numel > 1 ? 1 / (numel - 1) : 0
  for (let c = 0; c < cols * rows; c++) {
    const o = c * 4
    // Alpha marks bytes the selected object reaches more than once (the wall hatches them).
    out[o + 3] = c < facts.cells && facts.selfCount[c] > 1 ? 128 : 255
    let col: readonly number[]
    if (c >= facts.cells) col = empty
    else if (facts.logical[c] >= 0) {
      const f = facts.logical[c]
      const t = dimN ? (dimN > 1 ? (Math.floor(f / inner) % dimN) * scale : 0.5) : numel > 1 ? f * scale : 0.5
      const i = lutIndex(t)
      out[o] = LUT[i]; out[o + 1] = LUT[i + 1]; out[o + 2] = LUT[i + 2]
      continue
    } else if (c >= facts.lo && c < facts.hi) col = gap
    else if (facts.mask[c]) {
      const j = 31 - Math.clz32(facts.mask[c] & -facts.mask[c])
      const s = sharerColors[j] ?? free
      // Dimmed towards the plain colour so the selected object stays the brightest thing on the wall.
      out[o] = Math.round(s[0] * 0.45 + free[0] * 0.55); out[o + 1] = Math.round(s[1] * 0.45 + free[1] * 0.55); out[o + 2] = Math.round(s[2] * 0.45 + free[2] * 0.55)
      continue
    } else col = free
    out[o] = col[0]; out[o + 1] = col[1]; out[o + 2] = col[2]
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

function lutIndex(t: number): number {
  return Math.round(Math.min(1, Math.max(0, t)) * (LUT_SIZE - 1)) * 3
}

/** The ramp colour (0..255) a cell of logical position t gets: what tests compare canvas pixels with. */
export function rampBytes(t: number): [number, number, number] {
  const i = lutIndex(t)
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
