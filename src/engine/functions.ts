// Module-level engine functions: creation (np.zeros / torch.zeros ...), the
// NumPy ⇄ PyTorch bridge, DLPack and memory-sharing checks. `kind` says which
// library's function it is ('ndarray' = numpy, 'tensor' = torch).
import { loadAddon } from './load'
import type { DlpackExportOptions, NativeCapsule, NativeHandle } from './native'
import { EngineObject, type OperandLike, toOperand } from './object'
import type { BinaryOp, DTypeName, Kind, MemoryFormat, OpReport, Order, PyScalar, RandomKind } from './types'

const wrap = (h: NativeHandle) => new EngineObject(h)
/** Same object back when the engine returned its input (`np.asarray(a) is a`). */
const wrapFrom = (input: EngineObject, h: NativeHandle) => (h === input.handle ? input : new EngineObject(h))

/**
 * The OpReport of the most recent engine operation (copied?, bytes, kernel, seconds, warnings).
 * Inspection calls (info, window, item, isContiguous, sharesMemory, ...) do not replace it.
 * After an operation raised, it still holds the warnings emitted before the error.
 */
export function lastReport(): OpReport { return loadAddon().lastReport() }

// ---- creation (dtype null: the library's default for the arguments) -------
// `order` 'F' is NumPy's order='F' (column-major strides).
export const zeros = (kind: Kind, shape: number[], dtype: DTypeName | null = null, order: 'C' | 'F' = 'C') =>
  wrap(loadAddon().create(kind, 'zeros', shape, dtype, order))
export const ones = (kind: Kind, shape: number[], dtype: DTypeName | null = null, order: 'C' | 'F' = 'C') =>
  wrap(loadAddon().create(kind, 'ones', shape, dtype, order))
/** `empty`: uninitialised memory, as the libraries (values are whatever the allocator left). */
export const empty = (kind: Kind, shape: number[], dtype: DTypeName | null = null, order: 'C' | 'F' = 'C') =>
  wrap(loadAddon().create(kind, 'empty', shape, dtype, order))
export const full = (kind: Kind, shape: number[], value: PyScalar, dtype: DTypeName | null = null, order: 'C' | 'F' = 'C') =>
  wrap(loadAddon().full(kind, shape, value, dtype, order))
/**
 * np.empty_like / zeros_like / ones_like / full_like (`layout`: order 'K' keeps the input's
 * memory order) and torch's (`layout`: a memory format; preserve_format keeps dense strides).
 */
export const createLike = (x: EngineObject, fill: 'zeros' | 'ones' | 'empty' | 'full', layout: Order | MemoryFormat,
  dtype: DTypeName | null = null, value: PyScalar | null = null) => wrap(loadAddon().createLike(x.handle, fill, value, dtype, layout))
/** `arange(stop)` is `arange(0n, null)`... pass Python ints as bigint, floats as number. */
export const arange = (kind: Kind, start: PyScalar, stop: PyScalar | null = null, step: PyScalar | null = null,
  dtype: DTypeName | null = null) => wrap(loadAddon().arange(kind, start, stop, step, dtype))
export const linspace = (kind: Kind, start: PyScalar, stop: PyScalar, num: number, endpoint = true,
  dtype: DTypeName | null = null) => wrap(loadAddon().linspace(kind, start, stop, num, endpoint, dtype))
export const eye = (kind: Kind, n: number, m: number | null = null, k = 0, dtype: DTypeName | null = null) =>
  wrap(loadAddon().eye(kind, n, m, k, dtype))
/** `np.array(nested)` / `torch.tensor(nested)`: the runner flattens the list (C order) and gives the shape. */
export const fromValues = (kind: Kind, values: PyScalar[], shape: number[], dtype: DTypeName | null = null) =>
  wrap(loadAddon().fromValues(kind, values, shape, dtype))
/** Seeded random values: 'ndarray' follows NumPy's legacy RandomState stream, 'tensor' torch's CPU generator. */
export const random = (kind: Kind, dist: RandomKind, shape: number[], dtype: DTypeName | null = null,
  low = 0, high = 1) => wrap(loadAddon().random(kind, dist, shape, dtype, low, high))
/** `np.random.seed(n)` (kind 'ndarray') / `torch.manual_seed(n)` (kind 'tensor'): each kind has its own stream. */
export const seed = (n: number, kind: Kind = 'tensor') => loadAddon().seed(n, kind)

// ---- the bridge ----------------------------------------------------------------
/** `torch.from_numpy(a)`: shares memory (semantics.md §A). */
export const fromNumpy = (a: EngineObject) => wrap(loadAddon().fromNumpy(a.handle))
/** `torch.as_tensor(x, dtype)`: shares when it can (§21, §22). */
export const asTensor = (x: EngineObject, dtype: DTypeName | null = null) => wrapFrom(x, loadAddon().asTensor(x.handle, dtype))
/** `torch.tensor(x, dtype)`: always copies (§23, §24). */
export const tensor = (x: EngineObject, dtype: DTypeName | null = null) => wrap(loadAddon().tensor(x.handle, dtype))
/** `torch.asarray(x, dtype, copy)` (§26, §27). */
export const torchAsarray = (x: EngineObject, dtype: DTypeName | null = null, copy: boolean | null = null) =>
  wrapFrom(x, loadAddon().torchAsarray(x.handle, dtype, copy))
/** `np.asarray(x, dtype, copy)`: `np.asarray(a) is a`; a tensor goes through `.numpy()` (§28, §30). */
export const npAsarray = (x: EngineObject, dtype: DTypeName | null = null, copy: boolean | null = null) =>
  wrapFrom(x, loadAddon().npAsarray(x.handle, dtype, copy))
/** `np.array(x, dtype, copy=True, order='K')` (§29). */
export const npArray = (x: EngineObject, dtype: DTypeName | null = null, copy: boolean | null = true, order: Order = 'K') =>
  wrapFrom(x, loadAddon().npArray(x.handle, dtype, copy, order))
/** `np.ascontiguousarray(a, dtype)`: returns `a` itself when already C-contiguous (§65). */
export const ascontiguousarray = (a: EngineObject, dtype: DTypeName | null = null) =>
  wrapFrom(a, loadAddon().ascontiguousarray(a.handle, dtype))
export const asfortranarray = (a: EngineObject, dtype: DTypeName | null = null) =>
  wrapFrom(a, loadAddon().asfortranarray(a.handle, dtype))

// ---- DLPack (§D) -------------------------------------------------------------
export class Capsule {
  constructor(readonly native: NativeCapsule) {}
}
/** `x.__dlpack__(max_version=..., stream=...)`. */
export const toDlpack = (x: EngineObject, opts: DlpackExportOptions = { maxVersion: [1, 0], stream: null }) =>
  new Capsule(loadAddon().toDlpack(x.handle, opts))
/** `x.__dlpack_device__()`: (1,0) cpu, (3,0) pinned, (2,i) cuda. */
export const dlpackDevice = (x: EngineObject) => loadAddon().dlpackDevice(x.handle)
/** `np.from_dlpack(x)` (kind 'ndarray') / `torch.from_dlpack(x)` (kind 'tensor'); x an object or a capsule. */
export const fromDlpack = (kind: Kind, x: EngineObject | Capsule, copy: boolean | null = null) =>
  wrap(loadAddon().fromDlpack(kind, x instanceof Capsule ? x.native : x.handle, copy))

// ---- sharing -----------------------------------------------------------------
/** `np.shares_memory(a, b)`: exact (some byte both address). */
export const sharesMemory = (a: EngineObject, b: EngineObject) => loadAddon().sharesMemory(a.handle, b.handle)
/** `np.may_share_memory(a, b)`: byte extents overlap. */
export const mayShareMemory = (a: EngineObject, b: EngineObject) => loadAddon().maySharememory(a.handle, b.handle)

// ---- arithmetic on operands that may be scalars ------------------------------
/** `a <op> b` where either side may be a Python scalar (at least one an object). */
export const binary = (op: BinaryOp, a: OperandLike, b: OperandLike) => wrap(loadAddon().binary(op, toOperand(a), toOperand(b)))
/** `np.add(a, b, out=o)` / `torch.add(a, b, out=o)`: the result written into `out` (each library's refusals first). */
export const binaryOut = (op: BinaryOp, a: OperandLike, b: OperandLike, out: EngineObject): void =>
  loadAddon().binaryOut(op, toOperand(a), toOperand(b), out.handle)
/** torch's grad mode (torch.no_grad()): sets it, returns the previous one. */
export const setGradEnabled = (mode: boolean): boolean => loadAddon().setGradEnabled(mode)

// ---- cuda devices (real, or the simulated one) ----------------------------------
/** Turns the simulated cuda device on/off (a real GPU wins unless `force`). */
export const setSimulateCuda = (on: boolean, force = false) => loadAddon().setSimulateCuda(on, force)
/** torch.cuda.is_available() / device_count() / get_device_name(i), and why not. */
export const cudaStatus = () => loadAddon().cudaStatus()
/** Registers the calling thread's interrupt flag with the kernels (native/core/cancel.h); null clears it. */
export const setInterruptFlag = (flag: Int32Array | null) => loadAddon().setInterruptFlag(flag)
/** Lets the process's main thread use `megabytes` of stack (a program's recursion); false where it cannot. */
export const growMainThreadStack = (megabytes: number): boolean => loadAddon().growStack(megabytes)
/** Until unwatchInterrupts(): Ctrl-C (SIGINT) and the deadline write `flag` natively, with no event loop turning. */
export const watchInterrupts = (flag: Int32Array, timeoutSeconds: number | null): boolean => loadAddon().watchInterrupts(flag, timeoutSeconds)
export const unwatchInterrupts = (): void => loadAddon().unwatchInterrupts()
/** Bytes of live device storages (allocated) and those plus the cached blocks (reserved). */
export const cudaMemoryStats = (device: number) => loadAddon().cudaMemoryStats(device)

// ---- the memory cap (native/core/memory_cap.h) ------------------------------------
/** Caps what the calling thread's program may hold on every device of a type (bytes; 0: half of RAM).
 * An allocation past it raises the library's out-of-memory error before any byte is taken. */
export const setMemoryCap = (device: 'cpu' | 'cuda', bytes: number): void => loadAddon().setMemoryCap(device, bytes)
/** Live bytes per device (cpu, each cuda device) and each device's cap. */
export const memoryUsage = () => loadAddon().memoryUsage()
