// Shared argument conversions for the numpy and torch bindings: shapes, axes, orders.
import type { Order, MemoryFormat } from '../../engine/types'
import { PyList, PyTuple, PyObject, type PyValue } from '../interp/values'
import { pyErr } from '../interp/exceptions'
import { toIndex, typeName, truthy } from '../interp/ops'

export function isSequence(v: PyValue): v is PyList | PyTuple { return v instanceof PyList || v instanceof PyTuple }

export function intArg(v: PyValue, what = 'an integer'): number {
  try { return Number(toIndex(v)) } catch {
    throw pyErr('TypeError', `'${typeName(v)}' object cannot be interpreted as ${what === 'an integer' ? 'an integer' : what}`)
  }
}

/** `f(2, 3)` or `f((2, 3))` / `f([2, 3])` / `f(torch.Size(...))`. */
export function shapeFromArgs(args: PyValue[]): number[] {
  if (args.length === 1 && isSequence(args[0])) return args[0].items.map(v => intArg(v))
  return args.map(v => intArg(v))
}

/** A shape argument that may be a single int. */
export function shapeArg(v: PyValue): number[] {
  return isSequence(v) ? v.items.map(x => intArg(x)) : [intArg(v)]
}

/** axis=None | int | tuple of ints. */
export function axesArg(v: PyValue | undefined): number[] | null {
  if (v === undefined || v === null) return null
  return isSequence(v) ? v.items.map(x => intArg(x)) : [intArg(v)]
}

/**
 * NumPy's legacy for 0-d arrays: a single int axis 0 or -1 means no axis in squeeze, the ufunc
 * reductions, argmax/argmin and scans (PyArray_CheckAxis works on the 0-d array raveled to 1-d).
 */
export function zeroDimAxisIsNone(ndim: number, axis: PyValue | undefined): boolean {
  if (ndim !== 0 || axis === undefined || axis === null || isSequence(axis)) return false
  const n = intArg(axis)
  return n === 0 || n === -1
}

/** NumPy's PyArray_OrderConverter: None is the default, one letter in any case, its error texts. */
export function npOrderArg(v: PyValue | undefined, dflt: Order): Order {
  if (v === undefined || v === null) return dflt
  if (typeof v !== 'string') throw pyErr('TypeError', `order must be str, not ${typeName(v)}`)
  const o = v.toUpperCase()
  if (v.length !== 1 || !'CFAK'.includes(o)) throw pyErr('ValueError', `order must be one of 'C', 'F', 'A', or 'K' (got '${v}')`)
  return o as Order
}

/**
 * reshape's order= (ndarray.reshape, np.reshape): 'K' is refused, and 'A' is 'F' for an array that
 * is Fortran-contiguous and not C-contiguous (NumPy's PyArray_ISFORTRAN), 'C' otherwise.
 */
export function reshapeOrderArg(v: PyValue | undefined, flags: { cContiguous: boolean, fContiguous: boolean }): 'C' | 'F' {
  const o = npOrderArg(v, 'C')
  if (o === 'K') throw pyErr('ValueError', "order 'K' is not permitted for reshaping")
  if (o === 'A') return flags.fContiguous && !flags.cContiguous ? 'F' : 'C'
  return o
}

/** order= of np.zeros / ones / empty / full: only C or F make sense for a new array. */
export function npNewOrderArg(v: PyValue | undefined): 'C' | 'F' {
  const o = npOrderArg(v, 'C')
  if (o !== 'C' && o !== 'F') throw pyErr('ValueError', "only 'C' or 'F' order is permitted")
  return o
}

export function boolArg(v: PyValue | undefined, dflt: boolean): boolean {
  return v === undefined ? dflt : truthy(v)
}

/** copy=None|True|False as the engine takes it. */
export function copyArg(v: PyValue | undefined): boolean | null {
  return v === undefined || v === null ? null : truthy(v)
}

export class MemoryFormatValue extends PyObject {
  constructor(readonly fmt: MemoryFormat) { super() }
  get pyClass() { return MEMORY_FORMAT_CLASS }
  repr() { return `torch.${this.fmt}` }
}
import { PyClass, BUILTIN_TYPES } from '../interp/values'
const MEMORY_FORMAT_CLASS = new PyClass('memory_format', BUILTIN_TYPES.object, 'torch')

export function memoryFormatArg(v: PyValue | undefined, dflt: MemoryFormat): MemoryFormat {
  if (v === undefined) return dflt
  if (v instanceof MemoryFormatValue) return v.fmt
  throw pyErr('TypeError', `memory_format must be torch.memory_format, not ${typeName(v)}`)
}
