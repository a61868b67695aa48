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
import { computeSharing, type FileDescription, type FileEntry } from './description'
import { FileFormatError, fail } from './errors'
import { cStrides } from './layout'
import { parseObjectMembers } from './json-members'
import { STOP_CHECK_BYTES, STOP_CHECK_ITEMS, checkStop, sortPolling } from './stop-check'
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

interface TensorInfo { name: string; dtype: string; shape: number[]; begin: number; end: number }

function isUsize(x: unknown): x is number {
  return typeof x === 'number' && Number.isSafeInteger(x) && x >= 0
}

function parseHeaderJson(text: string): { tensors: TensorInfo[]; metadata: Record<string, string> } {
  // In batches with stop polls: a 100 MB header takes seconds to parse.
  const members = parseObjectMembers(text)
  if (members === null) return stErr('InvalidHeaderDeserialization')
  const tensors: TensorInfo[] = []
  const metadata: Record<string, string> = Object.create(null)
  let i = 0
  for (const [name, v] of members) {
    if (++i % STOP_CHECK_ITEMS === 0) checkStop()
    if (name === '__metadata__') {
      if (v === null) continue
      if (typeof v !== 'object' || Array.isArray(v)) stErr('InvalidHeaderDeserialization')
      for (const [k, s] of Object.entries(v as Record<string, unknown>)) {
        if (typeof s !== 'string') stErr('InvalidHeaderDeserialization')
        metadata[k] = s as string
      }
      continue
    }
    const t = v as Record<string, unknown>
    if (t === null || typeof t !== 'object' || Array.isArray(t)) stErr('InvalidHeaderDeserialization')
    const { dtype, shape, data_offsets: offs } = t
    if (typeof dtype !== 'string' || !BY_NAME.has(dtype)) stErr('InvalidHeaderDeserialization')
    if (!Array.isArray(shape) || !shape.every(isUsize)) stErr('InvalidHeaderDeserialization')
    if (!Array.isArray(offs) || offs.length !== 2 || !isUsize(offs[0]) || !isUsize(offs[1])) stErr('InvalidHeaderDeserialization')
    tensors.push({ name, dtype: dtype as string, shape: shape as number[], begin: (offs as number[])[0], end: (offs as number[])[1] })
  }
  // The library sorts by offsets before validating (older writers used other orders).
  sortPolling(tensors, (a, b) => a.begin - b.begin || a.end - b.end)
  return { tensors, metadata }
}

/** The header's UTF-8, decoded in pieces with stop polls between them (up to 100 MB). */
function decodeHeader(bytes: Uint8Array): string {
  const decoder = new TextDecoder('utf-8', { fatal: true })
  const parts: string[] = []
  for (let at = 0; at < bytes.length || at === 0; at += STOP_CHECK_BYTES) {
    if (at > 0) checkStop()
    const end = Math.min(bytes.length, at + STOP_CHECK_BYTES)
    try {
      parts.push(decoder.decode(bytes.subarray(at, end), { stream: end < bytes.length }))
    } catch {
      return stErr('InvalidHeader')
    }
  }
  return parts.join('')
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
  const text = decodeHeader(src.read(8, hlen))
  const { tensors, metadata } = parseHeaderJson(text)
  const bufferLen = src.size - 8 - hlen
  const warnings: string[] = []
  let expectedStart = 0
  const entries: FileEntry[] = []
  for (const [i, t] of tensors.entries()) {
    if (i % STOP_CHECK_ITEMS === STOP_CHECK_ITEMS - 1) checkStop() // a 100 MB header lists a million tensors
    const info = BY_NAME.get(t.dtype)!
    const nelements = t.shape.reduce((a, d) => a * BigInt(d), 1n)
    const nbytes = nelements * BigInt(info.size)
    if (t.begin !== expectedStart || t.end < t.begin) {
      const rule = `InvalidOffset(${JSON.stringify(t.name)})`
      if (opts.strict || t.end < t.begin) stErr(rule)
      warnings.push(`${t.name}: ${t.begin < expectedStart ? 'overlaps the tensor before it' : 'leaves a gap before it'} (the safetensors library refuses this: ${rule})`)
    }
    if (nbytes > BigInt(Number.MAX_SAFE_INTEGER)) stErr('ValidationOverflow')
    if (BigInt(t.end - t.begin) !== nbytes) stErr('TensorInvalidInfo')
    if (t.end > bufferLen) stErr(`InvalidOffset(${JSON.stringify(t.name)})`)
    expectedStart = Math.max(expectedStart, t.end)
    const entry: FileEntry = {
      name: t.name, kind: 'tensor', dtype: info.dtype, dtypeText: t.dtype, itemsize: info.size,
      shape: t.shape, strides: cStrides(t.shape, info.size), byteOffset: t.begin, storageKey: 'data',
      byteOrder: info.size === 1 ? '|' : '<', fortranOrder: false, readOnly: false, requiresGrad: false, sharesWith: [],
    }
    if (info.dtype === null) entry.unsupported = `safetensors dtype ${t.dtype} has no engine dtype`
    entries.push(entry)
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
