// NumPy's ufuncs and reductions and PyTorch's math ops, mapped onto the engine's
// unary / binary / reduce / scan calls (all computation and layout rules live there).
// NumPy returns a NumPy scalar where every input is 0-d (or a scalar) and for full
// reductions; torch always returns tensors.
import * as engine from '../../engine'
import type { EngineObject, OperandLike } from '../../engine'
import type { BinaryOp, DTypeName, PyScalar, ReduceOp, UnaryOp } from '../../engine/types'
import { PyTuple, PyList, PyComplex, PyClass, BUILTIN_TYPES, type PyValue, type Kwargs } from '../interp/values'
import { pyErr } from '../interp/exceptions'
import { bindArgs } from '../interp/args'
import { typeName } from '../interp/ops'
import { repr } from '../interp/repr'
import type { LibraryContext } from './context'
import { staticInfo } from './static_info'
import { EngineValue } from './engine_value'
import { NpScalar } from './scalars'
import { flattenNested } from './nested'
import { tagNode } from './join_split'
import { axesArg, boolArg, intArg, zeroDimAxisIsNone } from './argparse'
import { npDtypeOf, torchDtypeOf } from './dtypes'
import type { LibModule } from './module_builder'

type Fn = (args: PyValue[], kw: Kwargs) => PyValue
type Method<S> = (self: S, args: PyValue[], kw: Kwargs) => PyValue

// ---------- NumPy ----------

/** NumPy unary ufuncs: Python name -> engine op. */
const NP_UNARY: Record<string, UnaryOp> = {
  negative: 'neg', positive: 'pos', absolute: 'abs', abs: 'abs', fabs: 'abs', invert: 'invert', bitwise_not: 'invert',
  bitwise_invert: 'invert', logical_not: 'logical_not', sign: 'sign', square: 'square', sqrt: 'sqrt', exp: 'exp',
  exp2: 'exp2', expm1: 'expm1', log: 'log', log2: 'log2', log10: 'log10', log1p: 'log1p', sin: 'sin', cos: 'cos',
  tan: 'tan', arcsin: 'arcsin', arccos: 'arccos', arctan: 'arctan', sinh: 'sinh', cosh: 'cosh', tanh: 'tanh',
  floor: 'floor', ceil: 'ceil', trunc: 'trunc', rint: 'rint', fix: 'trunc', isnan: 'isnan', isinf: 'isinf',
  isfinite: 'isfinite', reciprocal: 'reciprocal',
}

/** NumPy binary ufuncs: Python name -> engine op. */
const NP_BINARY: Record<string, BinaryOp> = {
  add: 'add', subtract: 'sub', multiply: 'mul', divide: 'div', true_divide: 'div', floor_divide: 'floordiv',
  remainder: 'mod', mod: 'mod', power: 'pow', pow: 'pow', bitwise_and: 'and', bitwise_or: 'or', bitwise_xor: 'xor',
  left_shift: 'lshift', right_shift: 'rshift', maximum: 'maximum', minimum: 'minimum', equal: 'eq', not_equal: 'ne',
  less: 'lt', less_equal: 'le', greater: 'gt', greater_equal: 'ge',
}

interface NpInput { operand: OperandLike; obj: EngineObject | null; zeroD: boolean }

/** A ufunc argument: arrays as they are, lists as new arrays, NumPy scalars as 0-d arrays of their
 * dtype (strong), Python scalars weak (or a 0-d array when `materialize`: no array operand at all). */
function npInput(ctx: LibraryContext, v: PyValue, materialize: boolean): NpInput {
  if (v instanceof EngineValue) {
    const obj = v.kind === 'ndarray' ? v.obj : ctx.op([v.obj], () => engine.npAsarray(v.obj))
    return { operand: obj, obj, zeroD: staticInfo(obj).shape.length === 0 }
  }
  if (v instanceof PyList || v instanceof PyTuple) {
    const { values, shape } = flattenNested(v, 'ndarray')
    const obj = ctx.op([], () => engine.fromValues('ndarray', values, shape, null))
    return { operand: obj, obj, zeroD: shape.length === 0 }
  }
  if (v instanceof NpScalar || materialize) {
    const s = scalarOf(v)
    const obj = ctx.op([], () => engine.fromValues('ndarray', [s], [], v instanceof NpScalar ? v.dtype : null), { transientResult: true })
    return { operand: obj, obj, zeroD: true }
  }
  return { operand: scalarOf(v), obj: null, zeroD: true }
}

function scalarOf(v: PyValue): PyScalar {
  if (v instanceof NpScalar) v = v.toPy()
  if (typeof v === 'boolean' || typeof v === 'bigint' || typeof v === 'number') return v
  if (v instanceof PyComplex) return { re: v.re, im: v.im }
  throw pyErr('TypeError', `unsupported operand type: '${typeName(v)}'`)
}

/** The result of a NumPy operation: a NumPy scalar when it is 0-d and `scalar`. */
function npResult(ctx: LibraryContext, inputs: EngineObject[], scalar: boolean, fn: () => EngineObject): PyValue {
  const r = ctx.op(inputs, fn, { transientResult: scalar })
  if (!scalar || staticInfo(r).shape.length !== 0) return ctx.wrap(r)
  return new NpScalar(staticInfo(r).dtype, r.item(), ctx.scalars)
}

function noOut(name: string, b: Record<string, PyValue | undefined>): void {
  for (const k of ['out', 'where', 'initial']) {
    if (b[k] !== undefined && b[k] !== null && !(k === 'where' && b[k] === true)) {
      throw pyErr('NotImplementedError', `${name}(${k}=...) is not supported by the Stridescope engine`)
    }
  }
}

function npUnary(ctx: LibraryContext, name: string, op: UnaryOp): Fn {
  return (a, kw) => {
    const b = bindArgs(name, ['x', 'out=', '*', 'where=', 'casting=', 'order=', 'dtype=', 'subok='], a, kw)
    noOut(name, b)
    const x = npInput(ctx, b.x!, true)
    return npResult(ctx, [x.obj!], x.zeroD, () => x.obj!.unary(op))
  }
}

function npBinaryCall(ctx: LibraryContext, op: BinaryOp, x: PyValue, y: PyValue): PyValue {
  const bothScalars = !(x instanceof EngineValue || x instanceof PyList || x instanceof PyTuple || x instanceof NpScalar) &&
    !(y instanceof EngineValue || y instanceof PyList || y instanceof PyTuple || y instanceof NpScalar)
  const p = npInput(ctx, x, bothScalars), q = npInput(ctx, y, false)
  const inputs = [p.obj, q.obj].filter((o): o is EngineObject => o !== null)
  return npResult(ctx, inputs, p.zeroD && q.zeroD, () => engine.binary(op, p.operand, q.operand))
}

function npBinary(ctx: LibraryContext, name: string, op: BinaryOp): Fn {
  return (a, kw) => {
    const b = bindArgs(name, ['x1', 'x2', 'out=', '*', 'where=', 'casting=', 'order=', 'dtype=', 'subok='], a, kw)
    const out = b.out instanceof PyTuple && b.out.items.length === 1 ? b.out.items[0] : b.out
    if (out instanceof EngineValue && out.kind === 'ndarray') {
      // np.add(a, b, out=o): the engine writes o (NumPy's casting and overlap rules) and it is the result.
      const p = npInput(ctx, b.x1!, false), q = npInput(ctx, b.x2!, false)
      const inputs = [p.obj, q.obj, out.obj].filter((o): o is EngineObject => o !== null)
      ctx.op(inputs, () => engine.binaryOut(op, p.operand, q.operand, out.obj), { wrote: { into: out.obj } })
      return out
    }
    noOut(name, b)
    return npBinaryCall(ctx, op, b.x1!, b.x2!)
  }
}

/** np.clip(a, a_min, a_max): minimum(maximum(a, a_min), a_max), either bound may be None. */
function npClip(ctx: LibraryContext, x: PyValue, lo: PyValue | undefined, hi: PyValue | undefined): PyValue {
  if ((lo === undefined || lo === null) && (hi === undefined || hi === null)) {
    throw pyErr('ValueError', 'One of max or min must be given')
  }
  let r = x
  if (lo !== undefined && lo !== null) r = npBinaryCall(ctx, 'maximum', r, lo)
  if (hi !== undefined && hi !== null) r = npBinaryCall(ctx, 'minimum', r, hi)
  return r
}

/**
 * np.round(a, decimals): rint of a * 10**decimals, divided back (NumPy's own recipe). Integer
 * arrays are returned as they are for decimals >= 0 and keep their dtype below (1250 -> 1200,
 * through float64 and cast back); a bool array takes rint's float16 loop for decimals=0.
 */
function npRound(ctx: LibraryContext, x: PyValue, decimals: number): PyValue {
  const xin = npInput(ctx, x, true)
  const dt = staticInfo(xin.obj!).dtype
  const integer = /int/.test(dt) || (dt === 'bool' && decimals !== 0)
  if (integer && decimals >= 0) return npResult(ctx, [xin.obj!], xin.zeroD, () => xin.obj!.unary('pos'))
  if (decimals === 0) return npResult(ctx, [xin.obj!], xin.zeroD, () => xin.obj!.unary('rint'))
  const f = 10 ** Math.abs(decimals)
  const scaled = ctx.op([xin.obj!], () => xin.obj!.binary(decimals > 0 ? 'mul' : 'div', f))
  const rounded = ctx.op([scaled], () => scaled.unary('rint'))
  if (!integer) return npResult(ctx, [rounded], xin.zeroD, () => rounded.binary(decimals > 0 ? 'div' : 'mul', f))
  const back = ctx.op([rounded], () => rounded.binary('mul', f))
  return npResult(ctx, [back], xin.zeroD, () => back.astype(dt, 'K', true))
}

interface ReduceOpts { axis?: PyValue; keepdims?: PyValue; dtype?: PyValue; ddof?: PyValue }

/** A NumPy reduction: a NumPy scalar when everything is reduced (and keepdims is off). */
function npReduce(ctx: LibraryContext, x: EngineValue, op: ReduceOp, o: ReduceOpts): PyValue {
  const keep = boolArg(o.keepdims, false)
  const dtype: DTypeName | null = o.dtype === undefined || o.dtype === null ? null : npDtypeOf(o.dtype)
  const ddof = o.ddof === undefined || o.ddof === null ? 0 : Number(o.ddof)
  // mean/var/std count the items along the axis first, which refuses axis 0 of a 0-d array.
  const zeroDimAxis = !['mean', 'var', 'std'].includes(op) && zeroDimAxisIsNone(x.meta.shape.length, o.axis)
  const axes = zeroDimAxis ? null : axesArg(o.axis)
  if ((op === 'argmin' || op === 'argmax') && o.axis instanceof PyTuple) {
    throw pyErr('TypeError', "'tuple' object cannot be interpreted as an integer")
  }
  // A 0-d result is a scalar even under keepdims (a 0-d input keeps no dimension).
  return npResult(ctx, [x.obj], !keep || x.meta.shape.length === 0, () => x.obj.reduce(op, axes, keep, dtype, ddof))
}

const REDUCE_SPECS: Record<string, { op: ReduceOp; spec: string[] }> = {
  sum: { op: 'sum', spec: ['axis=', 'dtype=', 'out=', 'keepdims=', 'initial=', 'where='] },
  prod: { op: 'prod', spec: ['axis=', 'dtype=', 'out=', 'keepdims=', 'initial=', 'where='] },
  mean: { op: 'mean', spec: ['axis=', 'dtype=', 'out=', 'keepdims=', '*', 'where='] },
  max: { op: 'max', spec: ['axis=', 'out=', 'keepdims=', 'initial=', 'where='] },
  min: { op: 'min', spec: ['axis=', 'out=', 'keepdims=', 'initial=', 'where='] },
  all: { op: 'all', spec: ['axis=', 'out=', 'keepdims=', '*', 'where='] },
  any: { op: 'any', spec: ['axis=', 'out=', 'keepdims=', '*', 'where='] },
  argmax: { op: 'argmax', spec: ['axis=', 'out=', '*', 'keepdims='] },
  argmin: { op: 'argmin', spec: ['axis=', 'out=', '*', 'keepdims='] },
  var: { op: 'var', spec: ['axis=', 'dtype=', 'out=', 'ddof=', 'keepdims=', '*', 'where=', 'mean=', 'correction='] },
  std: { op: 'std', spec: ['axis=', 'dtype=', 'out=', 'ddof=', 'keepdims=', '*', 'where=', 'mean=', 'correction='] },
}
/** Module-only reductions (np.nanmax(a, ...)) and aliases. */
const NP_MODULE_REDUCE: Record<string, string> = { amax: 'max', amin: 'min', nanmax: 'nanmax', nanmin: 'nanmin', nansum: 'nansum' }

function npReduceCall(ctx: LibraryContext, name: string, op: ReduceOp, spec: string[], x: EngineValue, a: PyValue[], kw: Kwargs): PyValue {
  const b = bindArgs(name, spec, a, kw)
  noOut(name, b)
  if (b.mean !== undefined) throw pyErr('NotImplementedError', `${name}(mean=...) is not supported by the Stridescope engine`)
  const ddof = b.correction !== undefined && b.correction !== null ? b.correction : b.ddof
  return npReduce(ctx, x, op, { axis: b.axis, keepdims: b.keepdims, dtype: b.dtype, ddof: ddof === undefined ? undefined : Number(ddof as bigint) as unknown as PyValue })
}

function npScan(ctx: LibraryContext, name: 'cumsum' | 'cumprod', x: EngineValue, a: PyValue[], kw: Kwargs): PyValue {
  const b = bindArgs(name, ['axis=', 'dtype=', 'out='], a, kw)
  noOut(name, b)
  const axis = b.axis === undefined || b.axis === null || zeroDimAxisIsNone(x.meta.shape.length, b.axis) ? null : intArg(b.axis)
  const dtype = b.dtype === undefined || b.dtype === null ? null : npDtypeOf(b.dtype)
  return ctx.opWrap([x.obj], () => x.obj.scan(name, axis, dtype))
}

/** ndarray methods: reductions, scans, clip, round. */
export function ndarrayMathMethods<S extends EngineValue>(): Record<string, Method<S>> {
  const m: Record<string, Method<S>> = {}
  for (const [name, { op, spec }] of Object.entries(REDUCE_SPECS)) {
    m[name] = (s, a, kw) => npReduceCall(s.ctx, name, op, spec, s, a, kw)
  }
  m.cumsum = (s, a, kw) => npScan(s.ctx, 'cumsum', s, a, kw)
  m.cumprod = (s, a, kw) => npScan(s.ctx, 'cumprod', s, a, kw)
  m.clip = (s, a, kw) => {
    const b = bindArgs('clip', ['min=', 'max=', 'out='], a, kw)
    noOut('clip', b)
    return npClip(s.ctx, s, b.min, b.max)
  }
  m.round = (s, a, kw) => {
    const b = bindArgs('round', ['decimals=', 'out='], a, kw)
    noOut('round', b)
    return npRound(s.ctx, s, b.decimals === undefined ? 0 : intArg(b.decimals))
  }
  return m
}

function needNdarrayLike(ctx: LibraryContext, v: PyValue | undefined, name: string): EngineValue {
  if (v instanceof EngineValue) return v.kind === 'ndarray' ? v : ctx.wrap(ctx.op([v.obj], () => engine.npAsarray(v.obj)))
  if (v instanceof PyList || v instanceof PyTuple) {
    const { values, shape } = flattenNested(v, 'ndarray')
    return ctx.opWrap([], () => engine.fromValues('ndarray', values, shape, null))
  }
  if (v !== undefined && (typeof v === 'bigint' || typeof v === 'number' || typeof v === 'boolean' || v instanceof NpScalar || v instanceof PyComplex)) {
    const dt = v instanceof NpScalar ? v.dtype : null
    return ctx.opWrap([], () => engine.fromValues('ndarray', [scalarOf(v)], [], dt))
  }
  throw pyErr('NotImplementedError', `np.${name} of a ${typeName(v ?? null)} is not supported by the Stridescope runner`)
}

/** np.sqrt, np.add, np.max, np.clip, ...: the module functions. */
export function bindNumpyMath(np: LibModule, ctx: LibraryContext): void {
  for (const [name, op] of Object.entries(NP_UNARY)) np.fn(name, npUnary(ctx, name, op))
  for (const [name, op] of Object.entries(NP_BINARY)) np.fn(name, npBinary(ctx, name, op))
  np.fn('divmod', (a, kw) => {
    const b = bindArgs('divmod', ['x1', 'x2', 'out1=', 'out2='], a, kw)
    return new PyTuple([npBinaryCall(ctx, 'floordiv', b.x1!, b.x2!), npBinaryCall(ctx, 'mod', b.x1!, b.x2!)])
  })
  const reduceNames = { ...Object.fromEntries(Object.keys(REDUCE_SPECS).map(k => [k, k])), ...NP_MODULE_REDUCE }
  for (const [name, base] of Object.entries(reduceNames)) {
    const spec = REDUCE_SPECS[base]?.spec ?? REDUCE_SPECS.max.spec
    const op = (REDUCE_SPECS[base]?.op ?? base) as ReduceOp
    np.fn(name, (a, kw) => {
      const x = needNdarrayLike(ctx, a.length ? a[0] : kw.get('a'), name)
      const rest = new Map(kw)
      rest.delete('a')
      return npReduceCall(ctx, name, op, spec, x, a.slice(1), rest)
    })
  }
  for (const name of ['cumsum', 'cumprod'] as const) {
    np.fn(name, (a, kw) => {
      const x = needNdarrayLike(ctx, a.length ? a[0] : kw.get('a'), name)
      const rest = new Map(kw)
      rest.delete('a')
      return npScan(ctx, name, x, a.slice(1), rest)
    })
  }
  np.fn('clip', (a, kw) => {
    const b = bindArgs('clip', ['a', 'a_min=', 'a_max=', 'out=', '*', 'min=', 'max='], a, kw)
    noOut('clip', b)
    return npClip(ctx, b.a!, b.a_min ?? b.min, b.a_max ?? b.max)
  })
  np.set('True_', new NpScalar('bool', true, ctx.scalars)).set('False_', new NpScalar('bool', false, ctx.scalars))
  np.fn('moveaxis', (a, kw) => {
    const b = bindArgs('moveaxis', ['a', 'source', 'destination'], a, kw)
    const x = needNdarrayLike(ctx, b.a, 'moveaxis')
    const perm = moveaxisPerm(x.meta.shape.length, axesArg(b.source)!, axesArg(b.destination)!, false)
    return ctx.opWrap([x.obj], () => x.obj.permute(perm))
  })
  for (const name of ['round', 'around']) {
    np.fn(name, (a, kw) => {
      const b = bindArgs(name, ['a', 'decimals=', 'out='], a, kw)
      noOut(name, b)
      return npRound(ctx, b.a!, b.decimals === undefined ? 0 : intArg(b.decimals))
    })
  }
}

/** np.moveaxis / torch.movedim: the permutation that moves `source` axes to `destination`. */
export function moveaxisPerm(ndim: number, source: number[], destination: number[], torch: boolean): number[] {
  const norm = (ax: number, what: string) => {
    if (ax < -Math.max(ndim, 1) || ax >= Math.max(ndim, 1)) {
      if (torch) throw pyErr('IndexError', `Dimension out of range (expected to be in range of [${-Math.max(ndim, 1)}, ${Math.max(ndim, 1) - 1}], but got ${ax})`)
      throw pyErr('AxisError', `${what}: axis ${ax} is out of bounds for array of dimension ${ndim}`)
    }
    return ax < 0 ? ax + ndim : ax
  }
  // ATen movedim checks the counts before wrapping any dim, and names the dims as given.
  if (torch && source.length !== destination.length) {
    throw pyErr('RuntimeError', `movedim: Invalid source or destination dims: source ([${source.join(', ')}] dims) should contain the same number of dims as destination ([${destination.join(', ')}] dims)`)
  }
  const src = source.map(a => norm(a, 'source')), dst = destination.map(a => norm(a, 'destination'))
  if (src.length !== dst.length) throw pyErr('ValueError', '`source` and `destination` arguments must have the same number of elements')
  const srcRepeats = new Set(src).size !== src.length
  if (srcRepeats || new Set(dst).size !== dst.length) {
    if (torch) {
      const [what, given] = srcRepeats ? ['source', source] : ['destination', destination]
      throw pyErr('RuntimeError', `movedim: repeated dim in \`${what}\` ([${given.join(', ')}])`)
    }
    throw pyErr('ValueError', `repeated axis in \`${srcRepeats ? 'source' : 'destination'}\` argument`)
  }
  const order = [...Array(ndim).keys()].filter(i => !src.includes(i))
  for (const [d, s] of dst.map((d, i) => [d, src[i]] as const).sort((x, y) => x[0] - y[0])) order.splice(d, 0, s)
  return order
}

// ---------- PyTorch ----------

const TORCH_UNARY: Record<string, UnaryOp> = {
  abs: 'abs', absolute: 'abs', neg: 'neg', negative: 'neg', bitwise_not: 'invert', logical_not: 'logical_not',
  sign: 'sign', square: 'square', sqrt: 'sqrt', exp: 'exp', exp2: 'exp2', expm1: 'expm1', log: 'log', log2: 'log2',
  log10: 'log10', log1p: 'log1p', sin: 'sin', cos: 'cos', tan: 'tan', asin: 'arcsin', acos: 'arccos', atan: 'arctan',
  arcsin: 'arcsin', arccos: 'arccos', arctan: 'arctan', sinh: 'sinh', cosh: 'cosh', tanh: 'tanh', sigmoid: 'sigmoid',
  floor: 'floor', ceil: 'ceil', trunc: 'trunc', fix: 'trunc', round: 'rint', isnan: 'isnan', isinf: 'isinf',
  isfinite: 'isfinite', reciprocal: 'reciprocal',
}

/** The autograd node a unary op's result records (grad_fn=<...>), by the engine op. */
const TORCH_UNARY_NODE: Partial<Record<UnaryOp, string>> = {
  abs: 'AbsBackward0', neg: 'NegBackward0', sign: 'SignBackward0', square: 'PowBackward0', sqrt: 'SqrtBackward0',
  exp: 'ExpBackward0', exp2: 'Exp2Backward0', expm1: 'Expm1Backward0', log: 'LogBackward0', log2: 'Log2Backward0',
  log10: 'Log10Backward0', log1p: 'Log1PBackward0', sin: 'SinBackward0', cos: 'CosBackward0', tan: 'TanBackward0',
  arcsin: 'AsinBackward0', arccos: 'AcosBackward0', arctan: 'AtanBackward0', sinh: 'SinhBackward0', cosh: 'CoshBackward0',
  tanh: 'TanhBackward0', sigmoid: 'SigmoidBackward0', floor: 'FloorBackward0', ceil: 'CeilBackward0',
  trunc: 'TruncBackward0', rint: 'RoundBackward0', reciprocal: 'ReciprocalBackward0',
}

/** A torch unary op's result, with the autograd node it records when it requires grad. */
function torchUnary(ctx: LibraryContext, x: EngineValue, op: UnaryOp): PyValue {
  const r = ctx.opWrap([x.obj], () => x.obj.unary(op))
  const node = TORCH_UNARY_NODE[op]
  return node && r instanceof EngineValue ? tagNode(r, node) : r
}

/** torch.pow's autograd node: pow(Tensor, Scalar), pow(Tensor, Tensor), pow(Scalar, Tensor). */
function tagPow(r: PyValue, base: PyValue, exponent: PyValue): PyValue {
  if (!(r instanceof EngineValue)) return r
  return tagNode(r, !(base instanceof EngineValue) ? 'PowBackward2' : exponent instanceof EngineValue ? 'PowBackward1' : 'PowBackward0')
}

const TORCH_BINARY: Record<string, BinaryOp> = {
  add: 'add', sub: 'sub', subtract: 'sub', mul: 'mul', multiply: 'mul', div: 'div', divide: 'div', true_divide: 'div',
  floor_divide: 'floordiv', remainder: 'mod', pow: 'pow', bitwise_and: 'and', bitwise_or: 'or', bitwise_xor: 'xor',
  bitwise_left_shift: 'lshift', bitwise_right_shift: 'rshift', maximum: 'maximum', minimum: 'minimum', eq: 'eq',
  ne: 'ne', lt: 'lt', le: 'le', gt: 'gt', ge: 'ge', greater: 'gt', less: 'lt', greater_equal: 'ge', less_equal: 'le',
  not_equal: 'ne',
}

function torchOperand(ctx: LibraryContext, v: PyValue): OperandLike {
  if (v instanceof EngineValue) return v.obj
  if (v instanceof PyList || v instanceof PyTuple) throw pyErr('TypeError', `expected Tensor as element 1 in argument 1, but got ${typeName(v)}`)
  void ctx
  return scalarOf(v)
}

/** torch.return_types.max / sort / topk (values=..., indices=...): a tuple with names. */
export class TorchReturnType extends PyTuple {
  constructor(readonly typeName: string, values: PyValue, indices: PyValue) { super([values, indices]) }
  get pyClass() { return returnTypeClass(this.typeName) }
  repr() { return `torch.return_types.${this.typeName}(\nvalues=${repr(this.items[0])},\nindices=${repr(this.items[1])})` }
  getattr(name: string): PyValue | undefined {
    if (name === 'values') return this.items[0]
    if (name === 'indices') return this.items[1]
    return undefined
  }
}
const RETURN_TYPE_CLASSES = new Map<string, PyClass>()
function returnTypeClass(name: string): PyClass {
  let c = RETURN_TYPE_CLASSES.get(name)
  if (!c) RETURN_TYPE_CLASSES.set(name, c = new PyClass(name, BUILTIN_TYPES.tuple, 'torch.return_types'))
  return c
}

function dimOrNull(v: PyValue | undefined): number[] | null {
  return v === undefined || v === null ? null : axesArg(v)
}

/** t.max() / t.max(dim, keepdim) / t.max(other): PyTorch's three overloads. */
function torchMinMax(ctx: LibraryContext, x: EngineValue, name: 'max' | 'min', a: PyValue[], kw: Kwargs): PyValue {
  const b = bindArgs(name, ['dim=', 'keepdim=', '*', 'out='], a, kw)
  if (b.dim instanceof EngineValue) return ctx.opWrap([x.obj, b.dim.obj], () => x.obj.binary(name === 'max' ? 'maximum' : 'minimum', (b.dim as EngineValue).obj))
  if (b.dim === undefined || b.dim === null) return ctx.opWrap([x.obj], () => x.obj.reduce(name))
  const dim = [intArg(b.dim)]
  const keep = boolArg(b.keepdim, false)
  const values = ctx.opWrap([x.obj], () => x.obj.reduce(name, dim, keep))
  const indices = ctx.opWrap([x.obj], () => x.obj.reduce(name === 'max' ? 'argmax' : 'argmin', dim, keep))
  return new TorchReturnType(name, values, indices)
}

function torchReduce(ctx: LibraryContext, x: EngineValue, name: string, a: PyValue[], kw: Kwargs): PyValue {
  switch (name) {
    case 'max': case 'min': return torchMinMax(ctx, x, name, a, kw)
    case 'argmax': case 'argmin': case 'all': case 'any': {
      const b = bindArgs(name, ['dim=', 'keepdim='], a, kw)
      return ctx.opWrap([x.obj], () => x.obj.reduce(name as ReduceOp, dimOrNull(b.dim), boolArg(b.keepdim, false)))
    }
    case 'prod': {
      const b = bindArgs(name, ['dim=', 'keepdim=', '*', 'dtype='], a, kw)
      const dtype = b.dtype === undefined || b.dtype === null ? null : torchDtypeOf(b.dtype)
      return ctx.opWrap([x.obj], () => x.obj.reduce('prod', dimOrNull(b.dim), boolArg(b.keepdim, false), dtype))
    }
    case 'var': case 'std': {
      const b = bindArgs(name, ['dim=', 'unbiased=', 'keepdim=', '*', 'correction='], a, kw)
      // torch.var(t, True) passes unbiased positionally; dim may also be a bool there.
      let dim = b.dim, unbiased = b.unbiased
      if (typeof dim === 'boolean') { unbiased = dim; dim = undefined }
      const ddof = b.correction !== undefined && b.correction !== null ? Number(b.correction as bigint) : boolArg(unbiased, true) ? 1 : 0
      return ctx.opWrap([x.obj], () => x.obj.reduce(name as ReduceOp, dimOrNull(dim), boolArg(b.keepdim, false), null, ddof))
    }
    case 'cumsum': case 'cumprod': {
      const b = bindArgs(name, ['dim', '*', 'dtype='], a, kw)
      const dtype = b.dtype === undefined || b.dtype === null ? null : torchDtypeOf(b.dtype)
      return ctx.opWrap([x.obj], () => x.obj.scan(name as 'cumsum', intArg(b.dim!), dtype))
    }
  }
  throw pyErr('NotImplementedError', `torch.${name} is not supported by the Stridescope engine`)
}
const TORCH_REDUCE = ['max', 'min', 'argmax', 'argmin', 'all', 'any', 'prod', 'var', 'std', 'cumsum', 'cumprod']

function torchClamp(ctx: LibraryContext, x: EngineValue, lo: PyValue | undefined, hi: PyValue | undefined): PyValue {
  if ((lo === undefined || lo === null) && (hi === undefined || hi === null)) {
    throw pyErr('RuntimeError', "torch.clamp: At least one of 'min' or 'max' must not be None")
  }
  let r: EngineObject = x.obj
  if (lo !== undefined && lo !== null) { const o = torchOperand(ctx, lo); const cur = r; r = ctx.op([cur], () => cur.binary('maximum', o)) }
  if (hi !== undefined && hi !== null) { const o = torchOperand(ctx, hi); const cur = r; r = ctx.op([cur], () => cur.binary('minimum', o)) }
  return ctx.wrap(r)
}

/** Tensor methods: t.sqrt(), t.max(1), t.clamp(0, 1), t.pow(2), ... */
export function tensorMathMethods<S extends EngineValue>(): Record<string, Method<S>> {
  const m: Record<string, Method<S>> = {}
  for (const [name, op] of Object.entries(TORCH_UNARY)) {
    m[name] = (s, a, kw) => {
      if (name === 'round' && (a.length || kw.has('decimals'))) throw pyErr('NotImplementedError', 'Tensor.round(decimals=...) is not supported by the Stridescope engine')
      bindArgs(name, [], a, kw)
      return torchUnary(s.ctx, s, op)
    }
  }
  for (const [name, op] of Object.entries(TORCH_BINARY)) {
    if (['add', 'sub', 'mul', 'div'].includes(name)) continue  // tensor.ts has them (alpha=, grad_fn names)
    m[name] = (s, a, kw) => {
      const b = bindArgs(name, ['other'], a, kw)
      const o = torchOperand(s.ctx, b.other!)
      const r = s.ctx.opWrap(b.other instanceof EngineValue ? [s.obj, b.other.obj] : [s.obj], () => s.obj.binary(op, o))
      return op === 'pow' ? tagPow(r, s, b.other!) : r
    }
  }
  for (const name of TORCH_REDUCE) m[name] = (s, a, kw) => torchReduce(s.ctx, s, name, a, kw)
  for (const name of ['movedim', 'moveaxis']) {
    m[name] = (s, a, kw) => {
      const b = bindArgs(name, ['source', 'destination'], a, kw)
      const perm = moveaxisPerm(s.meta.shape.length, axesArg(b.source)!, axesArg(b.destination)!, true)
      return s.ctx.opWrap([s.obj], () => s.obj.permute(perm))
    }
  }
  for (const name of ['clamp', 'clip']) {
    m[name] = (s, a, kw) => {
      const b = bindArgs(name, ['min=', 'max='], a, kw)
      return torchClamp(s.ctx, s, b.min, b.max)
    }
  }
  return m
}

function needTensorArg(v: PyValue | undefined, name: string): EngineValue {
  if (v instanceof EngineValue && v.kind === 'tensor') return v
  throw pyErr('TypeError', `${name}(): argument 'input' (position 1) must be Tensor, not ${typeName(v ?? null)}`)
}

/** torch.sqrt(t), torch.maximum(a, b), torch.max(t, 1), torch.clamp(t, 0, 1), ... */
export function bindTorchMath(torch: LibModule, ctx: LibraryContext): void {
  for (const [name, op] of Object.entries(TORCH_UNARY)) {
    torch.fn(name, (a, kw) => {
      const b = bindArgs(name, ['input', '*', 'out='], a, kw)
      if (b.out !== undefined && b.out !== null) throw pyErr('NotImplementedError', `torch.${name}(out=...) is not supported by the Stridescope engine`)
      return torchUnary(ctx, needTensorArg(b.input, name), op)
    })
  }
  for (const [name, op] of Object.entries(TORCH_BINARY)) {
    if (['add', 'sub', 'mul', 'div'].includes(name) && torch.getattr(name) !== undefined) continue
    torch.fn(name, (a, kw) => {
      const b = bindArgs(name, ['input', 'other', '*', 'out='], a, kw)
      const x = b.input!, y = b.other!
      if (!(x instanceof EngineValue) && !(y instanceof EngineValue)) needTensorArg(x, name)
      const p = torchOperand(ctx, x), q = torchOperand(ctx, y)
      const inputs = [x, y].filter((v): v is EngineValue => v instanceof EngineValue).map(v => v.obj)
      if (b.out !== undefined && b.out !== null) {
        // torch.add(a, b, out=o): the engine writes o after PyTorch's refusals (overlap, dtype), and o is the result.
        if (!(b.out instanceof EngineValue) || b.out.kind !== 'tensor') {
          throw pyErr('TypeError', `${name}(): argument 'out' must be Tensor, not ${typeName(b.out)}`)
        }
        const out = b.out
        ctx.op([...inputs, out.obj], () => engine.binaryOut(op, p, q, out.obj), { wrote: { into: out.obj } })
        return out
      }
      const r = ctx.opWrap(inputs, () => engine.binary(op, p, q))
      return op === 'pow' ? tagPow(r, x, y) : r
    })
  }
  for (const name of TORCH_REDUCE) {
    torch.fn(name, (a, kw) => {
      const rest = new Map(kw)
      const x = needTensorArg(a.length ? a[0] : kw.get('input'), name)
      rest.delete('input')
      return torchReduce(ctx, x, name, a.slice(1), rest)
    })
  }
  for (const name of ['movedim', 'moveaxis']) {
    torch.fn(name, (a, kw) => {
      const b = bindArgs(name, ['input', 'source', 'destination'], a, kw)
      const x = needTensorArg(b.input, name)
      const perm = moveaxisPerm(x.meta.shape.length, axesArg(b.source)!, axesArg(b.destination)!, true)
      return ctx.opWrap([x.obj], () => x.obj.permute(perm))
    })
  }
  for (const name of ['clamp', 'clip']) {
    torch.fn(name, (a, kw) => {
      const b = bindArgs(name, ['input', 'min=', 'max=', '*', 'out='], a, kw)
      return torchClamp(ctx, needTensorArg(b.input, name), b.min, b.max)
    })
  }
}
