// Decoding element values out of storage bytes, honouring the entry's byte order: for
// tests against NumPy, and for printing a few values in `stridescope inspect --values`.
import type { DTypeName } from '../engine/types'
import { fail } from './errors'
import type { FileEntry, FileStorage } from './description'
import { elementOffsets } from '../shared/element-offsets'
import { byteExtent } from './layout'

export type ElementValue = number | bigint | boolean | [number, number]

function halfToNumber(h: number): number {
  const sign = h & 0x8000 ? -1 : 1
  const exp = (h >> 10) & 0x1f
  const frac = h & 0x3ff
  if (exp === 0) return sign * frac * 2 ** -24
  if (exp === 0x1f) return frac ? NaN : sign * Infinity
  return sign * (1 + frac / 1024) * 2 ** (exp - 15)
}

export function decodeElement(dv: DataView, at: number, dtype: DTypeName, little: boolean): ElementValue {
  switch (dtype) {
    case 'bool': return dv.getUint8(at) !== 0
    case 'int8': return dv.getInt8(at)
    case 'uint8': return dv.getUint8(at)
    case 'int16': return dv.getInt16(at, little)
    case 'uint16': return dv.getUint16(at, little)
    case 'int32': return dv.getInt32(at, little)
    case 'uint32': return dv.getUint32(at, little)
    case 'int64': return dv.getBigInt64(at, little)
    case 'uint64': return dv.getBigUint64(at, little)
    case 'float16': return halfToNumber(dv.getUint16(at, little))
    case 'bfloat16': {
      const f = new DataView(new ArrayBuffer(4))
      f.setUint16(0, dv.getUint16(at, little), false)
      return f.getFloat32(0, false)
    }
    case 'float32': return dv.getFloat32(at, little)
    case 'float64': return dv.getFloat64(at, little)
    case 'complex64': return [dv.getFloat32(at, little), dv.getFloat32(at + 4, little)]
    case 'complex128': return [dv.getFloat64(at, little), dv.getFloat64(at + 8, little)]
  }
}

/**
 * The entry's first `limit` values in C index order. Only the bytes those elements span
 * are read, so a few values of a huge on-disk array cost a small read.
 */
export function readEntryValues(entry: FileEntry, storage: FileStorage, limit = Infinity): ElementValue[] {
  if (entry.dtype === null) fail('TypeError', `cannot read values of ${entry.name}: ${entry.unsupported ?? 'unsupported dtype'}`)
  const dtype = entry.dtype
  const ext = byteExtent(entry.shape, entry.strides, entry.itemsize, entry.byteOffset)
  if (ext === null || limit <= 0) return []
  // INVARIANT: every element read lies inside the storage.
  if (ext.lo < 0 || ext.hi > storage.nbytes) fail('ValueError', `${entry.name} reaches outside its storage`)
  const offsets = elementOffsets({ shape: entry.shape, byteStrides: entry.strides }, entry.byteOffset, limit)
  let lo = Infinity
  let hi = -Infinity
  for (const o of offsets) { lo = Math.min(lo, o); hi = Math.max(hi, o + entry.itemsize) }
  const window = storage.source.read(lo, hi - lo)
  const dv = new DataView(window.buffer, window.byteOffset, window.byteLength)
  const little = entry.byteOrder !== '>'
  return Array.from(offsets, (o) => decodeElement(dv, o - lo, dtype, little))
}
