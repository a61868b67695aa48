// Which bytes of a memory block each object touches, in the order its logical
// index walks them: the data behind the memory view's footprints, stride walk
// and gaps. Offsets come from the engine's byte strides and byte offsets.
import type { ObjectInfo } from './types'

/** Byte offsets (from `base0`, the element-0 byte in the block) of every element, in C order. */
export function elementOffsets(info: Pick<ObjectInfo, 'shape' | 'byteStrides'>, base0: number, limit = Infinity): Float64Array {
  const { shape, byteStrides } = info
  const rank = shape.length
  let numel = 1
  for (const n of shape) numel *= n
  const count = Math.min(numel, limit)
  const out = new Float64Array(count)
  if (count === 0) return out
  if (rank === 0) {
    out[0] = base0
    return out
  }
  // The last dim is a run of equal steps, written in a tight loop; the odometer over
  // the outer dims carries once per run (a 1M-element object in a few ms).
  const last = rank - 1
  const run = shape[last]
  const step = byteStrides[last]
  const idx = new Array<number>(rank).fill(0)
  let start = base0
  let i = 0
  while (i < count) {
    const end = Math.min(count, i + run)
    for (let off = start; i < end; i++, off += step) out[i] = off
    for (let k = last - 1; k >= 0; k--) {
      idx[k]++
      start += byteStrides[k]
      if (idx[k] < shape[k]) break
      start -= byteStrides[k] * shape[k]
      idx[k] = 0
    }
  }
  return out
}

export interface Coverage {
  cells: number            // number of cells in the wall
  cellBytes: number        // bytes per cell
  /** bit j set when object j (in the order given) touches the cell */
  mask: Uint32Array
}

/**
 * Marks, for each object (its element byte offsets from elementOffsets), the cells it touches. `cellBytes` is the wall's
 * unit (an element size or 1 for bytes); huge blocks are bucketed so the wall
 * never exceeds `maxCells`.
 */
export function coverage(
  blockBytes: number,
  objects: ReadonlyArray<{ offsets: Float64Array; itemsize: number }>,
  unitBytes: number,
  maxCells = 1 << 22
): Coverage {
  let cellBytes = Math.max(1, unitBytes)
  while (Math.ceil(blockBytes / cellBytes) > maxCells) cellBytes *= 2
  const cells = Math.max(1, Math.ceil(blockBytes / cellBytes))
  const mask = new Uint32Array(cells)
  objects.forEach((o, j) => {
    if (j >= 32) return
    const bit = 1 << j
    const offs = o.offsets
    for (let i = 0; i < offs.length; i++) {
      const first = Math.floor(offs[i] / cellBytes)
      const last = Math.floor((offs[i] + o.itemsize - 1) / cellBytes)
      for (let c = first; c <= last && c < cells; c++) if (c >= 0) mask[c] |= bit
    }
  })
  return { cells, cellBytes, mask }
}

/** Indices (C order of the logical index space) whose bytes overlap [byteStart, byteEnd). */
export function elementsTouching(offsets: Float64Array, itemsize: number, byteStart: number, byteEnd: number, limit = 8): number[] {
  const hits: number[] = []
  for (let i = 0; i < offsets.length && hits.length < limit; i++) {
    if (offsets[i] < byteEnd && offsets[i] + itemsize > byteStart) hits.push(i)
  }
  return hits
}
