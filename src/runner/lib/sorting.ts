// np.sort, np.argsort, ndarray.sort, ndarray.argsort and np.unique. The layout is NumPy's: np.sort sorts
// a.copy(order='K') in place (so a transposed input gives an F-ordered result), ndarray.sort
// writes the array itself (a write through every alias), argsort returns a new C-ordered int64
// array. The values are ordered here, a row at a time along the axis: NaNs last, as NumPy puts
// them. Every kind sorts stably; NumPy's default kind ('quicksort') leaves the order of equal
// keys unspecified, and for rows longer than 16 its SIMD sorts may order ties differently.
import type { DTypeName, PyScalar } from '../../engine/types'
import * as engine from '../../engine'
import { bindArgs } from '../interp/args'
import { callValue } from '../interp/call'
import { pyErr } from '../interp/exceptions'
import { typeName } from '../interp/ops'
import { ELLIPSIS, PyTuple, type Kwargs, type PyValue } from '../interp/values'
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

function normalizeAxis(axis: number, ndim: number): number {
  if (axis < -ndim || axis >= ndim) throw pyErr('AxisError', `axis ${axis} is out of bounds for array of dimension ${ndim}`)
  return axis < 0 ? axis + ndim : axis
}

/** The permutation that moves `axis` last, keeping the others in order. */
export function axisLast(nd: number, axis: number): number[] {
  const perm: number[] = []
  for (let d = 0; d < nd; d++) if (d !== axis) perm.push(d)
  perm.push(axis)
  return perm
}

/**
 * The positions 0..n-1 of one row, ordered by value: NaN greater than everything (last ascending,
 * first descending, as NumPy and PyTorch put it), ties in index order either way.
 */
export function rowOrder(values: ArrayLike<number | bigint>, start: number, n: number, isFloat: boolean, descending = false): number[] {
  const idx = Array.from({ length: n }, (_, k) => k)
  const sign = descending ? -1 : 1
  if (isFloat) {
    const v = values as ArrayLike<number>
    idx.sort((p, q) => {
      const x = v[start + p], y = v[start + q]
      if (x !== x) return y !== y ? 0 : sign
      if (y !== y) return -sign
      return x < y ? -sign : x > y ? sign : 0
    })
  } else {
    idx.sort((p, q) => {
      const x = values[start + p], y = values[start + q]
      return x < y ? -sign : x > y ? sign : 0
    })
  }
  return idx
}

interface Sorted { order: number[][]; values: ArrayLike<number | bigint>; rowLength: number }

/** Reads `a` with `axis` moved last and orders each row. */
function orderRows(ctx: LibraryContext, a: EngineValue, axis: number): { moved: EngineValue; sorted: Sorted } {
  const dtype = a.meta.dtype
  if (dtype.startsWith('complex')) throw pyErr('NotImplementedError', 'sorting complex arrays is not supported by the Stridescope runner')
  const nd = a.meta.shape.length
  const moved = ctx.opWrap([a.obj], () => a.obj.permute(axisLast(nd, axis)))
  const shape = moved.meta.shape
  const win = moved.obj.window(shape.map(() => 0), [...shape])
  const n = shape[nd - 1]
  const rows = n === 0 ? 0 : win.values.length / n
  const isFloat = isFloatDtype(dtype)
  const order: number[][] = []
  for (let r = 0; r < rows; r++) order.push(rowOrder(win.values as ArrayLike<number | bigint>, r * n, n, isFloat))
  return { moved, sorted: { order, values: win.values as ArrayLike<number | bigint>, rowLength: n } }
}

/** float16/32/64 and bfloat16: the dtypes whose values may be NaN and come back as doubles. */
export function isFloatDtype(dtype: DTypeName): boolean {
  return dtype.startsWith('float') || dtype === 'bfloat16'
}

export function scalarOf(dtype: DTypeName, v: number | bigint): PyScalar {
  if (dtype === 'bool') return v !== 0 && v !== 0n
  if (typeof v === 'bigint') return v
  return isFloatDtype(dtype) ? v : BigInt(v)
}

/** Sorts `a` in place along `axis` (ndarray.sort). */
function sortInPlace(ctx: LibraryContext, a: EngineValue, axisArg: PyValue | undefined): void {
  if (axisArg === null) throw pyErr('TypeError', "'NoneType' object cannot be interpreted as an integer")
  const nd = a.meta.shape.length
  const axis = normalizeAxis(axisArg === undefined ? -1 : intArg(axisArg), nd)
  const { moved, sorted } = orderRows(ctx, a, axis)
  const dtype = a.meta.dtype
  const out: PyScalar[] = []
  sorted.order.forEach((row, r) => { for (const k of row) out.push(scalarOf(dtype, sorted.values[r * sorted.rowLength + k])) })
  const values = ctx.opWrap([], () => engine.fromValues('ndarray', out, [...moved.meta.shape], dtype))
  moved.setitem(ELLIPSIS, values)
}

/** argsort along `axis` (None: of the flattened array): a new C-ordered int64 array. */
function argsort(ctx: LibraryContext, a: EngineValue, axisArg: PyValue | undefined): PyValue {
  if (axisArg === null) return argsort(ctx, flatten(a), -1n)
  if (a.meta.shape.length === 0) return ctx.opWrap([], () => engine.fromValues('ndarray', [0n], [1], 'int64'))
  const axis = normalizeAxis(axisArg === undefined ? -1 : intArg(axisArg), a.meta.shape.length)
  const { moved, sorted } = orderRows(ctx, a, axis)
  const out: PyScalar[] = []
  for (const row of sorted.order) for (const k of row) out.push(BigInt(k))
  const nd = a.meta.shape.length
  const inMoved = ctx.opWrap([], () => engine.fromValues('ndarray', out, [...moved.meta.shape], 'int64'))
  // Back to the input's axis order, then C-ordered as NumPy's argsort result is.
  const last = axisLast(nd, axis)
  const inverse = last.map((_, d) => last.indexOf(d))
  const back = ctx.opWrap([inMoved.obj], () => inMoved.obj.permute(inverse))
  return ctx.opWrap([back.obj], () => engine.ascontiguousarray(back.obj))
}

function flatten(a: EngineValue): EngineValue {
  return callValue(a.getattr!('flatten')!, [], new Map()) as EngineValue
}

function copyK(a: EngineValue): EngineValue {
  return callValue(a.getattr!('copy')!, [], new Map([['order', 'K']]) as Kwargs) as EngineValue
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
      return argsort(s.ctx, s, b.axis)
    },
  }
}

/**
 * np.unique over the flattened array (numpy/lib/_arraysetops_impl.py _unique1d): the sorted
 * distinct values, and on request the index of each one's first occurrence, the inverse (the
 * input's shape, as NumPy 2 gives it) and the counts. NaNs count as one value with equal_nan.
 */
export function unique(ctx: LibraryContext, arr: EngineValue, want: { index: boolean; inverse: boolean; counts: boolean }, equalNan: boolean): PyValue {
  const flat = flatten(arr)
  const dtype = flat.meta.dtype
  if (dtype.startsWith('complex')) throw pyErr('NotImplementedError', `${arr.kind === 'tensor' ? 'torch' : 'np'}.unique of complex ${arr.kind === 'tensor' ? 'tensors' : 'arrays'} is not supported by the Stridescope runner`)
  const n = flat.meta.shape[0]
  const values = (n === 0 ? [] : flat.obj.window([0], [n]).values) as ArrayLike<number | bigint>
  const perm = rowOrder(values, 0, n, isFloatDtype(dtype))
  const same = (p: number, q: number): boolean => {
    const x = values[p], y = values[q]
    return x === y || (equalNan && x !== x && y !== y)
  }
  // mask[k]: the k-th sorted value starts a new distinct value.
  const mask = perm.map((p, k) => k === 0 || !same(p, perm[k - 1]))
  const outValues: PyScalar[] = [], index: PyScalar[] = [], starts: number[] = []
  mask.forEach((m, k) => {
    if (!m) return
    outValues.push(scalarOf(dtype, values[perm[k]]))
    index.push(BigInt(perm[k]))
    starts.push(k)
  })
  const make = (vals: PyScalar[], shape: number[], dt: DTypeName): EngineValue => ctx.opWrap([], () => engine.fromValues(arr.kind, vals, shape, dt))
  const ret = make(outValues, [outValues.length], dtype)
  if (!want.index && !want.inverse && !want.counts) return ret
  const out: PyValue[] = [ret]
  if (want.index) out.push(make(index, [index.length], 'int64'))
  if (want.inverse) {
    const inv = new Array<PyScalar>(n)
    let group = -1
    perm.forEach((p, k) => { if (mask[k]) group++; inv[p] = BigInt(group) })
    out.push(make(inv, [...arr.meta.shape], 'int64'))
  }
  if (want.counts) out.push(make(starts.map((st, g) => BigInt((g + 1 < starts.length ? starts[g + 1] : n) - st)), [starts.length], 'int64'))
  return new PyTuple(out)
}

export function bindNumpySorting(np: LibModule, ctx: LibraryContext): void {
  const asArray = (v: PyValue | undefined): EngineValue => callValue(np.getattr('asarray')!, [v ?? null], new Map()) as EngineValue
  np.fn('sort', (a, kw) => {
    const b = bindArgs('sort', ['a', 'axis=', 'kind=', 'order=', '*', 'stable='], a, kw)
    checkKindOrder(b)
    const arr = asArray(b.a)
    // np.sort: axis=None sorts the flattened array; otherwise a copy in the input's memory order.
    const out = b.axis === null ? flatten(arr) : copyK(arr)
    sortInPlace(ctx, out, b.axis === null ? -1n : b.axis)
    return out
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
    return argsort(ctx, asArray(b.a), b.axis)
  })
}
