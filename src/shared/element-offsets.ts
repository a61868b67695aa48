// Byte offsets of an object's elements, walked from its byte strides: the one walk the
// runner (where a scattered write landed) and the renderer (footprints, flashes) share.

/**
 * Walks an object's elements in C order as runs along its last dim: fn(start, step, count)
 * per run, where start is a byte offset from `base0`. At most `limit` elements; fn returns
 * false to stop early. The one odometer every element walk shares.
 */
export function forEachOffsetRun(
  shape: readonly number[],
  byteStrides: readonly number[],
  base0: number,
  fn: (start: number, step: number, count: number) => boolean | void,
  limit = Infinity
): void {
  const rank = shape.length
  let numel = 1
  for (const n of shape) numel *= n
  let left = Math.min(numel, limit)
  if (left <= 0) return
  if (rank === 0) {
    fn(base0, 0, 1)
    return
  }
  // The odometer over the outer dims carries once per run (a 1M-element object in a few ms).
  const last = rank - 1
  const run = shape[last]
  const step = byteStrides[last]
  const idx = new Array<number>(rank).fill(0)
  let start = base0
  while (left > 0) {
    const count = Math.min(left, run)
    if (fn(start, step, count) === false) return
    left -= count
    for (let k = last - 1; k >= 0; k--) {
      idx[k]++
      start += byteStrides[k]
      if (idx[k] < shape[k]) break
      start -= byteStrides[k] * shape[k]
      idx[k] = 0
    }
  }
}

/** Calls fn with the byte offset of every element, in C order; fn returns false to stop early. */
export function forEachElementOffset(
  shape: readonly number[],
  byteStrides: readonly number[],
  base0: number,
  fn: (offset: number) => boolean | void
): void {
  forEachOffsetRun(shape, byteStrides, base0, (start, step, count) => {
    for (let k = 0, off = start; k < count; k++, off += step) if (fn(off) === false) return false
  })
}

/** Byte offsets (from `base0`, the element-0 byte in the block) of every element, in C order. */
export function elementOffsets(info: { readonly shape: readonly number[]; readonly byteStrides: readonly number[] }, base0: number, limit = Infinity): Float64Array {
  let numel = 1
  for (const n of info.shape) numel *= n
  const out = new Float64Array(Math.min(numel, limit))
  let i = 0
  forEachOffsetRun(info.shape, info.byteStrides, base0, (start, step, count) => {
    for (let k = 0, off = start; k < count; k++, off += step) out[i++] = off
  }, limit)
  return out
}

/** Most runs a scattered write's record keeps (its lowest addresses; the rest do not flash). */
export const MAX_WRITE_RUNS = 2048

/**
 * Element byte offsets (any order, repeats allowed) as runs of equal steps, lowest first:
 * [start, step, count, start, step, count, ...]. A mask or index write is mostly runs, so
 * the op record stays small; at most MAX_WRITE_RUNS runs are kept.
 */
export function offsetRuns(offsets: ArrayLike<number>): number[] {
  const sorted = Float64Array.from(offsets).sort()
  const runs: number[] = []
  let i = 0
  while (i < sorted.length && runs.length < MAX_WRITE_RUNS * 3) {
    const start = sorted[i]
    let j = i + 1
    while (j < sorted.length && sorted[j] === start) j++
    if (j === sorted.length) { runs.push(start, 0, 1); break }
    const step = sorted[j] - start
    let count = 2, last = sorted[j]
    for (j++; j < sorted.length; j++) {
      if (sorted[j] === last) continue
      if (sorted[j] - last !== step) break
      last = sorted[j]
      count++
    }
    runs.push(start, step, count)
    i = j
  }
  return runs
}

/** A written region's element byte offsets from `base0`: its runs when it has them, else its strided walk. */
export function writtenOffsets(
  w: { readonly shape: readonly number[]; readonly byteStrides: readonly number[]; readonly runs?: readonly number[] },
  base0: number,
  limit = Infinity
): Float64Array {
  if (!w.runs) return elementOffsets(w, base0, limit)
  let total = 0
  for (let r = 2; r < w.runs.length; r += 3) total += w.runs[r]
  const out = new Float64Array(Math.min(total, limit))
  let k = 0
  for (let r = 0; r + 2 < w.runs.length && k < out.length; r += 3) {
    const [start, step, count] = [w.runs[r], w.runs[r + 1], w.runs[r + 2]]
    for (let c = 0; c < count && k < out.length; c++) out[k++] = base0 + start + c * step
  }
  return out
}
