// Joining and splitting over the engine: np.concatenate / stack / vstack / hstack / split /
// array_split / hsplit / vsplit / where / nonzero / tile / repeat, torch.cat / stack / split /
// chunk / tensor_split / unbind / select / where and their methods. The engine decides results, layouts and errors
// (native/core/join_split.h); this file converts the Python arguments.
import * as engine from '../../engine'
import type { DTypeName, PyScalar } from '../../engine/types'
import { PyList, PyTuple, PyComplex, type PyValue, type Kwargs } from '../interp/values'
import { pyErr } from '../interp/exceptions'
import { bindArgs } from '../interp/args'
import { typeName } from '../interp/ops'
import type { LibraryContext } from './context'
import { EngineValue } from './engine_value'
import { npOperand } from './array_args'
import { npDtypeOf } from './dtypes'
import { intArg, isSequence } from './argparse'
import type { LibModule } from './module_builder'

type Method = (self: EngineValue, args: PyValue[], kw: Kwargs) => PyValue

const given = (v: PyValue | undefined): v is PyValue => v !== undefined && v !== null

function refuse(fn: string, b: Record<string, PyValue | undefined>, names: string[]): void {
  for (const k of names) if (given(b[k])) throw pyErr('NotImplementedError', `${fn}(${k}=...) is not supported by the Stridescope engine`)
}

/** The items of a sequence of arrays (an ndarray counts as the sequence of its rows). */
function items(v: PyValue | undefined): PyValue[] {
  if (v instanceof PyList || v instanceof PyTuple) return [...v.items]
  if (v instanceof EngineValue) return [...v.iter()]
  throw pyErr('TypeError', `'${typeName(v ?? null)}' object is not iterable`)
}

function npArrays(ctx: LibraryContext, seq: PyValue | undefined, fn: string): engine.EngineObject[] {
  return items(seq).map(v => npOperand(ctx, v, fn))
}

/** A Python value as a where() operand: an engine object, or a Python scalar (weak in promotion). */
function whereOperand(ctx: LibraryContext, v: PyValue, kind: 'ndarray' | 'tensor'): engine.EngineObject | PyScalar {
  if (typeof v === 'boolean' || typeof v === 'bigint' || typeof v === 'number') return v
  if (v instanceof PyComplex) return { re: v.re, im: v.im }
  if (kind === 'ndarray') return npOperand(ctx, v, 'where')
  if (v instanceof EngineValue && v.kind === 'tensor') return v.obj
  throw pyErr('TypeError', `where(): argument 'input' must be Tensor, not ${typeName(v)}`)
}

/** Python's list of the pieces (NumPy) or tuple (torch); one op record for the call. */
function pieces(ctx: LibraryContext, inputs: engine.EngineObject[], fn: () => engine.EngineObject[], tuple: boolean, node?: string): PyValue {
  return wrapPieces(ctx, ctx.op(inputs, fn), tuple, node)
}

function wrapPieces(ctx: LibraryContext, made: engine.EngineObject[], tuple: boolean, node?: string): PyValue {
  const parts = made.map(p => {
    const w = ctx.wrap(p)
    if (node) tagNode(w, node)
    return w
  })
  return tuple ? new PyTuple(parts) : new PyList(parts)
}

/** The autograd node name a torch result prints (tensor.ts keeps it on the wrapper). */
export function tagNode(r: EngineValue, name: string): EngineValue {
  const tagged = r as EngineValue & { gradFn?: string | null }
  const info = r.info()
  if (tagged.gradFn === null && info.requiresGrad && info.isLeaf === false) tagged.gradFn = name
  return r
}

/** The tuple of index arrays; their base (the whole index array) is wrapped first, so `.base` finds it. */
export function nonzeroTuple(ctx: LibraryContext, x: engine.EngineObject): PyValue {
  const { whole, parts } = ctx.op([x], () => engine.nonzero(x))
  ctx.wrap(whole)
  return wrapPieces(ctx, parts, true)
}

/** indices_or_sections: an int (sections) or a sequence of division points. */
function sectionsArg(v: PyValue): { sections: number | null; indices: number[] | null } {
  if (isSequence(v) || v instanceof EngineValue) return { sections: null, indices: items(v).map(x => intArg(x)) }
  return { sections: intArg(v), indices: null }
}

function axisOrNone(v: PyValue | undefined, dflt: number | null): number | null {
  if (v === undefined) return dflt
  return v === null ? null : intArg(v)
}

export function bindNumpyJoinSplit(np: LibModule, ctx: LibraryContext): void {
  const dtypeOf = (v: PyValue | undefined): DTypeName | null => (given(v) ? npDtypeOf(v) : null)
  np.fn('concatenate', (a, kw) => {
    const b = bindArgs('concatenate', ['arrays', 'axis=', 'out=', '*', 'dtype=', 'casting='], a, kw)
    refuse('np.concatenate', b, ['out'])
    const arrays = npArrays(ctx, b.arrays, 'concatenate')
    return ctx.opWrap(arrays, () => engine.join('np.concatenate', arrays, axisOrNone(b.axis, 0), dtypeOf(b.dtype)))
  })
  np.fn('stack', (a, kw) => {
    const b = bindArgs('stack', ['arrays', 'axis=', 'out=', '*', 'dtype=', 'casting='], a, kw)
    refuse('np.stack', b, ['out'])
    const arrays = npArrays(ctx, b.arrays, 'stack')
    return ctx.opWrap(arrays, () => engine.join('np.stack', arrays, given(b.axis) ? intArg(b.axis) : 0, dtypeOf(b.dtype)))
  })
  for (const name of ['vstack', 'hstack'] as const) {
    np.fn(name, (a, kw) => {
      const b = bindArgs(name, ['tup', '*', 'dtype=', 'casting='], a, kw)
      refuse(`np.${name}`, b, ['dtype'])
      const arrays = npArrays(ctx, b.tup, name)
      return ctx.opWrap(arrays, () => engine.join(`np.${name}`, arrays, null, null))
    })
  }
  for (const name of ['split', 'array_split'] as const) {
    np.fn(name, (a, kw) => {
      const b = bindArgs(name, ['ary', 'indices_or_sections', 'axis='], a, kw)
      const x = npOperand(ctx, b.ary!, name)
      const { sections, indices } = sectionsArg(b.indices_or_sections!)
      return pieces(ctx, [x], () => engine.split(`np.${name}`, x, sections, indices, given(b.axis) ? intArg(b.axis) : 0), false)
    })
  }
  for (const name of ['hsplit', 'vsplit'] as const) {
    np.fn(name, (a, kw) => {
      const b = bindArgs(name, ['ary', 'indices_or_sections'], a, kw)
      const x = npOperand(ctx, b.ary!, name)
      const { sections, indices } = sectionsArg(b.indices_or_sections!)
      return pieces(ctx, [x], () => engine.split(`np.${name}`, x, sections, indices, 0), false)
    })
  }
  const nonzero = (x: engine.EngineObject) => nonzeroTuple(ctx, x)
  np.fn('nonzero', (a, kw) => nonzero(npOperand(ctx, bindArgs('nonzero', ['a'], a, kw).a!, 'nonzero')))
  np.fn('where', (a, kw) => {
    bindArgs('where', ['condition', 'x=', 'y='], a, kw)
    if (kw.size) throw pyErr('TypeError', `where() takes no keyword arguments`)
    if (a.length === 2) throw pyErr('ValueError', 'either both or neither of x and y should be given')
    const cond = npOperand(ctx, a[0], 'where')
    if (a.length === 1) return nonzero(cond)
    const x = whereOperand(ctx, a[1], 'ndarray'), y = whereOperand(ctx, a[2], 'ndarray')
    const inputs = [cond, ...[x, y].filter((o): o is engine.EngineObject => o instanceof engine.EngineObject)]
    return ctx.opWrap(inputs, () => engine.where('ndarray', cond, x, y))
  })
  np.fn('tile', (a, kw) => {
    const b = bindArgs('tile', ['A', 'reps'], a, kw)
    const x = npOperand(ctx, b.A!, 'tile')
    const reps = isSequence(b.reps!) ? b.reps.items.map(v => intArg(v)) : [intArg(b.reps!)]
    return ctx.opWrap([x], () => engine.tile(x, reps))
  })
  np.fn('repeat', (a, kw) => {
    const b = bindArgs('repeat', ['a', 'repeats', 'axis='], a, kw)
    return npRepeat(ctx, npOperand(ctx, b.a!, 'repeat'), b.repeats!, b.axis)
  })
}

function npRepeat(ctx: LibraryContext, x: engine.EngineObject, repeats: PyValue, axis: PyValue | undefined): PyValue {
  const counts = isSequence(repeats) || repeats instanceof EngineValue ? items(repeats).map(v => intArg(v)) : [intArg(repeats)]
  return ctx.opWrap([x], () => engine.repeat(x, counts, axisOrNone(axis, null)))
}

/** ndarray.repeat / ndarray.nonzero. */
export function joinSplitNdarrayMethods(): Record<string, Method> {
  return {
    repeat: (s, a, kw) => {
      const b = bindArgs('repeat', ['repeats', 'axis='], a, kw)
      return npRepeat(s.ctx, s.obj, b.repeats!, b.axis)
    },
    nonzero: (s, a, kw) => {
      bindArgs('nonzero', [], a, kw)
      return nonzeroTuple(s.ctx, s.obj)
    },
  }
}

function tensorList(v: PyValue | undefined, fn: string): engine.EngineObject[] {
  if (!(v instanceof PyList || v instanceof PyTuple)) {
    const t = v instanceof EngineValue && v.kind === 'tensor' ? 'Tensor' : typeName(v ?? null)
    throw pyErr('TypeError', `${fn}(): argument 'tensors' (position 1) must be tuple of Tensors, not ${t}`)
  }
  return v.items.map((x, i) => {
    if (x instanceof EngineValue && x.kind === 'tensor') return x.obj
    throw pyErr('TypeError', `expected Tensor as element ${i} in argument 0, but got ${x instanceof EngineValue ? 'numpy.ndarray' : typeName(x)}`)
  })
}

function torchSplit(ctx: LibraryContext, t: EngineValue, size: PyValue, dim: PyValue | undefined): PyValue {
  const d = given(dim) ? intArg(dim) : 0
  if (isSequence(size)) {
    const sizes = size.items.map(v => intArg(v))
    return pieces(ctx, [t.obj], () => engine.split('torch.split', t.obj, null, sizes, d), true, 'SplitWithSizesBackward0')
  }
  return pieces(ctx, [t.obj], () => engine.split('torch.split', t.obj, intArg(size), null, d), true, 'SplitBackward0')
}

/** c10 maybe_wrap_dim for a tensor of `ndim` dims (a 0-d one takes dim 0 or -1). */
function wrapTorchDim(dim: number, ndim: number): number {
  const n = Math.max(ndim, 1)
  if (dim < -n || dim >= n) throw pyErr('IndexError', `Dimension out of range (expected to be in range of [${-n}, ${n - 1}], but got ${dim})`)
  return dim < 0 ? dim + n : dim
}

/** ATen select(dim, index): the slice at `index` along `dim`, that dim dropped (a view). */
function selectView(t: engine.EngineObject, dim: number, index: number): engine.EngineObject {
  const shape = t.info().shape
  if (shape.length === 0) throw pyErr('IndexError', 'select() cannot be applied to a 0-dim tensor.')
  const d = wrapTorchDim(dim, shape.length)
  if (index < -shape[d] || index >= shape[d]) {
    throw pyErr('IndexError', `select(): index ${index} out of range for tensor of size [${shape.join(', ')}] at dimension ${d}`)
  }
  const slab = t.narrow(d, index < 0 ? index + shape[d] : index, 1)
  try { return slab.squeeze([d]) } finally { slab.dispose() }
}

/** ATen unbind(dim): select(dim, i) for every i. */
function unbindViews(t: engine.EngineObject, dim: number): engine.EngineObject[] {
  const shape = t.info().shape
  if (shape.length === 0) throw pyErr('IndexError', 'Dimension specified as 0 but tensor has no dimensions')
  const d = wrapTorchDim(dim, shape.length)
  return Array.from({ length: shape[d] }, (_, i) => selectView(t, d, i))
}

/** ATen slice(dim, start, end) with step 1: Python's clamping of start and end. */
function sliceView(t: engine.EngineObject, d: number, start: number, end: number): engine.EngineObject {
  const n = t.info().shape[d]
  const clamp = (i: number) => Math.min(Math.max(i < 0 ? i + n : i, 0), n)
  const s = clamp(start), e = Math.max(clamp(end), s)
  return t.narrow(d, s, e - s)
}

/**
 * ATen tensor_split: `sections` near-equal pieces (the first size % sections one longer), or the
 * pieces between the division points `indices` (each slice clamped as Python's is).
 */
function tensorSplitViews(t: engine.EngineObject, sections: number | null, indices: number[] | null, dim: number): engine.EngineObject[] {
  const ndim = t.info().shape.length
  if (ndim === 0) throw pyErr('RuntimeError', `tensor_split expected at least a 1-dimensional tensor, but got a tensor with ${ndim} dims`)
  if (sections !== null && sections <= 0) throw pyErr('RuntimeError', `number of sections must be larger than 0, got ${sections}`)
  const d = wrapTorchDim(dim, ndim)
  const n = t.info().shape[d]
  const bounds: number[] = []
  if (sections !== null) {
    const base = Math.floor(n / sections), extra = n % sections
    for (let i = 1; i < sections; i++) bounds.push(i * base + Math.min(i, extra))
  } else {
    bounds.push(...indices!)
  }
  const starts = [0, ...bounds], ends = [...bounds, n]
  return starts.map((st, i) => sliceView(t, d, st, ends[i]))
}

/** tensor_split's first argument: sections (an int or a 0-d int64 tensor) or indices (a sequence or a 1-d one). */
function tensorSplitArg(v: PyValue): { sections: number | null; indices: number[] | null } {
  if (v instanceof EngineValue && v.kind === 'tensor') {
    const info = v.info()
    if (info.dtype !== 'int64') throw pyErr('RuntimeError', `tensor_split expected tensor_indices_or_sections to have dtype of long, but got ${SCALAR_TYPE_NAME[info.dtype] ?? info.dtype}`)
    if (info.shape.length > 1) throw pyErr('RuntimeError', `tensor_split expected tensor_indices_or_sections to be a zero-dimensional or one-dimensional tensor, but got a tensor with ${info.shape.length} dims`)
    if (info.shape.length === 0) return { sections: intArg(v), indices: null }
    return { sections: null, indices: [...v.iter()].map(x => intArg(x)) }
  }
  if (isSequence(v)) return { sections: null, indices: v.items.map(x => intArg(x)) }
  return { sections: intArg(v), indices: null }
}

/** c10 ScalarType names, as torch's messages print a dtype. */
const SCALAR_TYPE_NAME: Partial<Record<DTypeName, string>> = {
  float16: 'Half', bfloat16: 'BFloat16', float32: 'Float', float64: 'Double', complex64: 'ComplexFloat', complex128: 'ComplexDouble',
  bool: 'Bool', uint8: 'Byte', int8: 'Char', int16: 'Short', int32: 'Int', uint16: 'UInt16', uint32: 'UInt32', uint64: 'UInt64',
}

function tensorSplit(ctx: LibraryContext, t: EngineValue, b: Record<string, PyValue | undefined>): PyValue {
  const arg = b.indices_or_sections ?? b.tensor_indices_or_sections ?? b.sections ?? b.indices
  if (arg === undefined) throw pyErr('TypeError', 'tensor_split() missing 1 required positional arguments: "indices_or_sections"')
  const { sections, indices } = tensorSplitArg(arg)
  return pieces(ctx, [t.obj], () => tensorSplitViews(t.obj, sections, indices, given(b.dim) ? intArg(b.dim) : 0), true, 'SliceBackward0')
}

const TENSOR_SPLIT_PARAMS = ['indices_or_sections=', 'dim=', '*', 'tensor_indices_or_sections=', 'sections=', 'indices=']

function torchWhere(ctx: LibraryContext, cond: EngineValue, x: PyValue, y: PyValue): PyValue {
  const xo = whereOperand(ctx, x, 'tensor'), yo = whereOperand(ctx, y, 'tensor')
  const inputs = [cond.obj, ...[xo, yo].filter((o): o is engine.EngineObject => o instanceof engine.EngineObject)]
  return tagNode(ctx.opWrap(inputs, () => engine.where('tensor', cond.obj, xo, yo)), 'WhereBackward0')
}

function needTensor(v: PyValue | undefined, fn: string, arg: string, pos: number): EngineValue {
  if (v instanceof EngineValue && v.kind === 'tensor') return v
  throw pyErr('TypeError', `${fn}(): argument '${arg}' (position ${pos}) must be Tensor, not ${v instanceof EngineValue ? 'numpy.ndarray' : typeName(v ?? null)}`)
}

export function bindTorchJoinSplit(torch: LibModule, ctx: LibraryContext): void {
  for (const name of ['cat', 'concat', 'stack'] as const) {
    torch.fn(name, (a, kw) => {
      const b = bindArgs(name, ['tensors', 'dim=', '*', 'out='], a, kw)
      refuse(`torch.${name}`, b, ['out'])
      const ts = tensorList(b.tensors, name)
      const fn = name === 'stack' ? 'torch.stack' : 'torch.cat'
      return tagNode(ctx.opWrap(ts, () => engine.join(fn, ts, given(b.dim) ? intArg(b.dim) : 0, null)), name === 'stack' ? 'StackBackward0' : 'CatBackward0')
    })
  }
  torch.fn('split', (a, kw) => {
    const b = bindArgs('split', ['tensor', 'split_size_or_sections', 'dim='], a, kw)
    return torchSplit(ctx, needTensor(b.tensor, 'split', 'tensor', 1), b.split_size_or_sections!, b.dim)
  })
  torch.fn('chunk', (a, kw) => {
    const b = bindArgs('chunk', ['input', 'chunks', 'dim='], a, kw)
    const t = needTensor(b.input, 'chunk', 'input', 1)
    return pieces(ctx, [t.obj], () => engine.split('torch.chunk', t.obj, intArg(b.chunks!), null, given(b.dim) ? intArg(b.dim) : 0), true, 'SplitBackward0')
  })
  torch.fn('tensor_split', (a, kw) => {
    const b = bindArgs('tensor_split', ['input', ...TENSOR_SPLIT_PARAMS], a, kw)
    return tensorSplit(ctx, needTensor(b.input, 'tensor_split', 'input', 1), b)
  })
  torch.fn('unbind', (a, kw) => {
    const b = bindArgs('unbind', ['input', 'dim='], a, kw)
    const t = needTensor(b.input, 'unbind', 'input', 1)
    return pieces(ctx, [t.obj], () => unbindViews(t.obj, given(b.dim) ? intArg(b.dim) : 0), true, 'UnbindBackward0')
  })
  torch.fn('select', (a, kw) => {
    const b = bindArgs('select', ['input', 'dim', 'index'], a, kw)
    const t = needTensor(b.input, 'select', 'input', 1)
    return tagNode(ctx.opWrap([t.obj], () => selectView(t.obj, intArg(b.dim!), intArg(b.index!))), 'SelectBackward0')
  })
  torch.fn('where', (a, kw) => {
    const b = bindArgs('where', ['condition', 'input=', 'other=', '*', 'out='], a, kw)
    refuse('torch.where', b, ['out'])
    const cond = needTensor(b.condition, 'where', 'condition', 1)
    if (b.input === undefined && b.other === undefined) return nonzeroTuple(ctx, cond.obj)
    if (b.input === undefined || b.other === undefined) throw pyErr('TypeError', 'where() missing required argument: ' + (b.input === undefined ? "'input'" : "'other'"))
    return torchWhere(ctx, cond, b.input, b.other)
  })
}

/** Tensor.split / chunk / tensor_split / unbind / select / where. */
export function joinSplitTensorMethods(): Record<string, Method> {
  return {
    split: (s, a, kw) => {
      const b = bindArgs('split', ['split_size', 'dim='], a, kw)
      return torchSplit(s.ctx, s, b.split_size!, b.dim)
    },
    chunk: (s, a, kw) => {
      const b = bindArgs('chunk', ['chunks', 'dim='], a, kw)
      return pieces(s.ctx, [s.obj], () => engine.split('torch.chunk', s.obj, intArg(b.chunks!), null, given(b.dim) ? intArg(b.dim) : 0), true, 'SplitBackward0')
    },
    tensor_split: (s, a, kw) => tensorSplit(s.ctx, s, bindArgs('tensor_split', TENSOR_SPLIT_PARAMS, a, kw)),
    unbind: (s, a, kw) => {
      const b = bindArgs('unbind', ['dim='], a, kw)
      return pieces(s.ctx, [s.obj], () => unbindViews(s.obj, given(b.dim) ? intArg(b.dim) : 0), true, 'UnbindBackward0')
    },
    select: (s, a, kw) => {
      const b = bindArgs('select', ['dim', 'index'], a, kw)
      return tagNode(s.ctx.opWrap([s.obj], () => selectView(s.obj, intArg(b.dim!), intArg(b.index!))), 'SelectBackward0')
    },
    where: (s, a, kw) => {
      const b = bindArgs('where', ['condition', 'other'], a, kw)
      return torchWhere(s.ctx, needTensor(b.condition, 'where', 'condition', 1), s, b.other!)
    },
  }
}

