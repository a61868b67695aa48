// Files in the runner: np.load / np.save / np.savez / np.savez_compressed, torch.load
// (weights_only=True) and safetensors' load_file / save_file. src/files reads and writes
// the formats; this file turns a file's entries into engine objects (one engine storage
// per file storage, so tensors saved from one storage share it after loading) and engine
// objects into the plain arrays the writers take.
import * as engine from '../../engine'
import { FileByteSource } from '../../files/byte-source'
import type { FileDescription, FileEntry, FileStorage } from '../../files/description'
import { FileFormatError } from '../../files/errors'
import { npLoad, npSave, npSavez, safetensorsLoadFile, safetensorsSaveFile, torchLoad } from '../../files/library-io'
import { readNpyHeader } from '../../files/npy-header'
import type { ArrayToSave } from '../../files/npy-write'
import * as pv from '../../files/pickle-values'
import { setStopCheck } from '../../files/stop-check'
import { swapByteOrder } from '../../files/strided-bytes'
import { bindArgs } from '../interp/args'
import { EXCEPTION, PyException, pyErr } from '../interp/exceptions'
import { pollInterrupt } from '../interp/interrupt'
import { hashKey, typeName } from '../interp/ops'
import { repr } from '../interp/repr'
import {
  BUILTIN_TYPES, PyBuiltin, PyClass, PyDict, PyExcInstance, PyList, PyObject, PyTuple, type Kwargs, type PyValue,
} from '../interp/values'
import { boolArg } from './argparse'
import type { LibraryContext } from './context'
import { cudaStatus, toDevice } from './device_ops'
import { EngineValue } from './engine_value'
import { LibModule } from './module_builder'

// The readers' long loops (src/files/stop-check.ts) poll the run in progress: Stop, Ctrl-C and
// --timeout reach a file being read as they reach a Python loop.
setStopCheck(pollInterrupt)

// ---- errors: the library's exception classes the interpreter does not define -------------

const FILE_EXCEPTIONS: Record<string, PyClass> = {
  UnpicklingError: new PyClass('UnpicklingError', EXCEPTION, 'pickle'),
  BadZipFile: new PyClass('BadZipFile', EXCEPTION, 'zipfile'),
  SafetensorError: new PyClass('SafetensorError', EXCEPTION, 'safetensors_rust'),
}

/** Runs a src/files call; its FileFormatError becomes the Python exception the library raises. */
function fileCall<T>(fn: () => T): T {
  try {
    return fn()
  } catch (e) {
    const cls = e instanceof FileFormatError ? FILE_EXCEPTIONS[e.pyType] : undefined
    if (cls !== undefined) throw new PyException(new PyExcInstance(cls, [(e as Error).message]))
    throw e // others carry pyType (ValueError, EOFError, ...) and the interpreter maps them
  }
}

/**
 * Reads the file the program names: a file opened in the app is read from its private copy
 * (LibraryContext.fileNamed), and what the reader says names the file as the program did.
 */
function readFile<T>(ctx: LibraryContext, named: string, read: (real: string) => T): T {
  const real = ctx.fileNamed(named)
  return fileCall(() => {
    try {
      return read(real)
    } catch (e) {
      if (real !== named && e instanceof Error) e.message = e.message.split(real).join(named)
      throw e
    }
  })
}

function pathArg(v: PyValue | undefined): string {
  if (typeof v === 'string') return v
  throw pyErr('TypeError', `expected str, bytes or os.PathLike object, not ${typeName(v ?? null)}`)
}

// ---- entries -> engine objects --------------------------------------------------------

/** One engine storage per file storage, made on first use; big-endian .pt storages are swapped. */
class StorageMaker {
  private made = new Map<string, engine.EngineStorage>()
  constructor(private readonly desc: FileDescription, private readonly opts: { path?: string; mmap?: 'r' | 'c'; swapUnit?: Map<string, number> } = {}) {}

  get(entry: FileEntry): engine.EngineStorage {
    let st = this.made.get(entry.storageKey)
    if (st) return st
    const fs = this.desc.storages.find((s) => s.key === entry.storageKey)
    if (!fs) throw pyErr('RuntimeError', `storage ${entry.storageKey} of ${entry.name} is missing from the file`)
    try {
      st = this.make(fs)
    } catch (e) {
      throw libraryMemoryError(e, entry, fs.nbytes)
    }
    this.made.set(entry.storageKey, st)
    return st
  }

  private make(fs: FileStorage): engine.EngineStorage {
    if (this.opts.mmap && this.opts.path && this.desc.format === 'npy') {
      // np.load(mmap_mode=...): the data stays in the file, mapped after the header.
      const file = FileByteSource.open(this.opts.path)
      let offset: number
      try { offset = readNpyHeader(file).dataOffset } finally { file.close() }
      return engine.storageFromFile(this.opts.path, offset, fs.nbytes)
    }
    let bytes = fs.source.read(0, fs.nbytes)
    const unit = this.opts.swapUnit?.get(fs.key)
    if (unit !== undefined) bytes = swapByteOrder(bytes, unit)
    return engine.storageFromBytes(bytes)
  }
}

/**
 * A storage the engine could not allocate (the machine's memory or the cpu's memory cap), in the
 * library's words: np.load allocates the array itself (NumPy names its shape and dtype), torch.load
 * the storage's bytes. The engine words both; asking it for the same allocation gives the text.
 */
function libraryMemoryError(e: unknown, entry: FileEntry, nbytes: number): unknown {
  if ((e as { pyType?: string }).pyType !== 'MemoryError' || entry.dtype === null) return e
  const whole = entry.kind === 'ndarray' && entry.byteOffset === 0 && entry.shape.reduce((a, d) => a * d, 1) * entry.itemsize === nbytes
  try {
    const probe = whole ? engine.empty('ndarray', entry.shape, entry.dtype) : engine.empty('tensor', [nbytes], 'uint8')
    probe.dispose()
  } catch (refused) {
    return refused
  }
  return e
}

function entryObject(entry: FileEntry, storages: StorageMaker, opts: { writeable?: boolean; ownsData?: boolean; nativeOrder?: boolean } = {}): engine.EngineObject {
  if (entry.dtype === null) {
    throw pyErr('NotImplementedError', `${entry.name}: dtype ${entry.dtypeText} is not supported by the Stridescope engine (${entry.unsupported ?? 'no engine dtype'})`)
  }
  const st = storages.get(entry)
  return engine.viewOfStorage(st, {
    kind: entry.kind, dtype: entry.dtype, shape: entry.shape, byteStrides: entry.strides, byteOffset: entry.byteOffset,
    byteOrder: opts.nativeOrder && entry.byteOrder === '>' ? '<' : entry.byteOrder,
    writeable: opts.writeable ?? !entry.readOnly, requiresGrad: entry.requiresGrad, ownsData: opts.ownsData ?? true,
  })
}

/** An entry whose bytes are unaligned in the file, copied into a buffer of its own (the op log says so). */
function wrapAligned(ctx: LibraryContext, entry: FileEntry, desc: FileDescription): PyValue {
  const fs = desc.storages.find((s) => s.key === entry.storageKey)
  if (!fs) throw pyErr('RuntimeError', `storage ${entry.storageKey} of ${entry.name} is missing from the file`)
  const nbytes = entry.shape.reduce((a, d) => a * d, 1) * entry.itemsize
  const bytes = fs.source.read(entry.byteOffset, nbytes)
  const copied = { copied: true, bytes: nbytes, kernel: 'memcpy', reason: `unaligned in the file (byte offset ${entry.byteOffset}): copied into an aligned buffer` }
  return ctx.opWrap([], () => engine.viewOfStorage(engine.storageFromBytes(bytes), {
    kind: entry.kind, dtype: entry.dtype!, shape: entry.shape, byteStrides: entry.strides, byteOffset: 0,
    byteOrder: entry.byteOrder, writeable: !entry.readOnly, requiresGrad: entry.requiresGrad, ownsData: true,
  }), { report: copied })
}

// ---- engine objects -> arrays to save -------------------------------------------------

/**
 * The bytes a writer takes, as NumPy writes them: F order only for F-but-not-C-contiguous
 * arrays. np.save/np.savez first take np.asanyarray(x) (a tensor goes through __array__,
 * with its errors); safetensors writes tensors as they are.
 */
function toSave(ctx: LibraryContext, v: PyValue, viaNumpy = true): ArrayToSave {
  let ev: EngineValue
  if (v instanceof EngineValue && (v.kind === 'ndarray' || !viaNumpy)) ev = v
  else ev = (ctx.module('numpy')!.getattr('asarray') as PyBuiltin).call!([v], new Map()) as EngineValue
  const info = ev.info()
  const order = info.flags.fContiguous && !info.flags.cContiguous ? 'F' : 'C'
  const data = ctx.op([ev.obj], () => engine.arrayBytes(ev.obj, order))
  const item = info.itemsize
  const strides = new Array<number>(info.shape.length)
  let acc = item
  const axes = info.shape.map((_, i) => i)
  for (const i of order === 'C' ? axes.reverse() : axes) { strides[i] = acc; acc *= Math.max(info.shape[i], 1) }
  return { dtype: info.dtype, shape: info.shape, strides, itemsize: item, byteOffset: 0, data, byteOrder: info.byteOrder === '>' ? '>' : '<' }
}

// ---- numpy -------------------------------------------------------------------------

const NPZ_CLASS = new PyClass('NpzFile', BUILTIN_TYPES.object, 'numpy.lib.npyio')

/** numpy.lib.npyio.NpzFile: members are read again on every access, as NumPy does. */
class PyNpzFile extends PyObject {
  private closed = false
  constructor(private readonly ctx: LibraryContext, private readonly desc: FileDescription, private readonly path: string) { super() }
  get pyClass() { return NPZ_CLASS }
  private names(): string[] { return this.desc.entries.map((e) => e.name) }
  private load(key: PyValue): PyValue {
    if (this.closed) throw pyErr('AttributeError', "'NoneType' object has no attribute 'open'")
    const entry = this.desc.entries.find((e) => e.name === key || e.name === `${String(key)}`)
    if (typeof key !== 'string' || !entry) throw pyErr('KeyError', `${typeof key === 'string' ? key : repr(key)} is not a file in the archive`)
    return this.ctx.opWrap([], () => entryObject(entry, new StorageMaker(this.desc)))
  }
  getitem(key: PyValue): PyValue { return this.load(key) }
  contains(v: PyValue): boolean { return typeof v === 'string' && this.names().includes(v) }
  iter(): PyValue[] { return this.names() }
  len(): number { return this.desc.entries.length }
  repr(): string { return `NpzFile ${repr(this.path)} with keys: ${this.names().slice(0, 5).join(', ')}${this.names().length > 5 ? '...' : ''}` }
  getattr(name: string): PyValue | undefined {
    const m = (f: (a: PyValue[], kw: Kwargs) => PyValue) => new PyBuiltin(name, f, this)
    switch (name) {
      case 'files': return new PyList(this.names())
      case 'keys': return m(() => new PyList(this.names()))
      case 'items': return m(() => new PyList(this.names().map((n) => new PyTuple([n, this.load(n)]))))
      case 'values': return m(() => new PyList(this.names().map((n) => this.load(n))))
      case 'get': return m((a) => (this.contains(a[0] ?? null) ? this.load(a[0]) : (a[1] ?? null)))
      case 'close': return m(() => { this.close(); return null })
      case '__enter__': return m(() => this)
      case '__exit__': return m(() => { this.close(); return false })
    }
    return undefined
  }
  private close(): void {
    if (!this.closed) this.desc.close()
    this.closed = true
  }
}

/** np.load's mmap_mode through numpy.memmap's modes; writing modes are refused (files are never written). */
function mmapModeArg(v: PyValue | undefined): 'r' | 'c' | null {
  if (v === undefined || v === null) return null
  const modes: Record<string, 'r' | 'c' | 'r+' | 'w+'> = { r: 'r', c: 'c', 'r+': 'r+', 'w+': 'w+', readonly: 'r', copyonwrite: 'c', readwrite: 'r+', write: 'w+' }
  const m = typeof v === 'string' ? modes[v] : undefined
  // numpy/_core/memmap.py
  if (m === undefined) throw pyErr('ValueError', "mode must be one of ['r', 'c', 'r+', 'w+', 'readonly', 'copyonwrite', 'readwrite', 'write']")
  if (m === 'r+' || m === 'w+') throw pyErr('NotImplementedError', `np.load(mmap_mode=${repr(v)}) would write to the file; Stridescope maps files read-only ('r') or copy-on-write ('c')`)
  return m
}

export function bindNumpyFiles(np: LibModule, ctx: LibraryContext): void {
  np.fn('load', (a, kw) => {
    const b = bindArgs('load', ['file', 'mmap_mode=', 'allow_pickle=', 'fix_imports=', 'encoding=', '*', 'max_header_size='], a, kw)
    const path = pathArg(b.file)
    const mmap = mmapModeArg(b.mmap_mode)
    const desc = readFile(ctx, path, (real) => npLoad(real, { mmapMode: mmap === null ? null : 'r' }))
    if (desc.format === 'npz') return new PyNpzFile(ctx, desc, path)
    try {
      const storages = new StorageMaker(desc, { path: ctx.fileNamed(path), mmap: mmap ?? undefined })
      // np.load(mmap_mode='r') arrays are read-only views of the file; 'c' ones are writable private copies.
      return ctx.opWrap([], () => entryObject(desc.entries[0], storages, { writeable: mmap !== 'r', ownsData: mmap === null }))
    } finally {
      desc.close()
    }
  })
  np.fn('save', (a, kw) => {
    const b = bindArgs('save', ['file', 'arr', 'allow_pickle=', 'fix_imports='], a, kw)
    const path = pathArg(b.file)
    const arr = toSave(ctx, b.arr!)
    const { warnings } = fileCall(() => npSave(ctx.pathFor(path), arr))
    ctx.forgetFile(path)
    for (const w of warnings) ctx.host.warn('UserWarning', w)
    return null
  })
  for (const [name, compressed] of [['savez', false], ['savez_compressed', true]] as const) {
    np.fn(name, (a, kw) => {
      if (a.length === 0 && !kw.has('file')) throw pyErr('TypeError', `${name}() missing 1 required positional argument: 'file'`)
      const rest = new Map(kw)
      const file = a.length ? a[0] : rest.get('file')!
      rest.delete('file')
      const allowPickle = rest.get('allow_pickle')
      rest.delete('allow_pickle')
      if (allowPickle !== undefined) boolArg(allowPickle, true)
      const path = pathArg(file)
      const positional = a.slice(1).map((v) => toSave(ctx, v))
      const named: Record<string, ArrayToSave> = {}
      for (const [k, v] of rest) named[k] = toSave(ctx, v)
      fileCall(() => npSavez(ctx.pathFor(path), positional, named, { compressed }))
      ctx.forgetFile(path)
      return null
    })
  }
}

// ---- torch -----------------------------------------------------------------------------

const ORDERED_DICT_CLASS = new PyClass('OrderedDict', BUILTIN_TYPES.dict, 'collections')
/** collections.OrderedDict (a state_dict): a dict that says its class. */
class PyOrderedDict extends PyDict {
  get pyClass() { return ORDERED_DICT_CLASS }
}

/** The unpickled tree as runner values; each pickled tensor becomes one engine tensor. */
function toRunnerValue(v: pv.PyValue, tensorOf: (t: pv.TorchTensorRef) => PyValue, memo: Map<object, PyValue>): PyValue {
  if (v === null || typeof v === 'boolean' || typeof v === 'string' || typeof v === 'bigint') return v
  // NOTE: the unpickler gives one JS number for pickled ints and floats; integral ones read as int.
  if (typeof v === 'number') return Number.isInteger(v) ? BigInt(v) : v
  const known = memo.get(v)
  if (known !== undefined) return known
  pollInterrupt() // a checkpoint's million containers
  let out: PyValue
  if (v instanceof pv.TorchTensorRef) out = tensorOf(v)
  else if (v instanceof pv.PyList) {
    const l = new PyList([])
    memo.set(v, l)
    l.items = v.items.map((x) => toRunnerValue(x, tensorOf, memo))
    out = l
  } else if (v instanceof pv.PyTuple) out = new PyTuple(v.items.map((x) => toRunnerValue(x, tensorOf, memo)))
  else if (v instanceof pv.PyDict) {
    const d = v.ordered ? new PyOrderedDict() : new PyDict()
    memo.set(v, d)
    for (const [k, x] of v.entries()) {
      const key = toRunnerValue(k, tensorOf, memo)
      d.set(hashKey(key), key, toRunnerValue(x, tensorOf, memo))
    }
    out = d
  } else {
    throw pyErr('NotImplementedError', `torch.load: a ${pv.pyTypeName(v)} in the checkpoint is not supported by the Stridescope runner`)
  }
  memo.set(v, out)
  return out
}

function torchLoadFn(ctx: LibraryContext) {
  return (a: PyValue[], kw: Kwargs): PyValue => {
    const b = bindArgs('load', ['f', 'map_location=', 'pickle_module=', '*', 'weights_only=', 'mmap=', 'encoding='], a, kw)
    const path = pathArg(b.f)
    if (b.weights_only !== undefined && b.weights_only !== null && !boolArg(b.weights_only, true)) {
      throw pyErr('NotImplementedError', 'torch.load(weights_only=False) would run arbitrary pickled code; Stridescope loads checkpoints with weights_only=True only')
    }
    if (b.mmap !== undefined && b.mmap !== null && boolArg(b.mmap, false)) throw pyErr('NotImplementedError', 'torch.load(mmap=True) is not supported by the Stridescope runner')
    const mapLocation = b.map_location === undefined || b.map_location === null ? null : String(b.map_location instanceof PyObject ? (b.map_location as { str?(): string }).str?.() ?? '' : b.map_location)
    const loaded = readFile(ctx, path, torchLoad)
    const desc = loaded.description
    try {
      // torch.load swaps big-endian storages to native order (torch/serialization.py, byteorderdata).
      const swapUnit = new Map<string, number>()
      if (desc.metadata.byteorder === 'big') {
        for (const e of desc.entries) swapUnit.set(e.storageKey, /complex/.test(e.dtype ?? '') ? e.itemsize / 2 : e.itemsize)
      }
      const storages = new StorageMaker(desc, { swapUnit })
      const cuda = cudaStatus()
      const tensorOf = (t: pv.TorchTensorRef): PyValue => {
        const entry = loaded.entryOf.get(t)!
        const made = ctx.op([], () => entryObject(entry, storages, { nativeOrder: true }))
        const location = mapLocation ?? t.storage.location
        if (!location.startsWith('cuda')) return ctx.wrap(made)
        if (!cuda.available) {
          // torch/serialization.py validate_cuda_device
          throw pyErr('RuntimeError', 'Attempting to deserialize object on a CUDA device but torch.cuda.is_available() is False. ' +
            "If you are running on a CPU-only machine, please use torch.load with map_location=torch.device('cpu') to map your storages to the CPU.")
        }
        return ctx.wrap(ctx.op([made], () => toDevice(made, location, false, false)))
      }
      return toRunnerValue(loaded.root, tensorOf, new Map())
    } finally {
      desc.close()
    }
  }
}

export function bindTorchFiles(torch: LibModule, ctx: LibraryContext): void {
  torch.fn('load', torchLoadFn(ctx))
}

// ---- safetensors -------------------------------------------------------------------------

export function safetensorsModule(ctx: LibraryContext, kind: 'tensor' | 'ndarray'): LibModule {
  const m = new LibModule(kind === 'tensor' ? 'safetensors.torch' : 'safetensors.numpy')
  m.fn('load_file', (a, kw) => {
    const b = bindArgs('load_file', kind === 'tensor' ? ['filename', 'device='] : ['filename'], a, kw)
    const desc = readFile(ctx, pathArg(b.filename), safetensorsLoadFile)
    try {
      const storages = new StorageMaker(desc)
      const out = new PyDict()
      for (const e of desc.entries) {
        const entry: FileEntry = { ...e, kind }
        // A tensor's data must start at a multiple of its itemsize; safetensors' own loader copies
        // each tensor out, so one that is unaligned in the file is copied into its own aligned buffer.
        const unaligned = kind === 'tensor' && e.byteOffset % e.itemsize !== 0
        const v = unaligned
          ? wrapAligned(ctx, entry, desc)
          : ctx.opWrap([], () => entryObject(entry, storages))
        out.set(hashKey(e.name), e.name, v)
      }
      return out
    } finally {
      desc.close()
    }
  })
  m.fn('save_file', (a, kw) => {
    const b = bindArgs('save_file', ['tensors', 'filename', 'metadata='], a, kw)
    if (!(b.tensors instanceof PyDict)) throw pyErr('TypeError', `argument 'tensor_dict': '${typeName(b.tensors ?? null)}' object cannot be converted to 'PyDict'`)
    const tensors: Record<string, ArrayToSave> = {}
    for (const [k, v] of b.tensors.entries.values()) {
      if (typeof k !== 'string') throw pyErr('TypeError', `argument 'tensor_dict': '${typeName(k)}' object cannot be converted to 'PyString'`)
      if (!(v instanceof EngineValue)) throw pyErr('AttributeError', `'${typeName(v)}' object has no attribute 'dtype'`)
      tensors[k] = toSave(ctx, v, false)
    }
    const metadata: Record<string, string> = {}
    if (b.metadata instanceof PyDict) for (const [k, v] of b.metadata.entries.values()) metadata[String(k)] = String(v)
    const path = pathArg(b.filename)
    fileCall(() => safetensorsSaveFile(tensors, ctx.pathFor(path), b.metadata instanceof PyDict ? metadata : undefined))
    ctx.forgetFile(path)
    return null
  })
  return m
}

