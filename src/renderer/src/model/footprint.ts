// Which bytes of a memory block each object touches, in the order its logical
// index walks them: the data behind the memory view's footprints, stride walk
// and gaps. Offsets come from the engine's byte strides and byte offsets.

export { elementOffsets } from '../../../shared/element-offsets'

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
