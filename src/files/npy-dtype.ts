// NumPy dtype descriptors as .npy headers spell them ('<f8', '|b1', '>i4', '<U5') mapped
// to engine dtypes, and back. Kinds the engine has no dtype for (strings, datetimes,
// void, longdouble) are described with their itemsize and a reason, not refused: the
// file is still listed. Object and structured dtypes are refused, as np.load would
// (object without allow_pickle) or as this reader cannot describe (structured).
import type { DTypeName } from '../engine/types'

export interface NpyDType {
  dtype: DTypeName | null
  unsupported?: string
  itemsize: number
  byteOrder: '<' | '>' | '|'
  /** The descr as NumPy would write it back, e.g. '<f8'. */
  descr: string
  isObject: boolean
}

const KIND_TO_DTYPE: Record<string, Record<number, DTypeName>> = {
  b: { 1: 'bool' },
  i: { 1: 'int8', 2: 'int16', 4: 'int32', 8: 'int64' },
  u: { 1: 'uint8', 2: 'uint16', 4: 'uint32', 8: 'uint64' },
  f: { 2: 'float16', 4: 'float32', 8: 'float64' },
  c: { 8: 'complex64', 16: 'complex128' },
}

// Names np.dtype() also accepts, for headers written by other tools.
const NAME_TO_TYPESTR: Record<string, string> = {
  bool: '|b1', int8: '|i1', int16: '<i2', int32: '<i4', int64: '<i8',
  uint8: '|u1', uint16: '<u2', uint32: '<u4', uint64: '<u8',
  float16: '<f2', float32: '<f4', float64: '<f8', complex64: '<c8', complex128: '<c16',
}

/** Parses a typestr; null when it is not one (the caller raises NumPy's error). */
export function parseNpyDescr(descr: string): NpyDType | null {
  const named = NAME_TO_TYPESTR[descr]
  if (named !== undefined) descr = named
  const m = /^([<>|=]?)([biufcSUVMmOa])(\d*)(\[[a-zA-Z0-9]+\])?$/.exec(descr)
  if (!m) return null
  const [, order, kind, sizeText, unit] = m
  if (kind === 'O') {
    return { dtype: null, unsupported: 'object arrays hold Python objects', itemsize: 8, byteOrder: '|', descr: '|O', isObject: true }
  }
  if (unit !== undefined && kind !== 'M' && kind !== 'm') return null
  let size = sizeText === '' ? (kind === 'b' ? 1 : kind === 'M' || kind === 'm' ? 8 : NaN) : Number(sizeText)
  if (kind === 'U') size *= 4 // '<U5' counts characters of 4 bytes each
  if (!Number.isSafeInteger(size) || size < 0) return null
  if ((kind === 'M' || kind === 'm') && size !== 8) return null
  const known = KIND_TO_DTYPE[kind]
  if (known !== undefined && known[size] === undefined && !(kind === 'f' && (size === 12 || size === 16)) && !(kind === 'c' && (size === 24 || size === 32))) return null
  // One-byte and byte-string kinds have no byte order; '=' is native (little here).
  const oneByte = size <= 1 || kind === 'S' || kind === 'V' || kind === 'a'
  const byteOrder: '<' | '>' | '|' = oneByte ? '|' : order === '>' ? '>' : '<'
  const dtype = known?.[size] ?? null
  const canonicalKind = kind === 'a' ? 'S' : kind
  const canonicalSize = kind === 'U' ? size / 4 : size
  const descrOut = `${byteOrder}${canonicalKind}${kind === 'b' && sizeText === '' ? 1 : canonicalSize}${unit ?? ''}`
  const result: NpyDType = { dtype, itemsize: size, byteOrder, descr: descrOut, isObject: false }
  if (dtype === null) result.unsupported = `NumPy dtype ${descrOut} has no engine dtype`
  return result
}

const DTYPE_TO_TYPESTR: Record<DTypeName, string | null> = {
  bool: 'b1', int8: 'i1', int16: 'i2', int32: 'i4', int64: 'i8',
  uint8: 'u1', uint16: 'u2', uint32: 'u4', uint64: 'u8',
  float16: 'f2', bfloat16: null, float32: 'f4', float64: 'f8', complex64: 'c8', complex128: 'c16',
}

export const ITEMSIZE: Record<DTypeName, number> = {
  bool: 1, int8: 1, int16: 2, int32: 4, int64: 8, uint8: 1, uint16: 2, uint32: 4, uint64: 8,
  float16: 2, bfloat16: 2, float32: 4, float64: 8, complex64: 8, complex128: 16,
}

/** The descr NumPy's dtype_to_descr writes; null for dtypes NumPy has not got (bfloat16). */
export function npyDescrFor(dtype: DTypeName, byteOrder: '<' | '>' | '|' | '=' = '<'): string | null {
  const t = DTYPE_TO_TYPESTR[dtype]
  if (t === null) return null
  if (ITEMSIZE[dtype] === 1) return '|' + t
  return (byteOrder === '>' ? '>' : '<') + t
}
