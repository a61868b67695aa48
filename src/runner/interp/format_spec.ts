// Python's format-spec mini-language (format(), str.format, f-strings) for int, float and str:
//   [[fill]align][sign][z][#][0][width][grouping][.precision][type]
import { floatRepr } from './repr'
import { pyErr } from './exceptions'
import { pyFormatExp, pyFormatFixed, pyFormatGeneral } from '../printing/python_float_format'

interface Spec {
  fill: string; align: string; sign: string; alt: boolean; zero: boolean
  width: number; grouping: string; precision: number | null; type: string
}

function parseSpec(spec: string): Spec {
  const m = /^(?:(.)?([<>=^]))?([-+ ])?(z)?(#)?(0)?(\d+)?([_,])?(?:\.(\d+))?([bcdeEfFgGnosxX%])?$/su.exec(spec)
  if (!m) throw pyErr('ValueError', 'Invalid format specifier')
  return {
    fill: m[1] ?? (m[6] && !m[2] ? '0' : ' '), align: m[2] ?? (m[6] ? '=' : ''), sign: m[3] ?? '-',
    alt: !!m[5], zero: !!m[6], width: m[7] ? Number(m[7]) : 0, grouping: m[8] ?? '',
    precision: m[9] !== undefined ? Number(m[9]) : null, type: m[10] ?? ''
  }
}

function group(intDigits: string, sep: string, every = 3): string {
  if (!sep) return intDigits
  let out = ''
  for (let i = 0; i < intDigits.length; i++) {
    if (i > 0 && (intDigits.length - i) % every === 0) out += sep
    out += intDigits[i]
  }
  return out
}

function pad(sign: string, body: string, s: Spec, defaultAlign: string): string {
  const align = s.align || defaultAlign
  const len = [...sign].length + [...body].length
  const fillN = Math.max(0, s.width - len)
  const fill = s.fill.repeat(fillN)
  switch (align) {
    case '<': return sign + body + fill
    case '>': return fill + sign + body
    case '=': return sign + fill + body
    default: {
      const left = s.fill.repeat(Math.floor(fillN / 2))
      return left + sign + body + s.fill.repeat(fillN - Math.floor(fillN / 2))
    }
  }
}

function signOf(neg: boolean, s: Spec): string {
  return neg ? '-' : s.sign === '+' ? '+' : s.sign === ' ' ? ' ' : ''
}

export function formatStr(v: string, spec: string): string {
  if (!spec) return v
  const s = parseSpec(spec)
  if (s.type && s.type !== 's') throw pyErr('ValueError', `Unknown format code '${s.type}' for object of type 'str'`)
  if (s.sign !== '-' || s.align === '=') throw pyErr('ValueError', 'Sign not allowed in string format specifier')
  const body = s.precision !== null ? [...v].slice(0, s.precision).join('') : v
  return pad('', body, s, '<')
}

export function formatInt(v: bigint, spec: string): string {
  if (!spec) return v.toString()
  const s = parseSpec(spec)
  if ('eEfFgG%'.includes(s.type) && s.type) return formatFloat(Number(v), spec)
  if (s.precision !== null) throw pyErr('ValueError', 'Precision not allowed in integer format specifier')
  const neg = v < 0n
  const a = neg ? -v : v
  let digits: string, prefix = ''
  switch (s.type) {
    case 'b': digits = a.toString(2); prefix = '0b'; break
    case 'o': digits = a.toString(8); prefix = '0o'; break
    case 'x': digits = a.toString(16); prefix = '0x'; break
    case 'X': digits = a.toString(16).toUpperCase(); prefix = '0X'; break
    case 'c': return pad('', String.fromCodePoint(Number(v)), s, '<')
    case '': case 'd': case 'n': digits = a.toString(); break
    default: throw pyErr('ValueError', `Unknown format code '${s.type}' for object of type 'int'`)
  }
  digits = group(digits, s.grouping, 'bxXo'.includes(s.type) && s.type ? 4 : 3)
  const sign = signOf(neg, s) + (s.alt ? prefix : '')
  return pad(sign, digits, s, '>')
}

/** Fixed, exponent or general formatting of |x| (no sign). */
function floatBody(a: number, type: string, precision: number | null, alt: boolean): string {
  if (!Number.isFinite(a)) {
    const t = Number.isNaN(a) ? 'nan' : 'inf'
    return type === type.toUpperCase() && type !== '' && type !== '%' ? t.toUpperCase() : t
  }
  // Python rounds the exact binary value half-to-even and never switches to
  // exponent form in 'f'; Number.toFixed/toExponential do neither, so the
  // printing layer's Dragon4-based formatters do the digits.
  const exp = (p: number) => pyFormatExp(a, p).replace('e', alt && p === 0 ? '.e' : 'e')
  switch (type) {
    case 'f': case 'F': return pyFormatFixed(a, precision ?? 6) + (alt && precision === 0 ? '.' : '')
    case 'e': return exp(precision ?? 6)
    case 'E': return exp(precision ?? 6).toUpperCase()
    case '%': return pyFormatFixed(a * 100, precision ?? 6) + '%'
    case 'g': case 'G': case 'n': {
      const out = pyFormatGeneral(a, precision ?? 6, alt)
      return type === 'G' ? out.toUpperCase() : out
    }
    default: {
      // '' : like repr, but with precision it is 'g' that always keeps one digit after the point.
      if (precision === null) return floatRepr(a)
      const g = floatBody(a, 'g', precision, alt)
      return /[.e]/.test(g) || !Number.isFinite(a) ? g : g + '.0'
    }
  }
}

export function formatFloat(v: number, spec: string): string {
  if (!spec) return floatRepr(v)
  const s = parseSpec(spec)
  if (!'eEfFgGn%'.includes(s.type) || (s.type === '' && false)) {
    throw pyErr('ValueError', `Unknown format code '${s.type}' for object of type 'float'`)
  }
  const neg = v < 0 || Object.is(v, -0)
  let body = floatBody(Math.abs(v), s.type, s.precision, s.alt)
  if (s.grouping) {
    const m = /^(\d+)(.*)$/s.exec(body)
    if (m) body = group(m[1], s.grouping) + m[2]
  }
  return pad(signOf(neg, s), body, s, '>')
}
