// torch.Tensor as a Python value: attributes and methods, bound to the engine.
import type { DTypeName, MemoryFormat } from '../../engine/types'
import type { EngineIndexItem as IndexItem } from '../../engine'
import type { EngineObject } from '../../engine'
import * as engine from '../../engine'
import { formatTensorRepr } from '../printing'
import { PyClass, PyTuple, PyBuiltin, BUILTIN_TYPES, NOT_IMPLEMENTED, type PyValue, type Kwargs } from '../interp/values'
import { pyErr } from '../interp/exceptions'
import { bindArgs } from '../interp/args'
import { typeName, truthy } from '../interp/ops'
import { formatValue } from '../interp/formatting'
import { EngineValue, baseObject } from './engine_value'
import { torchDtype, torchDtypeOf, TorchDType, ITEMSIZE } from './dtypes'
import { shapeFromArgs, axesArg, intArg, boolArg, memoryFormatArg, isSequence } from './argparse'
import { TorchSize, TorchStorage, TorchDevice, deviceOf, parseDevice } from './torch_objects'
import { dlpackMethods } from './dlpack'
import { tensorMathMethods } from './math_ops'
import { tagNode } from './join_split'
import { toDevice, toCuda, toCpu, pinMemory, isPinned } from './device_ops'
import { setRequiresGrad, detach, GradFnNode } from './grad_ops'
import { newTensorMethods } from './tensor_new'
import { matmulOperator, linalgTensorMethods } from './linalg'
import { indexTensorMethods } from './index_ops'
import { joinSplitTensorMethods } from './join_split'
import { torchSortMethods } from './torch_sorting'

export const TENSOR_CLASS = new PyClass('Tensor', BUILTIN_TYPES.object, 'torch')

type Method = (self: PyTensor, args: PyValue[], kw: Kwargs) => PyValue

/** Tensor methods PyTorch has that the engine cannot do (yet): a clear error, not AttributeError. */
const TENSOR_UNSUPPORTED = new Set([
  'norm', 'softmax', 'relu', 'gather',
  'scatter', 'repeat', 'roll', 'backward', 'storage',
  'resize_', 'set_', 'share_memory_', 'is_shared', 'resolve_neg', 'is_neg',
  'repeat_interleave', 'equal', 'allclose', 'to_dense', 'to_sparse', 'pin_memory_', 'half_',
  'zero', 'apply_', 'map_', 'tolist_',
])

export class PyTensor extends EngineValue {
  readonly kind = 'tensor' as const
  /** The autograd node PyTorch would record for this tensor (printed as grad_fn=<...>). */
  gradFn: string | null = null
  /** torch.Tensor has // and % but no __divmod__: divmod(t, 2) is a TypeError. */
  readonly hasDivmod = false
  get pyClass() { return TENSOR_CLASS }

  protected matmulOperator(other: PyValue, reflected: boolean) { return matmulOperator(this, other, reflected) }

  binop(op: string, other: PyValue, reflected: boolean): PyValue | typeof NOT_IMPLEMENTED {
    const r = super.binop(op, other, reflected)
    const scalarOther = !(other instanceof EngineValue)
    const names: Record<string, string> = {
      '+': 'AddBackward0', '-': reflected && scalarOther ? 'RsubBackward1' : 'SubBackward0', '*': 'MulBackward0',
      '/': reflected && scalarOther ? 'MulBackward0' : 'DivBackward0', '%': 'RemainderBackward0',
      // pow(Tensor, Scalar), pow(Scalar, Tensor), pow(Tensor, Tensor)
      '**': !scalarOther ? 'PowBackward1' : reflected ? 'PowBackward2' : 'PowBackward0',
    }
    if (r instanceof PyTensor && names[op]) tagGradFn(r, names[op])
    return r
  }

  inplace(op: string, other: PyValue): PyValue | typeof NOT_IMPLEMENTED {
    const r = super.inplace(op, other)
    const names: Record<string, string> = {
      '+': 'AddBackward0', '-': 'SubBackward0', '*': 'MulBackward0', '/': 'DivBackward0',
      '**': other instanceof EngineValue ? 'PowBackward1' : 'PowBackward0',
    }
    if (names[op]) retagInplace(this, names[op])
    return r
  }

  setitem(key: PyValue, v: PyValue): void {
    super.setitem(key, v)
    retagInplace(this, 'CopySlices')
  }

  unary(op: '-' | '+' | '~' | 'abs'): PyValue | typeof NOT_IMPLEMENTED {
    const r = super.unary(op)
    if (op === '-') tagGradFn(r as PyValue, 'NegBackward0')
    return r
  }

  protected indexed(r: PyValue, items: IndexItem[]): void {
    if (r instanceof PyTensor) tagGradFn(r, indexNodeName(items))
  }

  zeroDimLenError(): never { throw pyErr('TypeError', 'len() of a 0-d tensor') }
  truthError(n: number): never {
    if (n === 0) throw pyErr('RuntimeError', 'Boolean value of Tensor with no values is ambiguous')
    throw pyErr('RuntimeError', 'Boolean value of Tensor with more than one value is ambiguous')
  }

  toNumber() {
    const n = this.meta.numel
    // int() / float() / complex() go through python_variable_methods.cpp dispatch_to (not item()).
    if (n !== 1) throw pyErr('ValueError', 'only one element tensors can be converted to Python scalars')
    const v = this.item()
    return typeof v === 'bigint' || typeof v === 'number' || typeof v === 'boolean' ? v : undefined
  }

  repr() {
    const info = this.info()
    const gradFn = info.requiresGrad && (info as { isLeaf?: boolean }).isLeaf === false ? this.gradFn : null
    return formatTensorRepr(this.printable(), { device: info.device, requiresGrad: info.requiresGrad, gradFn },
      { ...this.ctx.printOptions.torch, defaultDtype: this.ctx.torchDefaultDtype })
  }

  format(spec: string): string {
    // torch/_tensor.py __format__: a 0-d tensor formats its item(); any other takes object.__format__.
    if (this.info().shape.length === 0) return formatValue(this.item(), spec)
    if (!spec) return this.repr()
    throw pyErr('TypeError', 'unsupported format string passed to Tensor.__format__')
  }

  getattr(name: string): PyValue | undefined {
    const info = () => this.info()
    switch (name) {
      case 'shape': return new TorchSize(info().shape.map(BigInt))
      case 'dtype': return torchDtype(info().dtype)
      case 'device': return deviceOf(info().device)
      case 'ndim': return BigInt(info().shape.length)
      case 'is_cuda': return info().device.startsWith('cuda')
      case 'is_cpu': return info().device === 'cpu'
      case 'requires_grad': return info().requiresGrad
      case 'grad': return null
      case 'grad_fn': {
        // The node PyTorch records for a result that requires grad (a leaf has none).
        const i = info()
        return i.requiresGrad && i.isLeaf === false ? new GradFnNode(this.gradFn ?? 'Node') : null
      }
      case 'is_leaf': return (info() as { isLeaf?: boolean }).isLeaf ?? true
      case 'itemsize': return BigInt(info().itemsize)
      case 'nbytes': return BigInt(info().nbytes)
      case 'T': return tagGradFn(this.ctx.opWrap([this.obj], () => this.obj.T), 'PermuteBackward0')
      case 'mT': case 'mH': case 'H': return adjointView(this, name)
      case 'data': return this.ctx.opWrap([this.obj], () => detach(this.obj))
      case '_base': return baseObject(this)
      // torch's real / imag: views of a complex tensor's parts (select of view_as_real); a real tensor's real is itself.
      case 'real': return tagGradFn(this.ctx.opWrap([this.obj], () => this.obj.complexPart(false)), 'SelectBackward0')
      case 'imag':
        // PyTorch's imag of a conjugate view is a negative view; the engine reads no negative bit.
        if (info().conj) throw pyErr('NotImplementedError', 'Tensor.imag of a conjugate view (a negative view in PyTorch) is not supported by the Stridescope engine; call resolve_conj() first')
        return tagGradFn(this.ctx.opWrap([this.obj], () => this.obj.complexPart(true)), 'SelectBackward0')
    }
    const m = TENSOR_METHODS[name] ?? (NEW_TENSOR_METHODS[name] as Method | undefined) ?? (LINALG_METHODS[name] as Method | undefined) ?? (JOIN_SPLIT_METHODS[name] as Method | undefined) ?? (INDEX_METHODS[name] as Method | undefined) ?? (SORT_METHODS[name] as Method | undefined) ?? dlpackMethods(this)[name]
    if (m) return new PyBuiltin(name, (a, kw) => m(this, a, kw), this)
    if (TENSOR_UNSUPPORTED.has(name)) throw pyErr('NotImplementedError', `Tensor.${name} is not supported by the Stridescope engine`)
    return undefined
  }

  setattr(name: string, v: PyValue): boolean {
    if (name === 'requires_grad') {
      this.ctx.op([this.obj], () => setRequiresGrad(this.obj, truthy(v)))
      return true
    }
    return false
  }
}

const wrapOp = (s: PyTensor, fn: () => EngineObject) => s.ctx.opWrap([s.obj], fn)

/**
 * Records the autograd node name PyTorch gives a result (torch/csrc/autograd/generated names),
 * for the ops whose node is unambiguous. The engine has no autograd; the name is only printed.
 */
export function tagGradFn(r: PyValue, name: string): PyValue {
  if (r instanceof PyTensor) tagNode(r, name)
  return r
}
/**
 * After an in-place write in grad mode, a tensor that records history shows the write's
 * node (its requires_grad may have just turned on, when the written value required grad).
 */
function retagInplace(t: PyTensor, name: string): void {
  const info = t.info()
  if (t.ctx.gradEnabled && info.requiresGrad && info.isLeaf === false) t.gradFn = name
}

/**
 * The node of `t[items]`: PyTorch's applySlicing applies select / slice / unsqueeze per item,
 * in order (a full slice too), and the last one names the node; `t[...]` is an alias.
 */
function indexNodeName(items: IndexItem[]): string {
  if (items.some(it => it.kind === 'array' || it.kind === 'bool')) return 'IndexBackward0'
  let name = 'AliasBackward0'
  for (const it of items) {
    if (it.kind === 'int') name = 'SelectBackward0'
    else if (it.kind === 'slice') name = 'SliceBackward0'
    else if (it.kind === 'newaxis') name = 'UnsqueezeBackward0'
  }
  return name
}

/** A Tensor method whose result carries the autograd node `name`. */
function graded(name: string | ((a: PyValue[], kw: Kwargs) => string), m: Method): Method {
  return (s, a, kw) => tagGradFn(m(s, a, kw), typeof name === 'string' ? name : name(a, kw))
}
const noArgs = (name: string, a: PyValue[], kw: Kwargs) => bindArgs(name, [], a, kw)

function dimArg(v: PyValue | undefined, dflt: number): number { return v === undefined || v === null ? dflt : intArg(v) }

/** `t.to(...)`: (dtype) | (device, dtype=None) | (tensor), plus copy=, non_blocking=, memory_format=. */
function toMethod(s: PyTensor, a: PyValue[], kw: Kwargs): PyValue {
  const b = bindArgs('to', ['a=', 'b=', '*', 'dtype=', 'device=', 'copy=', 'non_blocking=', 'memory_format='], a, kw)
  let dtype: DTypeName | null = null
  let device: TorchDevice | null = null
  for (const v of [b.a, b.b]) {
    if (v === undefined || v === null) continue
    if (v instanceof TorchDType || v === BUILTIN_TYPES.float || v === BUILTIN_TYPES.int || v === BUILTIN_TYPES.bool) dtype = torchDtypeOf(v)
    else if (v instanceof PyTensor) { dtype = v.info().dtype; device = deviceOf(v.info().device) }
    else device = parseDevice(v)
  }
  if (b.dtype !== undefined && b.dtype !== null) dtype = torchDtypeOf(b.dtype)
  if (b.device !== undefined && b.device !== null) device = parseDevice(b.device)
  const mf = memoryFormatArg(b.memory_format, 'preserve_format')
  const copy = boolArg(b.copy, false)
  const nonBlocking = boolArg(b.non_blocking, false)
  // PyTorch does both in one _to_copy; here the device move and the dtype change are two
  // engine operations (each returns its input when nothing changes).
  const moved = device ? s.ctx.op([s.obj], () => toDevice(s.obj, device!.name, nonBlocking, copy)) : s.obj
  const target = dtype ?? moved.info().dtype
  const copyAgain = copy && moved === s.obj
  // After a device move, a dtype that is not asked for (or already matches) is no second operation.
  const dtypeStep = moved === s.obj || (dtype !== null && dtype !== moved.info().dtype)
  const out = dtypeStep ? s.ctx.op([moved], () => moved.to(target, copyAgain)) : moved
  // memory_format= lays the result out through the engine's contiguous(memory_format),
  // which returns its input when the layout already matches (as to() does).
  if (mf === 'preserve_format') return s.ctx.wrap(out)
  return s.ctx.opWrap([out], () => out.contiguous(mf))
}

function dtypeMethod(d: DTypeName): Method {
  return (s, a, kw) => {
    const b = bindArgs('to', ['memory_format='], a, kw)
    memoryFormatArg(b.memory_format, 'preserve_format')
    return wrapOp(s, () => s.obj.to(d, false))
  }
}

function reduce(s: PyTensor, op: 'sum' | 'mean', a: PyValue[], kw: Kwargs): PyValue {
  const b = bindArgs(op, ['dim=', 'keepdim=', '*', 'dtype='], a, kw)
  const dtype = b.dtype === undefined || b.dtype === null ? null : torchDtypeOf(b.dtype)
  return s.ctx.opWrap([s.obj], () => op === 'sum' ? s.obj.sum(axesArg(b.dim), boolArg(b.keepdim, false), dtype) : s.obj.mean(axesArg(b.dim), boolArg(b.keepdim, false), dtype))
}

function inplaceMethod(op: 'add' | 'sub' | 'mul' | 'div'): Method {
  return (s, a, kw) => {
    const b = bindArgs(`${op}_`, ['other', '*', 'alpha='], a, kw)
    if (b.alpha !== undefined) throw pyErr('NotImplementedError', `${op}_(alpha=...) is not supported by the Stridescope engine`)
    const o = s.operand(b.other!)
    s.ctx.op(b.other instanceof EngineValue ? [s.obj, b.other.obj] : [s.obj], () => s.obj.inplace(op, o), { wrote: { into: s.obj } })
    retagInplace(s, { add: 'AddBackward0', sub: 'SubBackward0', mul: 'MulBackward0', div: 'DivBackward0' }[op])
    return s
  }
}

/** `t.copy_(other, non_blocking=False)`: other broadcast and cast into t, under PyTorch's overlap rules. */
function copyMethod(s: PyTensor, a: PyValue[], kw: Kwargs): PyValue {
  // torch/csrc/autograd/python_variable_methods.cpp THPVariable_copy_: "copy_(Tensor other, bool non_blocking=False)"
  const b = bindArgs('copy_', ['other', 'non_blocking='], a, kw)
  const other = b.other ?? null
  let src: EngineObject
  if (other instanceof PyTensor) src = other.obj
  else if (typeof other === 'number' || typeof other === 'bigint' || typeof other === 'boolean') {
    // The argument parser takes a Python number for a Tensor: a 0-d tensor of its own type.
    const dtype = typeof other === 'number' ? 'float64' : typeof other === 'bigint' ? 'int64' : 'bool'
    src = s.ctx.op([], () => engine.fromValues('tensor', [other], [], dtype))
  } else {
    const tpName = other instanceof EngineValue ? 'numpy.ndarray' : typeName(other)
    throw pyErr('TypeError', `copy_(): argument 'other' (position 1) must be Tensor, not ${tpName}`)
  }
  s.ctx.op(other instanceof PyTensor ? [s.obj, src] : [s.obj], () => s.obj.copy_(src), { wrote: { into: s.obj } })
  retagInplace(s, 'CopyBackwards')
  return s
}

function binaryMethod(op: '+' | '-' | '*' | '/'): Method {
  return (s, a, kw) => {
    const b = bindArgs('op', ['other'], a, kw)
    return s.binop(op, b.other!, false) as PyValue
  }
}

const TENSOR_METHODS: Record<string, Method> = {
  ...tensorMathMethods<PyTensor>(),
  size: (s, a, kw) => {
    const b = bindArgs('size', ['dim='], a, kw)
    const shape = s.info().shape
    if (b.dim === undefined || b.dim === null) return new TorchSize(shape.map(BigInt))
    return BigInt(shape[normDim(int64DimArg(b.dim!), shape.length)])
  },
  stride: (s, a, kw) => {
    const b = bindArgs('stride', ['dim='], a, kw)
    const st = s.info().strides
    if (b.dim === undefined || b.dim === null) return new PyTuple(st.map(BigInt))
    return BigInt(st[normDim(int64DimArg(b.dim!), st.length)])
  },
  storage_offset: (s, a, kw) => { noArgs('storage_offset', a, kw); return BigInt(s.info().offset) },
  // ATen is_set_to: the same storage, offset, sizes and strides (the dtype is not compared).
  is_set_to: (s, a, kw) => {
    const b = bindArgs('is_set_to', ['tensor'], a, kw)
    if (!(b.tensor instanceof PyTensor)) throw pyErr('TypeError', `is_set_to(): argument 'tensor' (position 1) must be Tensor, not ${typeName(b.tensor ?? null)}`)
    const x = s.info(), y = b.tensor.info()
    return x.storage.id === y.storage.id && x.offset === y.offset && x.shape.length === y.shape.length &&
      x.shape.every((n, d) => n === y.shape[d] && x.strides[d] === y.strides[d])
  },
  data_ptr: (s, a, kw) => { noArgs('data_ptr', a, kw); return BigInt(s.info().dataPtr) },
  untyped_storage: (s, a, kw) => { noArgs('untyped_storage', a, kw); return new TorchStorage(s.info().storage) },
  element_size: (s, a, kw) => { noArgs('element_size', a, kw); return BigInt(ITEMSIZE[s.info().dtype]) },
  numel: (s, a, kw) => { noArgs('numel', a, kw); return BigInt(s.info().numel) },
  nelement: (s, a, kw) => { noArgs('nelement', a, kw); return BigInt(s.info().numel) },
  dim: (s, a, kw) => { noArgs('dim', a, kw); return BigInt(s.info().shape.length) },
  ndimension: (s, a, kw) => { noArgs('ndimension', a, kw); return BigInt(s.info().shape.length) },
  is_contiguous: (s, a, kw) => {
    const b = bindArgs('is_contiguous', ['*', 'memory_format='], a, kw)
    const mf: MemoryFormat = memoryFormatArg(b.memory_format, 'contiguous_format')
    return s.ctx.op([s.obj], () => s.obj.isContiguous(mf))
  },
  get_device: s => { const d = s.info().device; return d === 'cpu' ? -1n : BigInt(Number(d.split(':')[1] ?? 0)) },
  view: graded('ViewBackward0', (s, a, kw) => {
    if (a.length === 1 && (a[0] instanceof TorchDType)) return wrapOp(s, () => s.obj.viewDtype((a[0] as TorchDType).name))
    if (kw.has('dtype')) return wrapOp(s, () => s.obj.viewDtype(torchDtypeOf(kw.get('dtype')!)))
    const shape = shapeFromArgs(a)
    return wrapOp(s, () => s.obj.view(shape))
  }),
  view_as: graded('ViewBackward0', (s, [o]) => wrapOp(s, () => s.obj.view((o as PyTensor).info().shape))),
  reshape: (s, a) => { const shape = shapeFromArgs(a); return wrapOp(s, () => s.obj.reshape(shape)) },
  reshape_as: (s, a, kw) => {
    const b = bindArgs('reshape_as', ['other'], a, kw)
    if (!(b.other instanceof PyTensor)) throw pyErr('TypeError', `reshape_as(): argument 'other' (position 1) must be Tensor, not ${typeName(b.other ?? null)}`)
    const shape = b.other.info().shape
    return wrapOp(s, () => s.obj.reshape(shape))
  },
  transpose: graded('TransposeBackward0', (s, a, kw) => {
    const b = bindArgs('transpose', ['dim0', 'dim1'], a, kw)
    return wrapOp(s, () => s.obj.transpose(intArg(b.dim0!), intArg(b.dim1!)))
  }),
  swapaxes: graded('TransposeBackward0', (s, a) => wrapOp(s, () => s.obj.swapaxes(intArg(a[0]), intArg(a[1])))),
  swapdims: graded('TransposeBackward0', (s, a) => wrapOp(s, () => s.obj.swapaxes(intArg(a[0]), intArg(a[1])))),
  permute: graded('PermuteBackward0', (s, a, kw) => { const dims = kw.has('dims') ? shapeFromArgs([kw.get('dims')!]) : shapeFromArgs(a); return wrapOp(s, () => s.obj.permute(dims)) }),
  t: graded('TBackward0', (s, a, kw) => { noArgs('t', a, kw); return wrapOp(s, () => s.obj.t()) }),
  expand: graded('ExpandBackward0', (s, a) => { const sizes = shapeFromArgs(a); return wrapOp(s, () => s.obj.expand(sizes)) }),
  expand_as: graded('ExpandBackward0', (s, [o]) => wrapOp(s, () => s.obj.expand((o as PyTensor).info().shape))),
  broadcast_to: graded('ExpandBackward0', (s, a) => { const sizes = shapeFromArgs(a); return wrapOp(s, () => s.obj.broadcastTo(sizes)) }),
  squeeze: graded((a, kw) => (a.length || kw.has('dim') ? 'SqueezeBackward1' : 'SqueezeBackward0'), (s, a, kw) => {
    const b = bindArgs('squeeze', ['dim='], a, kw)
    return wrapOp(s, () => s.obj.squeeze(axesArg(b.dim)))
  }),
  unsqueeze: graded('UnsqueezeBackward0', (s, a, kw) => { const b = bindArgs('unsqueeze', ['dim'], a, kw); return wrapOp(s, () => s.obj.unsqueeze(intArg(b.dim!))) }),
  narrow: graded('SliceBackward0', (s, a, kw) => {
    const b = bindArgs('narrow', ['dim', 'start', 'length'], a, kw)
    return wrapOp(s, () => s.obj.narrow(intArg(b.dim!), intArg(b.start!), intArg(b.length!)))
  }),
  diagonal: graded('DiagonalBackward0', (s, a, kw) => {
    const b = bindArgs('diagonal', ['offset=', 'dim1=', 'dim2='], a, kw)
    return wrapOp(s, () => s.obj.diagonal(dimArg(b.offset, 0), dimArg(b.dim1, 0), dimArg(b.dim2, 1)))
  }),
  unflatten: graded('ViewBackward0', (s, a, kw) => {
    const b = bindArgs('unflatten', ['dim', 'sizes'], a, kw)
    const shape = s.meta.shape
    const d = normDim(int64DimArg(b.dim!), shape.length)
    const sizes = shapeFromArgs([b.sizes!])
    return wrapOp(s, () => s.obj.view(unflattenShape(shape, d, sizes)))
  }),
  unfold: graded('UnfoldBackward0', (s, a, kw) => {
    const b = bindArgs('unfold', ['dimension', 'size', 'step'], a, kw)
    return wrapOp(s, () => s.obj.unfold(intArg(b.dimension!), intArg(b.size!), intArg(b.step!)))
  }),
  as_strided: graded('AsStridedBackward0', (s, a, kw) => {
    const b = bindArgs('as_strided', ['size', 'stride', 'storage_offset='], a, kw)
    const off = b.storage_offset === undefined || b.storage_offset === null ? null : intArg(b.storage_offset)
    return wrapOp(s, () => s.obj.asStrided(shapeFromArgs([b.size!]), shapeFromArgs([b.stride!]), off))
  }),
  flip: graded('FlipBackward0', (s, a, kw) => {
    const dims = kw.has('dims') ? shapeFromArgs([kw.get('dims')!]) : shapeFromArgs(a)
    return wrapOp(s, () => s.obj.flip(dims))
  }),
  flatten: (s, a, kw) => {
    const b = bindArgs('flatten', ['start_dim=', 'end_dim='], a, kw)
    return wrapOp(s, () => s.obj.flatten({ startDim: dimArg(b.start_dim, 0), endDim: dimArg(b.end_dim, -1) }))
  },
  ravel: (s, a, kw) => { noArgs('ravel', a, kw); return wrapOp(s, () => s.obj.ravel('C')) },
  contiguous: graded('CloneBackward0', (s, a, kw) => {
    const b = bindArgs('contiguous', ['*', 'memory_format='], a, kw)
    const mf = memoryFormatArg(b.memory_format, 'contiguous_format')
    return wrapOp(s, () => s.obj.contiguous(mf))
  }),
  clone: graded('CloneBackward0', (s, a, kw) => {
    const b = bindArgs('clone', ['*', 'memory_format='], a, kw)
    return wrapOp(s, () => s.obj.clone(memoryFormatArg(b.memory_format, 'preserve_format')))
  }),
  numpy: (s, a, kw) => {
    const b = bindArgs('numpy', ['*', 'force='], a, kw)
    return wrapOp(s, () => s.obj.numpy(boolArg(b.force, false)))
  },
  to: graded('ToCopyBackward0', toMethod),
  cpu: (s, a, kw) => { bindArgs('cpu', ['memory_format='], a, kw); return wrapOp(s, () => toCpu(s.obj)) },
  cuda: (s, a, kw) => {
    const b = bindArgs('cuda', ['device=', 'non_blocking=', 'memory_format='], a, kw)
    const d = b.device
    const dev = d === undefined || d === null ? null : typeof d === 'bigint' ? String(d) : parseDevice(d).name
    return wrapOp(s, () => toCuda(s.obj, dev, boolArg(b.non_blocking, false)))
  },
  pin_memory: (s, a, kw) => { noArgs('pin_memory', a, kw); return wrapOp(s, () => pinMemory(s.obj)) },
  is_pinned: (s, a, kw) => { noArgs('is_pinned', a, kw); return isPinned(s.obj) },
  float: graded('ToCopyBackward0', dtypeMethod('float32')), double: graded('ToCopyBackward0', dtypeMethod('float64')),
  half: graded('ToCopyBackward0', dtypeMethod('float16')),
  bfloat16: dtypeMethod('bfloat16'), int: dtypeMethod('int32'), long: dtypeMethod('int64'),
  short: dtypeMethod('int16'), char: dtypeMethod('int8'), byte: dtypeMethod('uint8'), bool: dtypeMethod('bool'),
  type: (s, a, kw) => {
    const b = bindArgs('type', ['dtype='], a, kw)
    if (b.dtype === undefined || b.dtype === null) throw pyErr('NotImplementedError', 'Tensor.type() with no argument is not supported; use t.dtype')
    return wrapOp(s, () => s.obj.to(torchDtypeOf(b.dtype!), false))
  },
  fill_: (s, a, kw) => {
    const b = bindArgs('fill_', ['value'], a, kw)
    const v = s.operand(b.value!)
    if (v instanceof engine.EngineObject) throw pyErr('NotImplementedError', 'fill_ with a tensor value is not supported')
    s.ctx.op([s.obj], () => s.obj.fill(v), { wrote: { into: s.obj } })
    retagInplace(s, 'FillBackward2')
    return s
  },
  zero_: (s, a, kw) => { noArgs('zero_', a, kw); s.ctx.op([s.obj], () => s.obj.zero_(), { wrote: { into: s.obj } }); retagInplace(s, 'ZeroBackward0'); return s },
  copy_: copyMethod,
  add_: inplaceMethod('add'), sub_: inplaceMethod('sub'), mul_: inplaceMethod('mul'), div_: inplaceMethod('div'),
  pow_: (s, a, kw) => {
    const e = bindArgs('pow_', ['exponent'], a, kw).exponent!
    const o = s.operand(e)
    s.ctx.op(e instanceof EngineValue ? [s.obj, e.obj] : [s.obj], () => s.obj.inplace('pow', o), { wrote: { into: s.obj } })
    // torch names the node by the exponent's kind: a number (PowBackward0) or a tensor (PowBackward1).
    retagInplace(s, e instanceof EngineValue ? 'PowBackward1' : 'PowBackward0')
    return s
  },
  add: binaryMethod('+'), sub: binaryMethod('-'), mul: binaryMethod('*'), div: binaryMethod('/'),
  sum: graded((a, kw) => (a.length || kw.has('dim') ? 'SumBackward1' : 'SumBackward0'), (s, a, kw) => reduce(s, 'sum', a, kw)),
  mean: graded((a, kw) => (a.length || kw.has('dim') ? 'MeanBackward1' : 'MeanBackward0'), (s, a, kw) => reduce(s, 'mean', a, kw)),
  item: (s, a, kw) => { noArgs('item', a, kw); return s.item() },
  tolist: (s, a, kw) => { noArgs('tolist', a, kw); return s.tolist() },
  requires_grad_: (s, a, kw) => {
    const b = bindArgs('requires_grad_', ['requires_grad='], a, kw)
    return wrapOp(s, () => setRequiresGrad(s.obj, boolArg(b.requires_grad, true)))
  },
  detach: (s, a, kw) => { noArgs('detach', a, kw); return wrapOp(s, () => detach(s.obj)) },
  // PyTorch's conjugate bit: conj() is a lazy view; reads resolve it, numpy()/__dlpack__ refuse it.
  adjoint: (s, a, kw) => { noArgs('adjoint', a, kw); return adjointView(s, 'adjoint()') },
  conj: graded('ConjBackward0', (s, a, kw) => { noArgs('conj', a, kw); return wrapOp(s, () => s.obj.conj()) }),
  is_conj: (s, a, kw) => { noArgs('is_conj', a, kw); return s.info().conj },
  resolve_conj: (s, a, kw) => { noArgs('resolve_conj', a, kw); return wrapOp(s, () => s.obj.resolveConj()) },
  conj_physical: graded('ConjPhysicalBackward0', (s, a, kw) => {
    noArgs('conj_physical', a, kw)
    return wrapOp(s, () => s.obj.conjPhysical())
  }),
  is_floating_point: s => /float/.test(s.info().dtype),
  is_complex: s => /complex/.test(s.info().dtype),
  __array__: s => wrapOp(s, () => s.obj.numpy(false)),
}

/**
 * .mT / .mH / .H / adjoint() as aten/src/ATen/native/TensorShape.cpp (2.x) makes them: the last two
 * dims swapped, conjugated (a conj view) unless mT or real; .H only on 2-D; on 0-d the tensor itself
 * (its conj view for a complex H / mH / adjoint), with 2.x's once-only deprecation warning.
 */
function adjointView(s: PyTensor, name: 'mT' | 'mH' | 'H' | 'adjoint()'): PyValue {
  const { shape, dtype } = s.info()
  const ndim = shape.length
  const conj = name !== 'mT' && /complex/.test(dtype)
  if (name === 'H' && ndim !== 2 && ndim !== 0) {
    throw pyErr('RuntimeError', `tensor.H is only supported on matrices (2-D tensors). Got ${ndim}-D tensor.${ndim > 2 ? ' For batches of matrices, consider using tensor.mH' : ''}`)
  }
  if (ndim === 1) throw pyErr('RuntimeError', `tensor.${name} is only supported on matrices or batches of matrices. Got 1-D tensor.`)
  if (ndim === 0) {
    const label = name === 'adjoint()' ? 'adjoint()' : `Tensor.${name}`
    s.ctx.host.warn('UserWarning', `${label} is deprecated on 0-D tensors. ${name === 'mT' ? 'This function is the identity in these cases.' : 'Consider using x.conj().'}`, true)
    return conj ? tagGradFn(wrapOp(s, () => s.obj.conj()), 'ConjBackward0') : s
  }
  if (!conj) return tagGradFn(wrapOp(s, () => s.obj.mT), 'TransposeBackward0')
  return tagGradFn(wrapOp(s, () => {
    const swapped = s.obj.mT
    try { return swapped.conj() } finally { swapped.dispose() }
  }), 'ConjBackward0')
}

/** NOTE aten/src/ATen/native/TensorShape.cpp unflatten: dim `d` split into `sizes` (one may be -1). */
function unflattenShape(shape: number[], d: number, sizes: number[]): number[] {
  if (sizes.length === 0) throw pyErr('RuntimeError', 'unflatten: sizes must be non-empty')
  // InferSize.h's checks, dim by dim: a second -1 is a std::runtime_error, which unflatten rewraps.
  let inferring = false
  for (const n of sizes) {
    if (n === -1) {
      if (inferring) throw pyErr('RuntimeError', 'unflatten got an unexpected error:\nonly one dimension can be inferred')
      inferring = true
    } else if (n < 0) {
      throw pyErr('RuntimeError', `invalid shape dimension ${n}`)
    }
  }
  const known = sizes.filter((x) => x !== -1).reduce((p, x) => p * x, 1)
  const inferred = sizes.includes(-1)
  if (inferred ? known === 0 || shape[d] % known !== 0 : known !== shape[d]) {
    throw pyErr('RuntimeError', `unflatten: Provided sizes [${sizes.join(', ')}] don't multiply up to the size of dim ${d} (${shape[d]}) in the input tensor`)
  }
  return [...shape.slice(0, d), ...sizes, ...shape.slice(d + 1)]
}

/** A dim argument as PyTorch unpacks it: an int64, or RuntimeError. */
function int64DimArg(v: PyValue): number {
  if (typeof v === 'bigint' && (v >= 1n << 63n || v < -(1n << 63n))) throw pyErr('RuntimeError', 'Overflow when unpacking long')
  return intArg(v)
}

/** size(dim) / stride(dim): c10 maybe_wrap_dim with wrap_scalar=false (a 0-d tensor has no dim to name). */
function normDim(d: number, ndim: number): number {
  if (ndim === 0) throw pyErr('IndexError', `Dimension specified as ${d} but tensor has no dimensions`)
  return wrapDim(d, ndim)
}

/** c10 maybe_wrap_dim (wrap_scalar=true: a 0-d tensor takes dim 0 or -1). */
export function wrapDim(d: number, ndim: number): number {
  const n = Math.max(ndim, 1)
  if (d < -n || d >= n) throw pyErr('IndexError', `Dimension out of range (expected to be in range of [${-n}, ${n - 1}], but got ${d})`)
  return d < 0 ? d + n : d
}

const NEW_TENSOR_METHODS = newTensorMethods()
const LINALG_METHODS = linalgTensorMethods()
const JOIN_SPLIT_METHODS = joinSplitTensorMethods()
const INDEX_METHODS = indexTensorMethods()
const SORT_METHODS = torchSortMethods(tagGradFn, wrapDim)

void isSequence; void typeName
