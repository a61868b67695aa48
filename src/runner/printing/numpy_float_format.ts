// NumPy's FloatingFormat: one width and one notation for all floats of an array.
//
// NOTE (numpy/_core/arrayprint.py, FloatingFormat.fillFormat): the notation is
// scientific when the largest non-zero finite |x| is >= 10**min(8, finfo.precision)
// (1e3 for float16, 1e6 for float32, 1e8 for float64), or, unless `suppress`,
// when the smallest is < 1e-4 or max/min > 1000. These comparisons run in the
// array's own dtype (NEP 50: the Python float constants become that dtype), so
// float32(0.0001) is *not* below the threshold. Every finite value is printed
// once (unique digits, capped at `precision`) to find the widest integer and
// fraction parts; then each value is printed padded to those widths.

import { formatPositional, formatScientific, type TrimMode } from './dragon4'
import { roundToKind, type FloatKind } from './float_bits'
import type { NumpyPrintOptions } from './types'

type FloatOpts = Pick<NumpyPrintOptions, 'precision' | 'floatmode' | 'suppress' | 'sign' | 'nanstr' | 'infstr'>

/** finfo(dtype).precision: decimal digits of precision */
const FINFO_PRECISION: Record<FloatKind, number> = { float16: 3, float32: 6, float64: 15 }

export class FloatingFormat {
  private readonly sign: '-' | '+' | ' '
  private precision: number
  private minDigits = -1
  private unique = true
  private trim: TrimMode = '.'
  private expFormat = false
  private expSize = -1
  private padLeft = 0
  private padRight = 0

  constructor(data: readonly number[], private readonly kind: FloatKind, private readonly opts: FloatOpts) {
    this.sign = opts.sign
    this.precision = opts.floatmode === 'unique' ? -1 : opts.precision
    this.fillFormat(data)
  }

  private fillFormat(data: readonly number[]): void {
    const { kind, opts } = this
    const finite = data.filter((v) => Number.isFinite(v))
    const absNonZero = finite.filter((v) => v !== 0).map(Math.abs)
    if (absNonZero.length > 0) {
      let max = absNonZero[0]
      let min = absNonZero[0]
      for (const v of absNonZero) {
        if (v > max) max = v
        if (v < min) min = v
      }
      const expCutoffMax = roundToKind(10 ** Math.min(8, FINFO_PRECISION[kind]), kind)
      const ratio = roundToKind(max / min, kind) // may overflow to inf in float16/32, as NumPy's does
      if (max >= expCutoffMax || (!opts.suppress && (min < roundToKind(0.0001, kind) || ratio > 1000))) {
        this.expFormat = true
      }
    }

    const signPlus = this.sign === '+'
    if (finite.length === 0) {
      this.padLeft = 0
      this.padRight = 0
      this.trim = '.'
      this.expSize = -1
      this.unique = true
      this.minDigits = -1
    } else if (this.expFormat) {
      let trim: TrimMode = '.'
      let unique = true
      if (opts.floatmode === 'fixed') { trim = 'k'; unique = false }
      let intMax = 0
      let fracMax = 0
      let expMax = 0
      for (const x of finite) {
        const s = formatScientific(x, kind, { precision: this.precision, unique, trim, sign: signPlus })
        const e = s.indexOf('e')
        const mant = s.slice(0, e)
        const dot = mant.indexOf('.')
        intMax = Math.max(intMax, dot)
        fracMax = Math.max(fracMax, mant.length - dot - 1)
        expMax = Math.max(expMax, s.length - e - 1)
      }
      this.expSize = expMax - 1
      this.trim = 'k'
      this.precision = fracMax
      this.minDigits = fracMax
      this.unique = unique
      this.padLeft = intMax
      this.padRight = this.expSize + 2 + this.precision
    } else {
      let trim: TrimMode = '.'
      let unique = true
      if (opts.floatmode === 'fixed') { trim = 'k'; unique = false }
      let intMax = 0
      let fracMax = 0
      for (const x of finite) {
        const s = formatPositional(x, kind, { precision: this.precision, fractional: true, unique, trim, sign: signPlus })
        const dot = s.indexOf('.')
        intMax = Math.max(intMax, dot)
        fracMax = Math.max(fracMax, s.length - dot - 1)
      }
      this.padLeft = intMax
      this.padRight = fracMax
      this.expSize = -1
      this.unique = unique
      if (opts.floatmode === 'fixed' || opts.floatmode === 'maxprec_equal') {
        this.precision = this.minDigits = this.padRight
        this.trim = 'k'
      } else {
        this.trim = '.'
        this.minDigits = 0
      }
    }

    // sign=' ' reserves a column for the sign when no value is negative
    if (this.sign === ' ' && !finite.some((v) => v < 0 || Object.is(v, -0))) this.padLeft += 1

    if (data.length !== finite.length) {
      const negInf = this.sign !== '-' || data.some((v) => v === -Infinity)
      const offset = this.padRight + 1 // +1 for the decimal point
      this.padLeft = Math.max(
        this.padLeft, opts.nanstr.length - offset, opts.infstr.length + (negInf ? 1 : 0) - offset
      )
    }
  }

  format(x: number): string {
    if (!Number.isFinite(x)) {
      let ret: string
      if (Number.isNaN(x)) ret = (this.sign === '+' ? '+' : '') + this.opts.nanstr
      else ret = (x < 0 ? '-' : this.sign === '+' ? '+' : '') + this.opts.infstr
      return ' '.repeat(Math.max(0, this.padLeft + this.padRight + 1 - ret.length)) + ret
    }
    if (this.expFormat) {
      return formatScientific(x, this.kind, {
        precision: this.precision, minDigits: this.minDigits, unique: this.unique, trim: this.trim,
        sign: this.sign === '+', padLeft: this.padLeft, expDigits: this.expSize
      })
    }
    return formatPositional(x, this.kind, {
      precision: this.precision, minDigits: this.minDigits, unique: this.unique, fractional: true,
      trim: this.trim, sign: this.sign === '+', padLeft: this.padLeft, padRight: this.padRight
    })
  }
}
