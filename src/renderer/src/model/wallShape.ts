// The memory wall's geometry: how many bytes a cell holds, how many cells a
// row holds (auto, a 64 B cache line, a 4 KiB page, or one dim's stride), and
// the dims' strides as arrows from element 0. Pure: the view only draws it.

export type RowChoice = 'auto' | 'line' | 'page' | `dim${number}`

export const CACHE_LINE = 64
export const PAGE = 4096
/** Cells on the wall at most; bigger blocks put several bytes in a cell. */
export const MAX_WALL_CELLS = 1 << 22
/** Rows at most: a narrower choice is repeated across the row (`repeat` of them per row). */
export const MAX_WALL_ROWS = 4096
/** Columns at most (a texture dimension every WebGL2 implementation allows). */
export const MAX_WALL_COLS = 8192

export interface StridedLike {
  shape: readonly number[]
  byteStrides: readonly number[]
  itemsize: number
}

export interface WallShape {
  cellBytes: number
  cells: number
  cols: number
  rows: number
  rowBytes: number
  /** Bytes of the chosen unit (a line, a page, a stride, the run); a row holds `repeat` of them. */
  unitBytes: number
  repeat: number
  /** What the row width is, in words, for the caption. */
  label: string
}

/**
 * Bytes of the innermost contiguous run in memory order: the extent of the dim
 * with the smallest non-zero stride, when that stride is one item (else one item).
 */
export function innermostRunBytes(o: StridedLike): number {
  let best = -1
  for (let d = 0; d < o.shape.length; d++) {
    if (o.shape[d] <= 1 || o.byteStrides[d] === 0) continue
    if (best < 0 || Math.abs(o.byteStrides[d]) < Math.abs(o.byteStrides[best])) best = d
  }
  if (best < 0 || Math.abs(o.byteStrides[best]) !== o.itemsize) return o.itemsize
  return o.shape[best] * o.itemsize
}

/** A power of two about √(2·cells): a wall about twice as wide as tall. */
export function squareishColumns(cells: number): number {
  const want = Math.sqrt(cells * 2)
  let cols = 8
  while (cols < want && cols < 2048) cols *= 2
  return cols
}

export function wallShape(blockBytes: number, unitBytes: number, choice: RowChoice, selected?: StridedLike | null): WallShape {
  let cellBytes = Math.max(1, unitBytes)
  while (Math.ceil(blockBytes / cellBytes) > MAX_WALL_CELLS) cellBytes *= 2
  const cells = Math.max(1, Math.ceil(blockBytes / cellBytes))
  let want = 0
  let label = ''
  if (choice === 'line') { want = CACHE_LINE; label = '64 B cache line' }
  else if (choice === 'page') { want = PAGE; label = '4 KiB page' }
  else if (choice.startsWith('dim') && selected) {
    const d = Number(choice.slice(3))
    const s = Math.abs(selected.byteStrides[d] ?? 0)
    if (s > 0) { want = s; label = `d${d} stride ${s} B` }
  }
  const auto = want === 0
  if (auto) {
    want = selected ? innermostRunBytes(selected) : 0
    label = 'innermost run'
  }
  const unitCols = Math.max(1, Math.round(want / cellBytes))
  const square = squareishColumns(cells)
  let cols: number
  if (!(want > 0) || unitCols > MAX_WALL_COLS || (auto && (unitCols >= cells || unitCols > square * 2))) {
    // No run to show (or one wider than the wall): a plain square-ish wall.
    cols = square
    label = auto ? 'auto' : `${label} (too wide: auto)`
    return finish(cells, cellBytes, cols, cols * cellBytes, 1, label)
  }
  cols = unitCols
  let repeat = 1
  // Auto widens to about the square-ish width; a fixed choice widens only to keep the rows bounded.
  const enough = (c: number): boolean => auto ? c * 2 > square : Math.ceil(cells / c) <= MAX_WALL_ROWS
  while (!enough(cols) && cols * 2 <= MAX_WALL_COLS) { cols *= 2; repeat *= 2 }
  return finish(cells, cellBytes, cols, unitCols * cellBytes, repeat, label)
}

function finish(cells: number, cellBytes: number, cols: number, unitBytes: number, repeat: number, label: string): WallShape {
  return { cellBytes, cells, cols, rows: Math.max(1, Math.ceil(cells / cols)), rowBytes: cols * cellBytes, unitBytes, repeat, label }
}

export interface StrideArrow {
  dim: number
  fromByte: number
  toByte: number
  strideBytes: number
  label: string
}

/** One arrow per dim of more than one element: from element 0 to the element one step along that dim. */
export function strideArrows(o: StridedLike, base0: number): StrideArrow[] {
  const out: StrideArrow[] = []
  for (let d = 0; d < o.shape.length; d++) {
    if (o.shape[d] <= 1) continue
    const s = o.byteStrides[d]
    out.push({ dim: d, fromByte: base0, toByte: base0 + s, strideBytes: s, label: `d${d}: ${s >= 0 ? '+' : '−'}${Math.abs(s)} B${s === 0 ? ' (repeats)' : ''}` })
  }
  return out
}

/** The ruler's text for a row: byte offset from the block base and its address. */
export function rowLabel(row: number, rowBytes: number, base: bigint): { offset: string; address: string } {
  const off = row * rowBytes
  return { offset: `+${off}`, address: '0x' + (base + BigInt(off)).toString(16) }
}
