// Where each logical index sits in the 3D grid of the logical view.
// Up to three dims are shown as the block's axes (z, y, x = the chosen dims in
// order); every other dim is folded into tiles laid out in a near-square grid.

export interface GridLayout {
  shape: number[]
  display: number[]        // dims drawn as axes, outermost first: [z?, y?, x?]
  folded: number[]         // dims folded into tiles, C order among themselves
  nx: number
  ny: number
  nz: number
  tiles: number            // product of folded sizes
  tileCols: number
  tileRows: number
  gap: number              // cells between tiles
  /** A single long row (rank 1, or one shown dim) wraps after this many cells; 0 = no wrap. */
  wrap: number
  /** Rows a slice occupies on screen (ny, or the wrapped row count). */
  rows: number
  /** Columns a slice occupies on screen (nx, or the wrap width). */
  cols: number
  /**
   * Large objects are drawn as texture slices laid side by side (a mosaic of
   * every (tile, z) slice) instead of stacked in depth: stacked planes cost a
   * full-screen fill each in software WebGL, a mosaic fills the screen once.
   */
  mosaic: boolean
  mosaicCols: number
}

/** Above this many cells, cubes give way to texture slices (instancing is ~1 fps at 100k in SwiftShader). */
export const MAX_CUBES = 16384

/** Rows longer than this wrap, so a 1M-element vector stays a square-ish picture. */
export const WRAP_AT = 256

/** The default display dims: the last three (the ones a C-order reader sees vary fastest). */
export function defaultDisplayDims(rank: number): number[] {
  const out: number[] = []
  for (let d = Math.max(0, rank - 3); d < rank; d++) out.push(d)
  return out
}

/** Keeps a user's choice valid for a rank: distinct, in range, at most 3, in ascending order. */
export function normalizeDisplayDims(rank: number, chosen: readonly number[] | null | undefined): number[] {
  if (!chosen) return defaultDisplayDims(rank)
  const ok = [...new Set(chosen.filter((d) => Number.isInteger(d) && d >= 0 && d < rank))].sort((a, b) => a - b)
  if (ok.length === 0 || ok.length > 3) return defaultDisplayDims(rank)
  if (ok.length < Math.min(3, rank)) {
    // Fill from the innermost unused dims so the block is as full as the rank allows.
    for (let d = rank - 1; d >= 0 && ok.length < Math.min(3, rank); d--) if (!ok.includes(d)) ok.push(d)
    ok.sort((a, b) => a - b)
  }
  return ok
}

export function makeLayout(shape: readonly number[], displayChoice?: readonly number[] | null): GridLayout {
  const rank = shape.length
  const display = normalizeDisplayDims(rank, displayChoice)
  const folded: number[] = []
  for (let d = 0; d < rank; d++) if (!display.includes(d)) folded.push(d)
  const axis = (k: number): number => {
    // display is [z, y, x] right-aligned: with two dims they are y, x; with one, x.
    const pos = display.length - 3 + k
    return pos >= 0 ? shape[display[pos]] : 1
  }
  const nz = axis(0), ny = axis(1), nx = axis(2)
  let tiles = 1
  for (const d of folded) tiles *= shape[d]
  const tileCols = Math.max(1, Math.ceil(Math.sqrt(tiles)))
  const tileRows = Math.max(1, Math.ceil(tiles / tileCols))
  const wrap = ny === 1 && nz === 1 && nx > WRAP_AT ? Math.ceil(Math.sqrt(nx)) : 0
  const cols = wrap || nx
  const rows = wrap ? Math.ceil(nx / wrap) : ny
  const gap = 2
  const count = tiles * nz * ny * nx
  const mosaic = count > MAX_CUBES
  const slices = tiles * nz
  const mosaicCols = Math.max(1, Math.min(slices, Math.ceil(Math.sqrt((slices * (rows + gap)) / (cols + gap)))))
  return { shape: [...shape], display, folded, nx, ny, nz, tiles, tileCols, tileRows, gap, wrap, rows, cols, mosaic, mosaicCols }
}

/** Splits an index tuple into (tile, z, y, x). */
export function cellOf(layout: GridLayout, index: readonly number[]): { tile: number; z: number; y: number; x: number } {
  let tile = 0
  for (const d of layout.folded) tile = tile * layout.shape[d] + index[d]
  const dd = layout.display
  const get = (k: number): number => {
    const pos = dd.length - 3 + k
    return pos >= 0 ? index[dd[pos]] : 0
  }
  return { tile, z: get(0), y: get(1), x: get(2) }
}

/** The inverse of cellOf. */
export function indexOfCell(layout: GridLayout, tile: number, z: number, y: number, x: number): number[] {
  const index = new Array<number>(layout.shape.length).fill(0)
  for (let k = layout.folded.length - 1; k >= 0; k--) {
    const d = layout.folded[k]
    const n = layout.shape[d]
    index[d] = n > 0 ? tile % n : 0
    tile = n > 0 ? Math.floor(tile / n) : 0
  }
  const dd = layout.display
  const vals = [z, y, x]
  for (let k = 0; k < 3; k++) {
    const pos = dd.length - 3 + k
    if (pos >= 0) index[dd[pos]] = vals[k]
  }
  return index
}

/** World position (cell units, before centring) of a cell: x right, y down as -y, z towards the viewer. */
export function cellPosition(layout: GridLayout, tile: number, z: number, y: number, x: number): [number, number, number] {
  if (layout.mosaic) {
    const s = tile * layout.nz + z
    const [col, row] = slicePixel(layout, y, x)
    const mx = (s % layout.mosaicCols) * (layout.cols + layout.gap) + col
    const my = Math.floor(s / layout.mosaicCols) * (layout.rows + layout.gap) + row
    return [mx, -my, 0]
  }
  const tc = tile % layout.tileCols
  const tr = Math.floor(tile / layout.tileCols)
  const [col, row] = slicePixel(layout, y, x)
  const px = tc * (layout.cols + layout.gap) + col
  const py = tr * (layout.rows + layout.gap) + row
  return [px, -py, -z * 1.25]
}

/** (column, row) of a cell inside its slice picture, wrapping long rows. */
export function slicePixel(layout: GridLayout, y: number, x: number): [number, number] {
  return layout.wrap ? [x % layout.wrap, Math.floor(x / layout.wrap)] : [x, y]
}

/** The inverse of slicePixel; null when the pixel is past the end of a wrapped row. */
export function pixelCell(layout: GridLayout, col: number, row: number): { y: number; x: number } | null {
  if (col < 0 || row < 0 || col >= layout.cols || row >= layout.rows) return null
  if (!layout.wrap) return { y: row, x: col }
  const x = row * layout.wrap + col
  return x < layout.nx ? { y: 0, x } : null
}

/** Overall extent in cell units, for framing the camera. */
export function layoutExtent(layout: GridLayout): { w: number; h: number; d: number } {
  if (layout.mosaic) {
    const slices = layout.tiles * layout.nz
    const mrows = Math.ceil(slices / layout.mosaicCols)
    return {
      w: layout.mosaicCols * (layout.cols + layout.gap) - layout.gap,
      h: mrows * (layout.rows + layout.gap) - layout.gap,
      d: 1
    }
  }
  return {
    w: layout.tileCols * (layout.cols + layout.gap) - layout.gap,
    h: layout.tileRows * (layout.rows + layout.gap) - layout.gap,
    d: layout.nz * 1.25
  }
}

export function cellCount(layout: GridLayout): number {
  return layout.tiles * layout.nz * layout.ny * layout.nx
}
