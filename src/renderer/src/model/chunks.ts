// Splits an index space into C-order boxes of at most `maxElems` elements, so
// values are fetched in bounded windows whose concatenation is the C order of
// the whole object. Each box fixes a prefix of indices and takes a band of the
// next dim with every later dim in full.

export interface Box {
  start: number[]
  shape: number[]
  numel: number
}

export function cOrderBoxes(shape: readonly number[], maxElems: number): Box[] {
  const rank = shape.length
  const numel = shape.reduce((a, b) => a * b, 1)
  if (numel === 0) return []
  if (rank === 0) return [{ start: [], shape: [], numel: 1 }]
  // inner[k] = elements in one index step of dim k (product of later dims).
  const inner = new Array<number>(rank).fill(1)
  for (let k = rank - 2; k >= 0; k--) inner[k] = inner[k + 1] * shape[k + 1]
  // Band dim: the outermost dim whose single step fits in maxElems.
  let band = 0
  while (band < rank - 1 && inner[band] > maxElems) band++
  const per = Math.max(1, Math.floor(maxElems / inner[band]))
  const boxes: Box[] = []
  const prefix = new Array<number>(band).fill(0)
  for (;;) {
    for (let i = 0; i < shape[band]; i += per) {
      const n = Math.min(per, shape[band] - i)
      const start = [...prefix, i, ...new Array<number>(rank - band - 1).fill(0)]
      const bshape = [...new Array<number>(band).fill(1), n, ...shape.slice(band + 1)]
      boxes.push({ start, shape: bshape, numel: n * inner[band] })
    }
    // Odometer over the fixed prefix.
    let k = band - 1
    while (k >= 0) {
      prefix[k]++
      if (prefix[k] < shape[k]) break
      prefix[k] = 0
      k--
    }
    if (k < 0) break
  }
  return boxes
}
