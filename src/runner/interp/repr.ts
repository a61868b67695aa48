// repr() and str() of Python values, as CPython writes them.
import {
  PyObject, PyList, PyTuple, PyDict, PyComplex, PySlice, PyExcInstance, type PyValue
} from './values'
import { excMessage, pyErr, setExcReprHook } from './exceptions'

/** Python's float repr: shortest round-trip digits; scientific when exp < -4 or exp >= 16. */
export function floatRepr(x: number): string {
  if (Number.isNaN(x)) return 'nan'
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf'
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0'
  const [mant, expStr] = x.toExponential().split('e')
  const exp = Number(expStr)
  const neg = mant.startsWith('-')
  const digits = mant.replace('-', '').replace('.', '')
  let out: string
  if (exp < -4 || exp >= 16) {
    const m = digits.length > 1 ? digits[0] + '.' + digits.slice(1) : digits
    out = `${m}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`
  } else if (exp < 0) {
    out = '0.' + '0'.repeat(-exp - 1) + digits
  } else if (digits.length <= exp + 1) {
    out = digits + '0'.repeat(exp + 1 - digits.length) + '.0'
  } else {
    out = digits.slice(0, exp + 1) + '.' + digits.slice(exp + 1)
  }
  return neg ? '-' + out : out
}

export function complexRepr(c: PyComplex): string {
  // Python drops the real part when it is +0.0 and writes components with repr(float) sans '.0'.
  const part = (v: number) => {
    const r = floatRepr(v)
    return r.endsWith('.0') ? r.slice(0, -2) : r
  }
  const im = part(c.im)
  if (c.re === 0 && !Object.is(c.re, -0)) return `${im}j`
  const sign = c.im < 0 || Object.is(c.im, -0) ? '' : '+'
  return `(${part(c.re)}${sign}${im}j)`
}

/** Python's str repr: single quotes unless the text has ' and no ". */
export function strRepr(s: string): string {
  const q = s.includes("'") && !s.includes('"') ? '"' : "'"
  let out = q
  for (const ch of s) {
    const c = ch.codePointAt(0)!
    if (ch === q || ch === '\\') out += '\\' + ch
    else if (ch === '\n') out += '\\n'
    else if (ch === '\r') out += '\\r'
    else if (ch === '\t') out += '\\t'
    else if (c < 0x20 || c === 0x7f) out += '\\x' + c.toString(16).padStart(2, '0')
    else out += ch
  }
  return out + q
}

/** sys.get_int_max_str_digits() in CPython 3.11+: longer decimal conversions raise ValueError. */
export const INT_MAX_STR_DIGITS = 4300
const INT_STR_LIMIT = 10n ** BigInt(INT_MAX_STR_DIGITS)

/** str(n) of an int, refused past CPython's digit limit. */
export function intToStr(v: bigint): string {
  if (v >= INT_STR_LIMIT || v <= -INT_STR_LIMIT) {
    throw pyErr('ValueError', `Exceeds the limit (${INT_MAX_STR_DIGITS} digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit`)
  }
  return v.toString()
}

export function repr(v: PyValue): string {
  if (v === null) return 'None'
  if (v === true) return 'True'
  if (v === false) return 'False'
  if (typeof v === 'bigint') return intToStr(v)
  if (typeof v === 'number') return floatRepr(v)
  if (typeof v === 'string') return strRepr(v)
  return objectRepr(v, new Set())
}

function objectRepr(v: PyObject, seen: Set<PyObject>): string {
  if (v.repr) return v.repr()   // library subclasses of tuple (torch.Size) print their own way
  const inner = (x: PyValue) => (x instanceof PyObject ? objectRepr(x, seen) : repr(x))
  if (v instanceof PyList || v instanceof PyTuple || v instanceof PyDict) {
    if (seen.has(v)) return v instanceof PyList ? '[...]' : v instanceof PyDict ? '{...}' : '(...)'
    seen.add(v)
    try {
      if (v instanceof PyList) return '[' + v.items.map(inner).join(', ') + ']'
      if (v instanceof PyTuple) {
        return v.items.length === 1 ? `(${inner(v.items[0])},)` : '(' + v.items.map(inner).join(', ') + ')'
      }
      return '{' + [...v.entries.values()].map(([k, x]) => `${inner(k)}: ${inner(x)}`).join(', ') + '}'
    } finally { seen.delete(v) }
  }
  if (v instanceof PyComplex) return complexRepr(v)
  if (v instanceof PySlice) return `slice(${repr(v.start)}, ${repr(v.stop)}, ${repr(v.step)})`
  if (v instanceof PyExcInstance) {
    const args = v.args.map(inner).join(', ')
    return `${v.cls.name}(${args})`
  }
  return `<${v.pyClass.qualName} object at 0x7f0000000000>`
}

export function str(v: PyValue): string {
  if (typeof v === 'string') return v
  if (v instanceof PyExcInstance) return excMessage(v)
  if (v instanceof PyObject && v.str) return v.str()
  return repr(v)
}

setExcReprHook(repr)
