// Python's own float formatting, which torch printing relies on
// (f'{x:.4f}', f'{x:.4e}', f'{x:10.4e}', f'{x:.0f}') and Python's repr(float).
// Python rounds the exact binary value half-to-even; that is Dragon4's exact
// digit mode, so these share the Dragon4 core rather than Number.toFixed
// (which rounds ties away from zero and stops at 1e21).

import { formatPositional, formatScientific } from './dragon4'
import { complexStr } from './numpy_scalar'

function nonFinite(x: number): string | null {
  if (Number.isNaN(x)) return 'nan'
  if (x === Infinity) return 'inf'
  if (x === -Infinity) return '-inf'
  return null
}

/** f'{x:.{precision}f}' */
export function pyFormatFixed(x: number, precision: number): string {
  const nf = nonFinite(x)
  if (nf !== null) return nf
  return formatPositional(x, 'float64', { precision, unique: false, trim: precision === 0 ? '-' : 'k' })
}

/** f'{x:{width}.{precision}e}' (width 0: no padding) */
export function pyFormatExp(x: number, precision: number, width = 0): string {
  const s = nonFinite(x) ?? formatScientific(x, 'float64', { precision, unique: false, trim: precision === 0 ? '-' : 'k' })
  return s.length < width ? ' '.repeat(width - s.length) + s : s
}

/** f'{x:.{precision}g}' (and '#' alternate form): fixed when -4 <= exponent < precision, else scientific, zeros trimmed. */
export function pyFormatGeneral(x: number, precision: number, alt = false): string {
  const nf = nonFinite(x)
  if (nf !== null) return nf
  const p = precision === 0 ? 1 : precision
  // the exponent after rounding to p significant digits decides the notation
  const sci = formatScientific(x, 'float64', { precision: p - 1, unique: false, trim: 'k' })
  const e = Number(sci.slice(sci.indexOf('e') + 1))
  if (e >= -4 && e < p) {
    return formatPositional(x, 'float64', { precision: p - 1 - e, unique: false, trim: alt ? 'k' : '-' })
  }
  if (alt) return sci
  const [mant, exp] = sci.split('e')
  const trimmed = mant.includes('.') ? mant.replace(/0+$/, '').replace(/\.$/, '') : mant
  return trimmed + 'e' + exp
}

/** repr(x) for a Python float: shortest round-trip digits, '1.0', '1e-05', '1e+16', 'inf', 'nan'. */
export function pyFloatRepr(x: number): string {
  const nf = nonFinite(x)
  if (nf !== null) return nf
  const a = Math.abs(x)
  if (a === 0 || (a >= 1e-4 && a < 1e16)) return formatPositional(x, 'float64', { trim: '0' })
  return formatScientific(x, 'float64', { trim: '-' })
}

/** repr(z) for a Python complex: '(1+2j)', '2j', '(-0+2j)', '(nan+infj)'. NumPy's complex128 str follows the same rule. */
export function pyComplexRepr(re: number, im: number): string {
  return complexStr(re, im, 'float64')
}
