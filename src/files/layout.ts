// Pure layout arithmetic over byte strides: extents, contiguity (NumPy's flag rules),
// and default strides (the walk over element offsets is src/shared/element-offsets.ts).

export function product(shape: readonly number[]): number {
  let n = 1
  for (const d of shape) n *= d
  return n
}

export function cStrides(shape: readonly number[], itemsize: number): number[] {
  const s = new Array<number>(shape.length)
  let acc = itemsize
  for (let i = shape.length - 1; i >= 0; i--) {
    s[i] = acc
    acc *= Math.max(shape[i], 1)
  }
  return s
}

export function fStrides(shape: readonly number[], itemsize: number): number[] {
  const s = new Array<number>(shape.length)
  let acc = itemsize
  for (let i = 0; i < shape.length; i++) {
    s[i] = acc
    acc *= Math.max(shape[i], 1)
  }
  return s
}

// NOTE: NumPy's C/F-contiguous flags (numpy/_core/src/multiarray/flagsobject.c,
// _UpdateContiguousFlags): an empty array is both; dims of size 1 are ignored;
// every other dim needs stride == itemsize * product of the dims inside it.
function contiguousFrom(shape: readonly number[], strides: readonly number[], itemsize: number, order: number[]): boolean {
  if (shape.some((d) => d === 0)) return true
  let expected = itemsize
  for (const i of order) {
    if (shape[i] === 1) continue
    if (strides[i] !== expected) return false
    expected *= shape[i]
  }
  return true
}

export function isCContiguous(shape: readonly number[], strides: readonly number[], itemsize: number): boolean {
  return contiguousFrom(shape, strides, itemsize, shape.map((_, i) => shape.length - 1 - i))
}

export function isFContiguous(shape: readonly number[], strides: readonly number[], itemsize: number): boolean {
  return contiguousFrom(shape, strides, itemsize, shape.map((_, i) => i))
}

/** Bytes [lo, hi) that a view touches, relative to its storage; null when it has no elements. */
export function byteExtent(shape: readonly number[], strides: readonly number[], itemsize: number, byteOffset: number): { lo: number; hi: number } | null {
  let lo = byteOffset
  let hi = byteOffset + itemsize
  for (let i = 0; i < shape.length; i++) {
    if (shape[i] === 0) return null
    const span = (shape[i] - 1) * strides[i]
    if (span < 0) lo += span
    else hi += span
  }
  return { lo, hi }
}

