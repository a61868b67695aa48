// For every element (in C order of the object's index space), where it is
// drawn: which slice, and which pixel of that slice. Computed once per layout
// with an odometer, so colouring a 1M-element object is one linear pass.
import type { GridLayout } from '../model/gridLayout'

export interface CellMap {
  slice: Uint32Array    // slice = tile * nz + z
  pixel: Uint32Array    // row * cols + col inside the slice picture
  count: number
}

/**
 * The maps last built, by what they depend on: a new object of the same shape (a line run
 * again, `x = np.zeros(...)` rebound) is laid out as before, and its map is not rebuilt.
 * Two: the selection's and the pinned object's. Maps are never written after they are built.
 */
const recent: Array<{ key: string; map: CellMap }> = []
const RECENT_MAPS = 2

export function cellMapOf(layout: GridLayout): CellMap {
  const key = `${layout.shape.join(',')}|${layout.display.join(',')}|${layout.folded.join(',')}|${layout.nz}|${layout.cols}|${layout.wrap}`
  const hit = recent.findIndex((r) => r.key === key)
  const entry = hit >= 0 ? recent.splice(hit, 1)[0] : { key, map: buildCellMap(layout) }
  recent.unshift(entry)
  recent.length = Math.min(recent.length, RECENT_MAPS)
  return entry.map
}

export function buildCellMap(layout: GridLayout): CellMap {
  const shape = layout.shape
  const rank = shape.length
  let count = 1
  for (const n of shape) count *= n
  const slice = new Uint32Array(count)
  const pixel = new Uint32Array(count)
  if (count === 0) return { slice, pixel, count }
  if (rank === 0) return { slice, pixel, count } // one element, at tile 0, z 0, pixel 0
  // Per dim: how one step moves tile, z, y, x.
  const dTile = new Array<number>(rank).fill(0)
  const axisOf = new Array<number>(rank).fill(-1) // 0 z, 1 y, 2 x
  let mul = 1
  for (let k = layout.folded.length - 1; k >= 0; k--) {
    dTile[layout.folded[k]] = mul
    mul *= shape[layout.folded[k]]
  }
  layout.display.forEach((d, i) => { axisOf[d] = 3 - layout.display.length + i })
  const idx = new Array<number>(rank).fill(0)
  const c = [0, 0, 0, 0] // tile, z, y, x
  const { nz, cols, wrap } = layout
  // The last dim is a run of equal steps (along x, or across tiles when folded), written in a
  // tight loop; the odometer over the outer dims carries once per run.
  const last = rank - 1
  const run = shape[last]
  const lastAxis = axisOf[last] >= 0 ? axisOf[last] + 1 : 0
  const lastStep = axisOf[last] >= 0 ? 1 : dTile[last]
  let f = 0
  while (f < count) {
    for (let j = 0; j < run; j++, f++) {
      const tile = c[0], z = c[1], y = c[2], x = c[3]
      slice[f] = tile * nz + z
      pixel[f] = wrap ? Math.floor(x / wrap) * cols + (x % wrap) : y * cols + x
      c[lastAxis] += lastStep
    }
    c[lastAxis] -= lastStep * run
    for (let k = last - 1; k >= 0; k--) {
      idx[k]++
      const a = axisOf[k]
      if (a >= 0) c[a + 1]++
      else c[0] += dTile[k]
      if (idx[k] < shape[k]) break
      if (a >= 0) c[a + 1] -= shape[k]
      else c[0] -= dTile[k] * shape[k]
      idx[k] = 0
    }
  }
  return { slice, pixel, count }
}

/**
 * The map's runs: elements f..f+k-1 drawn side by side in one texel row of one slice, as
 * [f, k, slice, pixel of f] per run (the last dim of a plain layout is one run per row), found
 * once per map (maps are shared and never written) so colouring new values reads no map.
 * Null when runs are short (a transposed or folded layout: as many runs as elements, nearly),
 * where the caller walks the map itself.
 */
const runsCache = new WeakMap<CellMap, Int32Array | null>()

export function runsOf(map: CellMap, cols: number): Int32Array | null {
  if (runsCache.has(map)) return runsCache.get(map)!
  const { slice, pixel, count } = map
  const most = Math.max(16, count >> 3)
  let out = new Int32Array(4 * Math.min(most, 1024))
  let r = 0
  for (let f = 0; f < count;) {
    const s = slice[f], p = pixel[f]
    const x = p % cols
    let k = 1
    while (k < cols - x && f + k < count && slice[f + k] === s && pixel[f + k] === p + k) k++
    if (r === most) { runsCache.set(map, null); return null }
    if (4 * r === out.length) { const grown = new Int32Array(out.length * 2); grown.set(out); out = grown }
    out[4 * r] = f; out[4 * r + 1] = k; out[4 * r + 2] = s; out[4 * r + 3] = p
    r++
    f += k
  }
  const runs = out.slice(0, 4 * r)
  runsCache.set(map, runs)
  return runs
}
