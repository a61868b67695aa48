// Copying the bytes of a strided view out of its storage into one dense buffer, in C or
// Fortran element order. Used by every writer (np.save writes non-contiguous arrays in C
// order) and by value decoding.
import type { ByteSource } from './byte-source'
import { MemoryByteSource } from './byte-source'
import { fail } from './errors'
import { STOP_CHECK_BYTES, checkStop } from './stop-check'
import { forEachOffsetRun } from '../shared/element-offsets'
import { byteExtent, isCContiguous, isFContiguous, product } from './layout'

/** A strided view over storage bytes (the shape of what the engine holds). */
export interface StridedView {
  shape: number[]
  /** Byte strides; may be negative or zero (NumPy views). */
  strides: number[]
  itemsize: number
  byteOffset: number
  data: Uint8Array | ByteSource
}

function asSource(data: Uint8Array | ByteSource): ByteSource {
  return data instanceof Uint8Array ? new MemoryByteSource(data) : data
}

/** The view's elements packed densely, in C order (or F order: first index fastest). */
export function gatherBytes(v: StridedView, order: 'C' | 'F' = 'C'): Uint8Array {
  const n = product(v.shape)
  const out = new Uint8Array(n * v.itemsize)
  const ext = byteExtent(v.shape, v.strides, v.itemsize, v.byteOffset)
  if (ext === null) return out
  const src = asSource(v.data)
  // INVARIANT: every byte read lies inside the storage.
  if (ext.lo < 0 || ext.hi > src.size) {
    fail('ValueError', `view of ${ext.hi - ext.lo} bytes at [${ext.lo}, ${ext.hi}) is out of bounds for storage of size ${src.size}`)
  }
  const window = src.read(ext.lo, ext.hi - ext.lo)
  const shape = order === 'C' ? v.shape : [...v.shape].reverse()
  const strides = order === 'C' ? v.strides : [...v.strides].reverse()
  if (isCContiguous(shape, strides, v.itemsize)) {
    out.set(window.subarray(v.byteOffset - ext.lo, v.byteOffset - ext.lo + out.length))
    return out
  }
  let w = 0
  const size = v.itemsize
  forEachOffsetRun(shape, strides, v.byteOffset - ext.lo, (start, step, count) => {
    for (let k = 0, off = start; k < count; k++, off += step, w += size) out.set(window.subarray(off, off + size), w)
  })
  return out
}

/** NumPy's choice for np.save: F order only when F-contiguous and not C-contiguous. */
export function numpySaveOrder(v: Pick<StridedView, 'shape' | 'strides' | 'itemsize'>): 'C' | 'F' {
  return isFContiguous(v.shape, v.strides, v.itemsize) && !isCContiguous(v.shape, v.strides, v.itemsize) ? 'F' : 'C'
}

/**
 * A copy of `bytes` with every `unit`-byte word reversed: big-endian data to native order
 * (torch.load does this for checkpoints saved on big-endian machines). For complex dtypes
 * the unit is half the itemsize, since real and imaginary parts swap separately.
 */
export function swapByteOrder(bytes: Uint8Array, unit: number): Uint8Array {
  const out = new Uint8Array(bytes.length)
  if (unit <= 1) { out.set(bytes); return out }
  const whole = bytes.length - (bytes.length % unit)
  // A big checkpoint's storages: the stop request is polled between chunks of whole words.
  const chunk = STOP_CHECK_BYTES - (STOP_CHECK_BYTES % unit)
  for (let start = 0; start < whole; start += chunk) {
    if (start > 0) checkStop()
    const end = Math.min(whole, start + chunk)
    for (let i = start; i < end; i += unit) for (let k = 0; k < unit; k++) out[i + k] = bytes[i + unit - 1 - k]
  }
  out.set(bytes.subarray(whole), whole)
  return out
}
