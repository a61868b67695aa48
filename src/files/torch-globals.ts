// Which pickle globals a torch.save file may name, and what calling them means here.
// The rules and texts are torch.load(weights_only=True)'s (torch/_weights_only_unpickler.py:
// _blocklisted_modules, _get_allowed_globals, the GLOBAL branch of Unpickler.load); this
// reader implements the subset that torch.save writes for tensors and containers, and
// names anything else it meets. Nothing is imported or executed: a global is a name.
import type { DTypeName } from '../engine/types'
import { fail } from './errors'
import { ITEMSIZE } from './npy-dtype'
import {
  PyBytes, PyDict, PyGlobal, PyList, PyTuple, TorchStorageRef, TorchTensorRef, pyTypeName, type PyValue,
} from './pickle-values'

/** Legacy typed storage classes (torch/storage.py _dtype_to_storage_type_map). */
export const STORAGE_TYPES: Record<string, DTypeName | null> = {
  DoubleStorage: 'float64', FloatStorage: 'float32', HalfStorage: 'float16', BFloat16Storage: 'bfloat16',
  LongStorage: 'int64', IntStorage: 'int32', ShortStorage: 'int16', CharStorage: 'int8', ByteStorage: 'uint8',
  BoolStorage: 'bool', ComplexDoubleStorage: 'complex128', ComplexFloatStorage: 'complex64',
  QInt8Storage: null, QUInt8Storage: null, QInt32Storage: null, QUInt4x2Storage: null, QUInt2x4Storage: null,
  UntypedStorage: 'uint8',
}
const QUANT_ITEMSIZE: Record<string, number> = { QInt8Storage: 1, QUInt8Storage: 1, QInt32Storage: 4, QUInt4x2Storage: 1, QUInt2x4Storage: 1 }

/** torch dtype objects as pickled ('torch.float32'), for _rebuild_tensor_v3. */
export const TORCH_DTYPES: Record<string, [DTypeName | null, number]> = {
  float64: ['float64', 8], float32: ['float32', 4], float16: ['float16', 2], bfloat16: ['bfloat16', 2],
  int64: ['int64', 8], int32: ['int32', 4], int16: ['int16', 2], int8: ['int8', 1], uint8: ['uint8', 1],
  uint16: ['uint16', 2], uint32: ['uint32', 4], uint64: ['uint64', 8], bool: ['bool', 1],
  complex64: ['complex64', 8], complex128: ['complex128', 16], complex32: [null, 4],
  float8_e4m3fn: [null, 1], float8_e5m2: [null, 1], float8_e4m3fnuz: [null, 1], float8_e5m2fnuz: [null, 1], float8_e8m0fnu: [null, 1],
}

const BLOCKED_MODULES = new Set(['sys', 'os', 'posix', 'nt'])

/** What this reader can build. */
const IMPLEMENTED = new Set([
  'torch._utils._rebuild_tensor_v2', 'torch._utils._rebuild_tensor_v3',
  'torch._utils._rebuild_parameter', 'torch._utils._rebuild_parameter_with_state',
  'collections.OrderedDict', 'torch.Size', 'torch.device', '_codecs.encode',
])

/** Allowed by torch's weights_only unpickler, but not built here. */
function torchAllows(module: string, name: string): boolean {
  const path = `${module}.${name}`
  if (module === 'torch._utils' && name.startsWith('_rebuild')) return true
  if (module === 'torch' && (name.endsWith('Storage') || name in TORCH_DTYPES || name.startsWith('per_') || name === 'Tensor')) return true
  if (module === 'torch' && /Tensor$/.test(name)) return true
  return ['collections.Counter', 'torch.nn.parameter.Parameter', 'torch.serialization._get_layout', 'builtins.bytearray',
    'builtins.set', 'builtins.complex', 'torch._tensor._rebuild_from_type_v2'].includes(path)
}

// Python 2 pickles name some modules by their old names (torch._utils IMPORT_MAPPING).
const IMPORT_MAPPING: Record<string, string> = { __builtin__: 'builtins', copy_reg: 'copyreg', _codecs: '_codecs' }

/** The GLOBAL opcode: a name this reader accepts, or torch's refusal. */
export function resolveGlobal(rawModule: string, name: string): PyGlobal {
  const module = IMPORT_MAPPING[rawModule] ?? rawModule
  let fullPath = `${module}.${name}`
  if (BLOCKED_MODULES.has(module)) {
    fail('UnpicklingError', `Trying to load unsupported GLOBAL ${fullPath} whose module ${module} is blocked.`)
  }
  if (IMPLEMENTED.has(fullPath)) return new PyGlobal(module, name)
  if (module === 'torch' && (name in STORAGE_TYPES || name in TORCH_DTYPES)) return new PyGlobal(module, name)
  if (torchAllows(module, name)) {
    fail('UnpicklingError', `Stridescope cannot load GLOBAL ${fullPath} yet: torch.load(weights_only=True) accepts it, but this reader only builds plain tensors, parameters, storages and containers.`)
  }
  // torch prints builtins without their module ('builtins.eval' -> 'eval').
  if (fullPath.startsWith('builtins.')) fullPath = fullPath.slice('builtins.'.length)
  return fail('UnpicklingError',
    `Unsupported global: GLOBAL ${fullPath} was not an allowed global by default. ` +
    `Please use \`torch.serialization.add_safe_globals([${fullPath}])\` or the ` +
    `\`torch.serialization.safe_globals([${fullPath}])\` context manager to allowlist this global ` +
    'if you trust this class/function.')
}

/** A storage class global, as used in a persistent id: its dtype and item size. */
export function storageTypeInfo(g: PyValue): { typeName: string; dtype: DTypeName | null; itemsize: number } {
  if (!(g instanceof PyGlobal) || g.module !== 'torch' || !(g.name in STORAGE_TYPES)) {
    return fail('UnpicklingError', `persistent id names ${g instanceof PyGlobal ? g.path : pyTypeName(g)}, not a torch storage type`)
  }
  const dtype = STORAGE_TYPES[g.name]
  return { typeName: g.name, dtype, itemsize: dtype !== null ? ITEMSIZE[dtype] : QUANT_ITEMSIZE[g.name] }
}

function intArg(v: PyValue, what: string): number {
  const n = typeof v === 'bigint' ? Number(v) : v
  if (typeof n !== 'number' || !Number.isSafeInteger(n)) fail('UnpicklingError', `${what} must be an int, got ${pyTypeName(v)}`)
  return n as number
}

function intTuple(v: PyValue, what: string): number[] {
  const items = v instanceof PyTuple ? v.items : v instanceof PyList ? v.items : null
  if (items === null) return fail('UnpicklingError', `${what} must be a tuple of ints, got ${pyTypeName(v)}`)
  return items.map((x) => intArg(x, what))
}

function rebuildTensor(args: PyValue[], dtypeArg: PyValue | undefined): TorchTensorRef {
  const [storage, offset, size, stride, requiresGrad] = args
  if (!(storage instanceof TorchStorageRef)) return fail('UnpicklingError', `_rebuild_tensor expects a storage, got ${pyTypeName(storage ?? null)}`)
  let dtype = storage.dtype
  let dtypeText = storage.typeName
  let itemsize = storage.itemsize
  if (dtypeArg !== undefined) {
    if (!(dtypeArg instanceof PyGlobal) || dtypeArg.module !== 'torch' || !(dtypeArg.name in TORCH_DTYPES)) {
      return fail('UnpicklingError', `_rebuild_tensor_v3 expects a torch dtype, got ${pyTypeName(dtypeArg)}`)
    }
    ;[dtype, itemsize] = TORCH_DTYPES[dtypeArg.name]
    dtypeText = `torch.${dtypeArg.name}`
  }
  const sizes = intTuple(size ?? null, 'size')
  const strides = intTuple(stride ?? null, 'stride')
  if (sizes.length !== strides.length) fail('RuntimeError', `mismatch in length of strides and shape`)
  return new TorchTensorRef(storage, dtype, dtypeText, itemsize, intArg(offset ?? null, 'storage_offset'), sizes, strides, requiresGrad === true)
}

/** The REDUCE opcode: call an accepted global on its argument tuple. */
export function callGlobal(fn: PyValue, argsValue: PyValue): PyValue {
  if (!(fn instanceof PyGlobal)) return fail('UnpicklingError', `Trying to call reduce for unrecognized function ${pyTypeName(fn)}`)
  if (!(argsValue instanceof PyTuple)) return fail('UnpicklingError', `REDUCE arguments must be a tuple, got ${pyTypeName(argsValue)}`)
  const args = argsValue.items
  switch (fn.path) {
    case 'torch._utils._rebuild_tensor_v2':
      if (args.length < 6 || args.length > 7) break
      return rebuildTensor(args, undefined)
    case 'torch._utils._rebuild_tensor_v3':
      if (args.length < 7 || args.length > 8) break
      return rebuildTensor(args, args[6])
    case 'torch._utils._rebuild_parameter':
    case 'torch._utils._rebuild_parameter_with_state': {
      const [data, requiresGrad] = args
      if (!(data instanceof TorchTensorRef)) break
      const p = new TorchTensorRef(data.storage, data.dtype, data.dtypeText, data.itemsize, data.storageOffset, data.size, data.stride, requiresGrad === true, true)
      return p
    }
    case 'collections.OrderedDict': {
      const d = new PyDict(true)
      if (args.length === 0) return d
      const pairs = args[0]
      const items = pairs instanceof PyList || pairs instanceof PyTuple ? pairs.items : null
      if (items === null || args.length > 1) break
      for (const kv of items) {
        if (!(kv instanceof PyTuple) || kv.items.length !== 2) fail('UnpicklingError', `OrderedDict items must be (key, value) pairs, got ${pyTypeName(kv)}`)
        d.set(kv.items[0], kv.items[1])
      }
      return d
    }
    case 'torch.Size':
      return new PyTuple(args.length === 0 ? [] : intTuple(args[0], 'torch.Size').map((n) => n))
    case 'torch.device':
      if (args.every((a) => typeof a === 'string' || typeof a === 'number')) return args.join(':')
      break
    case '_codecs.encode': {
      // Protocol 2 pickles bytes as _codecs.encode(str, 'latin1').
      const [s, enc] = args
      if (typeof s === 'string' && (enc === 'latin1' || enc === 'latin-1')) {
        const b = new Uint8Array(s.length)
        for (let i = 0; i < s.length; i++) {
          const c = s.charCodeAt(i)
          if (c > 0xff) fail('UnpicklingError', 'latin1 codec cannot encode a character above U+00FF')
          b[i] = c
        }
        return new PyBytes(b)
      }
      break
    }
  }
  return fail('UnpicklingError', `Stridescope cannot call ${fn.path} with ${args.length} argument(s) of types (${args.map(pyTypeName).join(', ')})`)
}
