// str() and repr() of NumPy scalars (np.float64(1.5), np.int64(3), np.True_, ...).
//
// NOTE (numpy/_core/src/multiarray/scalartypes.c.src, *type_str / *type_repr):
// a float scalar prints its shortest unique digits, positionally ('1.0', '0.1')
// when it is 0 or 1e-4 <= |x| < cutoff, otherwise in scientific notation without
// a trailing '.0' ('1e+16', '1e-05'). The cutoff is 1e16 for float64 but
// 10**finfo.precision for the narrower types: 1e3 for float16, 1e6 for float32
// (checked against NumPy 2.x: str(np.float32(1e6)) == '1e+06'). Complex scalars
// follow Python's complex repr: '(1+2j)', '2j', '(nan+infj)', parts without '.0'.
// repr() wraps the text in 'np.<type>(...)' (NEP 51), dropping the complex parens.

import { formatPositional, formatScientific } from './dragon4'
import type { FloatKind } from './float_bits'
import { floatKindOf, isComplexDtype, isIntegerDtype, toBigInt, toBool, toComplex, toNumber } from './numpy_formatters'
import type { DTypeName, ElementValue } from './types'

const POSITIONAL_CUTOFF: Record<FloatKind, number> = { float16: 1e3, float32: 1e6, float64: 1e16 }

/** The '*_either' rule: positional or scientific by magnitude; `trimPos` '0' for str/repr, '-' inside complex. */
function floatEither(x: number, kind: FloatKind, trimPos: '0' | '-', sign: boolean): string {
  const a = Math.abs(x)
  if (!Number.isFinite(x)) {
    if (Number.isNaN(x)) return (sign ? '+' : '') + 'nan'
    return (x < 0 ? '-' : sign ? '+' : '') + 'inf'
  }
  if (a === 0 || (a >= 1e-4 && a < POSITIONAL_CUTOFF[kind])) {
    return formatPositional(x, kind, { trim: trimPos, sign })
  }
  return formatScientific(x, kind, { trim: '-', sign })
}

/** str(np.complexXX(z)); for complex128 this is also Python's repr(complex) */
export function complexStr(re: number, im: number, kind: FloatKind): string {
  // a +0.0 real part is left out: '2j'; -0.0 is kept: '(-0+2j)'
  if (re === 0 && !Object.is(re, -0)) {
    return floatEither(im, kind, '-', false) + 'j'
  }
  return '(' + floatEither(re, kind, '-', false) + floatEither(im, kind, '-', true) + 'j)'
}

/** str(scalar), also what print() shows and what str() of a 0-d array gives. */
export function formatNumpyScalarStr(dtype: DTypeName, v: ElementValue): string {
  if (dtype === 'bool') return toBool(v) ? 'True' : 'False'
  if (isIntegerDtype(dtype)) return toBigInt(v).toString()
  const kind = floatKindOf(dtype)
  if (kind === null) throw new TypeError(`NumPy has no dtype '${dtype}'`)
  if (isComplexDtype(dtype)) {
    const [re, im] = toComplex(v)
    return complexStr(re, im, kind)
  }
  return floatEither(toNumber(v), kind, '0', false)
}

/** repr(scalar): np.float64(1.5), np.int64(3), np.True_, np.complex128(1+2j). */
export function formatNumpyScalarRepr(dtype: DTypeName, v: ElementValue): string {
  if (dtype === 'bool') return toBool(v) ? 'np.True_' : 'np.False_'
  let s = formatNumpyScalarStr(dtype, v)
  if (isComplexDtype(dtype) && s.startsWith('(')) s = s.slice(1, -1)
  return `np.${dtype}(${s})`
}
