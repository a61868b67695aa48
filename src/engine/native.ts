// The raw surface of build/Release/stridescope.node. Only src/engine uses it;
// everything else goes through EngineObject and the functions in index.ts.
// `null` arguments mean "the library's default".
import type {
  BinaryOp, UnaryOp, ReduceOp, DTypeName, IndexItem, JoinFn, Kind, MemoryFormat, ObjectInfo, OpReport, Order, ProductFn, PyScalar,
  RandomKind, SortFn, SplitFn, StorageViewSpec, ValueWindow,
} from './types'

/** An index item as the addon takes it: index arrays travel as handles. */
export type IndexFn = 'index_select' | 'masked_select' | 'masked_fill' | 'masked_fill_' | 'nonzero' | 'take' | 'put'

export type NativeIndexItem = IndexItem | { kind: 'array'; array: NativeHandle }

/** An opaque native value holding one engine Array (kept alive while referenced; an N-API external). */
export interface NativeHandle { readonly __nativeArray: unique symbol }
/** An opaque DLPack capsule (consumed once). */
export interface NativeCapsule { readonly __nativeCapsule: unique symbol }

export type Operand = NativeHandle | PyScalar

export interface DlpackExportOptions {
  maxVersion: [number, number] | null // null: unversioned capsule
  stream: number | null
  readOnly?: boolean
}

export interface NativeAddon {
  lastReport(): OpReport

  // creation
  /** `order` 'F': NumPy's order='F' (column-major); C otherwise. */
  create(kind: Kind, fill: 'zeros' | 'ones' | 'empty', shape: number[], dtype: DTypeName | null, order?: 'C' | 'F'): NativeHandle
  full(kind: Kind, shape: number[], value: PyScalar, dtype: DTypeName | null, order?: 'C' | 'F'): NativeHandle
  /** np.*_like (layout: an Order) / torch.*_like (layout: a MemoryFormat); value only for 'full'. */
  createLike(h: NativeHandle, fill: 'zeros' | 'ones' | 'empty' | 'full', value: PyScalar | null, dtype: DTypeName | null, layout: Order | MemoryFormat): NativeHandle
  arange(kind: Kind, start: PyScalar, stop: PyScalar | null, step: PyScalar | null, dtype: DTypeName | null): NativeHandle
  linspace(kind: Kind, start: PyScalar, stop: PyScalar, num: number, endpoint: boolean, dtype: DTypeName | null): NativeHandle
  eye(kind: Kind, n: number, m: number | null, k: number, dtype: DTypeName | null): NativeHandle
  fromValues(kind: Kind, values: PyScalar[], shape: number[], dtype: DTypeName | null): NativeHandle
  random(kind: Kind, dist: RandomKind, shape: number[], dtype: DTypeName | null, low: number, high: number): NativeHandle
  /** np.random.seed (kind 'ndarray') / torch.manual_seed (kind 'tensor'): one stream per kind. */
  seed(seed: number, kind: Kind): void

  // inspection
  info(h: NativeHandle): ObjectInfo
  window(h: NativeHandle, start: number[], shape: number[]): ValueWindow
  item(h: NativeHandle): PyScalar
  isContiguous(h: NativeHandle, format: MemoryFormat | 'F'): boolean
  release(h: NativeHandle): void
  /** ndarray.flags.writeable = on, under NumPy's rules (ValueError when the memory may not be written). */
  setWriteable(h: NativeHandle, on: boolean): void

  // views
  index(h: NativeHandle, items: NativeIndexItem[]): NativeHandle
  /** index_select / masked_select / masked_fill(_) / nonzero / take / put (native/core/index_functions.h); put returns its array. */
  indexFn(fn: IndexFn, h: NativeHandle, arg?: NativeHandle | number, arg2?: Operand | number | null, mode?: 'raise' | 'wrap' | 'clip'): NativeHandle
  /** NumPy's .base object (null when the array owns its data). */
  base(h: NativeHandle): NativeHandle | null
  transpose(h: NativeHandle, dims: number[]): NativeHandle
  permute(h: NativeHandle, dims: number[]): NativeHandle
  swapaxes(h: NativeHandle, a: number, b: number): NativeHandle
  T(h: NativeHandle): NativeHandle
  mT(h: NativeHandle): NativeHandle
  t(h: NativeHandle): NativeHandle
  expand(h: NativeHandle, sizes: number[]): NativeHandle
  broadcastTo(h: NativeHandle, shape: number[]): NativeHandle
  view(h: NativeHandle, shape: number[]): NativeHandle
  viewDtype(h: NativeHandle, dtype: DTypeName): NativeHandle
  reshape(h: NativeHandle, shape: number[], order: 'C' | 'F'): NativeHandle
  squeeze(h: NativeHandle, dims: number[] | null): NativeHandle
  unsqueeze(h: NativeHandle, dim: number): NativeHandle
  expandDims(h: NativeHandle, axes: number[]): NativeHandle
  narrow(h: NativeHandle, dim: number, start: number, length: number): NativeHandle
  diagonal(h: NativeHandle, offset: number, dim1: number, dim2: number): NativeHandle
  unfold(h: NativeHandle, dim: number, size: number, step: number): NativeHandle
  complexPart(h: NativeHandle, imag: boolean): NativeHandle
  viewAsReal(h: NativeHandle): NativeHandle
  viewAsComplex(h: NativeHandle): NativeHandle
  slidingWindowView(h: NativeHandle, windowShape: number[], axes: number[] | null): NativeHandle
  asStrided(h: NativeHandle, size: number[], stride: number[], offset: number | null): NativeHandle
  /** asStrided's checks alone: throws what it would throw, makes nothing. */
  checkAsStrided(h: NativeHandle, size: number[], stride: number[], offset: number | null): void
  flip(h: NativeHandle, dims: number[] | null): NativeHandle

  // copies
  clone(h: NativeHandle, format: MemoryFormat): NativeHandle
  contiguous(h: NativeHandle, format: MemoryFormat): NativeHandle
  copy(h: NativeHandle, order: Order): NativeHandle
  ascontiguousarray(h: NativeHandle, dtype: DTypeName | null): NativeHandle
  asfortranarray(h: NativeHandle, dtype: DTypeName | null): NativeHandle
  astype(h: NativeHandle, dtype: DTypeName, order: Order, copy: boolean): NativeHandle
  astypeByteOrder(h: NativeHandle, dtype: DTypeName, byteOrder: '<' | '>' | '='): NativeHandle
  viewByteOrder(h: NativeHandle, byteOrder: '<' | '>' | '='): NativeHandle
  toDtype(h: NativeHandle, dtype: DTypeName, copy: boolean): NativeHandle
  ravel(h: NativeHandle, order: Order): NativeHandle
  flatten(h: NativeHandle, order: Order, startDim: number, endDim: number): NativeHandle

  // bridge
  fromNumpy(h: NativeHandle): NativeHandle
  numpy(h: NativeHandle, force: boolean): NativeHandle
  asTensor(h: NativeHandle, dtype: DTypeName | null): NativeHandle
  tensor(h: NativeHandle, dtype: DTypeName | null): NativeHandle
  torchAsarray(h: NativeHandle, dtype: DTypeName | null, copy: boolean | null): NativeHandle
  npAsarray(h: NativeHandle, dtype: DTypeName | null, copy: boolean | null): NativeHandle
  npArray(h: NativeHandle, dtype: DTypeName | null, copy: boolean | null, order: Order): NativeHandle
  toDlpack(h: NativeHandle, opts: DlpackExportOptions): NativeCapsule
  dlpackDevice(h: NativeHandle): [number, number]
  fromDlpack(kind: Kind, x: NativeHandle | NativeCapsule, copy: boolean | null): NativeHandle
  sharesMemory(a: NativeHandle, b: NativeHandle): boolean
  maySharememory(a: NativeHandle, b: NativeHandle): boolean

  // writes and arithmetic
  setitem(h: NativeHandle, items: NativeIndexItem[], value: Operand): void
  fill(h: NativeHandle, value: PyScalar): void
  inplace(h: NativeHandle, op: BinaryOp, other: Operand): void
  copy_(h: NativeHandle, src: NativeHandle): void
  binaryOut(op: BinaryOp, a: Operand, b: Operand, out: NativeHandle): void
  /** Sets torch's grad mode; returns the previous one. */
  setGradEnabled(mode: boolean): boolean
  binary(op: BinaryOp, a: Operand, b: Operand): NativeHandle
  requiresGrad_(h: NativeHandle, flag: boolean): NativeHandle
  detach(h: NativeHandle): NativeHandle
  conj(h: NativeHandle): NativeHandle
  resolveConj(h: NativeHandle): NativeHandle
  conjPhysical(h: NativeHandle): NativeHandle
  npConj(h: NativeHandle, ufunc: boolean): NativeHandle
  reduce(h: NativeHandle, op: ReduceOp, dims: number[] | null, keepdim: boolean, dtype: DTypeName | null, ddof?: number): NativeHandle
  scan(h: NativeHandle, op: 'cumsum' | 'cumprod', axis: number | null, dtype: DTypeName | null): NativeHandle
  unary(op: UnaryOp, h: NativeHandle): NativeHandle

  // sorting (native/core/sort.h)
  /** The new objects: np.sort [values], np.argsort / torch.argsort [indices], torch.sort [values, indices], ndarray.sort [] (in place). */
  sort(fn: SortFn, h: NativeHandle, axis: number | null, descending: boolean): NativeHandle[]
  /** [values, indices] */
  topk(h: NativeHandle, k: number, dim: number, largest: boolean): NativeHandle[]
  /** [values, index?, inverse?, counts?] as asked. */
  unique(h: NativeHandle, index: boolean, inverse: boolean, counts: boolean, equalNan: boolean): NativeHandle[]

  // matrix products (native/core/matmul.h)
  product(fn: ProductFn, a: NativeHandle, b: NativeHandle): NativeHandle
  einsum(kind: Kind, equation: string, operands: NativeHandle[]): NativeHandle

  // joining and splitting (native/core/join_split.h)
  join(fn: JoinFn, arrays: NativeHandle[], axis: number | null, dtype: DTypeName | null): NativeHandle
  split(fn: SplitFn, h: NativeHandle, sections: number | null, indices: number[] | null, axis: number): NativeHandle[]
  where(kind: Kind, cond: NativeHandle, x: Operand, y: Operand): NativeHandle
  /** [the whole index array, then one view of it per dim] */
  nonzero(h: NativeHandle): NativeHandle[]
  tile(h: NativeHandle, reps: number[]): NativeHandle
  repeat(h: NativeHandle, repeats: number[], axis: number | null): NativeHandle

  // devices (native/core/device_moves.h)
  toDevice(h: NativeHandle, device: string, nonBlocking: boolean, copy: boolean): NativeHandle
  cuda(h: NativeHandle, device: string | null, nonBlocking: boolean): NativeHandle
  cpu(h: NativeHandle): NativeHandle
  pinMemory(h: NativeHandle): NativeHandle
  isPinned(h: NativeHandle): boolean
  setSimulateCuda(on: boolean, force?: boolean): void
  cudaStatus(): CudaStatus

  // files (native/binding/ops_files.cc): a storage travels as a flat uint8 ndarray over all its bytes
  storageFromBytes(bytes: Uint8Array): NativeHandle
  storageFromFile(path: string, offset: number, nbytes: number): NativeHandle
  viewOfStorage(storage: NativeHandle, spec: StorageViewSpec): NativeHandle
  arrayBytes(h: NativeHandle, order: 'C' | 'F'): Uint8Array
  /** torch.cuda.memory_allocated / memory_reserved of cuda:`device`, in bytes. */
  cudaMemoryStats(device: number): { allocated: number; reserved: number }
  /** The calling thread's memory cap for every device of a type, in bytes (0: half of RAM). */
  setMemoryCap(device: 'cpu' | 'cuda', bytes: number): void
  memoryUsage(): DeviceMemory[]

  // stopping a run (native/binding/ops_run.cc)
  setInterruptFlag(flag: Int32Array | null): void
  /** Lets the calling thread (the process's main thread only) use `megabytes` of stack; false where it cannot. */
  growStack(megabytes: number): boolean
  /** Until unwatchInterrupts(): SIGINT writes INTERRUPT_STOP to `flag` (a second one exits 130), the deadline INTERRUPT_TIMEOUT. */
  watchInterrupts(flag: Int32Array, timeoutSeconds: number | null): boolean
  unwatchInterrupts(): void
}

/**
 * Every export of the addon, one entry per member of NativeAddon: `satisfies` refuses
 * both a missing and an extra name, so this list cannot drift from the interface,
 * and loadAddon / tests/engine/addon-exports.test.ts hold the built addon to it.
 */
export const NATIVE_EXPORTS = Object.keys({
  lastReport: 1,
  create: 1, full: 1, createLike: 1, arange: 1, linspace: 1, eye: 1, fromValues: 1, random: 1, seed: 1,
  info: 1, window: 1, item: 1, base: 1, isContiguous: 1, release: 1, setWriteable: 1,
  index: 1, indexFn: 1, transpose: 1, permute: 1, swapaxes: 1, T: 1, mT: 1, t: 1, expand: 1, broadcastTo: 1, view: 1,
  viewDtype: 1, reshape: 1, squeeze: 1, unsqueeze: 1, expandDims: 1, narrow: 1, diagonal: 1, unfold: 1, complexPart: 1, viewAsReal: 1, viewAsComplex: 1,
  slidingWindowView: 1, asStrided: 1, checkAsStrided: 1, flip: 1,
  clone: 1, contiguous: 1, copy: 1, ascontiguousarray: 1, asfortranarray: 1, astype: 1, astypeByteOrder: 1,
  viewByteOrder: 1, toDtype: 1, ravel: 1, flatten: 1,
  fromNumpy: 1, numpy: 1, asTensor: 1, tensor: 1, torchAsarray: 1, npAsarray: 1, npArray: 1, toDlpack: 1,
  dlpackDevice: 1, fromDlpack: 1, sharesMemory: 1, maySharememory: 1,
  setitem: 1, fill: 1, inplace: 1, copy_: 1, binaryOut: 1, setGradEnabled: 1, binary: 1, requiresGrad_: 1, detach: 1, conj: 1, resolveConj: 1,
  conjPhysical: 1, npConj: 1, reduce: 1, scan: 1, unary: 1, sort: 1, topk: 1, unique: 1,
  product: 1, einsum: 1, join: 1, split: 1, where: 1, nonzero: 1, tile: 1, repeat: 1,
  toDevice: 1, cuda: 1, cpu: 1, pinMemory: 1, isPinned: 1, setSimulateCuda: 1, cudaStatus: 1, cudaMemoryStats: 1,
  setMemoryCap: 1, memoryUsage: 1,
  storageFromBytes: 1, storageFromFile: 1, viewOfStorage: 1, arrayBytes: 1,
  setInterruptFlag: 1, growStack: 1, watchInterrupts: 1, unwatchInterrupts: 1,
} satisfies Record<keyof NativeAddon, 1>) as (keyof NativeAddon)[]

/** Bytes the calling thread's program holds on one device (native/core/memory_cap.h), against its cap. */
export interface DeviceMemory {
  device: string          // 'cpu' | 'cuda:0' ...
  live: number
  cap: number
}

export interface CudaStatus {
  available: boolean
  deviceCount: number
  simulated: boolean      // the cuda devices are the simulated ones
  reason: string          // why no cuda device is available ('' when one is)
  deviceNames: string[]
}
