// Python's bytes: immutable byte strings (b'...' literals, bytes(n), bytes([...])), enough for
// the buffers NumPy reads and writes (np.frombuffer, ndarray.tobytes).
import { PyObject, PySlice, BUILTIN_TYPES, NOT_IMPLEMENTED, type PyValue } from './values'
import { pyErr } from './exceptions'
import { toIndex, typeName, iterate } from './ops'
import { sliceIndices } from './subscript'

export class PyBytes extends PyObject {
  constructor(readonly data: Uint8Array) { super() }
  get pyClass() { return BUILTIN_TYPES.bytes }

  /** CPython's bytes_repr: single quotes unless the bytes hold ' and no ". */
  repr(): string {
    const d = this.data
    const quote = d.includes(0x27) && !d.includes(0x22) ? '"' : "'"
    let s = 'b' + quote
    for (const c of d) {
      if (c === 0x5c) s += '\\\\'
      else if (c === quote.charCodeAt(0)) s += '\\' + quote
      else if (c === 0x09) s += '\\t'
      else if (c === 0x0a) s += '\\n'
      else if (c === 0x0d) s += '\\r'
      else if (c < 0x20 || c >= 0x7f) s += '\\x' + c.toString(16).padStart(2, '0')
      else s += String.fromCharCode(c)
    }
    return s + quote
  }
  str(): string { return this.repr() }
  len(): number { return this.data.length }
  truthy(): boolean { return this.data.length > 0 }
  *iter(): Iterable<PyValue> { for (const c of this.data) yield BigInt(c) }
  hashKey(): string { return 'bytes:' + Array.from(this.data).join(',') }

  getitem(key: PyValue): PyValue {
    const n = this.data.length
    if (key instanceof PySlice) {
      const { start, step, count } = sliceIndices(key, n)
      const out = new Uint8Array(count)
      for (let k = 0; k < count; k++) out[k] = this.data[start + k * step]
      return new PyBytes(out)
    }
    let i: number
    try { i = Number(toIndex(key)) } catch { throw pyErr('TypeError', `byte indices must be integers or slices, not ${typeName(key)}`) }
    if (i < 0) i += n
    if (i < 0 || i >= n) throw pyErr('IndexError', 'index out of range')
    return BigInt(this.data[i])
  }

  compare(op: string, other: PyValue): PyValue | typeof NOT_IMPLEMENTED {
    if (!(other instanceof PyBytes)) return op === '==' ? false : op === '!=' ? true : NOT_IMPLEMENTED
    const a = this.data, b = other.data
    let c = 0
    for (let i = 0; i < Math.min(a.length, b.length) && c === 0; i++) c = a[i] - b[i]
    if (c === 0) c = a.length - b.length
    switch (op) {
      case '==': return c === 0
      case '!=': return c !== 0
      case '<': return c < 0
      case '<=': return c <= 0
      case '>': return c > 0
      case '>=': return c >= 0
    }
    return NOT_IMPLEMENTED
  }

  binop(op: string, other: PyValue, reflected: boolean): PyValue | typeof NOT_IMPLEMENTED {
    if (op === '*' && (typeof other === 'bigint' || typeof other === 'boolean')) {
      const n = Math.max(0, Number(other))
      const out = new Uint8Array(this.data.length * n)
      for (let k = 0; k < n; k++) out.set(this.data, k * this.data.length)
      return new PyBytes(out)
    }
    if (op !== '+' || !(other instanceof PyBytes) || reflected) return NOT_IMPLEMENTED
    const out = new Uint8Array(this.data.length + other.data.length)
    out.set(this.data)
    out.set(other.data, this.data.length)
    return new PyBytes(out)
  }
}

/** bytes() / bytes(n) / bytes(iterable of ints in range(256)). */
export function bytesCtor(args: PyValue[]): PyBytes {
  if (args.length === 0) return new PyBytes(new Uint8Array(0))
  const v = args[0]
  if (v instanceof PyBytes) return v
  if (typeof v === 'bigint') {
    if (v < 0n) throw pyErr('ValueError', 'negative count')
    return new PyBytes(new Uint8Array(Number(v)))
  }
  if (typeof v === 'string') throw pyErr('TypeError', 'string argument without an encoding')
  const out: number[] = []
  for (const x of iterate(v)) {
    let i: bigint
    try { i = toIndex(x) } catch { throw pyErr('TypeError', `'${typeName(x)}' object cannot be interpreted as an integer`) }
    if (i < 0n || i > 255n) throw pyErr('ValueError', 'bytes must be in range(0, 256)')
    out.push(Number(i))
  }
  return new PyBytes(Uint8Array.from(out))
}

/** The bytes of a b'...' literal body (escapes already decoded): code points < 128 (\x escapes < 256). */
export function literalBytes(text: string): number[] {
  return Array.from(text, (ch) => ch.charCodeAt(0) & 0xff)
}
