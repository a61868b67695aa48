// Attribute access: methods of Python's own types (str, list, dict, tuple, int, float) and
// the getattr/setattr hooks of library objects.
import {
  PyObject, PyList, PyTuple, PyDict, PyComplex, PyBuiltin, PyModule, PyClass, PyExcInstance, BUILTIN_TYPES, type PyValue, type Kwargs
} from './values'
import { pyErr, PyException, excClass } from './exceptions'
import { typeName, typeOf, equals, hashKey, iterate, compare, truthy, toIndex } from './ops'
import { strMethod } from './str_methods'
import { callValue } from './call'
import { repr as reprOf } from './repr'
import { bindArgs } from './args'
import { pushAll, replaceRange } from './arrays'
import { reserveHeap } from './heap'

type Method = (self: any, args: PyValue[], kw: Kwargs) => PyValue

/**
 * Sorts a list of only ints (exact as doubles) or only floats without a key natively: equal
 * values of one type are interchangeable, so the sorted doubles map back to items by value.
 * Returns false (nothing done) for anything else. Keeps sorted([0] * 10**8) near CPython's second.
 */
function sortNumbersNatively(items: PyValue[], reverse: boolean): boolean {
  const n = items.length
  if (n < 2) return true
  const kind = typeof items[0]
  if (kind !== 'bigint' && kind !== 'number') return false
  const run = orderedRun(items, kind)
  if (run === null) return false
  // A run already in order costs that one pass, as in CPython's timsort ([0] * 10**8 is one run):
  // equal values are interchangeable here, so a reversed run is sorted by reversing it.
  if ((run === 'up' && !reverse) || (run === 'down' && reverse)) return true
  if (run !== 'neither') {
    items.reverse()
    return true
  }
  const values = new Float64Array(n)
  for (let i = 0; i < n; i++) {
    const d = Number(items[i] as number | bigint)
    // Big ints lose digits as doubles.
    if (kind === 'bigint' && !Number.isSafeInteger(d)) return false
    values[i] = d
  }
  const byValue = new Map<number, PyValue>()
  for (let i = 0; i < n; i++) if (!byValue.has(values[i])) byValue.set(values[i], items[i])
  values.sort()
  if (reverse) values.reverse()
  for (let i = 0; i < n; i++) items[i] = byValue.get(values[i])!
  return true
}

/**
 * One pass over the items themselves (no copy: a list of 10**8 ints is 800 MB of pointers, and a
 * second array of doubles as big makes V8 collect its heap again): whether they are all of `kind`
 * and sortable as doubles (no NaN, which has no order; no -0.0, equal to 0.0 but distinct), and
 * whether they already run up (non-decreasing), down (non-increasing, ties only when both), or
 * neither. Null: not for the native sort.
 */
function orderedRun(items: readonly PyValue[], kind: 'bigint' | 'number'): 'up' | 'down' | 'neither' | null {
  const n = items.length
  let up = true
  let down = true
  let prev = items[0]
  if (kind === 'number' && !plainDouble(prev as number)) return null
  for (let i = 1; i < n; i++) {
    const v = items[i]
    if (typeof v !== kind) return null
    if (kind === 'number' && !plainDouble(v as number)) return null
    if (v === prev) continue
    if ((v as number | bigint) < (prev as number | bigint)) up = false
    else down = false
    prev = v
    if (!up && !down) {
      // Out of order: what is left is only checked for kind.
      for (let j = i + 1; j < n; j++) {
        const w = items[j]
        if (typeof w !== kind || (kind === 'number' && !plainDouble(w as number))) return null
      }
      return 'neither'
    }
  }
  return up ? 'up' : 'down'
}

/** A double the native sort can take as it is: not NaN, not -0.0. */
function plainDouble(d: number): boolean {
  return d === d && (d !== 0 || 1 / d > 0)
}

function sortItems(items: PyValue[], kw: Kwargs): void {
  const b = bindArgs('sort', ['*', 'key=', 'reverse='], [], kw)
  const key = b.key ?? null
  if (key === null && sortNumbersNatively(items, b.reverse !== undefined && truthy(b.reverse))) return
  const keys = key === null ? items : items.map(v => callValue(key, [v]))
  const idx = items.map((_, i) => i)
  idx.sort((i, j) => (truthy(compare('<', keys[i], keys[j])) ? -1 : truthy(compare('<', keys[j], keys[i])) ? 1 : 0))
  if (b.reverse !== undefined && truthy(b.reverse)) {
    // Python's reverse sort stays stable: sort descending, equal keys keep their order.
    idx.sort((i, j) => (truthy(compare('<', keys[j], keys[i])) ? -1 : truthy(compare('<', keys[i], keys[j])) ? 1 : i - j))
  }
  const sorted = idx.map(i => items[i])
  replaceRange(items, 0, items.length, sorted)
}
export { sortItems }

function indexOf(items: readonly PyValue[], v: PyValue, what: string): bigint {
  const i = items.findIndex(x => equals(x, v))
  if (i < 0) throw pyErr('ValueError', what)
  return BigInt(i)
}

const LIST_METHODS: Record<string, Method> = {
  append: (l: PyList, [v]) => {
    // Growth one item at a time checks the heap every 65,536 items (./heap).
    if ((l.items.length & 0xffff) === 0xffff) reserveHeap(l.items.length + 1)
    l.items.push(v)
    return null
  },
  extend: (l: PyList, [v]) => { pushAll(l.items, v instanceof PyList ? v.items.slice() : iterate(v)); return null },
  insert: (l: PyList, [i, v]) => {
    let n = Number(toIndex(i)); const len = l.items.length
    if (n < 0) n = Math.max(0, n + len)
    l.items.splice(Math.min(n, len), 0, v); return null
  },
  pop: (l: PyList, args) => {
    if (!l.items.length) throw pyErr('IndexError', 'pop from empty list')
    let i = args.length ? Number(toIndex(args[0])) : -1
    if (i < 0) i += l.items.length
    if (i < 0 || i >= l.items.length) throw pyErr('IndexError', 'pop index out of range')
    return l.items.splice(i, 1)[0]
  },
  remove: (l: PyList, [v]) => { l.items.splice(Number(indexOf(l.items, v, 'list.remove(x): x not in list')), 1); return null },
  index: (l: PyList, [v]) => indexOf(l.items, v, `${reprOf(v)} is not in list`),
  count: (l: PyList, [v]) => BigInt(l.items.filter(x => equals(x, v)).length),
  reverse: (l: PyList) => { l.items.reverse(); return null },
  sort: (l: PyList, _a, kw) => { sortItems(l.items, kw); return null },
  copy: (l: PyList) => new PyList(l.items.slice()),
  clear: (l: PyList) => { l.items.length = 0; return null },
}

const TUPLE_METHODS: Record<string, Method> = {
  index: (t: PyTuple, [v]) => indexOf(t.items, v, 'tuple.index(x): x not in tuple'),
  count: (t: PyTuple, [v]) => BigInt(t.items.filter(x => equals(x, v)).length),
}

/** dict.keys()/values()/items(): live views that print as dict_keys([...]) etc. */
class PyDictView extends PyObject {
  constructor(readonly d: PyDict, readonly kind: 'keys' | 'values' | 'items') { super() }
  get pyClass() { return DICT_VIEW_CLASSES[this.kind] }
  private list(): PyValue[] {
    const es = [...this.d.entries.values()]
    return this.kind === 'keys' ? es.map(e => e[0]) : this.kind === 'values' ? es.map(e => e[1]) : es.map(e => new PyTuple(e))
  }
  iter() { return this.list() }
  len() { return this.d.entries.size }
  contains(v: PyValue) {
    if (this.kind === 'keys') return this.d.entries.has(hashKey(v))
    return this.list().some(x => equals(x, v))
  }
  repr() { return `dict_${this.kind}(${reprOf(new PyList(this.list()))})` }
}
const DICT_VIEW_CLASSES = {
  keys: new PyClass('dict_keys', BUILTIN_TYPES.object), values: new PyClass('dict_values', BUILTIN_TYPES.object),
  items: new PyClass('dict_items', BUILTIN_TYPES.object),
}

const DICT_METHODS: Record<string, Method> = {
  keys: (d: PyDict) => new PyDictView(d, 'keys'),
  values: (d: PyDict) => new PyDictView(d, 'values'),
  items: (d: PyDict) => new PyDictView(d, 'items'),
  get: (d: PyDict, [k, dflt]) => d.entries.get(hashKey(k))?.[1] ?? (dflt === undefined ? null : dflt),
  pop: (d: PyDict, [k, dflt]) => {
    const h = hashKey(k); const e = d.entries.get(h)
    if (!e) { if (dflt !== undefined) return dflt; throw new PyException(new PyExcInstance(excClass('KeyError'), [k])) }
    d.entries.delete(h); return e[1]
  },
  setdefault: (d: PyDict, [k, dflt]) => {
    const h = hashKey(k)
    if (!d.entries.has(h)) d.entries.set(h, [k, dflt === undefined ? null : dflt])
    return d.entries.get(h)![1]
  },
  update: (d: PyDict, [o], kw) => {
    if (o instanceof PyDict) for (const [h, e] of o.entries) d.set(h, e[0], e[1])
    else if (o !== undefined) for (const p of iterate(o)) { const [k, v] = [...iterate(p)]; d.set(hashKey(k), k, v) }
    for (const [k, v] of kw) d.set(hashKey(k), k, v)
    return null
  },
  copy: (d: PyDict) => { const c = new PyDict(); for (const [h, e] of d.entries) c.entries.set(h, [e[0], e[1]]); return c },
  clear: (d: PyDict) => { d.entries.clear(); return null },
}


function numberAttr(v: bigint | number | boolean, name: string): PyValue | undefined {
  if (typeof v === 'number') {
    if (name === 'real') return v
    if (name === 'imag') return 0
    if (name === 'is_integer') return bound(v, name, () => Number.isInteger(v))
    if (name === 'conjugate') return bound(v, name, () => v)
    return undefined
  }
  const i = typeof v === 'boolean' ? (v ? 1n : 0n) : v
  if (name === 'real' || name === 'numerator') return i
  if (name === 'imag') return 0n
  if (name === 'denominator') return 1n
  if (name === 'bit_length') return bound(v, name, () => BigInt((i < 0n ? -i : i).toString(2).replace(/^0$/, '').length))
  if (name === 'conjugate') return bound(v, name, () => i)
  return undefined
}

function bound(self: PyValue, name: string, fn: (args: PyValue[], kw: Kwargs) => PyValue): PyBuiltin {
  return new PyBuiltin(name, fn, self)
}

function methodFrom(table: Record<string, Method>, self: PyValue, name: string): PyValue | undefined {
  const m = table[name]
  return m ? bound(self, name, (a, kw) => m(self, a, kw)) : undefined
}

export function getAttribute(obj: PyValue, name: string): PyValue {
  let v: PyValue | undefined
  if (name === '__class__') return typeOf(obj)
  if (typeof obj === 'string') v = strMethod(obj, name)
  else if (typeof obj === 'bigint' || typeof obj === 'number' || typeof obj === 'boolean') v = numberAttr(obj, name)
  else if (obj instanceof PyList) v = methodFrom(LIST_METHODS, obj, name)
  else if (obj instanceof PyTuple) v = methodFrom(TUPLE_METHODS, obj, name) ?? obj.getattr?.(name)  // a subclass's own (torch.Size.numel)
  else if (obj instanceof PyDict) v = methodFrom(DICT_METHODS, obj, name)
  else if (obj instanceof PyComplex) v = name === 'real' ? obj.re : name === 'imag' ? obj.im : undefined
  else if (obj instanceof PyObject && obj.getattr) v = obj.getattr(name)
  if (v !== undefined) return v
  if (obj instanceof PyModule) throw pyErr('AttributeError', `module '${obj.name}' has no attribute '${name}'`)
  if (obj instanceof PyClass) throw pyErr('AttributeError', `type object '${obj.name}' has no attribute '${name}'`)
  throw pyErr('AttributeError', `'${attrTypeName(obj)}' object has no attribute '${name}'`)
}

/** The type name attribute errors print: a C extension type's tp_name carries its module ('numpy.ndarray'). */
function attrTypeName(obj: PyValue): string {
  const cls = typeOf(obj)
  return cls.module === 'numpy' || cls.module.startsWith('numpy.') ? cls.qualName : cls.name
}

export function setAttribute(obj: PyValue, name: string, v: PyValue): void {
  if (obj instanceof PyObject && obj.setattr && obj.setattr(name, v)) return
  if (obj instanceof PyObject && obj.getattr && obj.getattr(name) !== undefined) {
    throw pyErr('AttributeError', `attribute '${name}' of '${attrTypeName(obj)}' objects is not writable`)
  }
  throw pyErr('AttributeError', `'${attrTypeName(obj)}' object has no attribute '${name}'`)
}
