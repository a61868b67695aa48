// The functions that go with advanced indexing: torch index_select / masked_select /
// masked_fill(_) / nonzero and np.take / np.put (native/core/index_functions.h decides results,
// layouts and errors; this file converts the Python arguments).
import * as engine from '../../engine'
import type { PyScalar } from '../../engine/types'
import { PyComplex, type PyValue, type Kwargs } from '../interp/values'
import { pyErr } from '../interp/exceptions'
import { bindArgs } from '../interp/args'
import { truthy, typeName } from '../interp/ops'
import { repr } from '../interp/repr'
import type { LibraryContext } from './context'
import { EngineValue } from './engine_value'
import { npIndexOperand, npOperand } from './array_args'
import { intArg } from './argparse'
import { nonzeroTuple, tagNode } from './join_split'
import { NpScalar } from './scalars'
import type { LibModule } from './module_builder'

type Method = (self: EngineValue, args: PyValue[], kw: Kwargs) => PyValue

function tensorArg(v: PyValue | undefined, fn: string, arg: string, pos: number): EngineValue {
  if (v instanceof EngineValue && v.kind === 'tensor') return v
  throw pyErr('TypeError', `${fn}(): argument '${arg}' (position ${pos}) must be Tensor, not ${v instanceof EngineValue ? 'numpy.ndarray' : typeName(v ?? null)}`)
}

/** masked_fill's value: a Python number or a 0-d tensor (its item). */
function fillValue(v: PyValue | undefined): PyScalar {
  if (typeof v === 'boolean' || typeof v === 'bigint' || typeof v === 'number') return v
  if (v instanceof PyComplex) return { re: v.re, im: v.im }
  if (v instanceof NpScalar) {
    const p = v.toPy()
    return p instanceof PyComplex ? { re: p.re, im: p.im } : (p as PyScalar)
  }
  if (v instanceof EngineValue && v.kind === 'tensor') {
    const n = v.meta.shape.length
    if (n !== 0) throw pyErr('RuntimeError', `masked_fill_ only supports a 0-dimensional value tensor, but got tensor with ${n} dimension(s).`)
    return v.obj.item()
  }
  throw pyErr('TypeError', `masked_fill(): argument 'value' must be Number, not ${typeName(v ?? null)}`)
}

function indexSelect(ctx: LibraryContext, t: EngineValue, dim: PyValue | undefined, index: PyValue | undefined): PyValue {
  const idx = tensorArg(index, 'index_select', 'index', 2)
  return tagNode(ctx.opWrap([t.obj, idx.obj], () => t.obj.indexSelect(intArg(dim!), idx.obj)), 'IndexSelectBackward0')
}

function maskedSelect(ctx: LibraryContext, t: EngineValue, mask: PyValue | undefined): PyValue {
  const m = tensorArg(mask, 'masked_select', 'mask', 1)
  return tagNode(ctx.opWrap([t.obj, m.obj], () => t.obj.maskedSelect(m.obj)), 'MaskedSelectBackward0')
}

function maskedFill(ctx: LibraryContext, t: EngineValue, mask: PyValue | undefined, value: PyValue | undefined, inPlace: boolean): PyValue {
  const m = tensorArg(mask, 'masked_fill', 'mask', 1)
  const v = fillValue(value)
  const r = ctx.op([t.obj, m.obj], () => t.obj.maskedFill(m.obj, v, inPlace),
    inPlace ? { wrote: { into: t.obj, scatter: (w) => w.maskedSelect(m.obj) } } : {})
  if (inPlace) return t
  return tagNode(ctx.wrap(r), 'MaskedFillBackward0')
}

function nonzero(ctx: LibraryContext, t: EngineValue, asTuple: PyValue | undefined): PyValue {
  if (asTuple !== undefined && truthy(asTuple)) return nonzeroTuple(ctx, t.obj)
  return ctx.opWrap([t.obj], () => t.obj.nonzeroTensor())
}

export function bindTorchIndexOps(torch: LibModule, ctx: LibraryContext): void {
  torch.fn('index_select', (a, kw) => {
    const b = bindArgs('index_select', ['input', 'dim', 'index'], a, kw)
    return indexSelect(ctx, tensorArg(b.input, 'index_select', 'input', 1), b.dim, b.index)
  })
  torch.fn('masked_select', (a, kw) => {
    const b = bindArgs('masked_select', ['input', 'mask'], a, kw)
    return maskedSelect(ctx, tensorArg(b.input, 'masked_select', 'input', 1), b.mask)
  })
  torch.fn('masked_fill', (a, kw) => {
    const b = bindArgs('masked_fill', ['input', 'mask', 'value'], a, kw)
    return maskedFill(ctx, tensorArg(b.input, 'masked_fill', 'input', 1), b.mask, b.value, false)
  })
  torch.fn('nonzero', (a, kw) => {
    const b = bindArgs('nonzero', ['input', '*', 'as_tuple='], a, kw)
    return nonzero(ctx, tensorArg(b.input, 'nonzero', 'input', 1), b.as_tuple)
  })
}

/** Tensor.index_select / masked_select / masked_fill / masked_fill_ / nonzero. */
export function indexTensorMethods(): Record<string, Method> {
  return {
    index_select: (s, a, kw) => {
      const b = bindArgs('index_select', ['dim', 'index'], a, kw)
      return indexSelect(s.ctx, s, b.dim, b.index)
    },
    masked_select: (s, a, kw) => maskedSelect(s.ctx, s, bindArgs('masked_select', ['mask'], a, kw).mask),
    masked_fill: (s, a, kw) => {
      const b = bindArgs('masked_fill', ['mask', 'value'], a, kw)
      return maskedFill(s.ctx, s, b.mask, b.value, false)
    },
    masked_fill_: (s, a, kw) => {
      const b = bindArgs('masked_fill_', ['mask', 'value'], a, kw)
      return maskedFill(s.ctx, s, b.mask, b.value, true)
    },
    nonzero: (s, a, kw) => nonzero(s.ctx, s, bindArgs('nonzero', ['*', 'as_tuple='], a, kw).as_tuple),
  }
}

type ClipMode = 'raise' | 'wrap' | 'clip'

/**
 * np.take / np.put's `mode` as NumPy's PyArray_ClipmodeConverter reads it: None is 'raise'; a
 * string must be one of the three names exactly; an int is CLIP (0), WRAP (1) or RAISE (2).
 * Another int sets NumPy's error but lets the call go on in 'raise' mode, so an index error
 * comes first and the ValueError only when the call succeeds: `late` holds that error.
 */
function clipModeArg(v: PyValue | undefined): { mode: ClipMode; late?: () => never } {
  if (v === undefined || v === null) return { mode: 'raise' }
  if (typeof v === 'string') {
    if (v === 'raise' || v === 'wrap' || v === 'clip') return { mode: v }
    // NumPy 2 ended the deprecated case-insensitive and prefix matches with their own error.
    if (/^[cwrCWR]/.test(v)) throw pyErr('ValueError', "Use one of 'clip', 'raise', or 'wrap' for clip mode")
    throw pyErr('ValueError', `clipmode must be one of 'clip', 'raise', or 'wrap' (got ${repr(v)})`)
  }
  const n = typeof v === 'bigint' ? v : v instanceof NpScalar && /int/.test(v.dtype) ? BigInt(v.toPy() as bigint) : null
  if (n === null) throw pyErr('TypeError', 'clipmode not understood')
  const byNumber: ClipMode[] = ['clip', 'wrap', 'raise']
  if (n < 0n || n > 2n) return { mode: 'raise', late: () => { throw pyErr('ValueError', "integer clipmode must be RAISE, WRAP, or CLIP from 'numpy._core.multiarray'") } }
  return { mode: byNumber[Number(n)] }
}

function npTake(ctx: LibraryContext, x: engine.EngineObject, indices: PyValue, axis: PyValue | undefined, modeArg: PyValue | undefined): PyValue {
  const { mode, late } = clipModeArg(modeArg)
  const idx = npIndexOperand(ctx, indices, 'take')
  const inputs = indices instanceof EngineValue ? [x, idx] : [x]
  const ax = axis === undefined || axis === null ? null : intArg(axis)
  const r = ctx.op(inputs, () => x.take(idx, ax, mode))
  late?.()
  // A 0-d index gives a NumPy scalar (np.take(a, 3)).
  if (ctx.wrap(r).meta.shape.length === 0) return new NpScalar(ctx.wrap(r).meta.dtype, r.item())
  return ctx.wrap(r)
}

/** put's values: a Python scalar as it is, anything else as an array. */
function putValues(ctx: LibraryContext, v: PyValue): engine.EngineObject | PyScalar {
  if (typeof v === 'boolean' || typeof v === 'bigint' || typeof v === 'number') return v
  if (v instanceof PyComplex) return { re: v.re, im: v.im }
  return npOperand(ctx, v, 'put')
}

function npPut(ctx: LibraryContext, target: EngineValue, indices: PyValue, values: PyValue, modeArg: PyValue | undefined): PyValue {
  // (NumPy's put reports a bad integer mode as a SystemError naming the method's address; this says what went wrong.)
  const { mode, late } = clipModeArg(modeArg)
  const idx = npIndexOperand(ctx, indices, 'put')
  const vals = putValues(ctx, values)
  const inputs = [target.obj, ...(indices instanceof EngineValue ? [idx] : []), ...(values instanceof EngineValue ? [vals as engine.EngineObject] : [])]
  ctx.op(inputs, () => target.obj.put(idx, vals, mode), { wrote: { into: target.obj, scatter: (w) => w.take(idx, null, mode) } })
  late?.()
  return null
}

export function bindNumpyIndexOps(np: LibModule, ctx: LibraryContext): void {
  np.fn('put', (a, kw) => {
    const b = bindArgs('put', ['a', 'ind', 'v', 'mode='], a, kw)
    if (!(b.a instanceof EngineValue && b.a.kind === 'ndarray')) {
      throw pyErr('TypeError', `argument 1 must be numpy.ndarray, not <class '${typeName(b.a ?? null)}'>`)
    }
    return npPut(ctx, b.a, b.ind!, b.v!, b.mode)
  })
  np.fn('take', (a, kw) => {
    const b = bindArgs('take', ['a', 'indices', 'axis=', 'out=', 'mode='], a, kw)
    if (b.out !== undefined && b.out !== null) throw pyErr('NotImplementedError', 'np.take(out=...) is not supported by the Stridescope engine')
    return npTake(ctx, npOperand(ctx, b.a!, 'take'), b.indices!, b.axis, b.mode)
  })
}

/** ndarray.take / ndarray.put. */
export function indexNdarrayMethods(): Record<string, Method> {
  return {
    put: (s, a, kw) => {
      const b = bindArgs('put', ['indices', 'values', 'mode='], a, kw)
      return npPut(s.ctx, s, b.indices!, b.values!, b.mode)
    },
    take: (s, a, kw) => {
      const b = bindArgs('take', ['indices', 'axis=', 'out=', 'mode='], a, kw)
      if (b.out !== undefined && b.out !== null) throw pyErr('NotImplementedError', 'ndarray.take(out=...) is not supported by the Stridescope engine')
      return npTake(s.ctx, s.obj, b.indices!, b.axis, b.mode)
    },
  }
}
