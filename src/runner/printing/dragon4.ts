// Dragon4 float-to-decimal conversion with NumPy's exact semantics.
//
// NOTE (numpy/_core/src/multiarray/dragon4.c): NumPy prints every float through
// Steele & White's Dragon4 with Burger & Dybvig's margins, as adapted by Ryan
// Juckett, plus IEEE "isEven" boundary handling. Two digit modes exist:
//  - unique: stop as soon as the digits identify the value among its
//    neighbours *of its own type*; a cutoff (precision) may stop earlier, in
//    which case the last digit is rounded to nearest, ties to even digit;
//  - exact: print the exact binary value up to the cutoff, round half to even
//    (this is also what Python's '%.4f' / '%.4e' formatting produces).
// FormatPositional/FormatScientific then place the decimal point, trim or pad
// zeros (trim modes 'k' '.' '0' '-'), and pad with spaces left and right.
// This is an independent TypeScript implementation on BigInt of the rules of
// that file; results are checked byte for byte against NumPy in the tests.

import { floatParts, type FloatKind, type FloatParts } from './float_bits'

/** 'k' keep zeros, '.' trim zeros keep '.', '0' trim but leave one zero, '-' trim zeros and '.' */
export type TrimMode = 'k' | '.' | '0' | '-'

interface Digits {
  digits: string // at least one digit, no sign
  exponent: number // base-10 exponent of the first digit
}

const LOG10_2 = 0.30102999566398119521373889472449

const POW10: bigint[] = [1n]
function pow10(n: number): bigint {
  while (POW10.length <= n) POW10.push(POW10[POW10.length - 1] * 10n)
  return POW10[n]
}

/**
 * Generate digits of mantissa * 2^exponent (mantissa > 0 handled; 0 gives "0").
 * cutoffMax / cutoffMin < 0 mean "none". fractional: cutoffs count digits past the point,
 * otherwise total significant digits.
 */
function dragon4(
  p: FloatParts, unique: boolean, fractional: boolean, cutoffMax: number, cutoffMin: number
): Digits {
  const { mantissa, exponent, mantissaBit, unequalMargins } = p
  if (mantissa === 0n) return { digits: '0', exponent: 0 }
  const isEven = (mantissa & 1n) === 0n

  // value = scaledValue / scale; margins are half the gap to the neighbours, on the same scale.
  let scale: bigint
  let scaledValue: bigint
  let marginLow: bigint
  if (unequalMargins) {
    if (exponent > 0) {
      scaledValue = mantissa << BigInt(exponent + 2)
      scale = 4n
      marginLow = 1n << BigInt(exponent)
    } else {
      scaledValue = mantissa << 2n
      scale = 1n << BigInt(-exponent + 2)
      marginLow = 1n
    }
  } else if (exponent > 0) {
    scaledValue = mantissa << BigInt(exponent + 1)
    scale = 2n
    marginLow = 1n << BigInt(exponent)
  } else {
    scaledValue = mantissa << 1n
    scale = 1n << BigInt(-exponent + 1)
    marginLow = 1n
  }
  const highFactor = unequalMargins ? 2n : 1n

  // Estimate floor(log10(v)) + 1, correct or one too low (Burger & Dybvig), as dragon4.c does.
  let digitExponent = Math.ceil((mantissaBit + exponent) * LOG10_2 - 0.69)
  // Values that round away below a fractional cutoff: pull the first digit up to the cutoff.
  if (cutoffMax >= 0 && fractional && digitExponent <= -cutoffMax) digitExponent = -cutoffMax + 1

  if (digitExponent > 0) {
    scale *= pow10(digitExponent)
  } else if (digitExponent < 0) {
    const p10 = pow10(-digitExponent)
    scaledValue *= p10
    marginLow *= p10
  }
  if (scaledValue >= scale) {
    digitExponent += 1
  } else {
    scaledValue *= 10n
    marginLow *= 10n
  }

  const BUFFER = 16384 // NumPy's repr buffer bounds unlimited output the same way
  let cutoffMaxExponent = digitExponent - BUFFER
  if (cutoffMax >= 0) {
    const desired = fractional ? -cutoffMax : digitExponent - cutoffMax
    if (desired > cutoffMaxExponent) cutoffMaxExponent = desired
  }
  let cutoffMinExponent = digitExponent
  if (cutoffMin >= 0) {
    const desired = fractional ? -cutoffMin : digitExponent - cutoffMin
    if (desired < cutoffMinExponent) cutoffMinExponent = desired
  }
  const firstExponent = digitExponent - 1

  const out: number[] = []
  let low = false
  let high = false
  let digit = 0
  if (unique) {
    for (;;) {
      digitExponent -= 1
      const q = scaledValue / scale
      scaledValue -= q * scale
      digit = Number(q)
      const marginHigh = marginLow * highFactor
      const cmpLow = cmp(scaledValue, marginLow)
      low = isEven ? cmpLow <= 0 : cmpLow < 0
      const cmpHigh = cmp(scaledValue + marginHigh, scale)
      high = isEven ? cmpHigh >= 0 : cmpHigh > 0
      if (((low || high) && digitExponent <= cutoffMinExponent) || digitExponent === cutoffMaxExponent) break
      out.push(digit)
      scaledValue *= 10n
      marginLow *= 10n
    }
  } else {
    for (;;) {
      digitExponent -= 1
      const q = scaledValue / scale
      scaledValue -= q * scale
      digit = Number(q)
      if (scaledValue === 0n || digitExponent === cutoffMaxExponent) break
      out.push(digit)
      scaledValue *= 10n
    }
  }

  // Round the last digit: forced down/up by the margins, otherwise to nearest, ties to even digit.
  let roundDown = low
  if (low === high) {
    const c = cmp(scaledValue * 2n, scale)
    roundDown = c < 0 || (c === 0 && (digit & 1) === 0)
  }
  let exp10 = firstExponent
  if (roundDown) {
    out.push(digit)
  } else if (digit < 9) {
    out.push(digit + 1)
  } else {
    // carry through trailing nines
    for (;;) {
      if (out.length === 0) {
        out.push(1)
        exp10 += 1
        break
      }
      const last = out.pop() as number
      if (last !== 9) {
        out.push(last + 1)
        break
      }
    }
  }
  return { digits: out.join(''), exponent: exp10 }
}

function cmp(a: bigint, b: bigint): number {
  return a < b ? -1 : a > b ? 1 : 0
}

export interface PositionalOptions {
  precision?: number // -1 / undefined: none
  minDigits?: number
  unique?: boolean // default true
  fractional?: boolean // default true
  trim?: TrimMode // default 'k'
  sign?: boolean // show '+' for positive values
  padLeft?: number
  padRight?: number
}

export interface ScientificOptions {
  precision?: number
  minDigits?: number
  unique?: boolean
  trim?: TrimMode
  sign?: boolean
  padLeft?: number
  expDigits?: number
}

function signPrefix(p: FloatParts, sign: boolean): string {
  return p.negative ? '-' : sign ? '+' : ''
}

/** nan/inf as dragon4.c's PrintInfNan writes them (nan never carries a sign). */
function infNan(p: FloatParts, sign: boolean): string {
  if (p.kind === 'nan') return 'nan'
  return signPrefix(p, sign) + 'inf'
}

/** numpy.format_float_positional for a value of the given float type. */
export function formatPositional(x: number, kind: FloatKind, o: PositionalOptions = {}): string {
  const precision = o.precision ?? -1
  const minDigits = o.minDigits ?? -1
  const unique = o.unique ?? true
  const fractional = o.fractional ?? true
  const trim = o.trim ?? 'k'
  const padLeft = o.padLeft ?? -1
  const padRight = o.padRight ?? -1
  const p = floatParts(x, kind)
  if (p.kind !== 'finite') return infNan(p, o.sign ?? false)
  const sign = signPrefix(p, o.sign ?? false)
  const d = dragon4(p, unique, fractional, precision, minDigits)

  let whole: string
  let frac: string
  if (d.exponent >= 0) {
    const nWhole = d.exponent + 1
    if (d.digits.length <= nWhole) {
      whole = d.digits + '0'.repeat(nWhole - d.digits.length)
      frac = ''
    } else {
      whole = d.digits.slice(0, nWhole)
      frac = d.digits.slice(nWhole)
    }
  } else {
    whole = '0'
    frac = '0'.repeat(-(d.exponent + 1)) + d.digits
  }

  const addDigits = unique ? minDigits : precision
  let desiredFrac = addDigits < 0 ? 0 : addDigits
  if (!fractional) desiredFrac = addDigits - whole.length
  if (trim === '0') {
    if (frac.length === 0) frac = '0'
  } else if (trim === 'k' && desiredFrac > frac.length) {
    frac += '0'.repeat(desiredFrac - frac.length)
  }
  let point = trim === '-' && frac.length === 0 ? '' : '.'
  if (trim !== 'k' && frac.length > 0) {
    frac = frac.replace(/0+$/, '')
    if (frac.length === 0) {
      if (trim === '0') frac = '0'
      else if (trim === '-') point = ''
    }
  }
  let s = sign + whole + point + frac
  if (padRight >= frac.length) {
    if (trim === '-' && frac.length === 0) s += ' '
    s += ' '.repeat(padRight - frac.length)
  }
  const leftChars = whole.length + sign.length
  if (padLeft > leftChars) s = ' '.repeat(padLeft - leftChars) + s
  return s
}

/** numpy.format_float_scientific for a value of the given float type. */
export function formatScientific(x: number, kind: FloatKind, o: ScientificOptions = {}): string {
  const precision = o.precision ?? -1
  const minDigits = o.minDigits ?? -1
  const unique = o.unique ?? true
  const trim = o.trim ?? 'k'
  const padLeft = o.padLeft ?? -1
  let expDigits = o.expDigits ?? -1
  const p = floatParts(x, kind)
  if (p.kind !== 'finite') return infNan(p, o.sign ?? false)
  const sign = signPrefix(p, o.sign ?? false)
  const leftChars = 1 + sign.length
  const pad = padLeft > leftChars ? ' '.repeat(padLeft - leftChars) : ''
  const d = dragon4(p, unique, false, precision < 0 ? -1 : precision + 1, minDigits < 0 ? -1 : minDigits + 1)

  const lead = d.digits[0]
  let frac = d.digits.slice(1)
  const point = frac.length > 0 || trim !== '-' ? '.' : ''
  const addDigits = Math.max(unique ? minDigits : precision, 0)
  if (trim === '0') {
    if (frac.length === 0) frac = '0'
  } else if (trim === 'k' && addDigits > frac.length) {
    frac += '0'.repeat(addDigits - frac.length)
  }
  if (trim !== 'k' && frac.length > 0) {
    // unlike FormatPositional, dragon4.c's FormatScientific keeps the '.' when zeros trimmed to it ('1.e+05')
    frac = frac.replace(/0+$/, '')
    if (frac.length === 0 && trim === '0') frac = '0'
  }

  if (expDigits > 5) expDigits = 5
  if (expDigits < 0) expDigits = 2
  let e = d.exponent
  const expSign = e >= 0 ? '+' : '-'
  e = Math.abs(e)
  const expStr = String(e).padStart(expDigits, '0')
  return pad + sign + lead + point + frac + 'e' + expSign + expStr
}
