// format(value, spec), str.format and printf-style `%` formatting.
import { PyObject, PyTuple, PyDict, PyComplex, type PyValue } from './values'
import { formatFloat, formatInt, formatStr } from './format_spec'
import { pyErr } from './exceptions'
import { repr, str } from './repr'
import { typeName, setPercentFormatter, hashKey } from './ops'
import { bindArgs } from './args'

export function formatValue(v: PyValue, spec: string): string {
  if (typeof v === 'boolean') return spec ? formatInt(v ? 1n : 0n, spec) : v ? 'True' : 'False'
  if (typeof v === 'bigint') return formatInt(v, spec)
  if (typeof v === 'number') return formatFloat(v, spec)
  if (typeof v === 'string') return formatStr(v, spec)
  if (v instanceof PyObject && v.format) return v.format(spec)
  if (v instanceof PyComplex && !spec) return repr(v)
  if (v instanceof PyComplex) return formatComplexAligned(v, spec)
  if (!spec) return str(v)
  throw pyErr('TypeError', `unsupported format string passed to ${typeName(v)}.__format__`)
}

/**
 * complex.__format__ with only fill, alignment and width (f'{z:>8}'): its repr, padded; numbers
 * align right by default. Presentation types and signs are not formatted here.
 */
function formatComplexAligned(v: PyComplex, spec: string): string {
  const m = /^(?:([^{}])?([<>^=]))?(\d*)$/s.exec(spec)
  if (!m) throw pyErr('NotImplementedError', `format spec '${spec}' for complex numbers is not supported by the Stridescope runner`)
  const [, fill = ' ', align = '>', width] = m
  if (align === '=') throw pyErr('ValueError', "'=' alignment flag is not allowed in complex format specifier")
  return formatStr(repr(v), `${fill}${align}${width}`)
}

/** str.format: `{}`, `{0}`, `{name}`, `{0[1]}`/`{x.attr}` not supported, `!r`/`!s`, `:spec`. */
export function strFormat(fmt: string, args: PyValue[], kwargs: Map<string, PyValue>): string {
  let out = ''
  let auto = 0
  for (let i = 0; i < fmt.length; i++) {
    const ch = fmt[i]
    if (ch === '{') {
      if (fmt[i + 1] === '{') { out += '{'; i++; continue }
      const end = fmt.indexOf('}', i)
      if (end < 0) throw pyErr('ValueError', "Single '{' encountered in format string")
      const field = fmt.slice(i + 1, end)
      i = end
      const m = /^([^!:]*)(?:!([rsa]))?(?::(.*))?$/s.exec(field)!
      const [, name, conv, spec] = m
      let v: PyValue
      if (name === '') {
        if (auto >= args.length) throw pyErr('IndexError', `Replacement index ${auto} out of range for positional args tuple`)
        v = args[auto++]
      } else if (/^\d+$/.test(name)) {
        const k = Number(name)
        if (k >= args.length) throw pyErr('IndexError', `Replacement index ${k} out of range for positional args tuple`)
        v = args[k]
      } else {
        if (!kwargs.has(name)) throw pyErr('KeyError', name)
        v = kwargs.get(name)!
      }
      const s = conv === 'r' || conv === 'a' ? repr(v) : conv === 's' ? str(v) : v
      out += formatValue(s, spec ?? '')
    } else if (ch === '}') {
      if (fmt[i + 1] === '}') { out += '}'; i++; continue }
      throw pyErr('ValueError', "Single '}' encountered in format string")
    } else out += ch
  }
  return out
}

/** printf-style formatting: %s %r %d %i %f %e %g %x %o %c %% with flags, width and precision. */
export function percentFormat(fmt: string, argv: PyValue): string {
  const dict = argv instanceof PyDict ? argv : null
  const args = argv instanceof PyTuple ? [...argv.items] : [argv]
  let ai = 0
  const out = fmt.replace(/%(\([^)]*\))?([-+ #0]*)(\d+|\*)?(?:\.(\d+))?([diouxXeEfFgGcrsa%])/g, (_m, key, flags, width, prec, conv) => {
    if (conv === '%') return '%'
    let v: PyValue
    if (key && dict) {
      const k = key.slice(1, -1)
      const e = dict.entries.get(hashKey(k))
      if (!e) throw pyErr('KeyError', k)
      v = e[1]
    } else {
      if (ai >= args.length) throw pyErr('TypeError', 'not enough arguments for format string')
      v = args[ai++]
    }
    const align = flags.includes('-') ? '<' : flags.includes('0') && !'srac'.includes(conv) ? '0' : '>'
    const sign = flags.includes('+') ? '+' : flags.includes(' ') ? ' ' : ''
    const w = width ?? ''
    const spec = (t: string) => `${align === '0' ? '' : align}${sign}${flags.includes('#') ? '#' : ''}${align === '0' ? '0' : ''}${w}${prec !== undefined ? '.' + prec : ''}${t}`
    switch (conv) {
      case 's': return formatValue(str(v), `${align === '<' ? '<' : '>'}${w}${prec !== undefined ? '.' + prec : ''}`)
      case 'r': case 'a': return formatValue(repr(v), `${align === '<' ? '<' : '>'}${w}`)
      case 'd': case 'i': case 'u': {
        if (typeof v === 'number') v = BigInt(Math.trunc(v))
        if (typeof v !== 'bigint' && typeof v !== 'boolean' && !(v instanceof PyObject && v.toNumber)) {
          throw pyErr('TypeError', `%${conv} format: a real number is required, not ${typeName(v)}`)
        }
        const n = v instanceof PyObject ? v.toNumber!() : v
        const bi = typeof n === 'bigint' ? n : typeof n === 'boolean' ? (n ? 1n : 0n) : BigInt(Math.trunc(n as number))
        return formatInt(bi, spec('d').replace(/\.\d+/, ''))
      }
      case 'x': case 'X': case 'o': return formatInt(v as bigint, spec(conv))
      case 'c': return typeof v === 'string' ? v : String.fromCodePoint(Number(v))
      default: {
        const n = v instanceof PyObject && v.toNumber ? v.toNumber() : v
        const f = typeof n === 'bigint' ? Number(n) : typeof n === 'boolean' ? Number(n) : n
        if (typeof f !== 'number') throw pyErr('TypeError', `must be real number, not ${typeName(v)}`)
        return formatFloat(f, spec(conv === 'F' ? 'F' : conv) + (prec === undefined && false ? '' : ''))
      }
    }
  })
  if (!dict && ai < args.length) throw pyErr('TypeError', 'not all arguments converted during string formatting')
  return out
}

setPercentFormatter(percentFormat)

export { bindArgs }
