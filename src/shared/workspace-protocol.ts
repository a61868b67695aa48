// The plain data every request carries: the workspace snapshot (objects, storages,
// op records, history, devices), a Python exception, a window of values and a
// run's result. Split from ./protocol so that each service's part of the contract
// (profiler, lessons, files) can name this data without importing the contract
// that spreads it in.
import type * as Engine from '../engine/types'
import {
  array, boolean, count, decimal, integer, literal, nullable, number, object, optional, string, type Infer, type Schema
} from './schema'
import { attachedOrigin } from './attach-protocol'
import { MAX_WRITE_RUNS } from './element-offsets'

// ---- limits: every request is bounded so a bad payload cannot exhaust memory ----
/** Longest Python source accepted by `run`. */
export const MAX_CODE_LENGTH = 200_000
/** Largest WebSocket message the browser-mode server accepts (a run of MAX_CODE_LENGTH characters fits). */
export const MAX_MESSAGE_BYTES = 4 * 1024 * 1024
/** Most elements one `window` request may return (a 1M-element texture view fits). */
export const MAX_WINDOW_ELEMENTS = 1 << 20
/** Highest rank accepted in `window` (NumPy's NPY_MAXDIMS is 64). */
export const MAX_RANK = 64
/** Most op records carried in one snapshot (the newest are kept; `opsTotal` says how many exist). */
export const MAX_SNAPSHOT_OPS = 2_000
/**
 * Most history entries, and most bytes of their code, carried in one snapshot (the newest are
 * kept; `historyTotal` says how many runs the session holds). Every run answers with a snapshot:
 * the whole history in each made 30 MB replies after 150 runs of 200 KB.
 */
export const MAX_SNAPSHOT_HISTORY = 500
export const MAX_SNAPSHOT_HISTORY_BYTES = 1 << 20

// ---- engine plain data (mirrors src/engine/types.ts; checked equal at compile time below) ----
const dtypeName = literal<Engine.DTypeName>(
  'bool', 'int8', 'int16', 'int32', 'int64', 'uint8', 'uint16', 'uint32', 'uint64',
  'float16', 'bfloat16', 'float32', 'float64', 'complex64', 'complex128'
)

export const storageInfo = object({
  id: count,
  device: string,
  simulated: boolean,
  pinned: boolean,
  nbytes: count,
  dataPtr: decimal,
  resizable: boolean
})

export const objectInfo = object({
  id: count,
  kind: literal<Engine.Kind>('ndarray', 'tensor'),
  dtype: dtypeName,
  itemsize: count,
  shape: array(count, MAX_RANK),
  strides: array(integer, MAX_RANK),
  byteStrides: array(integer, MAX_RANK),
  offset: count,
  byteOffset: count,
  numel: count,
  nbytes: count,
  dataPtr: decimal,
  device: string,
  storage: storageInfo,
  flags: object({ cContiguous: boolean, fContiguous: boolean, writeable: boolean, ownsData: boolean, aligned: boolean }),
  requiresGrad: boolean,
  isLeaf: optional(boolean), // tensor.is_leaf
  baseId: nullable(count),
  byteOrder: literal('=', '>', '<', '|'),
  conj: boolean,
  neg: boolean
})

const transfer = object({ from: string, to: string, pinned: boolean })

// ---- workspace snapshot ----

/** A live array/tensor and the Python names bound to it (an object may have several names). */
export const objectEntry = object({
  names: array(string),
  info: objectInfo,
  /** Set on objects of another Python program (./attach-protocol.ts): read-only here. */
  origin: optional(attachedOrigin)
})

/**
 * A storage and the ids of the named objects that view it. `overlaps` lists the
 * other storages whose byte ranges intersect this one: from_numpy, numpy() and
 * DLPack make new storages over the same bytes, so sharing is a fact about byte
 * ranges, not storage identity (reference/semantics.md, 71).
 */
export const storageEntry = object({ info: storageInfo, objectIds: array(count), overlaps: array(count) })

/**
 * One block of memory: storages on one device joined by overlapping byte ranges
 * (directly or through another), the span from the lowest base to the highest end,
 * and the objects that view it. The session groups them; the renderer draws them.
 */
export const memoryBlock = object({
  device: string,
  base: decimal,          // lowest storage address in the block
  nbytes: count,          // span from base to the highest storage end
  storageIds: array(count), // by address, then id
  objectIds: array(count)
})

/** Elements an operation wrote, as a strided walk (or runs) from an address (every alias over those bytes flashes). */
export const writtenRegion = object({
  device: string,
  dataPtr: decimal,       // address of the first written element
  shape: array(count, MAX_RANK),
  byteStrides: array(integer, MAX_RANK),
  itemsize: count,
  // A scattered write (an index or mask): its element offsets from dataPtr as
  // [start, step, count] runs (src/shared/element-offsets.ts); shape and strides are then empty.
  runs: optional(array(integer, MAX_WRITE_RUNS * 3))
})

/** One engine operation, recorded by the session with the Python line that caused it. */
export const opRecord = object({
  seq: count,             // position in the session's whole op log (0-based)
  historySeq: count,      // which history entry (run) produced it
  line: string,           // the Python source line, as typed
  lineNo: count,          // 1-based line number within that run's code (0 when unknown)
  op: string,             // the engine's step (internal: 'create', 'fromNumpy', 'viewOfStorage')
  userOp: optional(string),   // the Python expression that ran it, as the program wrote it: 'np.zeros(...)', 'z.T'
  userOpSeq: optional(count), // that expression's run number: the engine steps of one call share it (one op-log row)
  copied: boolean,
  bytes: count,
  kernel: string,
  reason: optional(string),
  seconds: number,        // engine time of this op
  time: number,           // wall-clock ms since the epoch when the op was recorded
  transfer: optional(transfer),
  resultId: optional(nullable(count)), // the object the op produced, when the runner knows it
  inputIds: optional(array(count)),    // the objects it read
  wrote: optional(writtenRegion),      // the elements it wrote in place (setitem, +=, copy_, out=): the views flash them
  attachedFrom: optional(string)       // 'python 12345: train.py' for ops traced in another program
})

/** A Python exception as Python shows it (`type: message`), with an optional hint for the UI. */
export const pyError = object({
  type: string,           // 'TypeError', 'RuntimeError', ...
  message: string,        // the library's exact text
  lineNo: optional(count),
  traceback: optional(string),
  suggestion: optional(string)
})

/** One line (or block) of Python the session ran: its history, exportable as a .py file. */
export const historyEntry = object({
  seq: count,
  code: string,
  ok: boolean,
  error: optional(pyError),
  seconds: number,        // wall time of the whole run
  time: number            // ms since the epoch when it ran
})

export const deviceInfo = object({
  name: string,           // 'cpu', 'cuda:0', ...
  type: literal('cpu', 'cuda'),
  index: nullable(count), // null for cpu
  simulated: boolean,     // the simulated cuda device (a separate host allocation)
  label: string           // what the UI prints, e.g. 'cuda:0 (simulated)'
})

/** What the program holds on one device (the engine's count of live storage bytes) against its cap. */
export const deviceMemory = object({
  device: string,         // 'cpu', 'cuda:0', ...
  live: count,            // bytes of live storages the program allocated there
  cap: count              // what it may hold there: the user's cap, or half of RAM
})

/** The user's memory caps in bytes, per device type; null: the default (half of RAM). */
/**
 * Where a `run`'s code came from: 'console', a line the person typed; 'ui', a line the app wrote
 * (buttons, menus, lessons, opened files). Only a typed line may name an absolute path for the
 * file functions; every other path stays inside the working folder (src/runner/lib/working_folder.ts).
 */
export const runOrigin = literal('console', 'ui')
export type RunOrigin = Infer<typeof runOrigin>

export const memoryCaps = object({ cpu: nullable(count), cuda: nullable(count) })

export const workspace = object({
  revision: count,        // increases with every change; the renderer drops older snapshots
  objects: array(objectEntry),
  storages: array(storageEntry),
  memoryBlocks: array(memoryBlock),
  ops: array(opRecord),   // newest MAX_SNAPSHOT_OPS records, oldest first
  opsTotal: count,
  history: array(historyEntry),   // the newest entries within MAX_SNAPSHOT_HISTORY(_BYTES), oldest first
  /** How many history entries the session holds (the export and replays use them all). */
  historyTotal: optional(count),
  devices: array(deviceInfo),
  simulateCuda: boolean,
  /** Why no cuda device is listed (e.g. 'no NVIDIA driver is installed ...'), when none is. */
  cudaUnavailableReason: optional(string),
  /** True while a lesson runs in its own workspace (the person's is put aside until lessonsEnd). */
  lesson: optional(boolean),
  /** Live bytes per device against its cap (absent where the engine cannot say). */
  memory: optional(array(deviceMemory, 64)),
  memoryCaps: optional(memoryCaps),
  /** The folder the programs' relative file paths resolve in (absent where the session has none, as in the CLI). */
  workingFolder: optional(string)
})

// ---- values ----

/**
 * One value on the wire: a finite number; for non-finite floats Python's
 * spelling 'nan' | 'inf' | '-inf'; for 64-bit integers beyond 2^53 a decimal
 * string ('-9223372036854775808'). Complex values are interleaved re, im.
 */
export const wireValue: Schema<number | string> = {
  name: 'number or value string',
  check: (v, path) =>
    (typeof v === 'number' && Number.isFinite(v)) || (typeof v === 'string' && /^(nan|-?inf|-?[0-9]+)$/.test(v))
      ? null
      : `${path}: expected a finite number, 'nan', 'inf', '-inf' or an integer string`
}

/**
 * How `window` returns values. 'json' (default): `values`, exact. 'f64': `f64`
 * holds the values as numbers in a typed array and `values` is empty: NaN and
 * infinities are native, 64-bit integers beyond 2^53 are rounded to the nearest
 * double. The typed array is the narrowest that holds every one of those doubles
 * exactly (int8, int16, int32, float32, else float64; see ./binary-frame): read
 * them as doubles with windowNumbers (./window-numbers). For drawing large
 * windows: the values cross every transport as bytes, never as text, and are
 * drawn as they arrive.
 */
export const windowEncoding = literal('json', 'f64')

/** An 'f64' window's values: the doubles in the narrowest typed array that holds each exactly. */
export type NarrowValues = Int8Array | Int16Array | Int32Array | Float32Array | Float64Array

export const isNarrowValues = (v: unknown): v is NarrowValues =>
  v instanceof Int8Array || v instanceof Int16Array || v instanceof Int32Array || v instanceof Float32Array || v instanceof Float64Array

/** Numbers in a typed array (never JSON: see ./binary-frame for how each transport carries them). */
export const narrowNumbers: Schema<NarrowValues> = {
  name: 'Int8Array, Int16Array, Int32Array, Float32Array or Float64Array',
  check: (v, path) => (isNarrowValues(v) ? null : `${path}: expected a typed array of numbers, got ${v === null ? 'null' : typeof v}`)
}

export const valuesWindow = object({
  objectId: count,
  dtype: dtypeName,
  start: array(count, MAX_RANK),
  shape: array(count, MAX_RANK),
  complex: boolean,       // values are re, im pairs
  values: array(wireValue, 2 * MAX_WINDOW_ELEMENTS),
  f64: optional(narrowNumbers)   // with encoding 'f64' only
})

/** What running Python answers: output, the exception (if any), the op records and the new snapshot. */
export const runResult = object({ stdout: string, stderr: string, error: nullable(pyError), ops: array(opRecord), snapshot: workspace })

// ---- exported plain types ----
export type StorageInfo = Infer<typeof storageInfo>
export type ObjectInfo = Infer<typeof objectInfo>
export type ObjectEntry = Infer<typeof objectEntry>
export type StorageEntry = Infer<typeof storageEntry>
export type MemoryBlockEntry = Infer<typeof memoryBlock>
export type OpRecord = Infer<typeof opRecord>
export type PyErrorInfo = Infer<typeof pyError>
export type HistoryEntry = Infer<typeof historyEntry>
export type DeviceInfo = Infer<typeof deviceInfo>
export type DeviceMemory = Infer<typeof deviceMemory>
export type MemoryCaps = Infer<typeof memoryCaps>
export type Workspace = Infer<typeof workspace>
export type WireValue = number | string
export type ValuesWindow = Infer<typeof valuesWindow>
export type RunResult = Infer<typeof runResult>

/** A wire value as a JS number for drawing (colour scales); integer strings lose precision past 2^53. */
export function wireValueToNumber(v: WireValue): number {
  if (typeof v === 'number') return v
  if (v === 'nan') return Number.NaN
  if (v === 'inf') return Number.POSITIVE_INFINITY
  if (v === '-inf') return Number.NEGATIVE_INFINITY
  return Number(v)
}

// Compile-time proof that the schemas describe exactly the engine's plain data:
// mutually assignable, and the same keys (optional keys included, which
// assignability alone would let one side add unnoticed).
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? ([keyof A] extends [keyof B] ? ([keyof B] extends [keyof A] ? true : false) : false) : false) : false
const sameObjectInfo: Same<ObjectInfo, Engine.ObjectInfo> = true
const sameStorageInfo: Same<StorageInfo, Engine.StorageInfo> = true
void sameObjectInfo
void sameStorageInfo
