// The .npy header: magic, version, header length, and the literal dict
// {'descr': ..., 'fortran_order': ..., 'shape': ...}. Checks and error texts follow
// NumPy's numpy/lib/_format_impl.py (read_magic, _check_version, _read_array_header).
import type { ByteSource } from './byte-source'
import { fail } from './errors'
import { parseNpyDescr, type NpyDType } from './npy-dtype'
import { parsePyLiteral, reprLiteral, type PyLiteral } from './py-literal'
import { reprBytes, reprStr } from './py-repr'

export const NPY_MAGIC = Uint8Array.from([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59]) // \x93NUMPY
export const NPY_MAGIC_LEN = 8
export const ARRAY_ALIGN = 64
/** NumPy's _MAX_HEADER_SIZE: longer headers are refused unless the file is trusted. */
export const MAX_HEADER_SIZE = 10000
/** NumPy's NPY_MAXDIMS. */
export const MAX_DIMS = 64

export interface NpyHeader {
  version: [number, number]
  shape: number[]
  fortranOrder: boolean
  dtype: NpyDType
  /** Where the array data begins in the file. */
  dataOffset: number
}

function readBytes(src: ByteSource, at: number, size: number, what: string): Uint8Array {
  const got = Math.max(0, Math.min(size, src.size - at))
  if (got !== size) fail('ValueError', `EOF: reading ${what}, expected ${size} bytes got ${got}`)
  return src.read(at, size)
}

export function startsWithNpyMagic(head: Uint8Array): boolean {
  return head.length >= NPY_MAGIC.length && NPY_MAGIC.every((b, i) => head[i] === b)
}

/** d[key] as Python evaluates the literal: a key written twice keeps its last value. */
function dictGet(d: Extract<PyLiteral, { kind: 'dict' }>, key: string): PyLiteral {
  let found: PyLiteral = null
  for (const [k, v] of d.entries) if (k === key) found = v
  return found
}

export function readNpyHeader(src: ByteSource, maxHeaderSize = MAX_HEADER_SIZE): NpyHeader {
  const magic = readBytes(src, 0, NPY_MAGIC_LEN, 'magic string')
  if (!startsWithNpyMagic(magic)) {
    fail('ValueError', `the magic string is not correct; expected ${reprBytes(NPY_MAGIC)}, got ${reprBytes(magic.subarray(0, 6))}`)
  }
  const major = magic[6]
  const minor = magic[7]
  if (!((major === 1 || major === 2 || major === 3) && minor === 0)) {
    fail('ValueError', `we only support format version (1,0), (2,0), and (3,0), not (${major}, ${minor})`)
  }
  const lenBytes = major === 1 ? 2 : 4
  const lenField = readBytes(src, NPY_MAGIC_LEN, lenBytes, 'array header length')
  const view = new DataView(lenField.buffer, lenField.byteOffset, lenField.byteLength)
  const headerLength = major === 1 ? view.getUint16(0, true) : view.getUint32(0, true)
  const headerStart = NPY_MAGIC_LEN + lenBytes
  const tooLarge = (n: number): never => fail('ValueError',
    `Header info length (${n}) is large and may not be safe to load securely.\n` +
    'To allow loading, adjust `max_header_size` or fully trust the `.npy` file using `allow_pickle=True`.\n' +
    'For safety against large resource use or crashes, sandboxing may be necessary.')
  // A lying length is refused before its bytes are read: latin1 has one character per
  // byte, and UTF-8 at least one per four bytes.
  if (headerLength <= src.size - headerStart) {
    if (major < 3 && headerLength > maxHeaderSize) tooLarge(headerLength)
    if (major === 3 && headerLength > 4 * maxHeaderSize) tooLarge(Math.ceil(headerLength / 4))
  }
  const raw = readBytes(src, headerStart, headerLength, 'array header')
  let header: string
  if (major === 3) {
    try {
      header = new TextDecoder('utf-8', { fatal: true }).decode(raw)
    } catch {
      fail('ValueError', "'utf-8' codec can't decode the array header")
    }
  } else {
    header = ''
    for (const b of raw) header += String.fromCharCode(b) // latin1: one char per byte
  }
  if (header.length > maxHeaderSize) tooLarge(header.length)
  let d: PyLiteral
  try {
    d = parsePyLiteral(header)
  } catch {
    // Versions 1.0 and 2.0 may come from Python 2, whose ints could carry an L suffix.
    try {
      if (major > 2) throw new Error('no retry')
      d = parsePyLiteral(header, { allowLongSuffix: true })
    } catch {
      fail('ValueError', `Cannot parse header: ${reprStr(header)}`)
    }
  }
  if (d === null || typeof d !== 'object' || d.kind !== 'dict') fail('ValueError', `Header is not a dictionary: ${reprLiteral(d)}`)
  const keys = d.entries.map(([k]) => k)
  const expected = ['descr', 'fortran_order', 'shape']
  const keySet = new Set(keys.map((k) => (typeof k === 'string' ? k : reprLiteral(k))))
  if (keySet.size !== 3 || !expected.every((k) => keySet.has(k))) {
    const sorted = [...new Set(keys.map((k) => reprLiteral(k)))].sort()
    fail('ValueError', `Header does not contain the correct keys: [${sorted.join(', ')}]`)
  }
  const shapeLit = dictGet(d, 'shape')
  const shapeOk = shapeLit !== null && typeof shapeLit === 'object' && shapeLit.kind === 'tuple' &&
    shapeLit.items.every((x) => typeof x === 'number' || typeof x === 'bigint' || typeof x === 'boolean')
  if (!shapeOk) fail('ValueError', `shape is not valid: ${reprLiteral(shapeLit)}`)
  const fortranLit = dictGet(d, 'fortran_order')
  if (typeof fortranLit !== 'boolean') fail('ValueError', `fortran_order is not a valid bool: ${reprLiteral(fortranLit)}`)
  const descrLit = dictGet(d, 'descr')
  if (typeof descrLit !== 'string') {
    if (descrLit !== null && typeof descrLit === 'object' && descrLit.kind === 'list') {
      fail('NotImplementedError', `structured dtype ${reprLiteral(descrLit)} is not supported by Stridescope`)
    }
    fail('ValueError', `descr is not a valid dtype descriptor: ${reprLiteral(descrLit)}`)
  }
  const dtype = parseNpyDescr(descrLit)
  if (dtype === null) fail('ValueError', `descr is not a valid dtype descriptor: ${reprStr(descrLit)}`)
  const items = (shapeLit as Extract<PyLiteral, { kind: 'tuple' }>).items
  if (items.length > MAX_DIMS) fail('ValueError', `maximum supported dimension for an ndarray is currently ${MAX_DIMS}, found ${items.length}`)
  const shape = items.map((x) => (typeof x === 'boolean' ? Number(x) : Number(x)))
  if (shape.some((n) => n < 0)) fail('ValueError', 'negative dimensions are not allowed')
  return { version: [major, minor], shape, fortranOrder: fortranLit, dtype, dataOffset: headerStart + headerLength }
}
