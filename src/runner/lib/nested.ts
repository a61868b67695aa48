// Nested Python sequences → flat C-order scalars and a shape (np.array([...]), torch.tensor([...])),
// with each library's error for ragged input.
import type { DTypeName, PyScalar } from '../../engine/types'
import { PyList, PyTuple, PyComplex, type PyValue } from '../interp/values'
import { pyErr } from '../interp/exceptions'
import { typeName } from '../interp/ops'
import { NpScalar } from './scalars'
import { pyIntElement } from './py_int'

function isSeq(v: PyValue): v is PyList | PyTuple { return v instanceof PyList || v instanceof PyTuple }

function toScalar(v: PyValue, kind: 'ndarray' | 'tensor'): PyScalar {
  if (typeof v === 'boolean' || typeof v === 'bigint' || typeof v === 'number') return v
  if (v instanceof PyComplex) return { re: v.re, im: v.im }
  if (v instanceof NpScalar) {
    const p = v.toPy()
    return p instanceof PyComplex ? { re: p.re, im: p.im } : (p as PyScalar)
  }
  if (kind === 'tensor') throw pyErr('TypeError', `new(): invalid data type '${typeName(v)}'`)
  throw pyErr('NotImplementedError', `np.array of '${typeName(v)}' elements is not supported by the Stridescope engine (numeric and bool values only)`)
}

/**
 * `intDtype`: the NumPy integer type the values are stored into (np.array(data, dtype=np.int16)):
 * Python floats, strings and complex numbers then go through int() as NumPy's conversion does.
 */
/**
 * Whether NumPy stores `x` into an `intDtype` array through int(): Python numbers and strings
 * always; NumPy scalars only for signed types (unsigned ones cast them as astype does, and a
 * complex scalar's int() warns, which this leaves to the cast).
 */
function throughInt(x: PyValue, intDtype: DTypeName): boolean {
  if (typeof x === 'boolean') return false
  if (x instanceof NpScalar) return !intDtype.startsWith('u') && !/complex/.test(x.dtype)
  return true
}

/** An element stored into an `intDtype` array: through int(), or a NumPy integer scalar cast (wrapped) to an unsigned type. */
function intElement(x: PyValue, intDtype: DTypeName, kind: 'ndarray' | 'tensor'): PyScalar {
  if (throughInt(x, intDtype)) return pyIntElement(x instanceof NpScalar ? x.toPy() : x, intDtype)
  const v = toScalar(x, kind)
  return typeof v === 'bigint' ? BigInt.asUintN(UNSIGNED_BITS[intDtype] ?? 64, v) : v
}

const UNSIGNED_BITS: Partial<Record<DTypeName, number>> = { uint8: 8, uint16: 16, uint32: 32, uint64: 64 }

export function flattenNested(v: PyValue, kind: 'ndarray' | 'tensor', intDtype?: DTypeName): { values: PyScalar[]; shape: number[] } {
  // The shape is read along the first elements; every other element must agree.
  const shape: number[] = []
  for (let x: PyValue = v; isSeq(x); x = x.items[0]) {
    shape.push(x.items.length)
    if (x.items.length === 0) break
  }
  const values: PyScalar[] = []
  const walk = (x: PyValue, dim: number) => {
    if (dim === shape.length) {
      if (isSeq(x)) ragged(dim, x.items.length)
      values.push(intDtype ? intElement(x, intDtype, kind) : toScalar(x, kind))
      return
    }
    if (!isSeq(x)) ragged(dim, null)
    const s = x as PyList | PyTuple
    if (s.items.length !== shape[dim]) ragged(dim, s.items.length)
    for (const y of s.items) walk(y, dim + 1)
  }
  const ragged = (dim: number, got: number | null): never => {
    if (kind === 'tensor') {
      if (got === null) throw pyErr('TypeError', `not a sequence`)
      throw pyErr('ValueError', `expected sequence of length ${shape[dim] ?? 0} at dim ${dim} (got ${got})`)
    }
    const detected = shape.slice(0, dim)
    const tuple = detected.length === 1 ? `(${detected[0]},)` : `(${detected.join(', ')})`
    throw pyErr('ValueError', `setting an array element with a sequence. The requested array has an inhomogeneous shape after ${dim} dimensions. The detected shape was ${tuple} + inhomogeneous part.`)
  }
  walk(v, 0)
  return { values, shape }
}
