// The plain-data contract of the native engine as the rest of the app sees it.
// Nothing here holds a pointer: addresses are decimal strings (BigInt-safe),
// values cross as copies of bounded windows.

export type Kind = 'ndarray' | 'tensor'

export type DTypeName =
  | 'bool'
  | 'int8' | 'int16' | 'int32' | 'int64'
  | 'uint8' | 'uint16' | 'uint32' | 'uint64'
  | 'float16' | 'bfloat16' | 'float32' | 'float64'
  | 'complex64' | 'complex128'

/** Python exception names the engine can raise (ss::PyExc). */
export type PyExcName =
  | 'RuntimeError' | 'ValueError' | 'TypeError' | 'IndexError' | 'BufferError'
  | 'AssertionError' | 'NotImplementedError' | 'MemoryError' | 'OverflowError'
  | 'AxisError'            // numpy.exceptions.AxisError (a ValueError and an IndexError)
  | 'ZeroDivisionError' | 'AttributeError'
  | '_ArrayMemoryError'    // numpy._core._exceptions._ArrayMemoryError (a MemoryError)
  | 'OutOfMemoryError'     // torch.OutOfMemoryError (a RuntimeError): CUDA out of memory

export interface StorageInfo {
  id: number
  device: string          // 'cpu' | 'cuda:0' ...
  simulated: boolean      // true for the simulated cuda device
  pinned: boolean
  nbytes: number
  dataPtr: string         // base address, decimal
  resizable: boolean
}

export interface ObjectFlags {
  cContiguous: boolean    // as the object's own library computes it
  fContiguous: boolean
  writeable: boolean
  ownsData: boolean
  aligned: boolean
}

export interface ObjectInfo {
  id: number              // stable engine id of this array/tensor object
  kind: Kind
  dtype: DTypeName
  itemsize: number
  shape: number[]
  strides: number[]       // in elements (tensor rules); for arrays = bytes / itemsize when exact
  byteStrides: number[]   // in bytes (NumPy's .strides)
  offset: number          // storage offset in elements (tensor.storage_offset())
  byteOffset: number      // from storage base to element 0, in bytes
  numel: number
  nbytes: number          // numel * itemsize
  dataPtr: string         // address of element 0, decimal
  device: string
  storage: StorageInfo
  flags: ObjectFlags
  requiresGrad: boolean
  isLeaf?: boolean        // tensor.is_leaf (false for results that record autograd history)
  baseId: number | null   // NumPy's .base (an array id) when it is a view
  byteOrder: '=' | '>' | '<' | '|'
  conj: boolean
  neg: boolean
}

/** What one engine operation did: fed to the operation log and the profiler. */
export interface OpReport {
  seq?: number            // counts begun reports: unchanged after a call that reports nothing (item, window)
  op: string              // engine op name, e.g. 'contiguous'
  copied: boolean         // bytes were copied into a new storage (or into dst)
  bytes: number           // bytes written
  kernel: string          // 'view' | 'alloc' (a new buffer) | 'memcpy' | 'transpose-avx2-8x8' | 'cudaMemcpy H2D pinned' ...
  reason?: string         // why it copied or allocated: 'non-contiguous source', 'device change', 'new buffer, filled with zeros', ...
  seconds: number
  transfer?: { from: string; to: string; pinned: boolean }
  threads?: number        // threads the copy kernel used
  warnings?: EngineWarning[]  // in the order Python would emit them
  /** A NumPy ufunc's floating-point errors (its loop raised them), in NumPy's order; the runner applies np.errstate. */
  fpErrors?: Array<{ kind: 'divide' | 'over' | 'under' | 'invalid'; message: string }>
}

/** The elements an operation wrote, as a strided region of memory: element 0's address and the walk from it. */
export interface WrittenRegion {
  device: string
  dataPtr: string         // address of the first written element, decimal
  shape: number[]
  byteStrides: number[]
  itemsize: number
  /** A scattered write: offsets from dataPtr as [start, step, count] runs (shape and strides empty). */
  runs?: number[]
}

/** A window of values, copied out of engine memory, in C order of the window. */
export interface ValueWindow {
  dtype: DTypeName
  shape: number[]         // the window's shape
  /** float/complex/bool/int<=32 values as numbers; int64/uint64 as bigint. Complex interleaved re,im. */
  values: ArrayLike<number> | BigInt64Array | BigUint64Array
}

// ---- Inputs to the engine (added with the TS API, src/engine/index.ts) ----

/**
 * A Python scalar as the runner hands it over. The type matters for promotion
 * (NEP 50 / torch "weak" scalars), so Python `int` is a bigint, `float` a number.
 */
export type PyScalar = boolean | bigint | number | { re: number; im: number }

/** One entry of a parsed subscript `a[1, ::2, None, ...]`. */
/** Integers past 2^53 (a[2**63 - 1], clamped slice bounds) travel as bigint; the addon takes both. */
export type IndexItem =
  | { kind: 'int'; index: number | bigint }
  | { kind: 'slice'; start: number | bigint | null; stop: number | bigint | null; step: number | bigint | null }
  | { kind: 'newaxis' }
  | { kind: 'ellipsis' }
  /** A Python True/False (a 0-d boolean index). */
  | { kind: 'bool'; value: boolean }

export type Order = 'C' | 'F' | 'A' | 'K'
export type MemoryFormat = 'contiguous_format' | 'preserve_format' | 'channels_last'
export type BinaryOp = 'add' | 'sub' | 'mul' | 'div' | 'floordiv' | 'mod' | 'pow' | 'and' | 'or' | 'xor' | 'lshift'
  | 'rshift' | 'maximum' | 'minimum' | 'eq' | 'ne' | 'lt' | 'le' | 'gt' | 'ge'
/** Reductions (native/core/reduce.h); var/std take a ddof. */
export type ReduceOp = 'sum' | 'mean' | 'prod' | 'min' | 'max' | 'argmin' | 'argmax' | 'all' | 'any' | 'nanmin' | 'nanmax'
  | 'nansum' | 'var' | 'std'
/** Elementwise functions of one operand (NumPy's unary ufuncs / torch's unary ops). */
export type UnaryOp = 'neg' | 'pos' | 'abs' | 'invert' | 'logical_not' | 'sign' | 'square' | 'sqrt' | 'exp' | 'exp2'
  | 'expm1' | 'log' | 'log2' | 'log10' | 'log1p' | 'sin' | 'cos' | 'tan' | 'arcsin' | 'arccos' | 'arctan' | 'sinh'
  | 'cosh' | 'tanh' | 'sigmoid' | 'floor' | 'ceil' | 'trunc' | 'rint' | 'isnan' | 'isinf' | 'isfinite' | 'reciprocal'
export type RandomKind = 'rand' | 'randn' | 'randint'
/** Which library function a matrix product follows (shape rules, result dtype, error texts). */
/** Which library function a join / split follows. */
export type JoinFn = 'np.concatenate' | 'np.stack' | 'np.vstack' | 'np.hstack' | 'torch.cat' | 'torch.stack'
/** The sorts of native/core/sort.h, by the name the library gives each. */
export type SortFn = 'np.sort' | 'ndarray.sort' | 'np.argsort' | 'torch.sort' | 'torch.argsort'
export type SplitFn = 'np.split' | 'np.array_split' | 'np.hsplit' | 'np.vsplit' | 'torch.split' | 'torch.chunk'
export type ProductFn = 'np.matmul' | 'np.dot' | 'np.inner' | 'np.outer' | 'torch.mm' | 'torch.bmm' | 'torch.matmul'

/** A warning the operation raised (Python would print it via `warnings`). */
export interface EngineWarning {
  category: 'UserWarning' | 'DeprecationWarning'
  message: string
}

/** Where a view's bytes lie in its storage and how to read them. */
export interface StorageViewSpec {
  kind: Kind
  dtype: DTypeName
  shape: number[]
  /** NumPy's .strides (bytes); a tensor's must be multiples of the itemsize. */
  byteStrides: number[]
  byteOffset: number
  /** As the file says: '<' little, '>' big (ndarrays only; tensors are swapped first), '|' one-byte items. */
  byteOrder?: '<' | '>' | '|' | '='
  /** NumPy's WRITEABLE (np.load(mmap_mode='r') gives read-only arrays); tensors are always writable. */
  writeable?: boolean
  requiresGrad?: boolean
  /** NumPy's OWNDATA; false for arrays over a file mapping. */
  ownsData?: boolean
}
