// Live validation of an as_strided form before its line runs, with the texts
// PyTorch raises (aten/src/ATen/native/Resize.h: checkInBoundsForStorage,
// as_strided's negative-stride check; semantics.md §52). The engine checks
// again when the line runs; this only lets the form say why early.
import type { ObjectInfo } from './types'

export interface StridedCheck {
  ok: boolean
  message: string | null   // the library's message when not ok
  requiredBytes: number    // bytes the view would reach from the storage base
}

const list = (xs: readonly number[]): string => `[${xs.join(', ')}]`

/** Tensor rule: strides in elements, offset in elements (defaults to the source's storage offset). */
export function checkTensorAsStrided(src: ObjectInfo, shape: number[], strides: number[], offset: number | null): StridedCheck {
  const off = offset ?? src.offset
  if (shape.length !== strides.length) {
    return { ok: false, message: `mismatch in length of strides and shape`, requiredBytes: 0 }
  }
  if (strides.some((s) => s < 0)) {
    return { ok: false, message: `as_strided: Negative strides are not supported at the moment, got strides: ${list(strides)}`, requiredBytes: 0 }
  }
  if (off < 0) return { ok: false, message: `Tensor: invalid storage offset ${off}`, requiredBytes: 0 }
  const bad = shape.find((n) => n < 0)
  if (bad !== undefined) {
    return { ok: false, message: `Trying to create tensor with negative dimension ${bad}: ${list(shape)}`, requiredBytes: 0 }
  }
  // Storage size needed: (offset + Σ (size_k - 1)·stride_k + 1)·itemsize, or 0 for an empty view.
  const numel = shape.reduce((a, b) => a * b, 1)
  let last = 0
  for (let k = 0; k < shape.length; k++) last += (shape[k] - 1) * strides[k]
  const required = numel === 0 ? 0 : (off + last + 1) * src.itemsize
  const storageBytes = src.storage.nbytes
  if (required > storageBytes) {
    return {
      ok: false,
      message: `setStorage: sizes ${list(shape)}, strides ${list(strides)}, storage offset ${off}, and itemsize ${src.itemsize} ` +
        `requiring a storage size of ${required} are out of bounds for storage of size ${storageBytes}`,
      requiredBytes: required
    }
  }
  return { ok: true, message: null, requiredBytes: required }
}

/**
 * NumPy's as_strided checks nothing and would read whatever lies there; the
 * engine refuses any view outside its storage (DESIGN: "No unsafe view"), so
 * the form flags the same condition with the byte range involved.
 */
export function checkArrayAsStrided(src: ObjectInfo, shape: number[], byteStrides: number[]): StridedCheck {
  if (shape.length !== byteStrides.length) {
    return { ok: false, message: 'mismatch in length of strides and shape', requiredBytes: 0 }
  }
  if (shape.some((n) => n < 0)) return { ok: false, message: 'negative dimensions are not allowed', requiredBytes: 0 }
  const numel = shape.reduce((a, b) => a * b, 1)
  let lo = src.byteOffset
  let hi = src.byteOffset + src.itemsize
  for (let k = 0; k < shape.length && numel > 0; k++) {
    const span = (shape[k] - 1) * byteStrides[k]
    if (span < 0) lo += span
    else hi += span
  }
  if (numel > 0 && (lo < 0 || hi > src.storage.nbytes)) {
    return {
      ok: false,
      message: `the view would reach bytes [${lo}, ${hi}) of a ${src.storage.nbytes}-byte buffer: outside its memory`,
      requiredBytes: hi
    }
  }
  return { ok: true, message: null, requiredBytes: numel > 0 ? hi : 0 }
}
