// What ndarrays and tensors share as Python values: subscripts, operators, iteration,
// conversion to Python scalars and lists, and reading elements for printing.
// Every operation goes through the engine (the runner never computes a layout itself).
import { EngineObject, fromValues, type EngineIndexItem } from '../../engine'
import type { ObjectInfo, PyScalar, BinaryOp, ValueWindow, DTypeName } from '../../engine/types'
import type { ElementValue, PrintableArray } from '../printing'
import {
  PyObject, PyTuple, PyList, PySlice, PyComplex, ELLIPSIS, NOT_IMPLEMENTED, type PyValue
} from '../interp/values'
import { pyErr } from '../interp/exceptions'
import { toIndex, truthy, typeName } from '../interp/ops'
import { NpScalar } from './scalars'
import type { LibraryContext } from './context'
import { staticInfo, type StaticInfo } from './static_info'
import { flattenNested } from './nested'

const BINARY_OPS: Record<string, BinaryOp> = {
  '+': 'add', '-': 'sub', '*': 'mul', '/': 'div', '//': 'floordiv', '%': 'mod', '**': 'pow', '&': 'and', '|': 'or',
  '^': 'xor', '<<': 'lshift', '>>': 'rshift', '==': 'eq', '!=': 'ne', '<': 'lt', '<=': 'le', '>': 'gt', '>=': 'ge',
}
const COMPARISONS = new Set(['eq', 'ne', 'lt', 'le', 'gt', 'ge'])
const REFLECTED_CMP: Record<string, string> = { '<': '>', '>': '<', '<=': '>=', '>=': '<=', '==': '==', '!=': '!=' }

export abstract class EngineValue extends PyObject {
  constructor(readonly ctx: LibraryContext, readonly obj: EngineObject) { super() }
  /** The wrapper of NumPy's .base, held while this view lives (set by LibraryContext.wrap). */
  baseRef: EngineValue | null = null
  /** The Python buffer object an array was made over (np.frombuffer's bytes): its .base. */
  bufferBase: PyObject | null = null

  abstract readonly kind: 'ndarray' | 'tensor'
  /** The library's name for messages ('array' / 'tensor'). */
  abstract zeroDimLenError(): never
  abstract truthError(numel: number): never

  info(): ObjectInfo { return this.obj.info() }
  /** id, kind, dtype, shape, numel: fixed for the object's lifetime, read once. */
  get meta(): StaticInfo { return staticInfo(this.obj) }

  // ---------- subscripts ----------

  indexItems(key: PyValue): EngineIndexItem[] {
    const keys = key instanceof PyTuple ? key.items : this.sequenceAsTuple(key) ?? [key]
    // NumPy: a 0-d integer array in a full integer index is an integer (the result is a scalar).
    // (Only a full index: with fewer integers it is a copy, advanced_index.cc.) torch selects with one either way.
    const allInts = (this.kind === 'tensor' || keys.length === this.meta.shape.length) &&
      keys.every(k => typeof k === 'bigint' || isIntScalar(k) || k instanceof EngineValue && isIntZeroDim(k))
    return keys.map(k => (allInts && k instanceof EngineValue ? { kind: 'int', index: this.intIndex(toIndex(k.item())) } : this.indexItem(k)))
  }

  /** torch reads a list holding sequences, tensors, slices, None or Ellipsis as a tuple (treatSequenceAsTuple). */
  private sequenceAsTuple(key: PyValue): PyValue[] | null {
    if (this.kind !== 'tensor' || !(key instanceof PyList) || key.items.length >= 32) return null
    const tupleLike = key.items.some(k => k instanceof PyList || k instanceof PyTuple || k instanceof EngineValue ||
      k instanceof PySlice || k === null || k === ELLIPSIS)
    return tupleLike ? key.items : null
  }

  private indexItem(k: PyValue): EngineIndexItem {
    if (k === null) return { kind: 'newaxis' }
    if (k === ELLIPSIS) return { kind: 'ellipsis' }
    if (k instanceof PySlice) {
      // Bounds clamp into a C ssize_t as Python's PySlice_Unpack does (the step to ±(2**63 - 1)).
      const n = (v: PyValue, lo: bigint) => (v === null ? null : clampBig(this.sliceIndex(v), lo, INT64_MAX))
      return { kind: 'slice', start: n(k.start, INT64_MIN), stop: n(k.stop, INT64_MIN), step: n(k.step, -INT64_MAX) }
    }
    if (typeof k === 'bigint' || isIntScalar(k)) return { kind: 'int', index: this.intIndex(toIndex(k)) }
    if (typeof k === 'boolean') return { kind: 'bool', value: k }
    if (k instanceof NpScalar && k.dtype === 'bool') return { kind: 'bool', value: k.toPy() === true }
    if (k instanceof EngineValue) return { kind: 'array', array: k.obj }
    if (k instanceof PyList || k instanceof PyTuple) return { kind: 'array', array: this.indexArray(k) }
    if (this.kind === 'ndarray') {
      throw pyErr('IndexError', 'only integers, slices (`:`), ellipsis (`...`), numpy.newaxis (`None`) and integer or boolean arrays are valid indices')
    }
    throw pyErr('IndexError', `only integers, slices (\`:\`), ellipsis (\`...\`), None and long or byte Variables are valid indices (got ${typeName(k)})`)
  }

  /** A list index as an array of this object's kind (np.asarray / torch's indexing_tensor_from_data):
   * ints give int64, bools bool, an empty list int64; it lives only for the indexing call. */
  private indexArray(k: PyList | PyTuple): EngineObject {
    let flat: { values: PyScalar[]; shape: number[] }
    try {
      flat = flattenNested(k, this.kind)
    } catch (e) {
      if (this.kind === 'ndarray') throw pyErr('IndexError', 'only integers, slices (`:`), ellipsis (`...`), numpy.newaxis (`None`) and integer or boolean arrays are valid indices')
      throw e
    }
    const { shape } = flat
    let values = flat.values
    let dtype: DTypeName | null = values.length === 0 ? 'int64' : values.every(v => typeof v === 'boolean') ? 'bool'
      : values.every(v => typeof v === 'boolean' || typeof v === 'bigint') ? 'int64' : null
    // NumPy: a list that is not integers or booleans is no index at all.
    if (this.kind === 'ndarray' && dtype === null) throw pyErr('IndexError', 'only integers, slices (`:`), ellipsis (`...`), numpy.newaxis (`None`) and integer or boolean arrays are valid indices')
    if (this.kind === 'tensor' && dtype === null) {
      // torch makes any other list a long tensor (floats truncate toward zero).
      values = values.map(v => (typeof v === 'number' ? BigInt(Math.trunc(v)) : v))
      dtype = 'int64'
    }
    let made: EngineObject
    try {
      made = fromValues(this.kind, values, shape, dtype)
    } catch (e) {
      // NumPy: a list whose values do not fit an integer array (2**64) is no index either.
      if (this.kind === 'ndarray') throw pyErr('IndexError', 'only integers, slices (`:`), ellipsis (`...`), numpy.newaxis (`None`) and integer or boolean arrays are valid indices')
      throw e
    }
    this.transientIndexArrays.push(made)
    return made
  }

  /** The program's own index arrays (a[idx]) are inputs of the op; lists made arrays are not. */
  private programIndexArrays(items: EngineIndexItem[]): EngineObject[] {
    return items.flatMap(i => (i.kind === 'array' && !this.transientIndexArrays.includes(i.array) ? [i.array] : []))
  }

  /** Index arrays made from lists for the current subscript (released when it is done). */
  private transientIndexArrays: EngineObject[] = []
  private releaseIndexArrays(): void {
    for (const a of this.transientIndexArrays) a.dispose()
    this.transientIndexArrays = []
  }

  /** An int index that fits a C ssize_t; past it, each library's own error. */
  private intIndex(v: bigint): number | bigint {
    if (v < INT64_MIN || v > INT64_MAX) {
      if (this.kind === 'tensor') throw pyErr('RuntimeError', 'Overflow when unpacking long')
      // NumPy reads the index as a C long first: past it, but within an unsigned one, that conversion fails.
      if (v > INT64_MAX && v <= UINT64_MAX) throw pyErr('OverflowError', 'Python int too large to convert to C long')
      throw pyErr('IndexError', 'only integers, slices (`:`), ellipsis (`...`), numpy.newaxis (`None`) and integer or boolean arrays are valid indices')
    }
    return exactInt(v)
  }

  private sliceIndex(v: PyValue): bigint {
    try { return toIndex(v) } catch {
      throw pyErr('TypeError', 'slice indices must be integers or None or have an __index__ method')
    }
  }

  getitem(key: PyValue): PyValue {
    try {
      const items = this.indexItems(key)
      const scalar = this.indexesToScalar(items)
      const r = this.ctx.op([this.obj, ...this.programIndexArrays(items)], () => this.obj.index(items), { transientResult: scalar })
      const out = scalar ? this.scalarFrom(r) : this.ctx.wrap(r)
      this.indexed(out, items)
      return out
    } finally {
      this.releaseIndexArrays()
    }
  }

  /** After a subscript made `result` (torch names its autograd node). */
  protected indexed(_result: PyValue, _items: EngineIndexItem[]): void {}

  /** NumPy turns a full integer index into a scalar; torch keeps a 0-d tensor. */
  protected indexesToScalar(_items: EngineIndexItem[]): boolean { return false }
  protected scalarFrom(r: EngineObject): PyValue { return this.ctx.wrap(r) }

  setitem(key: PyValue, v: PyValue): void {
    try {
      const items = this.indexItems(key)
      const operand = this.operand(v)
      // Where the write landed is the view a[key]; an advanced key's a[key] is a copy
      // (a gather), so there the same key picks the written elements from a witness.
      const advanced = items.some(i => i.kind === 'array' || i.kind === 'bool')
      this.ctx.op([this.obj, ...this.programIndexArrays(items)], () => this.obj.setItem(items, operand),
        { wrote: advanced ? { into: this.obj, scatter: (w) => w.index(items) } : { into: this.obj, at: () => this.obj.index(items) } })
    } finally {
      this.releaseIndexArrays()
    }
  }

  // ---------- operators ----------

  /** A Python value as an engine operand: an engine object, or a Python scalar. */
  operand(v: PyValue): EngineObject | PyScalar {
    if (v instanceof EngineValue) return v.obj
    if (typeof v === 'boolean' || typeof v === 'bigint' || typeof v === 'number') return v
    if (v instanceof PyComplex) return { re: v.re, im: v.im }
    if (v instanceof NpScalar) {
      const p = v.toPy()
      const scalar: PyScalar = p instanceof PyComplex ? { re: p.re, im: p.im } : (p as PyScalar)
      // A NumPy scalar has a strong dtype (np.int16(1) promotes int8 arrays to int16, NEP 50),
      // so for NumPy it travels as a 0-d array of its dtype.
      // That 0-d array is an internal step, not an operation of the program's own (no op log row).
      if (this.kind === 'ndarray') return fromValues('ndarray', [scalar], [], v.dtype)
      return scalar
    }
    if (v instanceof PyList || v instanceof PyTuple) return this.fromNested(v)
    throw pyErr('TypeError', `unsupported operand type: '${typeName(v)}'`)
  }

  /** A list operand becomes an array/tensor of this object's kind (NumPy's asarray). */
  protected fromNested(v: PyValue): EngineObject {
    const { values, shape } = flattenNested(v, this.kind)
    return this.ctx.op([], () => fromValues(this.kind, values, shape, null))
  }

  /** `self @ other` (or `other @ self` when reflected): each library's __matmul__ (lib/linalg.ts). */
  protected abstract matmulOperator(other: PyValue, reflected: boolean): PyValue | typeof NOT_IMPLEMENTED

  binop(op: string, other: PyValue, reflected: boolean): PyValue | typeof NOT_IMPLEMENTED {
    if (op === '@') return this.matmulOperator(other, reflected)
    const bop = BINARY_OPS[op]
    if (!bop) return NOT_IMPLEMENTED
    if (other instanceof EngineValue && other.kind !== this.kind && !reflected) {
      // ndarray op tensor: torch's __radd__ wins in Python (Tensor.__array_priority__).
      if (this.kind === 'ndarray') return NOT_IMPLEMENTED
      // tensor op ndarray: torch hands the op to NumPy, which reads the tensor through __array__,
      // that is numpy(): a tensor numpy() refuses (requires grad, conjugate bit, another device) fails so.
      this.obj.numpy(false).dispose()  // the check only: no op of the program's
    }
    let o: EngineObject | PyScalar
    try { o = this.operand(other) } catch { return NOT_IMPLEMENTED }
    const fast = op === '**' && !reflected ? this.fastScalarPower(other) : null
    if (fast) return this.engineResult([this.obj], this.scalarResult(other), () => this.obj.unary(fast))
    const inputs = other instanceof EngineValue ? [this.obj, other.obj] : [this.obj]
    return this.engineResult(inputs, this.scalarResult(other), () => {
      if (!reflected) return this.obj.binary(bop, o)
      if (o instanceof EngineObject) return o.binary(bop, this.obj)
      return this.obj.rbinary(bop, o as PyScalar)
    })
  }

  /**
   * NumPy's `a ** 2`, `a ** 0.5` and `a ** -1` (exactly these: an int 2 and -1, a float 0.5) on a float or complex array run np.square,
   * np.sqrt and np.reciprocal (fast_scalar_power in multiarray/number.c): the results
   * (sqrt(-0.0) is -0.0) and the floating-point warnings ("divide by zero encountered in
   * reciprocal") are theirs.
   */
  private fastScalarPower(other: PyValue): 'square' | 'sqrt' | 'reciprocal' | null {
    if (this.kind !== 'ndarray') return null
    const dt = this.meta.dtype
    if (!dt.startsWith('float') && !dt.startsWith('complex')) return null
    if (typeof other === 'bigint' && other === 2n) return 'square'
    if (typeof other === 'number' && other === 0.5) return 'sqrt'
    // A Python int: -1.0 and np.int64(-1) keep the power loop, as NumPy's do.
    if (typeof other === 'bigint' && other === -1n) return 'reciprocal'
    return null
  }

  /** NumPy ufuncs of 0-d operands only return a NumPy scalar (np.array(3.5) + 1 is np.float64(4.5)). */
  protected scalarResult(other: PyValue | null): boolean {
    if (this.kind !== 'ndarray' || this.meta.shape.length !== 0) return false
    return !(other instanceof EngineValue) || other.meta.shape.length === 0
  }

  /** Runs one engine op and wraps its result: a NumPy scalar when `scalar`, else the array/tensor. */
  engineResult(inputs: EngineObject[], scalar: boolean, fn: () => EngineObject): PyValue {
    const r = this.ctx.op(inputs, fn, { transientResult: scalar })
    if (!scalar) return this.ctx.wrap(r)
    const info = staticInfo(r)
    return new NpScalar(info.dtype, r.item(), this.ctx.scalars)
  }

  compare(op: string, other: PyValue): PyValue | typeof NOT_IMPLEMENTED {
    if (other === null && (op === '==' || op === '!=')) return NOT_IMPLEMENTED
    try { this.operand(other) } catch { return NOT_IMPLEMENTED }
    return this.binop(op, other, false)
  }

  inplace(op: string, other: PyValue): PyValue | typeof NOT_IMPLEMENTED {
    const bop = BINARY_OPS[op]
    if (!bop || COMPARISONS.has(bop)) {
      throw pyErr('NotImplementedError', `the in-place operator ${op}= on ${this.kind === 'ndarray' ? 'arrays' : 'tensors'} is not supported by the Stridescope engine`)
    }
    const o = this.operand(other)
    this.ctx.op(other instanceof EngineValue ? [this.obj, other.obj] : [this.obj], () => this.obj.inplace(bop, o), { wrote: { into: this.obj } })
    return this
  }

  unary(op: '-' | '+' | '~' | 'abs'): PyValue | typeof NOT_IMPLEMENTED {
    const name = ({ '-': 'neg', '+': 'pos', '~': 'invert', abs: 'abs' } as const)[op]
    // Tensor.__pos__ is torch.positive, which returns its input (`+t is t`); NumPy's +a is a new array.
    if (op === '+' && this.kind === 'tensor') return this
    return this.engineResult([this.obj], this.scalarResult(null), () => this.obj.unary(name))
  }

  // ---------- sequences and scalars ----------

  len(): number {
    const s = this.meta.shape
    if (s.length === 0) this.zeroDimLenError()
    return s[0]
  }

  *iter(): Iterable<PyValue> {
    if (this.meta.shape.length === 0) throw pyErr('TypeError', `iteration over a 0-d ${this.kind === 'ndarray' ? 'array' : 'tensor'}`)
    const n = this.len()
    for (let i = 0; i < n; i++) yield this.getitem(BigInt(i))
  }

  /**
   * `v in a`: NumPy's ndarray.__contains__ is `(a == v).any()` (a comparison NumPy refuses,
   * such as with a str, is False); torch's Tensor.__contains__ takes tensors and numbers only.
   */
  contains(v: PyValue): boolean {
    if (this.kind === 'tensor' && !(v instanceof EngineValue) && typeof v !== 'number' && typeof v !== 'bigint' && typeof v !== 'boolean' && !(v instanceof PyComplex) && !(v instanceof NpScalar)) {
      throw pyErr('RuntimeError', `Tensor.__contains__ only supports Tensor or scalar, but you passed in a ${v === null ? "<class 'NoneType'>" : `<class '${typeName(v)}'>`}.`)
    }
    const eq = this.compare('==', v)
    if (!(eq instanceof EngineValue)) return eq === NOT_IMPLEMENTED ? false : truthy(eq)
    const any = this.ctx.op([eq.obj], () => eq.obj.reduce('any'))
    const r = any.item()
    return typeof r === 'bigint' ? r !== 0n : !!r
  }

  truthy(): boolean {
    const n = this.meta.numel
    if (n !== 1) this.truthError(n)
    const v = this.obj.item()
    return typeof v === 'object' ? v.re !== 0 || v.im !== 0 : typeof v === 'bigint' ? v !== 0n : !!v
  }

  /** .item(): the single element as a Python value. */
  item(): PyValue {
    const v = this.ctx.op([this.obj], () => this.obj.item())
    return scalarToPy(v, this.meta.dtype)
  }

  /** .tolist(): nested Python lists of Python scalars. */
  tolist(): PyValue {
    const info = this.meta
    const w = this.ctx.op([this.obj], () => this.obj.window(info.shape.map(() => 0), info.shape))
    const flat = windowElements(w)
    const build = (dim: number, offset: number): [PyValue, number] => {
      if (dim === info.shape.length) return [elementToPy(flat[offset], info.dtype), offset + 1]
      const items: PyValue[] = []
      let o = offset
      for (let i = 0; i < info.shape[dim]; i++) { const [v, next] = build(dim + 1, o); items.push(v); o = next }
      return [new PyList(items), o]
    }
    return build(0, 0)[0]
  }

  /** The element reader the printing layer asks for (one window when small, else per element). */
  printable(): PrintableArray {
    const info = this.meta
    const { shape, dtype, numel } = info
    if (numel <= 4096) {
      const flat = windowElements(this.obj.window(shape.map(() => 0), shape))
      const strides: number[] = []
      let acc = 1
      for (let d = shape.length - 1; d >= 0; d--) { strides[d] = acc; acc *= shape[d] }
      return { dtype, shape, at: idx => flat[idx.reduce((s, i, d) => s + i * strides[d], 0)] }
    }
    return { dtype, shape, at: idx => windowElements(this.obj.window([...idx], idx.map(() => 1)))[0] }
  }

  hashKey(): string { throw pyErr('TypeError', `unhashable type: '${this.pyClass.name}'`) }
}

/**
 * `a.base` / `t._base`: the wrapper the program holds for the base object, else a new one
 * over the engine's base (the base of an intermediate view, t.numpy()'s detached alias),
 * kept by the view so that `a.base is a.base`.
 */
export function baseObject(v: EngineValue): PyValue {
  if (v.bufferBase) return v.bufferBase
  const id = v.meta.baseId
  if (id === null) return null
  if (v.baseRef && v.baseRef.meta.id === id) return v.baseRef
  const held = v.ctx.byEngineId(id)
  if (held) return held
  const base = v.obj.base()
  if (base === null) return null
  v.baseRef = v.ctx.wrap(base)
  return v.baseRef
}

/** Flat C-order elements of a window in the printing layer's ElementValue form. */
export function windowElements(w: ValueWindow): ElementValue[] {
  const vals = w.values as ArrayLike<number | bigint>
  const out: ElementValue[] = []
  if (w.dtype === 'complex64' || w.dtype === 'complex128') {
    for (let i = 0; i < vals.length; i += 2) out.push([Number(vals[i]), Number(vals[i + 1])])
  } else if (w.dtype === 'bool') {
    for (let i = 0; i < vals.length; i++) out.push(!!vals[i])
  } else {
    for (let i = 0; i < vals.length; i++) out.push(vals[i] as number | bigint)
  }
  return out
}

export function elementToPy(v: ElementValue, dtype: DTypeName): PyValue {
  if (Array.isArray(v)) return new PyComplex(v[0], v[1])
  if (typeof v === 'boolean') return v
  if (typeof v === 'bigint') return v
  return /float/.test(dtype) ? (v as number) : BigInt(v as number)
}

export function scalarToPy(v: PyScalar, dtype: DTypeName): PyValue {
  if (typeof v === 'object') return new PyComplex(v.re, v.im)
  if (typeof v === 'number' && !/float|complex/.test(dtype)) return BigInt(v)
  return v
}

function isIntScalar(k: PyValue): boolean {
  return k instanceof NpScalar && k.dtype !== 'bool' && typeof k.toNumber() === 'bigint'
}

function isIntZeroDim(v: EngineValue): boolean {
  const m = v.meta
  return m.shape.length === 0 && /int/.test(m.dtype)
}

const INT64_MAX = (1n << 63n) - 1n
const INT64_MIN = -(1n << 63n)
const UINT64_MAX = (1n << 64n) - 1n

function clampBig(v: bigint, lo: bigint, hi: bigint): number | bigint {
  return exactInt(v < lo ? lo : v > hi ? hi : v)
}

/** A number when exact, else the bigint itself. */
function exactInt(v: bigint): number | bigint {
  return v >= BigInt(Number.MIN_SAFE_INTEGER) && v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v
}
