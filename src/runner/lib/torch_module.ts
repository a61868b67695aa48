// The `torch` module (and torch.cuda) over the engine.
import * as engine from '../../engine'
import type { DTypeName, MemoryFormat } from '../../engine/types'
import { PyBuiltin, PyObject, PyClass, BUILTIN_TYPES, type PyValue, type Kwargs } from '../interp/values'
import { excClass, pyErr } from '../interp/exceptions'
import { bindArgs } from '../interp/args'
import { typeName, truthy } from '../interp/ops'
import type { LibraryContext } from './context'
import { EngineValue } from './engine_value'
import { TENSOR_CLASS, PyTensor, tagGradFn } from './tensor'
import { PyNdarray } from './ndarray'
import { NpScalar } from './scalars'
import { torchDtype, torchDtypeOf, TORCH_ALIASES, TORCH_DTYPE_CLASS } from './dtypes'
import { flattenNested } from './nested'
import { inferTensorDtype, tensorItemsAsScalars, bindTorchPromotion } from './torch_promotion'
import { shapeFromArgs, shapeArg, intArg, boolArg, copyArg, MemoryFormatValue, memoryFormatArg } from './argparse'
import { LibModule, scalarArg } from './module_builder'
import { SIZE_CLASS, DEVICE_CLASS, TorchDevice, parseDevice } from './torch_objects'
import { PyCapsule } from './dlpack'
import { toDevice, cudaStatus, cudaMemoryStats } from './device_ops'
import { torchSetPrintoptions } from './print_options'
import { gradModeManager, setGradEnabledCall } from './grad_ops'
import { parseDeviceArg, placeOn } from './torch_create'
import { bindTorchFiles } from './file_io'
import { bindTorchLike } from './like_creation'
import { bindTorchLinalg } from './linalg'
import { bindTorchJoinSplit } from './join_split'
import { bindTorchIndexOps } from './index_ops'
import { bindTorchMath } from './math_ops'

const UNSUPPORTED = new Set([
  'rand_like', 'randn_like',
  'set_default_dtype', 'save', 'load', 'allclose', 'equal', 'roll', 'pin_memory',
])

function dtypeOrNull(v: PyValue | undefined): DTypeName | null {
  return v === undefined || v === null ? null : torchDtypeOf(v)
}

function needTensor(v: PyValue | undefined, fn: string): PyTensor {
  if (v instanceof PyTensor) return v
  throw pyErr('TypeError', `${fn}(): argument 'input' (position 1) must be Tensor, not ${typeName(v ?? null)}`)
}

function creation(ctx: LibraryContext, name: 'zeros' | 'ones' | 'empty') {
  return (a: PyValue[], kw: Kwargs) => {
    const b = bindArgs(name, ['*size', 'out=', 'dtype=', 'layout=', 'device=', 'requires_grad=', 'pin_memory=', 'memory_format='], a, kw)
    if (b.__rest!.length === 0) throw pyErr('TypeError', `${name}() missing 1 required positional arguments: "size"`)
    const dev = parseDeviceArg(b.device)
    const shape = shapeFromArgs(b.__rest!)
    const mf: MemoryFormat = memoryFormatArg(b.memory_format, 'contiguous_format')
    const made = ctx.op([], () => engine[name]('tensor', shape, dtypeOrNull(b.dtype)))
    // channels_last: the engine lays the tensor out through contiguous(memory_format=...).
    const laid = mf === 'contiguous_format' || mf === 'preserve_format' ? made : ctx.op([made], () => made.contiguous(mf))
    return placeOn(ctx, laid, dev, b.requires_grad)
  }
}

function tensorFromData(ctx: LibraryContext, data: PyValue, dtype: DTypeName | null, mode: 'tensor' | 'as_tensor' | 'asarray',
  copy: boolean | null, device: string | null, grad?: PyValue): PyValue {
  let made: engine.EngineObject
  if (data instanceof EngineValue) {
    const x = data
    if (mode === 'tensor') made = ctx.op([x.obj], () => engine.tensor(x.obj, dtype))
    else if (mode === 'as_tensor') made = ctx.op([x.obj], () => engine.asTensor(x.obj, dtype))
    else made = ctx.op([x.obj], () => engine.torchAsarray(x.obj, dtype, copy))
  } else {
    if (mode === 'asarray' && copy === false) throw pyErr('ValueError', "can't alias arbitrary sequence into a tensor.")
    const items = tensorItemsAsScalars(data)
    const { values, shape } = flattenNested(items, 'tensor')
    const inferred = dtype ?? inferTensorDtype(items)
    made = ctx.op([], () => engine.fromValues('tensor', values, shape, inferred))
  }
  return placeOn(ctx, made, device, grad)
}

/** torch.X(input, ...) for the Tensor methods that torch also exposes as functions. */
function methodAsFunction(ctx: LibraryContext, name: string) {
  return (a: PyValue[], kw: Kwargs) => {
    const t = needTensor(a.length ? a[0] : kw.get('input'), name)
    kw.delete('input')
    const m = t.getattr(name)!
    return (m as PyBuiltin).call(a.slice(1), kw)
  }
}

export function buildTorch(ctx: LibraryContext): LibModule {
  const torch = new LibModule('torch', UNSUPPORTED)
  const cuda = new LibModule('torch.cuda')
  torch.set('Tensor', TENSOR_CLASS).set('Size', SIZE_CLASS).set('dtype', TORCH_DTYPE_CLASS).set('cuda', cuda)
    .set('channels_last', new MemoryFormatValue('channels_last'))
    .set('contiguous_format', new MemoryFormatValue('contiguous_format'))
    .set('preserve_format', new MemoryFormatValue('preserve_format'))
    .set('OutOfMemoryError', excClass('OutOfMemoryError'))
  cuda.set('OutOfMemoryError', excClass('OutOfMemoryError'))
  for (const [alias, d] of Object.entries(TORCH_ALIASES)) torch.set(alias, torchDtype(d))
  DEVICE_CLASS.ctor = (a, kw) => {
    const b = bindArgs('device', ['type', 'index='], a, kw)
    return parseDevice(b.type!, b.index)
  }
  torch.set('device', DEVICE_CLASS)

  torch.fn('tensor', (a, kw) => {
    const b = bindArgs('tensor', ['data', '*', 'dtype=', 'device=', 'requires_grad=', 'pin_memory='], a, kw)
    const dev = parseDeviceArg(b.device)
    return tensorFromData(ctx, b.data!, dtypeOrNull(b.dtype), 'tensor', true, dev, b.requires_grad)
  })
  torch.fn('as_tensor', (a, kw) => {
    const b = bindArgs('as_tensor', ['data', 'dtype=', 'device='], a, kw)
    const dev = parseDeviceArg(b.device)
    return tensorFromData(ctx, b.data!, dtypeOrNull(b.dtype), 'as_tensor', null, dev)
  })
  torch.fn('asarray', (a, kw) => {
    const b = bindArgs('asarray', ['obj', '*', 'dtype=', 'device=', 'copy=', 'requires_grad='], a, kw)
    const dev = parseDeviceArg(b.device)
    return tensorFromData(ctx, b.obj!, dtypeOrNull(b.dtype), 'asarray', copyArg(b.copy), dev, b.requires_grad)
  })
  torch.fn('from_numpy', (a, kw) => {
    const b = bindArgs('from_numpy', ['ndarray'], a, kw)
    const x = b.ndarray
    if (!(x instanceof PyNdarray)) {
      // PyTorch names the type by its tp_name: numpy's scalar types are qualified (numpy.float64).
      const got = x instanceof PyTensor ? 'Tensor' : x instanceof NpScalar ? `numpy.${typeName(x)}` : typeName(x ?? null)
      throw pyErr('TypeError', `expected np.ndarray (got ${got})`)
    }
    return ctx.opWrap([x.obj], () => engine.fromNumpy(x.obj))
  })
  torch.fn('from_dlpack', (a, kw) => {
    const b = bindArgs('from_dlpack', ['ext_tensor', '*', 'device=', 'copy='], a, kw)
    if (parseDeviceArg(b.device) !== null) throw pyErr('NotImplementedError', 'torch.from_dlpack(device=...) is not supported by the Stridescope runner')
    const x = b.ext_tensor
    if (x instanceof PyCapsule) return ctx.opWrap([], () => engine.fromDlpack('tensor', x.capsule, copyArg(b.copy)))
    if (!(x instanceof EngineValue)) throw pyErr('TypeError', `from_dlpack: expected a DLPack capsule or an object with __dlpack__, got ${typeName(x ?? null)}`)
    return ctx.opWrap([x.obj], () => engine.fromDlpack('tensor', x.obj, copyArg(b.copy)))
  })
  torch.fn('zeros', creation(ctx, 'zeros')).fn('ones', creation(ctx, 'ones')).fn('empty', creation(ctx, 'empty'))
  torch.fn('full', (a, kw) => {
    const b = bindArgs('full', ['size', 'fill_value', '*', 'out=', 'dtype=', 'layout=', 'device=', 'requires_grad=', 'pin_memory='], a, kw)
    const dev = parseDeviceArg(b.device)
    return placeOn(ctx, ctx.op([], () => engine.full('tensor', shapeArg(b.size!), scalarArg(b.fill_value, 'fill_value'), dtypeOrNull(b.dtype))), dev, b.requires_grad)
  })
  torch.fn('arange', (a, kw) => {
    const b = bindArgs('arange', ['start=', 'end=', 'step=', '*', 'out=', 'dtype=', 'layout=', 'device=', 'requires_grad='], a, kw)
    const dev = parseDeviceArg(b.device)
    const first = b.start ?? (kw.has('end') ? 0n : undefined)
    if (first === undefined) throw pyErr('TypeError', 'arange() received an invalid combination of arguments - got (), but expected one of:\n * (Number end, *, Tensor out = None, torch.dtype dtype = None, torch.layout layout = None, torch.device device = None, bool pin_memory = False, bool requires_grad = False)')
    const end = b.end === undefined || b.end === null ? null : scalarArg(b.end)
    const step = b.step === undefined || b.step === null ? null : scalarArg(b.step)
    return placeOn(ctx, ctx.op([], () => engine.arange('tensor', scalarArg(first), end, step, dtypeOrNull(b.dtype))), dev, b.requires_grad)
  })
  torch.fn('linspace', (a, kw) => {
    const b = bindArgs('linspace', ['start', 'end', 'steps', '*', 'out=', 'dtype=', 'layout=', 'device=', 'requires_grad='], a, kw)
    const dev = parseDeviceArg(b.device)
    return placeOn(ctx, ctx.op([], () => engine.linspace('tensor', scalarArg(b.start), scalarArg(b.end), intArg(b.steps!), true, dtypeOrNull(b.dtype))), dev, b.requires_grad)
  })
  torch.fn('eye', (a, kw) => {
    const b = bindArgs('eye', ['n', 'm=', '*', 'out=', 'dtype=', 'layout=', 'device=', 'requires_grad='], a, kw)
    const dev = parseDeviceArg(b.device)
    const m = b.m === undefined || b.m === null ? null : intArg(b.m)
    return placeOn(ctx, ctx.op([], () => engine.eye('tensor', intArg(b.n!), m, 0, dtypeOrNull(b.dtype))), dev, b.requires_grad)
  })
  for (const dist of ['rand', 'randn'] as const) {
    torch.fn(dist, (a, kw) => {
      const b = bindArgs(dist, ['*size', 'generator=', 'out=', 'dtype=', 'layout=', 'device=', 'requires_grad='], a, kw)
      const dev = parseDeviceArg(b.device)
      return placeOn(ctx, ctx.op([], () => engine.random('tensor', dist, shapeFromArgs(b.__rest!), dtypeOrNull(b.dtype))), dev, b.requires_grad)
    })
  }
  torch.fn('randint', (a, kw) => {
    const b = bindArgs('randint', ['a', 'b=', 'size=', '*', 'generator=', 'dtype=', 'device=', 'requires_grad='], a, kw)
    const dev = parseDeviceArg(b.device)
    // randint(high, size) or randint(low, high, size)
    const [low, high, size] = b.size === undefined ? [0, intArg(b.a!), b.b] : [intArg(b.a!), intArg(b.b!), b.size]
    if (size === undefined) throw pyErr('TypeError', 'randint() missing required argument: size')
    return placeOn(ctx, ctx.op([], () => engine.random('tensor', 'randint', shapeArg(size), dtypeOrNull(b.dtype) ?? 'int64', low, high)), dev, b.requires_grad)
  })
  // Grad mode: results made with it off record no history, in-place writes to leaves are allowed.
  for (const name of ['no_grad', 'enable_grad', 'inference_mode'] as const) {
    torch.fn(name, (a, kw) => {
      const b = bindArgs(name, name === 'inference_mode' ? ['mode='] : [], a, kw)
      // inference_mode(False) leaves the mode as it is.
      return b.mode !== undefined && !truthy(b.mode) ? gradModeManager(ctx, ctx.gradEnabled ? 'enable_grad' : 'no_grad') : gradModeManager(ctx, name)
    })
  }
  torch.fn('set_grad_enabled', (a, kw) => setGradEnabledCall(ctx, a, kw))
  torch.fn('is_grad_enabled', (a, kw) => { bindArgs('is_grad_enabled', [], a, kw); return ctx.gradEnabled })
  torch.fn('set_printoptions', (a, kw) => torchSetPrintoptions(ctx.printOptions, a, kw))
  torch.fn('manual_seed', (a) => { engine.seed(intArg(a[0])); return null })
  torch.fn('is_tensor', (a) => a[0] instanceof PyTensor)
  torch.fn('is_floating_point', (a) => /float/.test(needTensor(a[0], 'is_floating_point').info().dtype))
  torch.fn('numel', (a) => BigInt(needTensor(a[0], 'numel').info().numel))
  torch.fn('get_default_dtype', () => torchDtype(ctx.torchDefaultDtype))
  // torch.view_as_real / view_as_complex: views that reinterpret complex elements as pairs (and back).
  torch.fn('view_as_real', (a, kw) => {
    const t = needTensor(bindArgs('view_as_real', ['input'], a, kw).input, 'view_as_real')
    return tagGradFn(ctx.opWrap([t.obj], () => t.obj.viewAsReal()), 'ViewAsRealBackward0')
  })
  torch.fn('view_as_complex', (a, kw) => {
    const t = needTensor(bindArgs('view_as_complex', ['input'], a, kw).input, 'view_as_complex')
    return tagGradFn(ctx.opWrap([t.obj], () => t.obj.viewAsComplex()), 'ViewAsComplexBackward0')
  })
  for (const name of ['real', 'imag']) {
    torch.fn(name, (a, kw) => needTensor(bindArgs(name, ['input'], a, kw).input, name).getattr(name)!)
  }
  for (const name of ['flip', 'transpose', 'permute', 'reshape', 'squeeze', 'unsqueeze', 'narrow', 'unflatten', 'as_strided', 'broadcast_to',
    'clone', 'sum', 'mean', 't', 'diagonal', 'flatten', 'ravel', 'swapaxes', 'swapdims', 'contiguous',
    'conj', 'adjoint', 'is_conj', 'resolve_conj', 'conj_physical', 'sort', 'argsort', 'topk', 'unique']) {
    if (name !== 'contiguous') torch.fn(name, methodAsFunction(ctx, name))
  }

  // The engine answers for CUDA: a real GPU, the simulated device, or none (with PyTorch's error).
  const NO_DRIVER = 'Found no NVIDIA driver on your system. Please check that you have an NVIDIA GPU and installed a driver from http://www.nvidia.com/Download/index.aspx'
  const requireCuda = () => {
    const st = cudaStatus()
    if (!st.available) throw pyErr('RuntimeError', NO_DRIVER)
    return st
  }
  cuda.fn('is_available', () => cudaStatus().available)
  cuda.fn('device_count', () => BigInt(cudaStatus().deviceCount))
  cuda.fn('current_device', () => { requireCuda(); return 0n })
  cuda.fn('synchronize', () => { requireCuda(); return null })
  cuda.fn('get_device_name', (a) => {
    const st = requireCuda()
    const i = a.length && a[0] !== null ? intArg(a[0]) : 0
    if (i < 0 || i >= st.deviceNames.length) throw pyErr('RuntimeError', 'CUDA error: invalid device ordinal')
    return st.deviceNames[i]
  })
  // memory_allocated(device=None) / memory_reserved(device=None): the caching allocator's counters.
  const memoryDevice = (name: string, a: PyValue[], kw: Kwargs): number => {
    const d = bindArgs(name, ['device='], a, kw).device ?? null
    let index = 0
    if (d instanceof TorchDevice || typeof d === 'string') {
      const dev = d instanceof TorchDevice ? d : parseDevice(d)
      if (dev.type !== 'cuda') throw pyErr('ValueError', `Expected a cuda device, but got: ${dev.type}${dev.index === null ? '' : ':' + dev.index}`)
      index = dev.index ?? 0
    } else if (d !== null) index = intArg(d)
    const st = cudaStatus()
    if (st.available && (index < 0 || index >= st.deviceCount)) throw pyErr('RuntimeError', `Invalid device argument ${index}: did you call init?`)
    return index
  }
  cuda.fn('memory_allocated', (a, kw) => BigInt(cudaMemoryStats(memoryDevice('memory_allocated', a, kw)).allocated))
  cuda.fn('memory_reserved', (a, kw) => BigInt(cudaMemoryStats(memoryDevice('memory_reserved', a, kw)).reserved))
  void TorchDevice; void boolArg
  bindTorchFiles(torch, ctx)
  bindTorchLike(torch, ctx)
  bindTorchLinalg(torch, ctx)
  bindTorchJoinSplit(torch, ctx)
  bindTorchIndexOps(torch, ctx)
  bindTorchMath(torch, ctx)
  bindTorchPromotion(torch)
  return torch
}

