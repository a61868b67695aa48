// NumPy scalars (np.float64(1.5), np.int64(3), np.True_): what indexing an array to a single
// element returns. They print through the printing layer and compute with NumPy 2's rules
// for Python operands (NEP 50: a Python int/float adopts the scalar's dtype).
import type { DTypeName } from '../../engine/types'
import type { ElementValue } from '../printing'
import { formatNumpyScalarRepr, formatNumpyScalarStr } from '../printing'
import { PyObject, PyComplex, PyBuiltin, NOT_IMPLEMENTED, PyTuple, type PyValue } from '../interp/values'
import { roundToKind } from '../printing/float_bits'
import { binop, compare, asNumber, unaryOp } from '../interp/ops'
import { formatValue } from '../interp/formatting'
import { pyErr } from '../interp/exceptions'
import { npScalarType, NpDType, isFloatDtype, isComplexDtype, ITEMSIZE } from './dtypes'

export type ScalarValue = number | bigint | boolean | { re: number; im: number }

export class NpScalar extends PyObject {
  readonly value: ElementValue
  constructor(readonly dtype: DTypeName, v: ScalarValue) {
    super()
    this.value = castElement(dtype, v)
  }
  get pyClass() { return npScalarType(this.dtype) }
  repr() { return formatNumpyScalarRepr(this.dtype, this.value) }
  str() { return formatNumpyScalarStr(this.dtype, this.value) }
  /** The equivalent Python value (what .item() returns). */
  toPy(): PyValue {
    const v = this.value
    if (Array.isArray(v)) return new PyComplex(v[0], v[1])
    if (typeof v === 'boolean') return v
    if (typeof v === 'bigint') return v
    return isFloatDtype(this.dtype) ? (v as number) : BigInt(v as number)
  }
  toNumber() {
    const p = this.toPy()
    return typeof p === 'bigint' || typeof p === 'number' || typeof p === 'boolean' ? p : undefined
  }
  truthy() {
    const v = this.value
    return Array.isArray(v) ? v[0] !== 0 || v[1] !== 0 : typeof v === 'bigint' ? v !== 0n : !!v
  }
  hashKey() {
    const p = this.toPy()
    return typeof p === 'number' && Number.isInteger(p) ? 'n:' + BigInt(p) : typeof p === 'bigint' ? 'n:' + p : 'npscalar:' + String(p)
  }
  format(spec: string) { return spec ? formatValue(this.toPy(), spec) : this.str() }
  getattr(name: string): PyValue | undefined {
    switch (name) {
      case 'dtype': return new NpDType(this.dtype)
      case 'shape': return new PyTuple([])
      case 'ndim': return 0n
      case 'size': return 1n
      case 'itemsize': case 'nbytes': return BigInt(ITEMSIZE[this.dtype])
      case 'item': return builtinMethod('item', () => this.toPy())
      case 'real': {
        const p = this.toPy()
        return p instanceof PyComplex ? new NpScalar(this.dtype === 'complex64' ? 'float32' : 'float64', p.re) : this
      }
      case 'imag': {
        const p = this.toPy()
        return p instanceof PyComplex ? new NpScalar(this.dtype === 'complex64' ? 'float32' : 'float64', p.im) : new NpScalar(this.dtype, 0)
      }
    }
    return undefined
  }
  binop(op: string, other: PyValue, reflected: boolean): PyValue | typeof NOT_IMPLEMENTED {
    const o = other instanceof NpScalar ? other.toPy() : other
    if (asNumber(o) === undefined) return NOT_IMPLEMENTED
    const [a, b] = reflected ? [o, this.toPy()] : [this.toPy(), o]
    const r = binop(op, a, b)
    return new NpScalar(resultDtype(op, this.dtype, other), toScalarValue(r))
  }
  compare(op: string, other: PyValue): PyValue | typeof NOT_IMPLEMENTED {
    const o = other instanceof NpScalar ? other.toPy() : other
    if (asNumber(o) === undefined) return op === '==' ? false : op === '!=' ? true : NOT_IMPLEMENTED
    return new NpScalar('bool', compare(op, this.toPy(), o) as boolean)
  }
  unary(op: '-' | '+' | '~' | 'abs') {
    const p = this.toPy()
    if (op === 'abs') {
      if (p instanceof PyComplex) return new NpScalar(this.dtype === 'complex64' ? 'float32' : 'float64', Math.hypot(p.re, p.im))
      return new NpScalar(this.dtype, toScalarValue(typeof p === 'bigint' ? (p < 0n ? -p : p) : Math.abs(p as number)))
    }
    if (this.dtype === 'bool' && op === '-') throw pyErr('TypeError', 'The numpy boolean negative, the `-` operator, is not supported, use the `~` operator or the logical_not function instead.')
    if (this.dtype === 'bool' && op === '~') return new NpScalar('bool', !p)
    return new NpScalar(this.dtype, toScalarValue(unaryOp(op, typeof p === 'boolean' ? BigInt(p) : p)))
  }
}

function builtinMethod(name: string, fn: () => PyValue) {
  return new PyBuiltin(name, () => fn())
}

function toScalarValue(v: PyValue): ScalarValue {
  if (v instanceof PyComplex) return { re: v.re, im: v.im }
  if (typeof v === 'bigint' || typeof v === 'number' || typeof v === 'boolean') return v
  if (v instanceof NpScalar) return v.toPy() as ScalarValue
  throw pyErr('TypeError', 'unsupported scalar result')
}

/** NEP 50 for a NumPy scalar with a Python operand (or another NumPy scalar). */
function resultDtype(op: string, d: DTypeName, other: PyValue): DTypeName {
  const od: DTypeName | null = other instanceof NpScalar ? other.dtype : null
  const pyFloat = typeof other === 'number'
  const pyComplex = other instanceof PyComplex
  let r: DTypeName = d
  if (od) r = promote(d, od)
  else if (pyComplex && !isComplexDtype(d)) r = d === 'float32' || d === 'float16' ? 'complex64' : 'complex128'
  else if (pyFloat && !isFloatDtype(d) && !isComplexDtype(d)) r = 'float64'
  else if (d === 'bool' && typeof other === 'bigint') r = 'int64'
  if (op === '/' && !isFloatDtype(r) && !isComplexDtype(r)) r = 'float64'
  return r
}

function promote(a: DTypeName, b: DTypeName): DTypeName {
  if (a === b) return a
  const rank = (d: DTypeName) => (isComplexDtype(d) ? 3 : isFloatDtype(d) ? 2 : d === 'bool' ? 0 : 1)
  if (rank(a) !== rank(b)) {
    const [hi, lo] = rank(a) > rank(b) ? [a, b] : [b, a]
    if (rank(hi) === 2 && rank(lo) === 1 && ITEMSIZE[lo] >= ITEMSIZE[hi]) return 'float64'
    return hi
  }
  return ITEMSIZE[a] >= ITEMSIZE[b] ? a : b
}

/** Wraps a value into the dtype's range and precision (int overflow wraps, float32 rounds). */
export function castElement(d: DTypeName, v: ScalarValue): ElementValue {
  if (typeof v === 'object') {
    if (isComplexDtype(d)) return d === 'complex64' ? [Math.fround(v.re), Math.fround(v.im)] : [v.re, v.im]
    v = v.re
  }
  if (d === 'bool') return typeof v === 'bigint' ? v !== 0n : !!v
  if (isComplexDtype(d)) {
    const x = typeof v === 'bigint' ? Number(v) : Number(v)
    return d === 'complex64' ? [Math.fround(x), 0] : [x, 0]
  }
  if (isFloatDtype(d)) {
    const x = typeof v === 'bigint' ? Number(v) : Number(v)
    return d === 'float32' ? Math.fround(x) : d === 'float16' ? roundHalf(x) : x
  }
  const bits = ITEMSIZE[d] * 8
  let i = typeof v === 'bigint' ? v : typeof v === 'boolean' ? BigInt(v) : BigInt(Math.trunc(v))
  i = d.startsWith('uint') ? BigInt.asUintN(bits, i) : BigInt.asIntN(bits, i)
  return bits === 64 ? i : Number(i)
}

function roundHalf(x: number): number {
  return roundToKind(x, 'float16')
}
