// .safetensors: an 8-byte little-endian header length, a JSON header
// {name: {dtype, shape, data_offsets: [begin, end]}, "__metadata__": {str: str}}, then one
// byte buffer. Checks and error names follow huggingface/safetensors (safetensors/src/
// tensor.rs: read_metadata, Metadata::validate), raised as the Python binding does:
// SafetensorError("Error while deserializing header: <Debug of the error>").
//
// The library requires tensors to tile the buffer exactly (no gaps, no overlap). With
// `strict: false` (the default for describing a file) overlapping or gapped tensors are
// listed as they lie — overlapping ones as sharing bytes — and the rule they break is
// reported in `warnings`; an offset past the buffer or a size that disagrees with
// shape × dtype is always an error.
import type { DTypeName } from '../engine/types'
import { FileByteSource, MemoryByteSource, type ByteSource } from './byte-source'
import { NO_SHARES, computeSharing, type FileDescription, type FileEntry } from './description'
import { FileFormatError, fail } from './errors'
import { ShapeCache } from './shape-cache'
import { forEachMemberBatch } from './json-members'
import { NameSlots } from './name-slots'
import { isValidUtf8 } from './utf8-check'
import { STOP_CHECK_ITEMS, checkStop, sortPolling } from './stop-check'
import { gatherBytes, type StridedView } from './strided-bytes'

/** safetensors' MAX_HEADER_SIZE. */
export const MAX_HEADER_SIZE = 100_000_000

// Declaration order is the library's Dtype enum order (increasing alignment), which the
// writer sorts by.
const DTYPES: Array<[string, DTypeName | null, number]> = [
  ['BOOL', 'bool', 1], ['U8', 'uint8', 1], ['I8', 'int8', 1], ['F8_E5M2', null, 1], ['F8_E4M3', null, 1],
  ['I16', 'int16', 2], ['U16', 'uint16', 2], ['F16', 'float16', 2], ['BF16', 'bfloat16', 2],
  ['I32', 'int32', 4], ['U32', 'uint32', 4], ['F32', 'float32', 4], ['C64', 'complex64', 8], ['F64', 'float64', 8],
  ['I64', 'int64', 8], ['U64', 'uint64', 8],
]
const BY_NAME = new Map(DTYPES.map(([n, d, s], rank) => [n, { dtype: d, size: s, rank }]))

function stErr(debug: string): never {
  throw new FileFormatError('SafetensorError', `Error while deserializing header: ${debug}`)
}

function isUsize(x: unknown): x is number {
  return typeof x === 'number' && Number.isSafeInteger(x) && x >= 0
}

/**
 * The header's tensors as columns, one slot per name in the order names first appear: a
 * 100 MB header lists a million and more, and an object per tensor kept until the end makes
 * V8's full collections of them pause for a second, longer than Stop may wait.
 */
interface TensorColumns {
  names: string[]
  /** Index into DTYPES; INVALID while the name's last value is not a tensor's. */
  dtypes: number[]
  shapes: number[][]
  begins: number[]
  ends: number[]
}

const INVALID = -1
/** Entries made between two stop polls (each is a few objects: fewer than the readers' usual STOP_CHECK_ITEMS). */
const ENTRY_POLL = 1 << 12
const DTYPE_INDEX = new Map(DTYPES.map(([n], i) => [n, i]))
const NO_SHAPE: number[] = []

/** A member's value as a tensor's fields into `slot`, or INVALID there (a later repeat of the name may still fix it). */
function readTensor(cols: TensorColumns, slot: number, v: unknown, shapes: ShapeCache): void {
  const t = v as Record<string, unknown> | null
  const dtype = t !== null && typeof t === 'object' && !Array.isArray(t) ? DTYPE_INDEX.get(t.dtype as string) : undefined
  const shape = dtype === undefined ? undefined : t!.shape
  const offs = dtype === undefined ? undefined : t!.data_offsets
  if (dtype === undefined || typeof t!.dtype !== 'string' || !Array.isArray(shape) || !shape.every(isUsize) ||
      !Array.isArray(offs) || offs.length !== 2 || !isUsize(offs[0]) || !isUsize(offs[1])) {
    cols.dtypes[slot] = INVALID
    cols.shapes[slot] = NO_SHAPE
    cols.begins[slot] = 0
    cols.ends[slot] = 0
    return
  }
  cols.dtypes[slot] = dtype
  cols.shapes[slot] = shapes.shape(shape as number[])
  cols.begins[slot] = offs[0] as number
  cols.ends[slot] = offs[1] as number
}

function parseHeaderJson(utf8: Uint8Array, shapes: ShapeCache): { cols: TensorColumns; order: number[]; metadata: Record<string, string> } {
  const cols: TensorColumns = { names: [], dtypes: [], shapes: [], begins: [], ends: [] }
  // Room for about one name per 32 header bytes (a tensor's member is longer), grown if need be.
  const slots = new NameSlots(cols.names, utf8.length >> 5)
  // A repeated name keeps its first place and takes its last value, as one JSON.parse would give.
  let meta: unknown = null
  // In batches with stop polls: a 100 MB header takes seconds to parse.
  const ok = forEachMemberBatch(utf8, (batch) => {
    let i = 0
    for (const name of Object.keys(batch)) {
      if (++i % STOP_CHECK_ITEMS === 0) checkStop()
      const v = batch[name]
      if (name === '__metadata__') {
        meta = v
        continue
      }
      const slot = slots.slotOf(name, cols.names.length)
      if (slot === cols.names.length) cols.names.push(name)
      readTensor(cols, slot, v, shapes)
    }
  })
  if (!ok) return stErr('InvalidHeaderDeserialization')
  const metadata: Record<string, string> = Object.create(null)
  if (meta !== null) {
    if (typeof meta !== 'object' || Array.isArray(meta)) stErr('InvalidHeaderDeserialization')
    for (const [k, s] of Object.entries(meta as Record<string, unknown>)) {
      if (typeof s !== 'string') stErr('InvalidHeaderDeserialization')
      metadata[k] = s as string
    }
  }
  const n = cols.names.length
  let sorted = true
  for (let i = 0; i < n; i++) {
    if (cols.dtypes[i] === INVALID) stErr('InvalidHeaderDeserialization')
    if (i > 0 && (cols.begins[i] < cols.begins[i - 1] || (cols.begins[i] === cols.begins[i - 1] && cols.ends[i] < cols.ends[i - 1]))) sorted = false
  }
  // The library sorts by offsets before validating (older writers used other orders); most files are in order already.
  const order = Array.from({ length: n }, (_, i) => i)
  if (!sorted) sortPolling(order, (a, b) => cols.begins[a] - cols.begins[b] || cols.ends[a] - cols.ends[b])
  return { cols, order, metadata }
}

/** Bytes of a tensor of `shape` and item `size`; null past 2**53 (the library's ValidationOverflow here). */
function tensorBytes(shape: readonly number[], size: number): number | null {
  let n = size
  for (const d of shape) n *= d
  if (Number.isSafeInteger(n)) return n // every partial product was smaller, so exact (or 0 exactly)
  // Past 2**53 on the way (or inf * 0): exactly, in BigInt.
  const exact = shape.reduce((a, d) => a * BigInt(d), BigInt(size))
  return exact > BigInt(Number.MAX_SAFE_INTEGER) ? null : Number(exact)
}

export interface SafetensorsReadOptions {
  /** Enforce the library's own validation (exact tiling of the buffer). Default false. */
  strict?: boolean
  /** Files larger than this keep their buffer on disk (safe_open maps the file). */
  lazyLimit?: number
}

export function describeSafetensorsSource(src: ByteSource, opts: SafetensorsReadOptions = {}, onClose: () => void = () => {}): FileDescription {
  if (src.size < 8) stErr('HeaderTooSmall')
  const lenBytes = src.read(0, 8)
  const n = new DataView(lenBytes.buffer, lenBytes.byteOffset, 8).getBigUint64(0, true)
  if (n > BigInt(MAX_HEADER_SIZE)) stErr('HeaderTooLarge')
  const hlen = Number(n)
  if (8 + hlen > src.size) stErr('InvalidHeaderLength')
  const header = src.read(8, hlen)
  if (!isValidUtf8(header)) stErr('InvalidHeader')
  // A byte order mark is dropped, as TextDecoder drops it.
  const bom = header[0] === 0xef && header[1] === 0xbb && header[2] === 0xbf
  const shapes = new ShapeCache()
  const { cols, order, metadata } = parseHeaderJson(bom ? header.subarray(3) : header, shapes)
  const bufferLen = src.size - 8 - hlen
  const warnings: string[] = []
  let expectedStart = 0
  const entries: FileEntry[] = new Array(order.length)
  for (let i = 0; i < order.length; i++) {
    if (i % ENTRY_POLL === ENTRY_POLL - 1) checkStop() // a 100 MB header lists a million tensors
    const slot = order[i]
    const name = cols.names[slot]
    const [dtypeText, dtype, size] = DTYPES[cols.dtypes[slot]]
    const shape = cols.shapes[slot]
    const begin = cols.begins[slot]
    const end = cols.ends[slot]
    if (begin !== expectedStart || end < begin) {
      const rule = `InvalidOffset(${JSON.stringify(name)})`
      if (opts.strict || end < begin) stErr(rule)
      warnings.push(`${name}: ${begin < expectedStart ? 'overlaps the tensor before it' : 'leaves a gap before it'} (the safetensors library refuses this: ${rule})`)
    }
    const nbytes = tensorBytes(shape, size)
    if (nbytes === null) stErr('ValidationOverflow')
    if (end - begin !== nbytes) stErr('TensorInvalidInfo')
    if (end > bufferLen) stErr(`InvalidOffset(${JSON.stringify(name)})`)
    expectedStart = Math.max(expectedStart, end)
    const entry: FileEntry = {
      name, kind: 'tensor', dtype, dtypeText, itemsize: size,
      shape, strides: shapes.cStrides(shape, size), byteOffset: begin, storageKey: 'data',
      byteOrder: size === 1 ? '|' : '<', fortranOrder: false, readOnly: false, requiresGrad: false, sharesWith: NO_SHARES,
    }
    if (dtype === null) entry.unsupported = `safetensors dtype ${dtypeText} has no engine dtype`
    entries[i] = entry
  }
  if (expectedStart !== bufferLen) {
    if (opts.strict) stErr('MetadataIncompleteBuffer')
    warnings.push(`the tensors cover ${expectedStart} of the ${bufferLen} buffer bytes (the safetensors library refuses this: MetadataIncompleteBuffer)`)
  }
  computeSharing(entries)
  const lazy = src instanceof FileByteSource
  return {
    format: 'safetensors',
    entries,
    storages: [{ key: 'data', nbytes: bufferLen, source: src.slice(8 + hlen, bufferLen), lazy }],
    metadata,
    warnings,
    close: onClose,
  }
}

export function describeSafetensorsBytes(bytes: Uint8Array, opts: SafetensorsReadOptions = {}): FileDescription {
  return describeSafetensorsSource(new MemoryByteSource(bytes), opts)
}

export function readSafetensorsFile(path: string, opts: SafetensorsReadOptions = {}): FileDescription {
  const file = FileByteSource.open(path)
  try {
    const limit = opts.lazyLimit ?? 64 * 1024 * 1024
    if (file.size <= limit) {
      const bytes = file.read(0, file.size)
      file.close()
      return describeSafetensorsSource(new MemoryByteSource(bytes), opts)
    }
    return describeSafetensorsSource(file, opts, () => file.close())
  } catch (e) {
    file.close()
    throw e
  }
}

export interface TensorToSave extends StridedView {
  dtype: DTypeName
}

const DTYPE_TO_ST = new Map<DTypeName, string>(DTYPES.filter(([, d]) => d !== null).map(([n, d]) => [d as DTypeName, n]))

/**
 * The bytes safetensors' serialize() writes: tensors sorted by decreasing dtype alignment
 * then name, packed back to back in C order, header padded with spaces to 8 bytes.
 */
export function encodeSafetensors(tensors: Record<string, TensorToSave>, metadata?: Record<string, string>): Uint8Array {
  const items = Object.entries(tensors).map(([name, t]) => {
    const st = DTYPE_TO_ST.get(t.dtype)
    if (st === undefined) fail('TypeError', `dtype ${t.dtype} cannot be saved to safetensors`)
    return { name, t, st, rank: BY_NAME.get(st)!.rank }
  })
  items.sort((a, b) => b.rank - a.rank || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
  const header: Record<string, unknown> = Object.create(null)
  if (metadata !== undefined) header.__metadata__ = metadata
  const blobs: Uint8Array[] = []
  let offset = 0
  for (const { name, t, st } of items) {
    const data = gatherBytes(t, 'C')
    header[name] = { dtype: st, shape: t.shape, data_offsets: [offset, offset + data.length] }
    offset += data.length
    blobs.push(data)
  }
  let json = JSON.stringify(header)
  const headBytes = new TextEncoder().encode(json)
  const pad = (8 - (headBytes.length % 8)) % 8
  json += ' '.repeat(pad)
  const head = new TextEncoder().encode(json)
  const out = new Uint8Array(8 + head.length + offset)
  new DataView(out.buffer).setBigUint64(0, BigInt(head.length), true)
  out.set(head, 8)
  let p = 8 + head.length
  for (const b of blobs) { out.set(b, p); p += b.length }
  return out
}
