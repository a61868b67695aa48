// NumPy's per-dtype element formatters (numpy/_core/arrayprint.py:
// IntegerFormat, BoolFormat, FloatingFormat, ComplexFloatingFormat), chosen
// like `_get_format_function`. Each is built from the data it will print, so
// all elements share one width.

import { FloatingFormat } from './numpy_float_format'
import type { FloatKind } from './float_bits'
import type { DTypeName, ElementValue, NumpyPrintOptions } from './types'

export type ElementFormatter = (v: ElementValue) => string

export function floatKindOf(dtype: DTypeName): FloatKind | null {
  switch (dtype) {
    case 'float16': return 'float16'
    case 'float32': case 'complex64': return 'float32'
    case 'float64': case 'complex128': return 'float64'
    default: return null
  }
}

export function isComplexDtype(dtype: DTypeName): boolean {
  return dtype === 'complex64' || dtype === 'complex128'
}

export function isIntegerDtype(dtype: DTypeName): boolean {
  return /^u?int\d+$/.test(dtype)
}

/** An integer element as a BigInt, whichever JS type it came in. */
export function toBigInt(v: ElementValue): bigint {
  if (typeof v === 'bigint') return v
  if (typeof v === 'boolean') return v ? 1n : 0n
  if (typeof v === 'number') return BigInt(Math.trunc(v))
  throw new TypeError('expected an integer element, got a complex pair')
}

export function toNumber(v: ElementValue): number {
  if (typeof v === 'number') return v
  if (typeof v === 'bigint') return Number(v)
  if (typeof v === 'boolean') return v ? 1 : 0
  throw new TypeError('expected a real element, got a complex pair')
}

export function toComplex(v: ElementValue): readonly [number, number] {
  if (Array.isArray(v)) return v as readonly [number, number]
  return [toNumber(v), 0]
}

export function toBool(v: ElementValue): boolean {
  if (typeof v === 'boolean') return v
  if (typeof v === 'bigint') return v !== 0n
  if (typeof v === 'number') return v !== 0
  return v[0] !== 0 || v[1] !== 0
}

/** Python's '{:<sign><width>d}'.format(x) */
function formatInt(x: bigint, sign: '-' | '+' | ' ', width: number): string {
  let s = x < 0n ? '-' + (-x).toString() : (sign === '-' ? '' : sign) + x.toString()
  if (s.length < width) s = ' '.repeat(width - s.length) + s
  return s
}

export function integerFormatter(data: readonly ElementValue[], signOpt: '-' | '+' | ' '): ElementFormatter {
  let sign = signOpt
  let width = 0
  if (data.length > 0) {
    let max = toBigInt(data[0])
    let min = max
    for (const v of data) {
      const b = toBigInt(v)
      if (b > max) max = b
      if (b < min) min = b
    }
    let maxLen = max.toString().length
    if (sign === ' ' && min < 0n) sign = '-'
    if (max >= 0n && (sign === '+' || sign === ' ')) maxLen += 1
    width = Math.max(maxLen, min.toString().length)
  }
  const s = sign
  return (v) => formatInt(toBigInt(v), s, width)
}

export function boolFormatter(zeroDim: boolean): ElementFormatter {
  // ' True' lines up with 'False' except in a 0-d array
  const trueStr = zeroDim ? 'True' : ' True'
  return (v) => (toBool(v) ? trueStr : 'False')
}

export function complexFormatter(
  data: readonly ElementValue[], kind: FloatKind, opts: NumpyPrintOptions
): ElementFormatter {
  const pairs = data.map(toComplex)
  const real = new FloatingFormat(pairs.map((p) => p[0]), kind, opts)
  const imag = new FloatingFormat(pairs.map((p) => p[1]), kind, { ...opts, sign: '+' })
  return (v) => {
    const [re, im] = toComplex(v)
    const r = real.format(re)
    const i = imag.format(im)
    // the 'j' goes before the padding of the imaginary part
    const sp = i.trimEnd().length
    return r + i.slice(0, sp) + 'j' + i.slice(sp)
  }
}

export function formatterFor(
  dtype: DTypeName, data: readonly ElementValue[], zeroDim: boolean, opts: NumpyPrintOptions
): ElementFormatter {
  if (dtype === 'bool') return boolFormatter(zeroDim)
  if (isIntegerDtype(dtype)) return integerFormatter(data, opts.sign)
  const kind = floatKindOf(dtype)
  if (kind === null) throw new TypeError(`NumPy has no dtype '${dtype}'`)
  if (isComplexDtype(dtype)) return complexFormatter(data, kind, opts)
  const ff = new FloatingFormat(data.map(toNumber), kind, opts)
  return (v) => ff.format(toNumber(v))
}
