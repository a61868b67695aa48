// dtype objects of both libraries and the parsing of every way a snippet names a dtype:
// np.float32 (a scalar type), np.dtype('f4'), 'float32', float/int/bool/complex,
// torch.float32 / torch.float / torch.long ...
import type { DTypeName } from '../../engine/types'
import { PyObject, PyClass, PyBuiltin, PyList, PyTuple, BUILTIN_TYPES, NOT_IMPLEMENTED, type PyValue } from '../interp/values'
import { bindArgs } from '../interp/args'
import { canCast } from './cast_rules'
import { pyErr } from '../interp/exceptions'
import { typeName } from '../interp/ops'
import { strRepr } from '../interp/repr'

import { ITEMSIZE } from './dtype_sizes'
export { ITEMSIZE }

export const isFloatDtype = (d: DTypeName) => d === 'float16' || d === 'bfloat16' || d === 'float32' || d === 'float64'
export const isComplexDtype = (d: DTypeName) => d === 'complex64' || d === 'complex128'
export const isIntDtype = (d: DTypeName) => /int/.test(d)

// NumPy's one-letter kind and the array-protocol type string ('<f8').
const NP_KIND: Record<DTypeName, string> = {
  bool: 'b', int8: 'i', int16: 'i', int32: 'i', int64: 'i', uint8: 'u', uint16: 'u', uint32: 'u', uint64: 'u',
  float16: 'f', bfloat16: 'V', float32: 'f', float64: 'f', complex64: 'c', complex128: 'c',
}
const NP_CHAR: Record<DTypeName, string> = {
  bool: '?', int8: 'b', int16: 'h', int32: 'i', int64: 'l', uint8: 'B', uint16: 'H', uint32: 'I', uint64: 'L',
  float16: 'e', bfloat16: 'V', float32: 'f', float64: 'd', complex64: 'F', complex128: 'D',
}

const NP_ALIASES: Record<string, DTypeName> = {
  bool: 'bool', bool_: 'bool', '?': 'bool', b1: 'bool',
  int8: 'int8', i1: 'int8', byte: 'int8', b: 'int8',
  int16: 'int16', i2: 'int16', short: 'int16', h: 'int16',
  int32: 'int32', i4: 'int32', intc: 'int32', i: 'int32',
  int64: 'int64', i8: 'int64', int: 'int64', int_: 'int64', intp: 'int64', long: 'int64', l: 'int64', q: 'int64', longlong: 'int64',
  uint8: 'uint8', u1: 'uint8', ubyte: 'uint8', B: 'uint8',
  uint16: 'uint16', u2: 'uint16', ushort: 'uint16', H: 'uint16',
  uint32: 'uint32', u4: 'uint32', uintc: 'uint32', I: 'uint32',
  uint64: 'uint64', u8: 'uint64', uint: 'uint64', uintp: 'uint64', L: 'uint64', Q: 'uint64',
  float16: 'float16', f2: 'float16', half: 'float16', e: 'float16',
  float32: 'float32', f4: 'float32', single: 'float32', f: 'float32',
  float64: 'float64', f8: 'float64', float: 'float64', double: 'float64', d: 'float64', float_: 'float64',
  complex64: 'complex64', c8: 'complex64', csingle: 'complex64', F: 'complex64',
  complex128: 'complex128', c16: 'complex128', complex: 'complex128', cdouble: 'complex128', D: 'complex128',
}

/** Dtypes NumPy has and the engine does not (strings, bytes, objects, voids, datetimes, long doubles). */
const NP_UNSUPPORTED_DTYPE = /^([USVO]\d*|[Mm]8(\[\w+\])?|(datetime64|timedelta64)(\[\w+\])?|str_?|bytes_?|object_?|void|longdouble|clongdouble|float128|complex256|f16|c32|[gG])$/

/**
 * `np.dtype(...)` objects. `bigEndian` marks a non-native byte order ('>f8'), which
 * arrays loaded from big-endian files keep (as np.load does); such a dtype is
 * not equal to its native twin and its repr spells the order out.
 */
export class NpDType extends PyObject {
  /** `builtin`: false for the new descriptors newbyteorder makes (dtype.isbuiltin 0, as NumPy's). */
  constructor(readonly name: DTypeName, readonly bigEndian = false, private readonly builtin = true) {
    super()
    if (ITEMSIZE[name] === 1) this.bigEndian = false // single bytes have no order ('|')
  }
  get pyClass() { return NP_DTYPE_CLASS }
  /** '<f8' / '>f8' / '|u1': NumPy's dtype.str. */
  private typestr() { return (ITEMSIZE[this.name] === 1 ? '|' : this.bigEndian ? '>' : '<') + NP_KIND[this.name] + ITEMSIZE[this.name] }
  repr() { return `dtype(${strRepr(this.bigEndian ? this.typestr() : this.name)})` }
  str() { return this.bigEndian ? this.typestr() : this.name }
  hashKey() { return 'npdtype:' + (this.bigEndian ? '>' : '') + this.name }
  getattr(n: string): PyValue | undefined {
    switch (n) {
      case 'name': return this.name
      case 'itemsize': return BigInt(ITEMSIZE[this.name])
      case 'kind': return NP_KIND[this.name]
      case 'char': return NP_CHAR[this.name]
      case 'str': return this.typestr()
      case 'byteorder': return ITEMSIZE[this.name] === 1 ? '|' : this.bigEndian ? '>' : '='
      case 'type': return npScalarType(this.name)
      case 'isnative': return !this.bigEndian
      case 'num': return BigInt(NP_NUM[this.name])
      // A complex aligns as its float components do.
      case 'alignment': return BigInt(NP_KIND[this.name] === 'c' ? ITEMSIZE[this.name] / 2 : ITEMSIZE[this.name])
      case 'isbuiltin': return this.builtin && !this.bigEndian ? 1n : 0n
      case 'flags': return 0n
      case 'ndim': return 0n
      case 'shape': return new PyTuple([])
      case 'hasobject': return false
      case 'names': case 'fields': case 'subdtype': case 'metadata': return null
      case 'base': return this
      case 'descr': return new PyList([new PyTuple(['', this.typestr()])])
      case 'newbyteorder': return new PyBuiltin('newbyteorder', (a, kw) => this.newbyteorder(bindArgs('newbyteorder', ['new_order='], a, kw).new_order))
    }
    return undefined
  }

  /** dtype.newbyteorder(new_order='S'): NumPy's byte-order converter reads the first letter. */
  private newbyteorder(v: PyValue | undefined): NpDType {
    const order = v === undefined ? 'S' : v
    if (typeof order !== 'string') throw pyErr('TypeError', `byteorder must be str, not ${typeName(order)}`)
    const c = order[0] ?? ''
    let big: boolean
    if ('>bB'.includes(c) && c !== '') big = true
    else if ('<lL=nN'.includes(c) && c !== '') big = false
    else if ('sS'.includes(c) && c !== '') big = !this.bigEndian
    else if ('|iI'.includes(c) && c !== '') big = this.bigEndian
    else throw pyErr('ValueError', `byteorder not recognized (got '${order}')`)
    return new NpDType(this.name, big, false)
  }

  compare(op: string, other: PyValue) {
    if (op !== '==' && op !== '!=') return this.order(op, other)
    let same = false
    if (other instanceof NpDType) same = other.name === this.name && other.bigEndian === this.bigEndian
    else if (typeof other === 'string' && /^>/.test(other)) same = this.bigEndian && other === this.typestr()
    else if (!this.bigEndian) { try { same = npDtypeOf(other) === this.name } catch { same = false } }
    return op === '==' ? same : !same
  }

  /** <, <=, >, >=: NumPy orders dtypes by safe casting (d1 < d2 when d2 holds d1's values and differs). */
  private order(op: string, other: PyValue) {
    let o: DTypeName
    try { o = other instanceof NpDType ? other.name : npDtypeOf(other) } catch { return NOT_IMPLEMENTED }
    const differ = o !== this.name
    switch (op) {
      case '<': return differ && canCast(this.name, o, 'safe')
      case '<=': return canCast(this.name, o, 'safe')
      case '>': return differ && canCast(o, this.name, 'safe')
      case '>=': return canCast(o, this.name, 'safe')
    }
    return NOT_IMPLEMENTED
  }
}
export const NP_DTYPE_CLASS = new PyClass('dtype', BUILTIN_TYPES.object, 'numpy')

/** NumPy's type numbers (dtype.num). */
const NP_NUM: Record<DTypeName, number> = {
  bool: 0, int8: 1, uint8: 2, int16: 3, uint16: 4, int32: 5, uint32: 6, int64: 7, uint64: 8,
  float16: 23, bfloat16: -1, float32: 11, float64: 12, complex64: 14, complex128: 15,
}

/** NumPy's scalar types (np.float32 ...) are classes; their instances are NpScalar (scalars.ts). */
const npScalarTypes = new Map<DTypeName, PyClass>()
const NP_GENERIC = new PyClass('generic', BUILTIN_TYPES.object, 'numpy')
const NP_NUMBER = new PyClass('number', NP_GENERIC, 'numpy')
const NP_INTEGER = new PyClass('integer', NP_NUMBER, 'numpy')
const NP_SIGNED = new PyClass('signedinteger', NP_INTEGER, 'numpy')
const NP_UNSIGNED = new PyClass('unsignedinteger', NP_INTEGER, 'numpy')
const NP_INEXACT = new PyClass('inexact', NP_NUMBER, 'numpy')
const NP_FLOATING = new PyClass('floating', NP_INEXACT, 'numpy')
const NP_COMPLEXFLOATING = new PyClass('complexfloating', NP_INEXACT, 'numpy')
export const NP_ABSTRACT_TYPES = {
  generic: NP_GENERIC, number: NP_NUMBER, integer: NP_INTEGER, signedinteger: NP_SIGNED,
  unsignedinteger: NP_UNSIGNED, inexact: NP_INEXACT, floating: NP_FLOATING, complexfloating: NP_COMPLEXFLOATING,
}

export function npScalarType(d: DTypeName): PyClass {
  let c = npScalarTypes.get(d)
  if (!c) {
    const base = d === 'bool' ? NP_GENERIC : d.startsWith('uint') ? NP_UNSIGNED : d.startsWith('int') ? NP_SIGNED
      : d.startsWith('complex') ? NP_COMPLEXFLOATING : NP_FLOATING
    // float64 and complex128 also derive from Python's float and complex.
    c = new PyClass(d, base, 'numpy')
    if (d === 'float64') c.mixins.push(BUILTIN_TYPES.float)
    if (d === 'complex128') c.mixins.push(BUILTIN_TYPES.complex)
    npScalarTypes.set(d, c)
  }
  return c
}

export function scalarTypeDtype(c: PyClass): DTypeName | undefined {
  for (const [d, cls] of npScalarTypes) if (cls === c) return d
  return undefined
}

/** Any NumPy dtype-like value → a dtype name (np.dtype(x)). */
export function npDtypeOf(v: PyValue): DTypeName {
  if (v instanceof NpDType) return v.name
  if (v instanceof TorchDType) throw pyErr('TypeError', `Cannot interpret '${v.repr()}' as a data type`)
  if (v instanceof PyClass) {
    const d = scalarTypeDtype(v)
    if (d) return d
    if (v === BUILTIN_TYPES.float) return 'float64'
    if (v === BUILTIN_TYPES.int) return 'int64'
    if (v === BUILTIN_TYPES.bool) return 'bool'
    if (v === BUILTIN_TYPES.complex) return 'complex128'
  }
  if (typeof v === 'string') {
    let s = v
    if (/^[<>=|]/.test(s)) {
      if (s[0] === '>' && !/^>[?bB]|>[iuf]1$/.test(s)) {
        throw pyErr('NotImplementedError', `non-native byte order dtype ${strRepr(v)} is not supported by the Stridescope engine`)
      }
      s = s.slice(1)
    }
    const d = NP_ALIASES[s]
    if (d) return d
    if (NP_UNSUPPORTED_DTYPE.test(s)) throw pyErr('NotImplementedError', `dtype ${strRepr(v)} is not supported by the Stridescope engine`)
    throw pyErr('TypeError', `data type ${strRepr(v)} not understood`)
  }
  if (v === BUILTIN_TYPES.str || v === BUILTIN_TYPES.bytes || v === BUILTIN_TYPES.object) {
    throw pyErr('NotImplementedError', `dtype ${(v as PyClass).name} is not supported by the Stridescope engine`)
  }
  if (v === null) return 'float64'
  throw pyErr('TypeError', `Cannot interpret '${typeof v === 'object' ? (v as PyObject).repr?.() ?? typeName(v) : String(v)}' as a data type`)
}

// ---------- torch ----------

const TORCH_PRIMARY: Record<DTypeName, string> = {
  bool: 'bool', int8: 'int8', int16: 'int16', int32: 'int32', int64: 'int64',
  uint8: 'uint8', uint16: 'uint16', uint32: 'uint32', uint64: 'uint64',
  float16: 'float16', bfloat16: 'bfloat16', float32: 'float32', float64: 'float64',
  complex64: 'complex64', complex128: 'complex128',
}
export const TORCH_ALIASES: Record<string, DTypeName> = {
  ...Object.fromEntries(Object.keys(TORCH_PRIMARY).map(k => [k, k as DTypeName])),
  float: 'float32', double: 'float64', half: 'float16', short: 'int16', int: 'int32', long: 'int64',
  cfloat: 'complex64', cdouble: 'complex128',
}

export class TorchDType extends PyObject {
  constructor(readonly name: DTypeName) { super() }
  get pyClass() { return TORCH_DTYPE_CLASS }
  repr() { return `torch.${TORCH_PRIMARY[this.name]}` }
  hashKey() { return 'torchdtype:' + this.name }
  getattr(n: string): PyValue | undefined {
    switch (n) {
      case 'is_floating_point': return isFloatDtype(this.name)
      case 'is_complex': return isComplexDtype(this.name)
      case 'is_signed': return !this.name.startsWith('uint') && this.name !== 'bool'
      case 'itemsize': return BigInt(ITEMSIZE[this.name])
    }
    return undefined
  }
}
export const TORCH_DTYPE_CLASS = new PyClass('dtype', BUILTIN_TYPES.object, 'torch')

const torchDtypes = new Map<DTypeName, TorchDType>()
export function torchDtype(d: DTypeName): TorchDType {
  let t = torchDtypes.get(d)
  if (!t) { t = new TorchDType(d); torchDtypes.set(d, t) }
  return t
}

/** A torch dtype argument: torch.float32, or Python's float/int/bool/complex. */
export function torchDtypeOf(v: PyValue): DTypeName {
  if (v instanceof TorchDType) return v.name
  if (v === BUILTIN_TYPES.float) return 'float64'
  if (v === BUILTIN_TYPES.int) return 'int64'
  if (v === BUILTIN_TYPES.bool) return 'bool'
  if (v === BUILTIN_TYPES.complex) return 'complex128'
  throw pyErr('TypeError', `dtype must be torch.dtype, not ${typeName(v)}`)
}
