// What the logical view writes beside its cells: each shown axis with its dim,
// size and stride; each folded tile (or mosaic slice) with its leading
// indices; one arrow per dim from element 0 to its neighbour along that dim;
// and colour ranges per slice. Positions are world coordinates from gridLayout.
import { cellOf, cellPosition, type GridLayout } from './gridLayout'
import { rangeOf, type ValueRange } from './colormap'
import type { StridedLike } from './wallShape'
import type * as THREE from 'three'
import type { LabelAlign } from './labelBox'
import { frameWithLabels } from './labelFit'
import type { FitMargins } from './cameraFit'

type Vec3 = [number, number, number]

/** `short` (dim, size, direction) stands in for `text` where the view is too narrow for all of it. */
export interface AxisLabel { axis: 'x' | 'y' | 'z'; dim: number; text: string; short: string; pos: Vec3 }

export function axisText(dim: number, o: StridedLike & { strides?: readonly number[] }): string {
  const el = o.strides ? `${o.strides[dim]} el = ` : ''
  return `d${dim} · ${o.shape[dim]} · stride ${el}${o.byteStrides[dim]} B`
}

/** Where each axis name sits beside the block: x above its top row, y left of its rows, z at the back corner. */
export const AXIS_ALIGN: Record<AxisLabel['axis'], LabelAlign> = { x: 'above', y: 'right', z: 'center' }

/** An axis name slides along the block's edge it stands by (never across, over the cells) to stay in view. */
export const AXIS_SLIDE: Record<AxisLabel['axis'], 'x' | 'y'> = { x: 'x', y: 'y', z: 'x' }

/** Tile indices sit right of their point, above the tile's first cell, and slide along the gap above the tile. */
export const TILE_ALIGN: LabelAlign = 'left'
export const TILE_SLIDE = 'x'

/**
 * How the logical view frames its block (centre, size, tilt, pixels kept free): with room above and
 * to the left for the axis names and tile indices, so that none is cut by the view's edge.
 */
export function logicalFrame(L: GridLayout, o: StridedLike & { strides?: readonly number[] }, box: { center: THREE.Vector3; size: THREE.Vector3 },
  sizeOf: (text: string) => [number, number]): { center: THREE.Vector3; size: THREE.Vector3; tilt: boolean; margins: FitMargins } {
  const beside = [
    ...axisLabels(L, o).map((a) => ({ pos: a.pos, text: a.text, align: AXIS_ALIGN[a.axis] })),
    ...tileLabels(L).map((t) => ({ pos: t.pos, text: t.text, align: TILE_ALIGN }))
  ]
  return { ...frameWithLabels(box.center, box.size, beside, sizeOf), tilt: !L.mosaic && (L.nz > 1 || L.tiles > 1) }
}

/** One label per shown axis, placed along the first tile's edge (x above, y to the left, z at the back corner). */
export function axisLabels(L: GridLayout, o: StridedLike & { strides?: readonly number[] }): AxisLabel[] {
  const out: AxisLabel[] = []
  const dd = L.display
  const dimOf = (k: number): number | undefined => { const p = dd.length - 3 + k; return p >= 0 ? dd[p] : undefined }
  const dz = dimOf(0), dy = dimOf(1), dx = dimOf(2)
  const origin = cellPosition(L, 0, 0, 0, 0)
  if (dx !== undefined) {
    const mid = cellPosition(L, 0, 0, 0, Math.min(L.nx, L.cols) - 1)
    out.push({ axis: 'x', dim: dx, text: `${axisText(dx, o)} →`, short: `d${dx} · ${o.shape[dx]} →`, pos: [(origin[0] + mid[0]) / 2, origin[1] + 1.1, origin[2]] })
  }
  if (dy !== undefined && L.ny > 1) {
    out.push({ axis: 'y', dim: dy, text: `${axisText(dy, o)} ↓`, short: `d${dy} · ${o.shape[dy]} ↓`, pos: [origin[0] - 0.9, origin[1] - (L.rows - 1) / 2, origin[2]] })
  }
  if (dz !== undefined && L.nz > 1 && !L.mosaic) {
    const back = cellPosition(L, 0, L.nz - 1, 0, 0)
    out.push({ axis: 'z', dim: dz, text: `${axisText(dz, o)} ↗`, short: `d${dz} · ${o.shape[dz]} ↗`, pos: [back[0] - 0.9, back[1] + 0.9, (origin[2] + back[2]) / 2] })
  }
  return out
}

/** Labels of folded tiles (rank > 3) and of mosaic slices: the leading indices, ':' for the shown dims. */
export function tileLabels(L: GridLayout, limit = 256): Array<{ key: string; text: string; pos: Vec3 }> {
  const out: Array<{ key: string; text: string; pos: Vec3 }> = []
  const perTile = L.mosaic ? L.nz : 1
  if (L.tiles * perTile <= 1) return out
  for (let tile = 0; tile < L.tiles && out.length < limit; tile++) {
    for (let z = 0; z < perTile && out.length < limit; z++) {
      const idx: string[] = L.shape.map(() => ':')
      let t = tile
      for (let k = L.folded.length - 1; k >= 0; k--) {
        const d = L.folded[k]
        idx[d] = String(t % L.shape[d])
        t = Math.floor(t / L.shape[d])
      }
      if (L.mosaic && L.nz > 1) idx[L.display[L.display.length - 3]] = String(z)
      const p = cellPosition(L, tile, z, 0, 0)
      out.push({ key: `${tile}.${z}`, text: `[${idx.join(', ')}]`, pos: [p[0] - 0.5, p[1] + 0.9, p[2]] })
    }
  }
  return out
}

export interface LogicalArrow { dim: number; from: Vec3; to: Vec3; label: string }

/** From element 0 to the element one step along each dim of more than one element. */
export function logicalArrows(L: GridLayout, o: StridedLike): LogicalArrow[] {
  const out: LogicalArrow[] = []
  const zero = L.shape.map(() => 0)
  const c0 = cellOf(L, zero)
  const from = cellPosition(L, c0.tile, c0.z, c0.y, c0.x)
  for (let d = 0; d < L.shape.length; d++) {
    if (L.shape[d] <= 1) continue
    const idx = [...zero]
    idx[d] = 1
    const c = cellOf(L, idx)
    const s = o.byteStrides[d]
    out.push({ dim: d, from, to: cellPosition(L, c.tile, c.z, c.y, c.x), label: `d${d}: ${s >= 0 ? '+' : '−'}${Math.abs(s)} B` })
  }
  return out
}

/** The colour range of each slice (slice = tile·nz + z), for per-slice colour scales. */
export function sliceRanges(values: ArrayLike<number>, slice: Uint32Array, slices: number): ValueRange[] {
  const out = Array.from({ length: slices }, () => ({ min: Infinity, max: -Infinity, finite: 0 }))
  const n = Math.min(values.length, slice.length)
  for (let f = 0; f < n; f++) {
    const x = values[f]
    if (!Number.isFinite(x)) continue
    const r = out[slice[f]]
    if (x < r.min) r.min = x
    if (x > r.max) r.max = x
    r.finite++
  }
  return out
}

export type ScaleMode = 'auto' | 'fixed' | 'slice'

/** The range a scale mode gives the whole object (per-slice ranges are separate). */
export function scaleRange(values: ArrayLike<number>, mode: ScaleMode, fixed: { min: number; max: number }): ValueRange {
  if (mode === 'fixed' && Number.isFinite(fixed.min) && Number.isFinite(fixed.max)) return { min: fixed.min, max: fixed.max, finite: values.length }
  return rangeOf(values)
}
