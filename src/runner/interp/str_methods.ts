// Methods of str that snippets commonly use.
import { reserveHeap, memoryError, CHAR_BYTES } from './heap'
import { PyBuiltin, PyList, PyTuple, type PyValue, type Kwargs } from './values'
import { pyErr } from './exceptions'
import { iterate, typeName, toIndex } from './ops'
import { strFormat } from './formatting'

const WS = /^[\s]+|[\s]+$/g

function needStr(v: PyValue, fn: string, pos = 1): string {
  if (typeof v !== 'string') throw pyErr('TypeError', `${fn}() argument ${pos} must be str, not ${typeName(v)}`)
  return v
}

function stripChars(s: string, chars: PyValue | undefined, left: boolean, right: boolean): string {
  if (chars === undefined || chars === null) {
    if (left) s = s.replace(/^\s+/, '')
    if (right) s = s.replace(/\s+$/, '')
    return s
  }
  const set = new Set(needStr(chars, 'strip'))
  const cs = [...s]
  let a = 0, b = cs.length
  if (left) while (a < b && set.has(cs[a])) a++
  if (right) while (b > a && set.has(cs[b - 1])) b--
  return cs.slice(a, b).join('')
}

function split(s: string, sep: PyValue | undefined, maxsplit: number, fromRight: boolean): PyList {
  if (sep === undefined || sep === null) {
    const parts = s.replace(WS, '') === '' ? [] : s.trim().split(/\s+/)
    if (maxsplit < 0 || parts.length <= maxsplit + 1) return new PyList(parts)
    // Re-split keeping the remainder intact.
    if (!fromRight) {
      const out: string[] = []
      let rest = s.replace(/^\s+/, '')
      for (let i = 0; i < maxsplit; i++) {
        const m = /\s+/.exec(rest)!
        out.push(rest.slice(0, m.index)); rest = rest.slice(m.index + m[0].length)
      }
      return new PyList([...out, rest.replace(/\s+$/, '') === '' ? rest : rest])
    }
    return new PyList(parts)
  }
  const sp = needStr(sep, 'split')
  if (sp === '') throw pyErr('ValueError', 'empty separator')
  const parts = s.split(sp)
  if (maxsplit < 0 || parts.length <= maxsplit + 1) return new PyList(parts)
  if (fromRight) return new PyList([parts.slice(0, parts.length - maxsplit).join(sp), ...parts.slice(parts.length - maxsplit)])
  return new PyList([...parts.slice(0, maxsplit), parts.slice(maxsplit).join(sp)])
}

type M = (s: string, a: PyValue[], kw: Kwargs) => PyValue

const num = (v: PyValue | undefined, d: number) => (v === undefined || v === null ? d : Number(toIndex(v)))

const METHODS: Record<string, M> = {
  format: (s, a, kw) => strFormat(s, a, kw),
  join: (s, [it]) => {
    const parts = [...iterate(it)]
    let total = s.length * Math.max(0, parts.length - 1)
    parts.forEach((x, i) => {
      if (typeof x !== 'string') throw pyErr('TypeError', `sequence item ${i}: expected str instance, ${typeName(x)} found`)
      total += x.length
    })
    // V8's longest string is 2**29 - 24 characters; a longer one is MemoryError, as is one the heap cannot hold.
    if (total > 2 ** 29 - 24) throw memoryError()
    reserveHeap(total, CHAR_BYTES)
    return (parts as string[]).join(s)
  },
  split: (s, a, kw) => split(s, a[0] ?? kw.get('sep'), num(a[1] ?? kw.get('maxsplit'), -1), false),
  rsplit: (s, a, kw) => split(s, a[0] ?? kw.get('sep'), num(a[1] ?? kw.get('maxsplit'), -1), true),
  splitlines: s => new PyList(s.split(/\r\n|\r|\n/).filter((x, i, arr) => i < arr.length - 1 || x !== '')),
  upper: s => s.toUpperCase(),
  lower: s => s.toLowerCase(),
  title: s => s.replace(/[A-Za-z]+/g, w => w[0].toUpperCase() + w.slice(1).toLowerCase()),
  capitalize: s => s.charAt(0).toUpperCase() + s.slice(1).toLowerCase(),
  strip: (s, [c]) => stripChars(s, c, true, true),
  lstrip: (s, [c]) => stripChars(s, c, true, false),
  rstrip: (s, [c]) => stripChars(s, c, false, true),
  replace: (s, [a, b, n]) => {
    const from = needStr(a, 'replace'), to = needStr(b, 'replace', 2)
    let count = num(n, -1)
    if (count < 0) return s.split(from).join(to)
    let out = '', rest = s
    while (count-- > 0) {
      const i = rest.indexOf(from)
      if (i < 0) break
      out += rest.slice(0, i) + to; rest = rest.slice(i + from.length)
      if (from === '') { out += rest.slice(0, 1); rest = rest.slice(1) }
    }
    return out + rest
  },
  startswith: (s, [p]) => (p instanceof PyTuple ? p.items.some(x => s.startsWith(needStr(x, 'startswith'))) : s.startsWith(needStr(p, 'startswith'))),
  endswith: (s, [p]) => (p instanceof PyTuple ? p.items.some(x => s.endsWith(needStr(x, 'endswith'))) : s.endsWith(needStr(p, 'endswith'))),
  find: (s, [p]) => BigInt(s.indexOf(needStr(p, 'find'))),
  rfind: (s, [p]) => BigInt(s.lastIndexOf(needStr(p, 'rfind'))),
  index: (s, [p]) => {
    const i = s.indexOf(needStr(p, 'index'))
    if (i < 0) throw pyErr('ValueError', 'substring not found')
    return BigInt(i)
  },
  count: (s, [p]) => {
    const t = needStr(p, 'count')
    return BigInt(t === '' ? [...s].length + 1 : s.split(t).length - 1)
  },
  center: (s, [w, f]) => {
    const width = num(w, 0), fill = f === undefined ? ' ' : needStr(f, 'center', 2)
    const len = [...s].length
    if (width <= len) return s
    const total = width - len
    const left = Math.floor(total / 2) + (total & width & 1)
    return fill.repeat(left) + s + fill.repeat(total - left)
  },
  ljust: (s, [w, f]) => s.padEnd(Math.max(num(w, 0), s.length), f === undefined ? ' ' : needStr(f, 'ljust', 2)),
  rjust: (s, [w, f]) => s.padStart(Math.max(num(w, 0), s.length), f === undefined ? ' ' : needStr(f, 'rjust', 2)),
  zfill: (s, [w]) => {
    const width = num(w, 0)
    const sign = s[0] === '-' || s[0] === '+' ? s[0] : ''
    return sign + s.slice(sign.length).padStart(Math.max(width - sign.length, 0), '0')
  },
  isdigit: s => s.length > 0 && /^\d+$/.test(s),
  isalpha: s => s.length > 0 && /^\p{L}+$/u.test(s),
  isalnum: s => s.length > 0 && /^[\p{L}\d]+$/u.test(s),
  isspace: s => s.length > 0 && /^\s+$/.test(s),
  isupper: s => /\p{Lu}/u.test(s) && s === s.toUpperCase(),
  islower: s => /\p{Ll}/u.test(s) && s === s.toLowerCase(),
  partition: (s, [p]) => {
    const t = needStr(p, 'partition'); const i = s.indexOf(t)
    return i < 0 ? new PyTuple([s, '', '']) : new PyTuple([s.slice(0, i), t, s.slice(i + t.length)])
  },
  rpartition: (s, [p]) => {
    const t = needStr(p, 'rpartition'); const i = s.lastIndexOf(t)
    return i < 0 ? new PyTuple(['', '', s]) : new PyTuple([s.slice(0, i), t, s.slice(i + t.length)])
  },
}

export function strMethod(s: string, name: string): PyBuiltin | undefined {
  const m = METHODS[name]
  return m ? new PyBuiltin(name, (a, kw) => m(s, a, kw), s) : undefined
}
