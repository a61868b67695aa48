// Binding of positional and keyword arguments to a native function's parameter list.
// Spec entries: 'x' required, 'x=' optional, '*' (the rest are keyword-only),
// '*name' (rest of positionals as an array), '**name' (remaining keywords).
import { PyTuple, PyDict, type PyValue, type Kwargs } from './values'
import { pyErr } from './exceptions'

export type Bound = Record<string, PyValue | undefined> & { __rest?: PyValue[]; __kw?: Kwargs }

interface ParsedSpec { names: string[]; required: Set<string>; kwOnly: Set<string>; star: string | null; dstar: string | null; posCount: number }
const cache = new Map<string, ParsedSpec>()

function parse(spec: string[]): ParsedSpec {
  const key = spec.join('|')
  let p = cache.get(key)
  if (p) return p
  p = { names: [], required: new Set(), kwOnly: new Set(), star: null, dstar: null, posCount: 0 }
  let kwOnly = false
  for (const s of spec) {
    if (s === '*') { kwOnly = true; continue }
    if (s.startsWith('**')) { p.dstar = s.slice(2); continue }
    if (s.startsWith('*')) { p.star = s.slice(1); kwOnly = true; continue }
    const name = s.endsWith('=') ? s.slice(0, -1) : s
    p.names.push(name)
    if (!s.endsWith('=')) p.required.add(name)
    if (kwOnly) p.kwOnly.add(name)
    else p.posCount++
  }
  cache.set(key, p)
  return p
}

export function bindArgs(fname: string, spec: string[], args: PyValue[], kwargs: Kwargs): Bound {
  const p = parse(spec)
  const out: Bound = {}
  const rest: PyValue[] = []
  args.forEach((a, i) => {
    if (i < p.posCount) out[p.names[i]] = a
    else if (p.star) rest.push(a)
    else {
      throw pyErr('TypeError', `${fname}() takes ${p.posCount === 0 ? 'no' : `${p.required.size === p.posCount ? '' : 'from 0 to '}${p.posCount}`} positional argument${p.posCount === 1 ? '' : 's'} but ${args.length} ${args.length === 1 ? 'was' : 'were'} given`)
    }
  })
  const extra: Kwargs = new Map()
  for (const [k, v] of kwargs) {
    if (!p.names.includes(k)) {
      if (p.dstar) { extra.set(k, v); continue }
      throw pyErr('TypeError', `${fname}() got an unexpected keyword argument '${k}'`)
    }
    if (out[k] !== undefined) throw pyErr('TypeError', `${fname}() got multiple values for argument '${k}'`)
    out[k] = v
  }
  for (const r of p.required) {
    if (out[r] === undefined) throw pyErr('TypeError', `${fname}() missing required argument '${r}' (pos ${p.names.indexOf(r) + 1})`)
  }
  if (p.star) out.__rest = rest
  if (p.dstar) out.__kw = extra
  return out
}

export const tupleOf = (items: PyValue[]) => new PyTuple(items)
export const dictOf = (kw: Kwargs) => {
  const d = new PyDict()
  for (const [k, v] of kw) d.entries.set('s:' + k, [k, v])
  return d
}
