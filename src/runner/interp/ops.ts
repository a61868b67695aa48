// Python's operators over the value model: arithmetic with int/float/complex promotion,
// floor division and modulo with Python's sign rules, comparisons, truthiness, hashing.
// Library objects take part through the PyObject hooks (binop, compare, ...).
import { reserveHeap, memoryError, CHAR_BYTES } from './heap'
import {
  PyObject, PyList, PyTuple, PyDict, PyComplex, PyClass, PyRange, NOT_IMPLEMENTED, BUILTIN_TYPES,
  fakeAddress, type PyValue
} from './values'
import { pyErr } from './exceptions'
import { repr } from './repr'
import { pushAll } from './arrays'

export function typeOf(v: PyValue): PyClass {
  if (v === null) return BUILTIN_TYPES.NoneType
  switch (typeof v) {
    case 'boolean': return BUILTIN_TYPES.bool
    case 'bigint': return BUILTIN_TYPES.int
    case 'number': return BUILTIN_TYPES.float
    case 'string': return BUILTIN_TYPES.str
  }
  return v.pyClass
}

export const typeName = (v: PyValue): string => typeOf(v).name

export function truthy(v: PyValue): boolean {
  if (v === null) return false
  switch (typeof v) {
    case 'boolean': return v
    case 'bigint': return v !== 0n
    case 'number': return v !== 0
    case 'string': return v.length > 0
  }
  if (v.truthy) return v.truthy()
  if (v.len) return v.len() > 0
  return true
}

type Num = bigint | number | PyComplex

/** int/float/complex view of a value (bool is an int), or undefined. */
export function asNumber(v: PyValue): Num | undefined {
  if (typeof v === 'bigint' || typeof v === 'number') return v
  if (typeof v === 'boolean') return v ? 1n : 0n
  if (v instanceof PyComplex) return v
  return undefined
}

export function intToFloat(i: bigint): number {
  const f = Number(i)
  if (!Number.isFinite(f)) throw pyErr('OverflowError', 'int too large to convert to float')
  return f
}

const toF = (n: bigint | number) => (typeof n === 'bigint' ? intToFloat(n) : n)

function floorDivInt(a: bigint, b: bigint): bigint {
  const q = a / b
  return (a % b !== 0n) && ((a < 0n) !== (b < 0n)) ? q - 1n : q
}

function floatMod(a: number, b: number): number {
  const m = a % b
  if (m === 0) return b < 0 ? -0 : 0
  return (m < 0) !== (b < 0) ? m + b : m
}

function numericBinop(op: string, a: Num, b: Num): PyValue | typeof NOT_IMPLEMENTED {
  if (a instanceof PyComplex || b instanceof PyComplex) return complexBinop(op, a, b)
  if (typeof a === 'bigint' && typeof b === 'bigint') {
    switch (op) {
      case '+': return a + b
      case '-': return a - b
      case '*': return a * b
      case '/':
        if (b === 0n) throw pyErr('ZeroDivisionError', 'division by zero')
        return intTrueDiv(a, b)
      case '//':
        if (b === 0n) throw pyErr('ZeroDivisionError', 'integer division or modulo by zero')
        return floorDivInt(a, b)
      case '%':
        if (b === 0n) throw pyErr('ZeroDivisionError', 'integer modulo by zero')
        return a - floorDivInt(a, b) * b
      case '**':
        if (b < 0n) return numericBinop('**', intToFloat(a), intToFloat(b))
        if (b > 100000n && a !== 0n && a !== 1n && a !== -1n) throw pyErr('MemoryError', '')
        return a ** b
      case '<<':
        if (b < 0n) throw pyErr('ValueError', 'negative shift count')
        return a << b
      case '>>':
        if (b < 0n) throw pyErr('ValueError', 'negative shift count')
        return a >> b
      case '&': return a & b
      case '|': return a | b
      case '^': return a ^ b
    }
    return NOT_IMPLEMENTED
  }
  const x = toF(a), y = toF(b)
  switch (op) {
    case '+': return x + y
    case '-': return x - y
    case '*': return x * y
    case '/':
      if (y === 0) throw pyErr('ZeroDivisionError', 'float division by zero')
      return x / y
    case '//':
      if (y === 0) throw pyErr('ZeroDivisionError', 'float floor division by zero')
      return Math.floor(x / y)
    case '%':
      if (y === 0) throw pyErr('ZeroDivisionError', 'float modulo')
      return floatMod(x, y)
    case '**': {
      if (x === 0 && y < 0) throw pyErr('ZeroDivisionError', '0.0 cannot be raised to a negative power')
      if (x < 0 && !Number.isInteger(y)) return complexPow(new PyComplex(x, 0), new PyComplex(y, 0))
      const r = x ** y
      if (!Number.isFinite(r) && Number.isFinite(x) && Number.isFinite(y)) throw pyErr('OverflowError', "(34, 'Numerical result out of range')")
      return r
    }
  }
  return NOT_IMPLEMENTED
}

/** int / int rounded once, as CPython does for exact quotients of big ints. */
function intTrueDiv(a: bigint, b: bigint): number {
  const fa = Number(a), fb = Number(b)
  if (Number.isSafeInteger(fa) && Number.isSafeInteger(fb)) return fa / fb
  return intToFloat(a) / intToFloat(b)
}

const cx = (v: Num) => (v instanceof PyComplex ? v : new PyComplex(toF(v), 0))

const cmul = (a: PyComplex, b: PyComplex) => new PyComplex(a.re * b.re - a.im * b.im, a.re * b.im + a.im * b.re)

/** CPython's _Py_c_quot (Smith's scaling), so results match to the bit. */
function cquot(a: PyComplex, b: PyComplex): PyComplex {
  const abr = Math.abs(b.re), abi = Math.abs(b.im)
  if (abr >= abi) {
    if (abr === 0) throw pyErr('ZeroDivisionError', 'complex division by zero')
    const ratio = b.im / b.re, denom = b.re + b.im * ratio
    return new PyComplex((a.re + a.im * ratio) / denom, (a.im - a.re * ratio) / denom)
  }
  if (abi >= abr) {
    const ratio = b.re / b.im, denom = b.re * ratio + b.im
    return new PyComplex((a.re * ratio + a.im) / denom, (a.im * ratio - a.re) / denom)
  }
  return new PyComplex(NaN, NaN)
}

/** CPython's _Py_c_pow (Objects/complexobject.c), step for step, so results match to the bit. */
function complexPow(a: PyComplex, b: PyComplex): PyComplex {
  if (b.re === 0 && b.im === 0) return new PyComplex(1, 0)
  // Small integral exponents go through repeated squaring (c_powi), as CPython does.
  if (b.im === 0 && Number.isInteger(b.re) && Math.abs(b.re) <= 100) {
    let n = Math.abs(b.re), r = new PyComplex(1, 0), p = a
    for (let mask = 1; mask > 0 && n >= mask; mask <<= 1) {
      if (n & mask) r = cmul(r, p)
      p = cmul(p, p)
    }
    void n
    return b.re > 0 ? r : cquot(new PyComplex(1, 0), r)
  }
  if (a.re === 0 && a.im === 0) {
    if (b.im !== 0 || b.re < 0) throw pyErr('ZeroDivisionError', 'zero to a negative or complex power')
    return new PyComplex(0, 0)
  }
  const vabs = Math.hypot(a.re, a.im)
  let len = Math.pow(vabs, b.re)
  const at = Math.atan2(a.im, a.re)
  let phase = at * b.re
  if (b.im !== 0) {
    len /= Math.exp(at * b.im)
    phase += b.im * Math.log(vabs)
  }
  return new PyComplex(len * Math.cos(phase), len * Math.sin(phase))
}

function complexBinop(op: string, av: Num, bv: Num): PyValue | typeof NOT_IMPLEMENTED {
  const a = cx(av), b = cx(bv)
  switch (op) {
    case '+': return new PyComplex(a.re + b.re, a.im + b.im)
    case '-': return new PyComplex(a.re - b.re, a.im - b.im)
    case '*': return cmul(a, b)
    case '/': return cquot(a, b)
    case '**': return complexPow(a, b)
  }
  if (op === '//' || op === '%') throw pyErr('TypeError', `unsupported operand type(s) for ${op}: 'complex' and 'complex'`)
  return NOT_IMPLEMENTED
}

/** len() of a str: code points, counted without building an array of them. */
function codePointCount(s: string): number {
  let pairs = 0
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i)
    if (c >= 0xd800 && c < 0xdc00 && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1)
      if (d >= 0xdc00 && d < 0xe000) { pairs++; i++ }
    }
  }
  return s.length - pairs
}

/**
 * Elements V8 keeps in a plain array made by new Array(n). Past 32M it makes a dictionary
 * (80 bytes and a hash lookup per element: [0] * 10**8 took 47 s and 8 GB), so longer lists
 * are joined from blocks of this size (concat makes a flat array of the whole length).
 */
const FLAT_BLOCK = 1 << 24

/** items * k, checked against the heap first ([0] * 10**12 is MemoryError, as in CPython). */
function repeatItems(items: readonly PyValue[], k: number): PyValue[] {
  const n = items.length * k
  if (n === 0) return []
  if (n > 2 ** 32 - 1) throw memoryError()
  reserveHeap(n)
  const period = items.length
  const fill = (len: number): PyValue[] => {
    const out = new Array<PyValue>(len)
    if (period === 1) return out.fill(items[0])
    for (let i = 0; i < len; i++) out[i] = items[i % period]
    return out
  }
  if (n <= FLAT_BLOCK) return fill(n)
  // Whole periods per block, so that blocks join seamlessly.
  const block = period >= FLAT_BLOCK ? items.slice() : fill(period * Math.floor(FLAT_BLOCK / period))
  const parts: PyValue[][] = []
  for (let left = n; left > 0; left -= block.length) parts.push(left >= block.length ? block : block.slice(0, left))
  return ([] as PyValue[]).concat(...parts)
}

function seqBinop(op: string, a: PyValue, b: PyValue): PyValue | typeof NOT_IMPLEMENTED {
  if (op === '+') {
    if (typeof a === 'string' && typeof b === 'string') {
      reserveHeap(a.length + b.length, CHAR_BYTES)
      return a + b
    }
    if (a instanceof PyList && b instanceof PyList) {
      reserveHeap(a.items.length + b.items.length)
      return new PyList(a.items.concat(b.items))
    }
    if (a instanceof PyTuple && b instanceof PyTuple) {
      reserveHeap(a.items.length + b.items.length)
      return a.derived(a.items.concat(b.items))
    }
  }
  if (op === '*') {
    const [seq, n] = asNumber(a) !== undefined && typeof a !== 'number' ? [b, a] : [a, b]
    const count = typeof n === 'boolean' ? (n ? 1 : 0) : typeof n === 'bigint' ? Number(n) : NaN
    if (Number.isNaN(count)) return NOT_IMPLEMENTED
    const k = Math.max(0, count)
    if (typeof seq === 'string') {
      reserveHeap(seq.length * k, CHAR_BYTES)
      return seq.repeat(k)
    }
    if (seq instanceof PyList) return new PyList(repeatItems(seq.items, k))
    if (seq instanceof PyTuple) return seq.derived(repeatItems(seq.items, k))
  }
  if (op === '%' && typeof a === 'string') return percentFormat(a, b)
  return NOT_IMPLEMENTED
}

let percentFormatter: (fmt: string, args: PyValue) => string = () => { throw pyErr('NotImplementedError', '% formatting') }
export function setPercentFormatter(fn: (fmt: string, args: PyValue) => string): void { percentFormatter = fn }
function percentFormat(fmt: string, args: PyValue): string { return percentFormatter(fmt, args) }

const OP_SYMBOL: Record<string, string> = { '@': '@' }

export function binop(op: string, a: PyValue, b: PyValue): PyValue {
  // A library object on either side gets first say (subclass rules do not matter here).
  if (a instanceof PyObject && a.binop) {
    const r = a.binop(op, b, false)
    if (r !== NOT_IMPLEMENTED) return r
  }
  if (b instanceof PyObject && b.binop) {
    const r = b.binop(op, a, true)
    if (r !== NOT_IMPLEMENTED) return r
  }
  const na = asNumber(a), nb = asNumber(b)
  if (na !== undefined && nb !== undefined) {
    if (typeof a === 'boolean' && typeof b === 'boolean' && (op === '&' || op === '|' || op === '^')) {
      return op === '&' ? a && b : op === '|' ? a || b : a !== b
    }
    const r = numericBinop(op, na, nb)
    if (r !== NOT_IMPLEMENTED) return r
  } else {
    const r = seqBinop(op, a, b)
    if (r !== NOT_IMPLEMENTED) return r
  }
  if (op === '+' && (typeof a === 'string' || a instanceof PyList || a instanceof PyTuple)) {
    const t = typeName(a)
    throw pyErr('TypeError', `can only concatenate ${t} (not "${typeName(b)}") to ${t}`)
  }
  throw pyErr('TypeError', `unsupported operand type(s) for ${OP_SYMBOL[op] ?? op}: '${typeName(a)}' and '${typeName(b)}'`)
}

/** `a op= b`: __iop__ when the object has one (arrays, lists), else a op b. */
export function inplaceOp(op: string, a: PyValue, b: PyValue): PyValue {
  if (a instanceof PyObject && a.inplace) {
    const r = a.inplace(op, b)
    if (r !== NOT_IMPLEMENTED) return r
  }
  if (a instanceof PyList && op === '+') {
    pushAll(a.items, b instanceof PyList ? b.items.slice() : iterate(b))
    return a
  }
  if (a instanceof PyList && op === '*') {
    const r = binop('*', a, b) as PyList
    a.items = r.items
    return a
  }
  return binop(op, a, b)
}

export function unaryOp(op: '-' | '+' | '~', v: PyValue): PyValue {
  if (v instanceof PyObject && v.unary) {
    const r = v.unary(op)
    if (r !== NOT_IMPLEMENTED) return r
  }
  const n = asNumber(v)
  if (n !== undefined) {
    if (n instanceof PyComplex) {
      if (op === '-') return new PyComplex(-n.re, -n.im)
      if (op === '+') return n
    } else if (op === '~') {
      if (typeof n === 'bigint') return ~n
    } else if (typeof n === 'bigint') return op === '-' ? -n : n
    else return op === '-' ? -n : n
  }
  throw pyErr('TypeError', `bad operand type for unary ${op}: '${typeName(v)}'`)
}

// ---------- comparisons ----------

function numCmp(a: bigint | number, b: bigint | number): number {
  if (typeof a === 'bigint' && typeof b === 'bigint') return a < b ? -1 : a > b ? 1 : 0
  if (typeof a === 'number' && typeof b === 'number') return a < b ? -1 : a > b ? 1 : a === b ? 0 : NaN
  // Mixed int/float: compare exactly when the float is integral.
  const [i, f, flip] = typeof a === 'bigint' ? [a, b as number, 1] : [b as bigint, a as number, -1]
  if (Number.isNaN(f)) return NaN
  if (!Number.isFinite(f)) return (f > 0 ? -1 : 1) * flip
  if (Number.isInteger(f)) { const fi = BigInt(f); return (i < fi ? -1 : i > fi ? 1 : 0) * flip }
  const fi = Number(i)
  return (fi < f ? -1 : 1) * flip
}

export function equals(a: PyValue, b: PyValue): boolean {
  if (a === b) return typeof a !== 'number' || !Number.isNaN(a)
  const na = asNumber(a), nb = asNumber(b)
  if (na !== undefined && nb !== undefined) {
    if (na instanceof PyComplex || nb instanceof PyComplex) {
      const x = cx(na), y = cx(nb)
      return x.re === y.re && x.im === y.im
    }
    return numCmp(na, nb) === 0
  }
  if (a instanceof PyList && b instanceof PyList || a instanceof PyTuple && b instanceof PyTuple) {
    const x = (a as PyList).items, y = (b as PyList).items
    return x.length === y.length && x.every((v, i) => v === y[i] || equals(v, y[i]))
  }
  if (a instanceof PyDict && b instanceof PyDict) {
    if (a.entries.size !== b.entries.size) return false
    for (const [k, [, v]] of a.entries) {
      const o = b.entries.get(k)
      if (!o || !equals(v, o[1])) return false
    }
    return true
  }
  if (a instanceof PyRange && b instanceof PyRange) return repr(a) === repr(b)
  return false
}

function orderCmp(op: string, a: PyValue, b: PyValue): boolean {
  const na = asNumber(a), nb = asNumber(b)
  let c: number
  if (na !== undefined && nb !== undefined && !(na instanceof PyComplex) && !(nb instanceof PyComplex)) c = numCmp(na, nb)
  else if (typeof a === 'string' && typeof b === 'string') c = a < b ? -1 : a > b ? 1 : 0
  else if ((a instanceof PyList && b instanceof PyList) || (a instanceof PyTuple && b instanceof PyTuple)) {
    const x = (a as PyList).items, y = (b as PyList).items
    let i = 0
    while (i < x.length && i < y.length && equals(x[i], y[i])) i++
    if (i < x.length && i < y.length) return orderCmp(op, x[i], y[i])
    c = x.length - y.length
  } else {
    throw pyErr('TypeError', `'${op}' not supported between instances of '${typeName(a)}' and '${typeName(b)}'`)
  }
  switch (op) {
    case '<': return c < 0
    case '<=': return c <= 0
    case '>': return c > 0
    default: return c >= 0
  }
}

const SWAPPED: Record<string, string> = { '<': '>', '>': '<', '<=': '>=', '>=': '<=', '==': '==', '!=': '!=' }

export function compare(op: string, a: PyValue, b: PyValue): PyValue {
  switch (op) {
    case 'is': return identical(a, b)
    case 'is not': return !identical(a, b)
    case 'in': return contains(b, a)
    case 'not in': return !contains(b, a)
  }
  if (a instanceof PyObject && a.compare) {
    const r = a.compare(op, b)
    if (r !== NOT_IMPLEMENTED) return r
  }
  if (b instanceof PyObject && b.compare) {
    const r = b.compare(SWAPPED[op], a)
    if (r !== NOT_IMPLEMENTED) return r
  }
  if (op === '==') return equals(a, b)
  if (op === '!=') return !equals(a, b)
  return orderCmp(op, a, b)
}

export function identical(a: PyValue, b: PyValue): boolean {
  // Small ints and interned strings are identical in CPython; floats compare by value here.
  return a === b || (typeof a === 'number' && typeof b === 'number' && Object.is(a, b))
}

export function contains(container: PyValue, v: PyValue): boolean {
  if (typeof container === 'string') {
    if (typeof v !== 'string') throw pyErr('TypeError', `'in <string>' requires string as left operand, not ${typeName(v)}`)
    return container.includes(v)
  }
  if (container instanceof PyDict) return container.entries.has(hashKey(v))
  if (container instanceof PyObject && container.contains) return container.contains(v)
  if (container instanceof PyObject && container.iter) {
    for (const x of container.iter()) if (identical(x, v) || equals(x, v)) return true
    return false
  }
  throw pyErr('TypeError', `argument of type '${typeName(container)}' is not iterable`)
}

// ---------- hashing and iteration ----------

export function hashKey(v: PyValue): string {
  if (v === null) return 'None'
  switch (typeof v) {
    case 'boolean': return 'n:' + (v ? '1' : '0')
    case 'bigint': return 'n:' + v.toString()
    case 'number': return Number.isInteger(v) ? 'n:' + BigInt(v).toString() : 'f:' + String(v)
    case 'string': return 's:' + v
  }
  if (v instanceof PyTuple) return 't(' + v.items.map(hashKey).join(',') + ')'
  if (v instanceof PyList || v instanceof PyDict) throw pyErr('TypeError', `unhashable type: '${typeName(v)}'`)
  if (v.hashKey) return v.hashKey()
  return 'id:' + fakeAddress(v)
}

export function iterate(v: PyValue): Iterable<PyValue> {
  if (typeof v === 'string') return [...v]
  if (v instanceof PyObject && v.iter) return v.iter()
  throw pyErr('TypeError', `'${typeName(v)}' object is not iterable`)
}

export function length(v: PyValue): number {
  if (typeof v === 'string') return codePointCount(v)
  if (v instanceof PyObject && v.len) return v.len()
  throw pyErr('TypeError', `object of type '${typeName(v)}' has no len()`)
}

/** An index from any int-like value (__index__). */
export function toIndex(v: PyValue, what = 'indices'): bigint {
  if (typeof v === 'bigint') return v
  if (typeof v === 'boolean') return v ? 1n : 0n
  if (v instanceof PyObject && v.toNumber) {
    const n = v.toNumber()
    if (typeof n === 'bigint') return n
    if (typeof n === 'boolean') return n ? 1n : 0n
  }
  throw pyErr('TypeError', `${what} must be integers or slices, not ${typeName(v)}`)
}
