// Subscription of Python's own containers (list, tuple, str, dict, range); library objects
// answer through their getitem/setitem hooks.
import { PyObject, PyList, PyTuple, PyDict, PySlice, PyRange, PyExcInstance, type PyValue } from './values'
import { pyErr, PyException, excClass } from './exceptions'
import { hashKey, typeName, toIndex } from './ops'
import { replaceRange } from './arrays'

/** slice.indices(len): Python's clamping rules for start, stop and step. */
export function sliceIndices(s: PySlice, len: number): { start: number; stop: number; step: number; count: number } {
  const get = (v: PyValue, what: string) => {
    if (v === null) return null
    try { return Number(toIndex(v)) } catch {
      throw pyErr('TypeError', `slice indices must be integers or None or have an __index__ method${what}`)
    }
  }
  const step = get(s.step, '') ?? 1
  if (step === 0) throw pyErr('ValueError', 'slice step cannot be zero')
  const neg = step < 0
  const clamp = (v: number | null, dflt: number) => {
    if (v === null) return dflt
    if (v < 0) { v += len; if (v < 0) v = neg ? -1 : 0 }
    else if (v >= len) v = neg ? len - 1 : len
    return v
  }
  const start = clamp(get(s.start, ''), neg ? len - 1 : 0)
  const stop = clamp(get(s.stop, ''), neg ? -1 : len)
  const count = neg ? (stop < start ? Math.floor((start - stop - 1) / -step) + 1 : 0) : (start < stop ? Math.floor((stop - start - 1) / step) + 1 : 0)
  return { start, stop, step, count }
}

function seqIndex(kind: string, len: number, key: PyValue): number {
  let i: bigint
  try { i = toIndex(key) } catch {
    throw pyErr('TypeError', `${kind} indices must be integers or slices, not ${typeName(key)}`)
  }
  const n = i < 0n ? i + BigInt(len) : i
  if (n < 0n || n >= BigInt(len)) throw pyErr('IndexError', `${kind} index out of range`)
  return Number(n)
}

function sliceOf<T>(items: readonly T[], s: PySlice): T[] {
  const { start, step, count } = sliceIndices(s, items.length)
  const out: T[] = []
  for (let k = 0, i = start; k < count; k++, i += step) out.push(items[i])
  return out
}

export function getItem(obj: PyValue, key: PyValue): PyValue {
  if (obj instanceof PyList || obj instanceof PyTuple) {
    const kind = obj instanceof PyList ? 'list' : 'tuple'
    if (key instanceof PySlice) return obj instanceof PyList ? new PyList(sliceOf(obj.items, key)) : obj.derived(sliceOf(obj.items, key))
    return obj.items[seqIndex(kind, obj.items.length, key)]
  }
  if (typeof obj === 'string') {
    const chars = [...obj]
    if (key instanceof PySlice) return sliceOf(chars, key).join('')
    return chars[seqIndex('string', chars.length, key)]
  }
  if (obj instanceof PyDict) {
    const e = obj.entries.get(hashKey(key))
    if (!e) throw keyError(key)
    return e[1]
  }
  if (obj instanceof PyRange) {
    if (key instanceof PySlice) throw pyErr('NotImplementedError', 'slicing a range is not supported')
    const i = seqIndex('range object', obj.len(), key)
    return obj.start + BigInt(i) * obj.step
  }
  if (obj instanceof PyObject && obj.getitem) return obj.getitem(key)
  throw pyErr('TypeError', `'${typeName(obj)}' object is not subscriptable`)
}

function keyError(key: PyValue): PyException {
  return new PyException(new PyExcInstance(excClass('KeyError'), [key]))
}

export function setItem(obj: PyValue, key: PyValue, v: PyValue): void {
  if (obj instanceof PyList) {
    if (key instanceof PySlice) {
      const { start, step, count } = sliceIndices(key, obj.items.length)
      const vals = v instanceof PyObject && v.iter ? [...v.iter()] : typeof v === 'string' ? [...v] : null
      if (!vals) throw pyErr('TypeError', 'can only assign an iterable')
      if (step === 1) { replaceRange(obj.items, start, count, vals); return }
      if (vals.length !== count) throw pyErr('ValueError', `attempt to assign sequence of size ${vals.length} to extended slice of size ${count}`)
      for (let k = 0, i = start; k < count; k++, i += step) obj.items[i] = vals[k]
      return
    }
    obj.items[seqIndex('list assignment', obj.items.length, key)] = v
    return
  }
  if (obj instanceof PyDict) { obj.set(hashKey(key), key, v); return }
  if (obj instanceof PyObject && obj.setitem) { obj.setitem(key, v); return }
  throw pyErr('TypeError', `'${typeName(obj)}' object does not support item assignment`)
}

export function delItem(obj: PyValue, key: PyValue): void {
  if (obj instanceof PyList) {
    if (key instanceof PySlice) {
      const { start, step, count } = sliceIndices(key, obj.items.length)
      const drop = new Set<number>()
      for (let k = 0, i = start; k < count; k++, i += step) drop.add(i)
      obj.items = obj.items.filter((_, i) => !drop.has(i))
      return
    }
    obj.items.splice(seqIndex('list assignment', obj.items.length, key), 1)
    return
  }
  if (obj instanceof PyDict) {
    if (!obj.entries.delete(hashKey(key))) throw keyError(key)
    return
  }
  if (obj instanceof PyObject && obj.delitem) { obj.delitem(key); return }
  throw pyErr('TypeError', `'${typeName(obj)}' object does not support item deletion`)
}
