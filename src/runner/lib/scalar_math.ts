// Arithmetic on NumPy scalars by NumPy's rules (numpy/_core/src/umath/scalarmath.c.src),
// where they differ from Python's: a float divided by zero is inf or nan, not
// ZeroDivisionError; an integer floor_divide or remainder by zero is 0; a float that
// overflows is inf; an integer result wraps. Each case raises the floating-point error
// NumPy's scalar loop raises ("divide by zero encountered in scalar divide"), which the
// program's np.errstate turns into a warning, an exception, a line or nothing.
import type { DTypeName } from '../../engine/types'
import { pyErr } from '../interp/exceptions'
import { roundToKind } from '../printing/float_bits'
import { isComplexDtype, isFloatDtype, ITEMSIZE } from './dtypes'

export type FpKind = 'divide' | 'over' | 'under' | 'invalid'
export interface FpError { kind: FpKind; message: string }

const UFUNC: Record<string, string> = { '+': 'add', '-': 'subtract', '*': 'multiply', '/': 'divide', '//': 'floor_divide', '%': 'remainder', '**': 'power' }
const TEXT: Record<FpKind, string> = { divide: 'divide by zero', over: 'overflow', under: 'underflow', invalid: 'invalid value' }

/** The operators this module computes (bitwise and shifts never raise; complex keeps Python's rules). */
export function handlesScalarOp(op: string, result: DTypeName): boolean {
  return op in UFUNC && !isComplexDtype(result) && result !== 'bool'
}

/** Rounds a double to the float dtype's precision (float32, float16), as its loop stores it. */
function roundTo(d: DTypeName, x: number): number {
  return d === 'float32' ? Math.fround(x) : d === 'float16' ? roundToKind(x, 'float16') : x
}

/** C's pow where JavaScript's differs: pow(1, y) and pow(-1, ±inf) are 1. */
function cPow(x: number, y: number): number {
  if (x === 1 || (x === -1 && !Number.isFinite(y) && !Number.isNaN(y))) return 1
  return x ** y
}

function floatOp(op: string, a: number, b: number, raised: Set<FpKind>): number {
  switch (op) {
    case '+': return a + b
    case '-': return a - b
    case '*': return a * b
    case '/':
      if (b === 0 && !Number.isNaN(a)) raised.add(a === 0 ? 'invalid' : 'divide')
      return a / b
    case '//':
      // A zero divisor gives a / b, raising what that division raises.
      if (b === 0) {
        if (!Number.isNaN(a)) raised.add(a === 0 ? 'invalid' : 'divide')
        return a / b
      }
      return floorDivide(a, b)
    case '%':
      // npy_remainder: fmod by zero is NaN, invalid.
      if (b === 0) {
        if (!Number.isNaN(a)) raised.add('invalid')
        return NaN
      }
      return floatRemainder(a, b)
    case '**':
      if (a === 0 && b < 0) raised.add('divide')
      return cPow(a, b)
  }
  throw new Error(`no float loop for ${op}`)
}

/** npy_divmod's quotient: floor of (a - fmod(a, b)) / b, corrected as NumPy does. */
function floorDivide(a: number, b: number): number {
  const mod = a % b
  let div = (a - mod) / b
  if (mod && (b < 0) !== (mod < 0)) div -= 1
  if (!div) {
    const q = a / b
    return q < 0 || Object.is(q, -0) ? -0 : 0
  }
  let fl = Math.floor(div)
  if (div - fl > 0.5) fl += 1
  return fl
}

function floatRemainder(a: number, b: number): number {
  let mod = a % b
  if (mod) {
    if ((b < 0) !== (mod < 0)) mod += b
  } else {
    mod = b < 0 ? -0 : 0
  }
  return mod
}

/** Floor division and remainder of integers (Python's sign rules, which NumPy's integer loops share). */
function intOp(op: string, a: bigint, b: bigint, raised: Set<FpKind>): bigint {
  switch (op) {
    case '+': return a + b
    case '-': return a - b
    case '*': return a * b
    case '//': {
      if (b === 0n) { raised.add('divide'); return 0n }
      const q = a / b
      return (a % b !== 0n) && ((a < 0n) !== (b < 0n)) ? q - 1n : q
    }
    case '%': {
      if (b === 0n) { raised.add('divide'); return 0n }
      const m = a % b
      return m !== 0n && ((m < 0n) !== (b < 0n)) ? m + b : m
    }
    case '**': {
      if (b < 0n) throw pyErr('ValueError', 'Integers to negative integer powers are not allowed.')
      // By squaring, kept to 64 bits: NumPy's loop wraps and raises nothing.
      let r = 1n, base = BigInt.asUintN(64, a), e = b
      while (e > 0n) {
        if (e & 1n) r = BigInt.asUintN(64, r * base)
        base = BigInt.asUintN(64, base * base)
        e >>= 1n
      }
      return r
    }
  }
  throw new Error(`no integer loop for ${op}`)
}

function wrapInt(d: DTypeName, v: bigint): bigint {
  const bits = ITEMSIZE[d] * 8
  return d.startsWith('uint') ? BigInt.asUintN(bits, v) : BigInt.asIntN(bits, v)
}

/**
 * `a op b` in dtype `result` (the promoted dtype; float64 for an integer `/`). `scalarLoop`
 * says whether NumPy's scalar math runs it (its messages say "scalar divide") or, when the
 * operands needed promoting to a third dtype, the array ufunc does ("divide").
 */
export function scalarArithmetic(op: string, result: DTypeName, a: number | bigint | boolean, b: number | bigint | boolean, scalarLoop: boolean): { value: number | bigint; errors: FpError[] } {
  const raised = new Set<FpKind>()
  let value: number | bigint
  if (isFloatDtype(result)) {
    const x = roundTo(result, Number(a)), y = roundTo(result, Number(b))
    const exact = floatOp(op, x, y, raised)
    value = roundTo(result, exact)
    const finiteIn = Number.isFinite(x) && Number.isFinite(y)
    if (!Number.isFinite(value) && !Number.isNaN(value) && finiteIn && !raised.has('divide')) raised.add('over')
    if (Number.isNaN(value) && !Number.isNaN(x) && !Number.isNaN(y) && !raised.has('divide')) raised.add('invalid')
  } else {
    const x = BigInt(a), y = BigInt(b)
    const exact = intOp(op, x, y, raised)
    value = wrapInt(result, exact)
    if (op !== '**' && value !== exact && !raised.has('divide')) raised.add('over')
  }
  const name = `${scalarLoop ? 'scalar ' : ''}${UFUNC[op]}`
  // NumPy reports in this order: divide, over, under, invalid.
  const errors = (['divide', 'over', 'under', 'invalid'] as FpKind[]).filter((k) => raised.has(k)).map((kind) => ({ kind, message: `${TEXT[kind]} encountered in ${name}` }))
  return { value, errors }
}

/**
 * -x and abs(x) on a NumPy integer scalar: the result wraps, and NumPy's scalar loop reports the
 * overflow when it does (the signed minimum, or -x of a nonzero unsigned value).
 */
export function scalarUnaryErrors(op: '-' | 'abs', dtype: DTypeName, value: bigint): FpError[] {
  if (!/int/.test(dtype)) return []
  const unsigned = dtype.startsWith('u')
  const min = unsigned ? 0n : -(1n << BigInt(ITEMSIZE[dtype] * 8 - 1))
  const overflows = unsigned ? op === '-' && value !== 0n : value === min
  return overflows ? [{ kind: 'over', message: `${TEXT.over} encountered in scalar ${op === '-' ? 'negative' : 'absolute'}` }] : []
}
