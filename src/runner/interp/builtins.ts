// Python's builtin functions and the constructors of the builtin types.
import { INT_MAX_STR_DIGITS } from './repr'
import { pushAll } from './arrays'
import {
  PyObject, PyList, PyTuple, PyDict, PyComplex, PyClass, PyRange, PySlice, PyBuiltin, PyExcInstance,
  BUILTIN_TYPES, ELLIPSIS, fakeAddress, NOT_IMPLEMENTED, type PyValue, type Kwargs
} from './values'
import { pyErr, EXCEPTION_CLASSES } from './exceptions'
import {
  typeOf, typeName, truthy, iterate, length, binop, compare, hashKey, toIndex, asNumber, intToFloat, unaryOp
} from './ops'
import { repr, str, floatRepr } from './repr'
import { formatValue } from './formatting'
import { bindArgs } from './args'
import { getAttribute, setAttribute, sortItems } from './attributes'
import { callValue } from './call'
import { modPow } from './modpow'
import { bytesCtor } from './bytes'
import { descriptorBuiltins } from './classes'

const T = BUILTIN_TYPES

function fn(name: string, f: (args: PyValue[], kw: Kwargs) => PyValue): PyBuiltin { return new PyBuiltin(name, f) }

function noKw(name: string, kw: Kwargs): void {
  if (kw.size) throw pyErr('TypeError', `${name}() takes no keyword arguments`)
}

function nargs(name: string, args: PyValue[], min: number, max: number): void {
  if (args.length < min || args.length > max) {
    if (min === max) throw pyErr('TypeError', `${name}() takes exactly ${min === 1 ? 'one argument' : `${min} arguments`} (${args.length} given)`)
    if (args.length < min) throw pyErr('TypeError', `${name} expected at least ${min} argument${min === 1 ? '' : 's'}, got ${args.length}`)
    throw pyErr('TypeError', `${name} expected at most ${max} argument${max === 1 ? '' : 's'}, got ${args.length}`)
  }
}

export function toInt(v: PyValue, base?: PyValue): bigint {
  if (typeof v === 'bigint') return v
  if (typeof v === 'boolean') return v ? 1n : 0n
  if (typeof v === 'number') {
    if (Number.isNaN(v)) throw pyErr('ValueError', 'cannot convert float NaN to integer')
    if (!Number.isFinite(v)) throw pyErr('OverflowError', 'cannot convert float infinity to integer')
    return BigInt(Math.trunc(v))
  }
  if (typeof v === 'string') {
    const b = base === undefined ? 10 : Number(toIndex(base))
    const t = v.trim().replace(/_/g, '')
    const m = /^([+-]?)(?:0[xob])?([0-9a-z]+)$/i.exec(t)
    const digits = m ? m[2].toLowerCase() : ''
    const valid = m && [...digits].every(c => parseInt(c, 36) < b) && (b !== 10 || /^[+-]?\d+$/.test(t))
    if (!valid) throw pyErr('ValueError', `invalid literal for int() with base ${b}: ${repr(v)}`)
    // CPython 3.11's guard against quadratic conversions: bases that are not powers of two.
    if ((b & (b - 1)) !== 0 && digits.length > INT_MAX_STR_DIGITS) {
      throw pyErr('ValueError', `Exceeds the limit (${INT_MAX_STR_DIGITS} digits) for integer string conversion: value has ${digits.length} digits; use sys.set_int_max_str_digits() to increase the limit`)
    }
    let n = 0n
    if (b === 10) n = BigInt(digits)
    else for (const c of digits) n = n * BigInt(b) + BigInt(parseInt(c, 36))
    return m![1] === '-' ? -n : n
  }
  if (v instanceof PyObject && v.toNumber) {
    const n = v.toNumber()
    if (n !== undefined) return toInt(n)
  }
  throw pyErr('TypeError', `int() argument must be a string, a bytes-like object or a real number, not '${typeName(v)}'`)
}

export function toFloat(v: PyValue): number {
  if (typeof v === 'number') return v
  if (typeof v === 'bigint') return intToFloat(v)
  if (typeof v === 'boolean') return v ? 1 : 0
  if (typeof v === 'string') {
    const t = v.trim().toLowerCase().replace(/_/g, '')
    const special: Record<string, number> = { inf: Infinity, '+inf': Infinity, '-inf': -Infinity, infinity: Infinity, '-infinity': -Infinity, nan: NaN, '+nan': NaN, '-nan': NaN }
    if (t in special) return special[t]
    if (/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/.test(t)) return Number(t)
    throw pyErr('ValueError', `could not convert string to float: ${repr(v)}`)
  }
  if (v instanceof PyObject && v.toNumber) {
    const n = v.toNumber()
    if (n !== undefined) return toFloat(n)
  }
  throw pyErr('TypeError', `float() argument must be a string or a real number, not '${typeName(v)}'`)
}

/**
 * round(x, nd) as CPython does it: on the exact binary value, ties to even. toFixed works on
 * the exact value too but breaks ties away from zero, so exact ties are detected and redone.
 */
/** float.__round__: round(f) is an int (NaN and infinities refused), round(f, nd) a float. */
export function roundFloat(f: number, nd: number | null): PyValue {
  if (nd === null) {
    if (!Number.isFinite(f)) throw pyErr(Number.isNaN(f) ? 'ValueError' : 'OverflowError', Number.isNaN(f) ? 'cannot convert float NaN to integer' : 'cannot convert float infinity to integer')
    return BigInt(roundHalfEven(f, 0).toFixed(0))
  }
  return roundHalfEven(f, nd)
}

function roundHalfEven(x: number, nd: number): number {
  if (!Number.isFinite(x) || x === 0) return x
  if (nd < 0) {
    const m = 10 ** -nd
    const y = x / m
    let r = Math.round(y)
    if (Math.abs(y % 1) === 0.5) r = 2 * Math.round(y / 2)
    return r * m
  }
  if (nd > 100) return x
  const a = Math.abs(x)
  const long = a.toFixed(Math.min(100, nd + 30))
  const point = long.indexOf('.')
  const tail = long.slice(point + 1 + nd)
  let s = a.toFixed(nd)
  if (/^50*$/.test(tail)) {
    // An exact tie: keep the truncated digits when their last digit is even.
    const truncated = long.slice(0, nd === 0 ? point : point + 1 + nd)
    const lastDigit = Number(truncated.replace('.', '').slice(-1))
    if (lastDigit % 2 === 0) s = truncated
  }
  const r = Number(s)
  return x < 0 ? -r : r
}

function minmax(name: 'min' | 'max', args: PyValue[], kw: Kwargs): PyValue {
  const b = bindArgs(name, ['*args', 'key=', 'default='], args, kw)
  const rest = b.__rest!
  if (rest.length === 0) throw pyErr('TypeError', `${name} expected at least 1 argument, got 0`)
  const items = rest.length === 1 ? [...iterate(rest[0])] : rest
  if (items.length === 0) {
    if (b.default !== undefined) return b.default
    throw pyErr('ValueError', `${name}() iterable argument is empty`)
  }
  const key = b.key ?? null
  const keyOf = (v: PyValue) => (key === null ? v : callValue(key, [v]))
  let best = items[0], bestKey = keyOf(best)
  for (const v of items.slice(1)) {
    const k = keyOf(v)
    if (truthy(compare(name === 'min' ? '<' : '>', k, bestKey))) { best = v; bestKey = k }
  }
  return best
}

function makeRange(args: PyValue[], kw: Kwargs): PyRange {
  noKw('range', kw)
  nargs('range', args, 1, 3)
  const ints = args.map(a => {
    try { return toIndex(a) } catch { throw pyErr('TypeError', `'${typeName(a)}' object cannot be interpreted as an integer`) }
  })
  const [start, stop, step] = ints.length === 1 ? [0n, ints[0], 1n] : [ints[0], ints[1], ints[2] ?? 1n]
  if (step === 0n) throw pyErr('ValueError', 'range() arg 3 must not be zero')
  return new PyRange(start, stop, step)
}

function intToBase(name: string, prefix: string, radix: number) {
  return fn(name, (args, kw) => {
    noKw(name, kw); nargs(name, args, 1, 1)
    let i: bigint
    try { i = toIndex(args[0]) } catch { throw pyErr('TypeError', `'${typeName(args[0])}' object cannot be interpreted as an integer`) }
    return (i < 0n ? '-' : '') + prefix + (i < 0n ? -i : i).toString(radix)
  })
}

export function isInstance(v: PyValue, cls: PyValue): boolean {
  if (cls instanceof PyTuple) return cls.items.some(c => isInstance(v, c))
  if (!(cls instanceof PyClass)) throw pyErr('TypeError', 'isinstance() arg 2 must be a type, a tuple of types, or a union')
  return typeOf(v).isSubclassOf(cls)
}

export function installBuiltins(into: Map<string, PyValue>, write: (s: string) => void): void {
  T.int.ctor = (args, kw) => {
    const b = bindArgs('int', ['x=', 'base='], args, kw)
    return b.x === undefined ? 0n : toInt(b.x, b.base)
  }
  T.float.ctor = (args, kw) => { noKw('float', kw); nargs('float', args, 0, 1); return args.length ? toFloat(args[0]) : 0 }
  T.complex.ctor = (args, kw) => {
    noKw('complex', kw)
    const re = args[0] ?? 0n, im = args[1] ?? 0n
    if (re instanceof PyComplex) return re
    return new PyComplex(toFloat(re), toFloat(im))
  }
  T.str.ctor = (args, kw) => { noKw('str', kw); return args.length ? str(args[0]) : '' }
  T.bool.ctor = (args, kw) => { noKw('bool', kw); return args.length ? truthy(args[0]) : false }
  T.list.ctor = (args, kw) => {
    noKw('list', kw)
    const items: PyValue[] = []
    if (args.length) pushAll(items, args[0] instanceof PyList ? args[0].items : iterate(args[0]))
    return new PyList(items)
  }
  T.tuple.ctor = (args, kw) => { noKw('tuple', kw); return args.length && args[0] instanceof PyTuple && args[0].pyClass === T.tuple ? args[0] : new PyTuple(args.length ? [...iterate(args[0])] : []) }
  T.dict.ctor = (args, kw) => {
    const d = new PyDict()
    if (args[0] instanceof PyDict) for (const [h, e] of args[0].entries) d.entries.set(h, [e[0], e[1]])
    else if (args.length) for (const p of iterate(args[0])) { const [k, v] = [...iterate(p)]; d.set(hashKey(k), k, v) }
    for (const [k, v] of kw) d.set(hashKey(k), k, v)
    return d
  }
  T.range.ctor = makeRange
  T.bytes.ctor = (args, kw) => { noKw('bytes', kw); nargs('bytes', args, 0, 1); return bytesCtor(args) }
  T.slice.ctor = (args, kw) => {
    noKw('slice', kw); nargs('slice', args, 1, 3)
    return args.length === 1 ? new PySlice(null, args[0], null) : new PySlice(args[0], args[1], args[2] ?? null)
  }
  T.type.ctor = (args, kw) => {
    noKw('type', kw)
    if (args.length !== 1) throw pyErr('NotImplementedError', 'type() with 3 arguments (creating classes) is not supported')
    return typeOf(args[0])
  }
  T.object.ctor = () => { throw pyErr('NotImplementedError', 'object() instances are not supported') }
  for (const [name, cls] of Object.entries(T)) {
    if (['int', 'float', 'complex', 'str', 'bytes', 'bool', 'list', 'tuple', 'dict', 'range', 'slice', 'type', 'object'].includes(name)) into.set(name, cls)
  }
  for (const [name, cls] of EXCEPTION_CLASSES) if (cls.module === 'builtins') into.set(name, cls)
  into.set('Ellipsis', ELLIPSIS)
  for (const [name, cls] of Object.entries(descriptorBuiltins())) into.set(name, cls)

  const defs: Record<string, (args: PyValue[], kw: Kwargs) => PyValue> = {
    print: (args, kw) => {
      const b = bindArgs('print', ['*values', 'sep=', 'end=', 'file=', 'flush='], args, kw)
      const sep = b.sep === undefined || b.sep === null ? ' ' : b.sep
      const end = b.end === undefined || b.end === null ? '\n' : b.end
      if (typeof sep !== 'string') throw pyErr('TypeError', `sep must be None or a string, not ${typeName(sep)}`)
      if (typeof end !== 'string') throw pyErr('TypeError', `end must be None or a string, not ${typeName(end)}`)
      const text = b.__rest!.map(str).join(sep) + end
      if (b.file !== undefined && b.file !== null) {
        // sys.stdout / sys.stderr or any object with a write() method.
        callValue(getAttribute(b.file, 'write'), [text])
        return null
      }
      write(text)
      return null
    },
    len: (args, kw) => { noKw('len', kw); nargs('len', args, 1, 1); return BigInt(length(args[0])) },
    isinstance: (args, kw) => { noKw('isinstance', kw); nargs('isinstance', args, 2, 2); return isInstance(args[0], args[1]) },
    issubclass: (args) => {
      const [a, c] = args
      if (!(a instanceof PyClass)) throw pyErr('TypeError', 'issubclass() arg 1 must be a class')
      return c instanceof PyTuple ? c.items.some(x => x instanceof PyClass && a.isSubclassOf(x)) : c instanceof PyClass && a.isSubclassOf(c)
    },
    repr: (args, kw) => { noKw('repr', kw); nargs('repr', args, 1, 1); return repr(args[0]) },
    abs: (args, kw) => {
      noKw('abs', kw); nargs('abs', args, 1, 1)
      const v = args[0]
      if (v instanceof PyComplex) return Math.hypot(v.re, v.im)
      if (v instanceof PyObject && v.unary) {
        const r = v.unary('abs')
        if (r !== NOT_IMPLEMENTED) return r
      }
      const n = asNumber(v)
      if (n === undefined) throw pyErr('TypeError', `bad operand type for abs(): '${typeName(v)}'`)
      return typeof n === 'bigint' ? (n < 0n ? -n : n) : Math.abs(n as number)
    },
    min: (a, kw) => minmax('min', a, kw),
    max: (a, kw) => minmax('max', a, kw),
    sum: (args, kw) => {
      const b = bindArgs('sum', ['iterable', 'start='], args, kw)
      let acc: PyValue = b.start ?? 0n
      if (typeof acc === 'string') throw pyErr('TypeError', "sum() can't sum strings [use ''.join(seq) instead]")
      for (const v of iterate(b.iterable!)) acc = binop('+', acc, v)
      return acc
    },
    enumerate: (args, kw) => {
      const b = bindArgs('enumerate', ['iterable', 'start='], args, kw)
      let i = b.start === undefined ? 0n : toIndex(b.start)
      return new PyList([...iterate(b.iterable!)].map(v => new PyTuple([i++, v])))
    },
    zip: (args, kw) => {
      const b = bindArgs('zip', ['*iterables', '*', 'strict='], args, kw)
      const lists = b.__rest!.map(it => [...iterate(it)])
      if (!lists.length) return new PyList([])
      const n = Math.min(...lists.map(l => l.length))
      if (b.strict !== undefined && truthy(b.strict) && lists.some(l => l.length !== n)) {
        throw pyErr('ValueError', 'zip() argument 2 is shorter than argument 1')
      }
      return new PyList(Array.from({ length: n }, (_, i) => new PyTuple(lists.map(l => l[i]))))
    },
    map: (args) => {
      const [f, ...its] = args
      const lists = its.map(it => [...iterate(it)])
      const n = Math.min(...lists.map(l => l.length))
      return new PyList(Array.from({ length: n }, (_, i) => callValue(f, lists.map(l => l[i]))))
    },
    filter: (args) => {
      const [f, it] = args
      return new PyList([...iterate(it)].filter(v => truthy(f === null ? v : callValue(f, [v]))))
    },
    sorted: (args, kw) => {
      nargs('sorted', args, 1, 1)
      const items = args[0] instanceof PyList ? args[0].items.slice() : [...iterate(args[0])]
      sortItems(items, kw)
      return new PyList(items)
    },
    reversed: (args) => { nargs('reversed', args, 1, 1); return new PyList([...iterate(args[0])].reverse()) },
    any: (args) => [...iterate(args[0])].some(truthy),
    all: (args) => [...iterate(args[0])].every(truthy),
    id: (args) => {
      const v = args[0]
      if (v instanceof PyObject) return BigInt('0x' + fakeAddress(v))
      return BigInt('0x' + fakeAddress({ v }))
    },
    hash: (args) => {
      const h = hashKey(args[0])
      let x = 0n
      for (const c of h) x = (x * 31n + BigInt(c.codePointAt(0)!)) & 0x7fffffffffffffffn
      return typeof args[0] === 'bigint' ? args[0] : x
    },
    hex: intToBase('hex', '0x', 16).fn,
    oct: intToBase('oct', '0o', 8).fn,
    bin: intToBase('bin', '0b', 2).fn,
    chr: (args) => String.fromCodePoint(Number(toIndex(args[0]))),
    ord: (args) => {
      const s = args[0]
      if (typeof s !== 'string' || [...s].length !== 1) throw pyErr('TypeError', `ord() expected a character, but string of length ${typeof s === 'string' ? [...s].length : 0} found`)
      return BigInt(s.codePointAt(0)!)
    },
    round: (args, kw) => {
      const b = bindArgs('round', ['number', 'ndigits='], args, kw)
      const x = b.number!
      const nd = b.ndigits === undefined || b.ndigits === null ? null : Number(toIndex(b.ndigits))
      if (typeof x === 'bigint' || typeof x === 'boolean') return nd === null || nd >= 0 ? toInt(x) : toInt(x)
      if (x instanceof PyObject && x.getattr) {
        const m = x.getattr('__round__')
        if (m !== undefined) return callValue(m, nd === null ? [] : [BigInt(nd)])
      }
      return roundFloat(toFloat(x), nd)
    },
    divmod: (args) => {
      // Objects without __divmod__ (torch.Tensor) refuse it, although they have // and %.
      const refuses = args.find(v => v instanceof PyObject && (v as { hasDivmod?: boolean }).hasDivmod === false)
      if (refuses !== undefined) {
        throw pyErr('TypeError', `unsupported operand type(s) for divmod(): '${typeName(args[0])}' and '${typeName(args[1])}'`)
      }
      return new PyTuple([binop('//', args[0], args[1]), binop('%', args[0], args[1])])
    },
    pow: (args, kw) => {
      const b = bindArgs('pow', ['base', 'exp', 'mod='], args, kw)
      return b.mod === undefined || b.mod === null ? binop('**', b.base!, b.exp!) : modPow(b.base!, b.exp!, b.mod)
    },
    callable: (args) => {
      const v = args[0]
      return v instanceof PyObject && (typeof v.call === 'function' || v instanceof PyClass || typeName(v) === 'function')
    },
    hasattr: (args) => {
      try { getAttribute(args[0], String(args[1])); return true } catch (e) {
        if (e instanceof Error && /AttributeError/.test(e.message)) return false
        throw e
      }
    },
    getattr: (args) => {
      if (typeof args[1] !== 'string') throw pyErr('TypeError', 'attribute name must be string')
      if (args.length > 2) {
        try { return getAttribute(args[0], args[1]) } catch (e) {
          if (e instanceof Error && /AttributeError/.test(e.message)) return args[2]
          throw e
        }
      }
      return getAttribute(args[0], args[1])
    },
    setattr: (args) => { setAttribute(args[0], String(args[1]), args[2]); return null },
    format: (args) => formatValue(args[0], args.length > 1 ? String(args[1]) : ''),
    iter: (args) => new PyList([...iterate(args[0])]),
    input: () => { throw pyErr('NotImplementedError', 'input() is not supported (the runner has no stdin)') },
    open: () => { throw pyErr('NotImplementedError', 'open() is not supported by the Stridescope runner') },
    exit: () => { throw pyErr('NotImplementedError', 'exit() is not supported by the Stridescope runner') },
  }
  for (const [name, f] of Object.entries(defs)) into.set(name, fn(name, f))
  void unaryOp; void floatRepr; void PyExcInstance
}
