// np.sort, np.argsort, ndarray.sort, ndarray.argsort and np.unique, each one engine op
// (native/core/sort.h) that the op log shows under the library's name. The layout is NumPy's:
// np.sort's result is laid out as a.copy(order='K') (so a transposed input gives an F-ordered
// result), ndarray.sort writes the array itself (a write through every alias), argsort returns a
// new C-ordered int64 array. NaNs sort last, as NumPy puts them. Every kind sorts stably; NumPy's
// default kind ('quicksort') leaves the order of equal keys unspecified, and for rows longer than
// 16 its SIMD sorts may order ties differently.
import * as engine from '../../engine'
import { bindArgs } from '../interp/args'
import { callValue } from '../interp/call'
import { pyErr } from '../interp/exceptions'
import { typeName } from '../interp/ops'
import { PyTuple, type Kwargs, type PyValue } from '../interp/values'
import { boolArg, intArg } from './argparse'
import type { LibraryContext } from './context'
import { EngineValue } from './engine_value'
import type { LibModule } from './module_builder'

type Method = (self: EngineValue, args: PyValue[], kw: Kwargs) => PyValue

const KINDS = new Set(['quicksort', 'quick', 'mergesort', 'merge', 'heapsort', 'heap', 'stable'])

function checkKindOrder(b: Record<string, PyValue | undefined>): void {
  if (b.order !== undefined && b.order !== null) throw pyErr('ValueError', 'Cannot specify order when the array has no fields.')
  if (b.kind !== undefined && b.kind !== null && !(typeof b.kind === 'string' && KINDS.has(b.kind))) {
    throw pyErr('ValueError', `sort kind must be one of 'quick', 'heap', or 'stable' (got '${typeof b.kind === 'string' ? b.kind : typeName(b.kind)}')`)
  }
}

/** The axis argument: None is NumPy's axis=None (the flattened array), absent is -1. */
function axisOrNone(v: PyValue | undefined): number | null {
  return v === undefined ? -1 : v === null ? null : intArg(v)
}

function refuseComplex(a: EngineValue, what: string): void {
  if (a.meta.dtype.startsWith('complex')) throw pyErr('NotImplementedError', `${what} is not supported by the Stridescope runner`)
}

/** Sorts `a` in place along `axis` (ndarray.sort): a write the op log shows into every alias. */
function sortInPlace(ctx: LibraryContext, a: EngineValue, axisArg: PyValue | undefined): void {
  if (axisArg === null) throw pyErr('TypeError', "'NoneType' object cannot be interpreted as an integer")
  refuseComplex(a, 'sorting complex arrays')
  const axis = axisArg === undefined ? -1 : intArg(axisArg)
  ctx.op([a.obj], () => engine.sort('ndarray.sort', a.obj, axis), { wrote: { into: a.obj } })
}

/** np.sort / np.argsort: a new array. */
function sorted(ctx: LibraryContext, fn: 'np.sort' | 'np.argsort', a: EngineValue, axisArg: PyValue | undefined): EngineValue {
  refuseComplex(a, 'sorting complex arrays')
  const axis = axisOrNone(axisArg)
  return ctx.opWrap([a.obj], () => engine.sort(fn, a.obj, axis)[0])
}

export function ndarraySortMethods(): Record<string, Method> {
  return {
    sort: (s, a, kw) => {
      const b = bindArgs('sort', ['axis=', 'kind=', 'order=', '*', 'stable='], a, kw)
      checkKindOrder(b)
      sortInPlace(s.ctx, s, b.axis)
      return null
    },
    argsort: (s, a, kw) => {
      const b = bindArgs('argsort', ['axis=', 'kind=', 'order=', '*', 'stable='], a, kw)
      checkKindOrder(b)
      return sorted(s.ctx, 'np.argsort', s, b.axis)
    },
  }
}

/**
 * np.unique over the flattened array (numpy/lib/_arraysetops_impl.py _unique1d): the sorted
 * distinct values, and on request the index of each one's first occurrence, the inverse (the
 * input's shape, as NumPy 2 gives it) and the counts. NaNs count as one value with equal_nan.
 */
export function unique(ctx: LibraryContext, arr: EngineValue, want: { index: boolean; inverse: boolean; counts: boolean }, equalNan: boolean): PyValue {
  const tensor = arr.kind === 'tensor'
  refuseComplex(arr, `${tensor ? 'torch' : 'np'}.unique of complex ${tensor ? 'tensors' : 'arrays'}`)
  const parts = ctx.op([arr.obj], () => engine.unique(arr.obj, want, equalNan)).map((p) => ctx.wrap(p))
  return parts.length === 1 ? parts[0] : new PyTuple(parts)
}

export function bindNumpySorting(np: LibModule, ctx: LibraryContext): void {
  // An ndarray as it is (so that the call is the one sort op); anything else through np.asarray.
  const asArray = (v: PyValue | undefined): EngineValue =>
    v instanceof EngineValue && v.kind === 'ndarray' ? v : (callValue(np.getattr('asarray')!, [v ?? null], new Map()) as EngineValue)
  np.fn('sort', (a, kw) => {
    const b = bindArgs('sort', ['a', 'axis=', 'kind=', 'order=', '*', 'stable='], a, kw)
    checkKindOrder(b)
    return sorted(ctx, 'np.sort', asArray(b.a), b.axis)
  })
  np.fn('unique', (a, kw) => {
    const b = bindArgs('unique', ['ar', 'return_index=', 'return_inverse=', 'return_counts=', 'axis=', '*', 'equal_nan=', 'sorted='], a, kw)
    if (b.axis !== undefined && b.axis !== null) throw pyErr('NotImplementedError', 'np.unique(axis=...) is not supported by the Stridescope runner')
    const flag = (v: PyValue | undefined, dflt: boolean): boolean => (v === undefined ? dflt : boolArg(v, dflt))
    return unique(ctx, asArray(b.ar), { index: flag(b.return_index, false), inverse: flag(b.return_inverse, false), counts: flag(b.return_counts, false) }, flag(b.equal_nan, true))
  })
  np.fn('argsort', (a, kw) => {
    const b = bindArgs('argsort', ['a', 'axis=', 'kind=', 'order=', '*', 'stable='], a, kw)
    checkKindOrder(b)
    return sorted(ctx, 'np.argsort', asArray(b.a), b.axis)
  })
}
