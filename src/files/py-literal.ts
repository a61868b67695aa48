// A small, safe parser for the Python literals in an .npy header (what NumPy reads with
// ast.literal_eval): dicts, tuples, lists, str/bytes, ints (number, or bigint past 2^53), floats (wrapped, so 3 and 3.0 differ as in Python), True/False/None.
// It builds plain values and never evaluates anything.
import { reprBytes, reprStr } from './py-repr'

export type PyLiteral =
  | null | boolean | number | bigint | string
  | { kind: 'float'; value: number }
  | { kind: 'bytes'; value: Uint8Array }
  | { kind: 'tuple'; items: PyLiteral[] }
  | { kind: 'list'; items: PyLiteral[] }
  | { kind: 'dict'; entries: Array<[PyLiteral, PyLiteral]> }

export class PyLiteralSyntaxError extends Error {}

const MAX_DEPTH = 64

export function parsePyLiteral(text: string, options: { allowLongSuffix?: boolean } = {}): PyLiteral {
  let i = 0
  const err = (what: string): never => { throw new PyLiteralSyntaxError(`${what} at position ${i}`) }
  const ws = (): void => { while (i < text.length && ' \t\n\r\f\v'.includes(text[i])) i++ }

  function str(): PyLiteral {
    let prefix = ''
    while (/[bBuUrR]/.test(text[i] ?? '')) prefix += text[i++].toLowerCase()
    if (prefix.length > 2 || (prefix.includes('u') && prefix.length > 1)) err('bad string prefix')
    const raw = prefix.includes('r')
    const bytes = prefix.includes('b')
    const q = text[i]
    if (q !== "'" && q !== '"') err('expected a quote')
    const triple = text.startsWith(q.repeat(3), i)
    i += triple ? 3 : 1
    let out = ''
    for (;;) {
      if (i >= text.length) err('unterminated string')
      const c = text[i]
      if (triple ? text.startsWith(q.repeat(3), i) : c === q) { i += triple ? 3 : 1; break }
      if (!triple && c === '\n') err('newline in string')
      if (c === '\\' && !raw) {
        const n = text[i + 1]
        i += 2
        const simple: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', "'": "'", '"': '"', '0': '\0', a: '\x07', b: '\b', f: '\f', v: '\v', '\n': '' }
        if (n !== undefined && n in simple) out += simple[n]
        else if (n === 'x' || (!bytes && (n === 'u' || n === 'U'))) {
          const len = n === 'x' ? 2 : n === 'u' ? 4 : 8
          const hex = text.slice(i, i + len)
          if (!/^[0-9a-fA-F]+$/.test(hex) || hex.length !== len) err('bad escape')
          const cp = parseInt(hex, 16)
          if (cp > 0x10ffff) err('bad escape')
          out += String.fromCodePoint(cp)
          i += len
        } else out += '\\' + (n ?? '')
        continue
      }
      out += c
      i++
    }
    if (bytes) {
      const b = new Uint8Array(out.length)
      for (let k = 0; k < out.length; k++) {
        const cp = out.charCodeAt(k)
        if (cp > 0xff) err('non-ASCII character in bytes')
        b[k] = cp
      }
      return { kind: 'bytes', value: b }
    }
    return out
  }

  function num(): PyLiteral {
    const m = /^[+-]?(?:\d+\.\d*(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?|\d+[eE][+-]?\d+|0[xX][0-9a-fA-F]+|\d+)/.exec(text.slice(i))
    if (!m) return err('bad number')
    i += m[0].length
    const t = m[0]
    if (/^[+-]?(0[xX][0-9a-fA-F]+|\d+)$/.test(t)) {
      if (options.allowLongSuffix && (text[i] === 'L' || text[i] === 'l')) i++
      // Python forbids leading zeros in decimal ints ("010" is a SyntaxError).
      if (/^[+-]?0\d/.test(t)) err('leading zeros')
      const neg = t.startsWith('-')
      const body = t.replace(/^[+-]/, '')
      const big = BigInt(body)
      const v = neg ? -big : big
      return Number.isSafeInteger(Number(v)) ? Number(v) : v
    }
    return { kind: 'float', value: Number(t) }
  }

  function seq(close: string, d: number): PyLiteral[] {
    const items: PyLiteral[] = []
    for (;;) {
      ws()
      if (text[i] === close) { i++; return items }
      items.push(value(d))
      ws()
      if (text[i] === ',') { i++; continue }
      if (text[i] === close) { i++; return items }
      err(`expected ',' or '${close}'`)
    }
  }

  function value(d: number): PyLiteral {
    if (d > MAX_DEPTH) err('nesting too deep')
    ws()
    const c = text[i]
    if (c === undefined) return err('unexpected end')
    if (c === '{') {
      i++
      const entries: Array<[PyLiteral, PyLiteral]> = []
      for (;;) {
        ws()
        if (text[i] === '}') { i++; break }
        const k = value(d + 1)
        ws()
        if (text[i] !== ':') err("expected ':'")
        i++
        entries.push([k, value(d + 1)])
        ws()
        if (text[i] === ',') { i++; continue }
        if (text[i] === '}') { i++; break }
        err("expected ',' or '}'")
      }
      return { kind: 'dict', entries }
    }
    if (c === '[') { i++; return { kind: 'list', items: seq(']', d + 1) } }
    if (c === '(') {
      i++
      ws()
      if (text[i] === ')') { i++; return { kind: 'tuple', items: [] } }
      const first = value(d + 1)
      ws()
      if (text[i] === ')') { i++; return first } // parenthesised value, not a tuple
      if (text[i] !== ',') err("expected ',' or ')'")
      i++
      return { kind: 'tuple', items: [first, ...seq(')', d + 1)] }
    }
    if (c === "'" || c === '"' || (/[bBuUrR]/.test(c) && /^[bBuUrR]{1,2}['"]/.test(text.slice(i, i + 3)))) {
      let s = str()
      // Adjacent string literals concatenate, as in Python.
      for (;;) {
        const at = i
        ws()
        if (text[i] === "'" || text[i] === '"') {
          const t = str()
          if (typeof s === 'string' && typeof t === 'string') s = s + t
          else err('cannot mix bytes and str literals')
        } else { i = at; break }
      }
      return s
    }
    if (/[\d.+-]/.test(c)) return num()
    for (const [word, v] of [['True', true], ['False', false], ['None', null]] as const) {
      if (text.startsWith(word, i) && !/[\w]/.test(text[i + word.length] ?? '')) { i += word.length; return v }
    }
    return err('unexpected character')
  }

  const v = value(0)
  ws()
  if (i !== text.length) err('trailing characters')
  return v
}

/** Python's repr() of a parsed literal, for error messages that quote it. */
export function reprLiteral(v: PyLiteral): string {
  if (v === null) return 'None'
  if (v === true) return 'True'
  if (v === false) return 'False'
  if (typeof v === 'bigint') return v.toString()
  if (typeof v === 'number') return String(v)
  if (typeof v === 'string') return reprStr(v)
  switch (v.kind) {
    case 'float': return pyFloat(v.value)
    case 'bytes': return reprBytes(v.value)
    case 'list': return '[' + v.items.map(reprLiteral).join(', ') + ']'
    case 'tuple': return v.items.length === 1 ? '(' + reprLiteral(v.items[0]) + ',)' : '(' + v.items.map(reprLiteral).join(', ') + ')'
    case 'dict': return '{' + v.entries.map(([k, x]) => reprLiteral(k) + ': ' + reprLiteral(x)).join(', ') + '}'
  }
}

function pyFloat(x: number): string {
  if (Number.isNaN(x)) return 'nan'
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf'
  const s = String(x)
  return /[.e]/.test(s) ? s : s + '.0'
}
