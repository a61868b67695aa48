// PyTorch checkpoints in the torch.save zip format: '<prefix>/data.pkl' (the object
// tree, read by the restricted unpickler), '<prefix>/data/<key>' (one record per storage),
// '<prefix>/byteorder' and '<prefix>/version'. Tensors that were saved together keep their
// shared storages, offsets and strides (torch/serialization.py _save/_load): a small view
// of a big storage shows the whole storage, which is why such files are big.
import { FileByteSource, MemoryByteSource, type ByteSource } from './byte-source'
import { computeSharing, type FileDescription, type FileEntry, type FileStorage } from './description'
import { FileFormatError, fail } from './errors'
import { unpickle } from './pickle-read'
import { STOP_CHECK_ITEMS, checkStop } from './stop-check'
import { PyBytes, PyDict, PyList, PyTuple, TorchStorageRef, TorchTensorRef, pyTypeName, type PyValue } from './pickle-values'
import { storageTypeInfo } from './torch-globals'
import { ZipReader, type ZipReadOptions } from './zip-read'

export interface TorchLoadResult {
  description: FileDescription
  /** The unpickled object tree, tensors as TorchTensorRef (for the runner's torch.load). */
  root: PyValue
  /** The entry each tensor of the tree became (a tensor reached twice is one entry). */
  entryOf: Map<TorchTensorRef, FileEntry>
}

const UNSAFE_MESSAGE = 'Re-running `torch.load` with `weights_only` set to `False` will likely succeed, ' +
  'but it can result in arbitrary code execution. Do it only if you got the file from a trusted source.'
const DOCS_MESSAGE = '\n\nCheck the documentation of torch.load to learn more about types accepted by default with ' +
  'weights_only https://pytorch.org/docs/stable/generated/torch.load.html.'

/** torch.load's wrapping of a weights-only UnpicklingError (torch/serialization.py _get_wo_message). */
export function weightsOnlyMessage(message: string): string {
  if (/GLOBAL (\S+) was not an allowed global by default\./.test(message)) {
    return 'Weights only load failed. This file can still be loaded, to do so you have two options, ' +
      '\x1b[1mdo those steps only if you trust the source of the checkpoint\x1b[0m. ' +
      `\n\t(1) ${UNSAFE_MESSAGE}\n\t(2) Alternatively, to load with \`weights_only=True\` please check ` +
      'the recommended steps in the following error message.\n\tWeightsUnpickler error: ' + message + DOCS_MESSAGE
  }
  let out = `Weights only load failed. ${UNSAFE_MESSAGE}\n`
  if (!/whose module (\S+) is blocked/.test(message)) {
    out += 'Please file an issue with the following so that we can make `weights_only=True` compatible with your use case: WeightsUnpickler error: '
  }
  return out + message + DOCS_MESSAGE
}

function isLegacyTorchFile(head: Uint8Array): boolean {
  // Legacy torch.save starts with a pickled magic number: PROTO 2, LONG1 of 0x1950a86a20f9469cfc6c.
  return head.length >= 3 && head[0] === 0x80 && head[1] === 0x02 && head[2] === 0x8a
}

function openZip(src: ByteSource, opts: ZipReadOptions): ZipReader {
  try {
    return new ZipReader(src, opts)
  } catch (e) {
    if (e instanceof FileFormatError && e.pyType === 'BadZipFile') {
      const head = src.read(0, Math.min(3, src.size))
      if (isLegacyTorchFile(head)) fail('NotImplementedError', 'this is a legacy (non-zip, before PyTorch 1.6) torch.save file, which Stridescope does not read')
      fail('RuntimeError', `PytorchStreamReader failed reading zip archive: ${e.message === 'File is not a zip file' ? 'failed finding central directory' : e.message}`)
    }
    throw e
  }
}

function decodeText(src: ByteSource): string {
  return new TextDecoder().decode(src.read(0, Math.min(src.size, 4096)))
}

export function describeTorchSource(src: ByteSource, opts: ZipReadOptions = {}, onClose: () => void = () => {}): TorchLoadResult {
  const zip = openZip(src, opts)
  const pkl = zip.members.find((m) => m.name === 'data.pkl' || /^[^/]*\/data\.pkl$/.test(m.name))
  if (pkl === undefined) {
    if (zip.members.some((m) => /(^|\/)constants\.pkl$/.test(m.name))) fail('NotImplementedError', 'this is a TorchScript archive (torch.jit.save), not a torch.save checkpoint')
    fail('RuntimeError', 'PytorchStreamReader failed locating file data.pkl: file not found')
  }
  const prefix = pkl.name.slice(0, pkl.name.length - 'data.pkl'.length)
  const record = (name: string) => zip.get(prefix + name)
  const metadata: Record<string, string> = { archive: prefix.replace(/\/$/, '') }
  let bigEndian = false
  const bo = record('byteorder')
  if (bo !== undefined) {
    const text = decodeText(zip.open(bo).source).trim()
    if (text !== 'little' && text !== 'big') fail('ValueError', `Unknown endianness type: ${text}`)
    metadata.byteorder = text
    bigEndian = text === 'big'
  }
  const ver = record('version') ?? record('.data/version')
  if (ver !== undefined) metadata.version = decodeText(zip.open(ver).source).trim()

  const storages = new Map<string, { ref: TorchStorageRef; storage: FileStorage }>()
  const persistentLoad = (pid: PyValue): PyValue => {
    if (!(pid instanceof PyTuple)) {
      return fail('UnpicklingError', `persistent_load id must be tuple or int, but got <class '${pyTypeName(pid)}'>`)
    }
    const tag = pid.items[0]
    const tagText = tag instanceof PyBytes ? new TextDecoder().decode(tag.value) : tag
    if (tagText !== 'storage') fail('UnpicklingError', `Only persistent_load of storage is allowed, but got <class '${pyTypeName(tag ?? null)}'>`)
    if (pid.items.length !== 5) fail('UnpicklingError', `a storage persistent id has 5 fields, got ${pid.items.length}`)
    const [, storageType, keyValue, locationValue, numelValue] = pid.items
    const info = storageTypeInfo(storageType)
    const key = typeof keyValue === 'string' ? keyValue : typeof keyValue === 'number' ? String(keyValue) : fail('UnpicklingError', `storage key must be a str, got ${pyTypeName(keyValue)}`)
    const location = typeof locationValue === 'string' ? locationValue : 'cpu'
    const numel = typeof numelValue === 'number' && Number.isSafeInteger(numelValue) && numelValue >= 0 ? numelValue : fail('UnpicklingError', `storage numel must be a non-negative int, got ${pyTypeName(numelValue)}`)
    const known = storages.get(key)
    if (known !== undefined) return known.ref
    const nbytes = numel * info.itemsize
    if (!Number.isSafeInteger(nbytes)) fail('RuntimeError', `storage ${key} is too large: ${numel} elements`)
    const m = record(`data/${key}`)
    if (m === undefined) fail('RuntimeError', `PytorchStreamReader failed locating file data/${key}: file not found`)
    const { source, lazy } = zip.open(m)
    if (source.size < nbytes) fail('RuntimeError', `storage data/${key} holds ${source.size} bytes, but the checkpoint says ${numel} elements of ${info.itemsize} bytes (${nbytes})`)
    const ref = new TorchStorageRef(key, info.dtype, info.typeName, info.itemsize, location, numel)
    storages.set(key, { ref, storage: { key, nbytes, source: source.slice(0, nbytes), lazy, location } })
    return ref
  }

  const pklBytes = zip.open(pkl).source
  let root: PyValue
  try {
    root = unpickle(pklBytes.read(0, pklBytes.size), { persistentLoad })
  } catch (e) {
    if (e instanceof FileFormatError && e.pyType === 'UnpicklingError') throw new FileFormatError('UnpicklingError', weightsOnlyMessage(e.message))
    throw e
  }

  const entryOf = new Map<TorchTensorRef, FileEntry>()
  const entries = collectTensors(root).map(([name, t]) => {
    const e = tensorEntry(name, t, storages.get(t.storage.key)!.storage, bigEndian)
    entryOf.set(t, e)
    return e
  })
  computeSharing(entries)
  const warnings: string[] = []
  if (bigEndian) warnings.push('saved on a big-endian machine: torch.load byte-swaps these storages to native order')
  return {
    description: { format: 'pt', entries, storages: [...storages.values()].map((s) => s.storage), metadata, warnings, close: onClose },
    root,
    entryOf,
  }
}

function tensorEntry(name: string, t: TorchTensorRef, storage: FileStorage, bigEndian: boolean): FileEntry {
  // NOTE: torch checks a rebuilt tensor against its storage in set_ (aten/src/ATen/native/
  // Resize.h, checkInBoundsForStorage); the same check and text here.
  if (t.size.some((d) => d < 0)) fail('RuntimeError', `Trying to create tensor with negative dimension ${t.size.find((d) => d < 0)}: [${t.size.join(', ')}]`)
  if (t.storageOffset < 0) fail('RuntimeError', `Tensor: invalid storage offset ${t.storageOffset}`)
  if (t.stride.some((s) => s < 0)) fail('RuntimeError', `${name}: negative strides are not supported, got strides: [${t.stride.join(', ')}]`)
  const empty = t.size.some((d) => d === 0)
  const required = empty ? 0 : t.itemsize * (1 + t.storageOffset + t.size.reduce((a, d, i) => a + (d - 1) * t.stride[i], 0))
  if (required > storage.nbytes) {
    fail('RuntimeError', `setStorage: sizes [${t.size.join(', ')}], strides [${t.stride.join(', ')}], storage offset ${t.storageOffset}, ` +
      `and itemsize ${t.itemsize} requiring a storage size of ${required} are out of bounds for storage of size ${storage.nbytes}`)
  }
  const entry: FileEntry = {
    name, kind: 'tensor', dtype: t.dtype, dtypeText: t.dtypeText, itemsize: t.itemsize,
    shape: [...t.size], strides: t.stride.map((s) => s * t.itemsize), byteOffset: t.storageOffset * t.itemsize,
    storageKey: t.storage.key, byteOrder: t.itemsize === 1 ? '|' : bigEndian ? '>' : '<',
    fortranOrder: false, readOnly: false, requiresGrad: t.requiresGrad, sharesWith: [],
  }
  if (t.dtype === null) entry.unsupported = `${t.dtypeText} has no engine dtype`
  return entry
}

/**
 * How deep a checkpoint's containers may nest. Python's default recursion limit: deeper
 * structures (a pickle of 200,000 nested lists loads in one loop) have no path the
 * runner could spell, so they are refused with Python's own error.
 */
export const MAX_NESTING = 1000

/** Every tensor in the object tree, named by its path ('model.layer.weight', 'list.0'); walked with a stack, not recursion. */
export function collectTensors(root: PyValue): Array<[string, TorchTensorRef]> {
  const out: Array<[string, TorchTensorRef]> = []
  const seen = new Set<object>()
  const stack: Array<[PyValue, string, number]> = [[root, '', 0]]
  for (let visits = 1; stack.length; visits++) {
    if (visits % STOP_CHECK_ITEMS === 0) checkStop()
    const [v, path, depth] = stack.pop()!
    if (v === null || typeof v !== 'object') continue
    // Memo references can make a DAG or a cycle: visit each object once, under its first path.
    if (seen.has(v)) continue
    seen.add(v)
    if (depth > MAX_NESTING) fail('RecursionError', `maximum recursion depth exceeded while walking the checkpoint's objects (nested more than ${MAX_NESTING} deep)`)
    const join = (k: string) => (path === '' ? k : `${path}.${k}`)
    const children: Array<[PyValue, string, number]> = []
    if (v instanceof TorchTensorRef) out.push([path === '' ? 'tensor' : path, v])
    else if (v instanceof PyDict) for (const [k, x] of v.entries()) children.push([x, join(typeof k === 'string' || typeof k === 'number' || typeof k === 'bigint' ? String(k) : pyTypeName(k)), depth + 1])
    else if (v instanceof PyList || v instanceof PyTuple) v.items.forEach((x, i) => children.push([x, join(String(i)), depth + 1]))
    // pushed last-first so they are visited in order, as the recursive walk did
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i])
  }
  return out
}

export function describeTorchBytes(bytes: Uint8Array, opts: ZipReadOptions = {}): TorchLoadResult {
  return describeTorchSource(new MemoryByteSource(bytes), opts)
}

export function readTorchFile(path: string, opts: ZipReadOptions = {}): TorchLoadResult {
  const file = FileByteSource.open(path)
  try {
    return describeTorchSource(file, opts, () => file.close())
  } catch (e) {
    file.close()
    throw e
  }
}
