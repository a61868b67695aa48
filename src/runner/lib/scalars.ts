// NumPy scalars (np.float64(1.5), np.int64(3), np.True_): what indexing an array to a single
// element returns. They print through the printing layer and compute with NumPy 2's rules
// for Python operands (NEP 50: a Python int/float adopts the scalar's dtype).
import type { DTypeName } from '../../engine/types'
import type { ElementValue } from '../printing'
import { formatNumpyScalarRepr, formatNumpyScalarStr } from '../printing'
import { PyObject, PyComplex, PyBuiltin, NOT_IMPLEMENTED, PyTuple, type PyValue, type Kwargs } from '../interp/values'
import { callValue } from '../interp/call'
import { roundToKind } from '../printing/float_bits'
import { binop, compare, asNumber, unaryOp } from '../interp/ops'
import { formatValue } from '../interp/formatting'
import { roundFloat } from '../interp/builtins'
import { pyErr, PyException } from '../interp/exceptions'
import { npScalarType, NpDType, isFloatDtype, isComplexDtype, ITEMSIZE } from './dtypes'
import { NpFlags, SCALAR_FLAGS } from './flags'
import { handlesScalarOp, scalarArithmetic, scalarUnaryErrors, type FpError } from './scalar_math'

export type ScalarValue = number | bigint | boolean | { re: number; im: number }

/**
 * What a NumPy scalar needs of the library to behave like a 0-d array (lib/scalar_arrays.ts):
 * NumPy's scalar methods convert the scalar to a 0-d array, call the array's method and
 * return a 0-d array result as a scalar again.
 */
export interface ScalarArrays {
  /** A new 0-d ndarray holding the scalar (NumPy's PyArray_FromScalar). */
  toArray(s: NpScalar): PyObject
  /** NumPy's PyArray_Return: a 0-d ndarray as a scalar, anything else as it is. */
  arrayReturn(v: PyValue): PyValue
  /** A scalar loop's floating-point errors, under the program's np.errstate. */
  floatingPointErrors(errors: readonly FpError[]): void
}

/** np.generic's methods: each is the 0-d array's method, its 0-d results returned as scalars. */
const GENERIC_METHODS = new Set([
  'all', 'any', 'argmax', 'argmin', 'argsort', 'astype', 'byteswap', 'choose', 'clip', 'compress', 'conj', 'conjugate',
  'copy', 'cumprod', 'cumsum', 'diagonal', 'dump', 'dumps', 'fill', 'flatten', 'getfield', 'max', 'mean', 'min',
  'nonzero', 'prod', 'put', 'ravel', 'repeat', 'reshape', 'resize', 'round', 'searchsorted', 'setfield', 'setflags',
  'sort', 'squeeze', 'std', 'sum', 'swapaxes', 'take', 'to_device', 'tobytes', 'tofile', 'tolist', 'trace', 'transpose',
  'var', 'view', '__array__',
])
/** np.generic attributes the engine has no counterpart for: a clear error, not AttributeError. */
const GENERIC_UNSUPPORTED = new Set(['data', 'flat', '__array_interface__', '__array_struct__'])

export class NpScalar extends PyObject {
  readonly value: ElementValue
  /** `arrays` is null only for a scalar made outside a library context (then array methods are refused). */
  constructor(readonly dtype: DTypeName, v: ScalarValue, readonly arrays: ScalarArrays | null = null) {
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
  /**
   * round(x) / round(x, n): NumPy's float and integer scalars define __round__ (a Python int
   * without n, else np.round's scalar of the same type); complex and bool scalars do not.
   */
  private roundMethod(): PyValue {
    return new PyBuiltin('__round__', (a, kw) => {
      if (isComplexDtype(this.dtype) || this.dtype === 'bool') throw pyErr('TypeError', `type numpy.${this.dtype} doesn't define __round__ method`)
      const nd = a[0] ?? kw.get('ndigits') ?? null
      if (nd !== null) return this.arrayMethod('round', [nd], new Map())
      const p = this.toPy()
      return typeof p === 'bigint' ? p : roundFloat(p as number, null)
    }, this)
  }

  /** format() / f-strings format the Python value, even with no spec: f'{np.float32(0.1)}' is '0.10000000149011612'. */
  format(spec: string) { return formatValue(this.toPy(), spec) }
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
        return p instanceof PyComplex ? new NpScalar(this.dtype === 'complex64' ? 'float32' : 'float64', p.re, this.arrays) : this
      }
      case 'imag': {
        const p = this.toPy()
        return p instanceof PyComplex ? new NpScalar(this.dtype === 'complex64' ? 'float32' : 'float64', p.im, this.arrays) : new NpScalar(this.dtype, 0, this.arrays)
      }
      case 'T': return this
      case 'base': return null
      case 'strides': return new PyTuple([])
      case 'flags': return new NpFlags(() => SCALAR_FLAGS, null)
      case 'device': return 'cpu'
      case '__round__': return this.roundMethod()
    }
    if (GENERIC_METHODS.has(name)) return new PyBuiltin(name, (a, kw) => this.arrayMethod(name, a, kw), this)
    if (GENERIC_UNSUPPORTED.has(name)) throw pyErr('NotImplementedError', `numpy.${this.dtype}.${name} is not supported by the Stridescope engine`)
    return undefined
  }

  /** scalar.method(...): the method of the scalar as a 0-d array, 0-d results as scalars again. */
  private arrayMethod(name: string, a: PyValue[], kw: Kwargs): PyValue {
    const arrays = this.requireArrays(name)
    const m = arrays.toArray(this).getattr?.(name)
    if (m === undefined) throw pyErr('NotImplementedError', `numpy.${this.dtype}.${name} is not supported by the Stridescope engine`)
    return arrays.arrayReturn(callValue(m, a, kw))
  }

  private requireArrays(name: string): ScalarArrays {
    if (!this.arrays) throw pyErr('NotImplementedError', `numpy.${this.dtype}.${name} is not supported here (a scalar made outside numpy)`)
    return this.arrays
  }

  /** s[()] is s, s[...] a 0-d array, s[..., None] a 1-d one; any other index NumPy refuses. */
  getitem(key: PyValue): PyValue {
    const arr = this.requireArrays('__getitem__').toArray(this)
    try {
      return arr.getitem!(key)
    } catch (e) {
      // NumPy answers any failed index of a scalar so; a missing engine feature or a stop stays what it is.
      const type = e instanceof PyException ? e.exc.cls.name : (e as { pyType?: string }).pyType
      if (type === undefined || type === 'NotImplementedError' || type === 'KeyboardInterrupt') throw e
      throw pyErr('IndexError', 'invalid index to scalar variable.')
    }
  }
  binop(op: string, other: PyValue, reflected: boolean): PyValue | typeof NOT_IMPLEMENTED {
    const o = other instanceof NpScalar ? other.toPy() : other
    if (asNumber(o) === undefined) return NOT_IMPLEMENTED
    const dtype = resultDtype(op, this.dtype, other)
    const self = this.toPy()
    if (handlesScalarOp(op, dtype) && !(self instanceof PyComplex) && !(o instanceof PyComplex)) {
      // NEP 50: a Python int must fit the scalar's integer dtype it adopts. NumPy first converts
      // it to a C long (an unsigned long long for unsigned dtypes), then checks the dtype's range.
      if (typeof other === 'bigint' && !isFloatDtype(dtype)) {
        if (other < -(1n << 63n) || other >= (dtype.startsWith('uint') ? 1n << 64n : 1n << 63n)) {
          throw pyErr('OverflowError', 'Python int too large to convert to C long')
        }
        if (castElement(dtype, other) !== (ITEMSIZE[dtype] === 8 ? other : Number(other))) {
          throw pyErr('OverflowError', `Python integer ${other} out of bounds for ${dtype}`)
        }
      }
      const promoted = resultDtype('+', this.dtype, other)
      const scalarLoop = promoted === this.dtype || (other instanceof NpScalar && promoted === other.dtype)
      const [a, b] = reflected ? [o, self] : [self, o]
      const r = scalarArithmetic(op, dtype, a as number | bigint | boolean, b as number | bigint | boolean, scalarLoop)
      const out = new NpScalar(dtype, r.value, this.arrays)
      if (r.errors.length) this.arrays?.floatingPointErrors(r.errors)
      return out
    }
    const [a, b] = reflected ? [o, self] : [self, o]
    const r = binop(op, a, b)
    return new NpScalar(dtype, toScalarValue(r), this.arrays)
  }
  compare(op: string, other: PyValue): PyValue | typeof NOT_IMPLEMENTED {
    const o = other instanceof NpScalar ? other.toPy() : other
    if (asNumber(o) === undefined) return op === '==' ? false : op === '!=' ? true : NOT_IMPLEMENTED
    return new NpScalar('bool', compare(op, this.toPy(), o) as boolean, this.arrays)
  }
  unary(op: '-' | '+' | '~' | 'abs') {
    const p = this.toPy()
    if ((op === '-' || op === 'abs') && typeof p === 'bigint') {
      const errors = scalarUnaryErrors(op, this.dtype, p)
      if (errors.length) this.arrays?.floatingPointErrors(errors)
    }
    if (op === 'abs') {
      if (p instanceof PyComplex) return new NpScalar(this.dtype === 'complex64' ? 'float32' : 'float64', Math.hypot(p.re, p.im), this.arrays)
      return new NpScalar(this.dtype, toScalarValue(typeof p === 'bigint' ? (p < 0n ? -p : p) : Math.abs(p as number)), this.arrays)
    }
    if (this.dtype === 'bool' && op === '-') throw pyErr('TypeError', 'The numpy boolean negative, the `-` operator, is not supported, use the `~` operator or the logical_not function instead.')
    if (this.dtype === 'bool' && op === '~') return new NpScalar('bool', !p, this.arrays)
    return new NpScalar(this.dtype, toScalarValue(unaryOp(op, typeof p === 'boolean' ? BigInt(p) : p)), this.arrays)
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
