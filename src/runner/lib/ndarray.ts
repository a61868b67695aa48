// numpy.ndarray as a Python value: attributes and methods, bound to the engine.
import type { EngineIndexItem as IndexItem } from '../../engine'
import type { EngineObject } from '../../engine'
import * as engine from '../../engine'
import { formatNdarrayRepr, formatNdarrayStr } from '../printing'
import {
  PyObject, PyClass, PyTuple, PyList, PyDict, PyBuiltin, BUILTIN_TYPES, type PyValue, type Kwargs
} from '../interp/values'
import type { ObjectInfo } from '../../engine/types'
import { hashKey, truthy } from '../interp/ops'
import { pyErr } from '../interp/exceptions'
import { bindArgs } from '../interp/args'
import { EngineValue, baseObject } from './engine_value'
import { NpDType, npDtypeOf } from './dtypes'
import { NpScalar } from './scalars'
import { shapeFromArgs, axesArg, npOrderArg, reshapeOrderArg, intArg, boolArg, zeroDimAxisIsNone } from './argparse'
import { dlpackMethods } from './dlpack'
import { matmulOperator, linalgNdarrayMethods } from './linalg'
import { indexNdarrayMethods } from './index_ops'
import { joinSplitNdarrayMethods } from './join_split'
import { ndarrayMathMethods } from './math_ops'
import { ndarraySortMethods } from './sorting'
import { NpFlags } from './flags'
import { NpFlatIter } from './flatiter'
import { tobytes } from './buffers'
import { castingArg, canCast, castError } from './casting'

export const NDARRAY_CLASS = new PyClass('ndarray', BUILTIN_TYPES.object, 'numpy')

type Method = (self: PyNdarray, args: PyValue[], kw: Kwargs) => PyValue

/** ndarray methods NumPy has that the engine cannot do (yet): a clear error, not AttributeError. */
const NDARRAY_UNSUPPORTED = new Set([
  'resize', 'byteswap',
  'trace', 'searchsorted', 'partition', 'compress', 'choose', 'ptp', 'dump', 'dumps', 'tofile', 'getfield',
  'data',
])

export class PyNdarray extends EngineValue {
  readonly kind = 'ndarray' as const
  get pyClass() { return NDARRAY_CLASS }

  protected matmulOperator(other: PyValue, reflected: boolean) { return matmulOperator(this, other, reflected) }

  zeroDimLenError(): never { throw pyErr('TypeError', 'len() of unsized object') }
  truthError(n: number): never {
    if (n === 0) throw pyErr('ValueError', 'The truth value of an empty array is ambiguous. Use `array.size > 0` to check that an array is not empty.')
    throw pyErr('ValueError', 'The truth value of an array with more than one element is ambiguous. Use a.any() or a.all()')
  }

  /** a[i, j] with an int for every dimension (or a[()] of a 0-d array) is a NumPy scalar. */
  protected indexesToScalar(items: IndexItem[]): boolean {
    return items.every(i => i.kind === 'int') && items.length === this.meta.shape.length
  }
  protected scalarFrom(r: EngineObject): PyValue { return new NpScalar(this.meta.dtype, r.item(), this.ctx.scalars) }

  toNumber() {
    const info = this.meta
    if (info.shape.length !== 0) throw pyErr('TypeError', 'only 0-dimensional arrays can be converted to Python scalars')
    const v = this.item()
    return typeof v === 'bigint' || typeof v === 'number' || typeof v === 'boolean' ? v : undefined
  }

  repr() {
    const dtype = new NpDType(this.meta.dtype, this.info().byteOrder === '>')
    const printable = dtype.bigEndian ? { ...this.printable(), dtypeText: dtype.repr().slice('dtype('.length, -1) } : this.printable()
    return formatNdarrayRepr(printable, this.ctx.printOptions.numpy)
  }
  str() { return formatNdarrayStr(this.printable(), this.ctx.printOptions.numpy) }

  getattr(name: string): PyValue | undefined {
    const info = () => this.info()
    switch (name) {
      case 'shape': return new PyTuple(info().shape.map(BigInt))
      case 'strides': return new PyTuple(info().byteStrides.map(BigInt))
      case 'dtype': return new NpDType(info().dtype, info().byteOrder === '>')
      case 'ndim': return BigInt(info().shape.length)
      case 'size': return BigInt(info().numel)
      case 'itemsize': return BigInt(info().itemsize)
      case 'nbytes': return BigInt(info().nbytes)
      case 'flags': return new NpFlags(() => this.info().flags, (on) => this.setWriteable(on))
      case 'base': return baseObject(this)
      case 'real': return this.ctx.opWrap([this.obj], () => this.obj.complexPart(false))
      case 'imag': return this.ctx.opWrap([this.obj], () => this.obj.complexPart(true))
      case 'T': return this.ctx.opWrap([this.obj], () => this.obj.T)
      case 'mT': return this.ctx.opWrap([this.obj], () => this.obj.mT)
      case 'ctypes': return new CtypesView(BigInt(info().dataPtr))
      case 'flat': return new NpFlatIter(this)
      case '__array_interface__': return arrayInterface(info())
      case 'device': return 'cpu'
    }
    const m = NDARRAY_METHODS[name] ?? LINALG_METHODS[name] ?? JOIN_SPLIT_METHODS[name] ?? INDEX_METHODS[name] ?? dlpackMethods(this)[name]
    if (m) return new PyBuiltin(name, (a, kw) => m(this, a, kw), this)
    if (NDARRAY_UNSUPPORTED.has(name)) throw pyErr('NotImplementedError', `ndarray.${name} is not supported by the Stridescope engine`)
    return undefined
  }

  /** `a.flags.writeable = on` / `a.setflags(write=on)`, under NumPy's rules (the engine's). */
  setWriteable(on: boolean): void {
    this.ctx.op([this.obj], () => this.obj.setWriteable(on))
  }

  setattr(name: string, v: PyValue): boolean {
    if (name === 'real' || name === 'imag') {
      // NOTE numpy/_core/src/multiarray/getset.c array_real_set / array_imag_set: a write into the part's view.
      if (name === 'imag' && !/complex/.test(this.meta.dtype)) throw pyErr('TypeError', 'array does not have imaginary part to set')
      const part = this.ctx.op([this.obj], () => this.obj.complexPart(name === 'imag'))
      const operand = this.operand(v)
      this.ctx.op([this.obj], () => part.setItem([{ kind: 'ellipsis' }], operand))
      return true
    }
    if (name === 'shape' || name === 'strides') {
      throw pyErr('NotImplementedError', `setting ndarray.${name} is not supported by the Stridescope engine (use reshape / np.lib.stride_tricks.as_strided)`)
    }
    return false
  }
}

/** NumPy's __array_interface__ (version 3): strides None when C-contiguous. */
function arrayInterface(i: ObjectInfo): PyDict {
  const typestr = (i.itemsize === 1 ? '|' : '<') + ({ bool: 'b', int8: 'i', int16: 'i', int32: 'i', int64: 'i', uint8: 'u', uint16: 'u', uint32: 'u', uint64: 'u', float16: 'f', bfloat16: 'V', float32: 'f', float64: 'f', complex64: 'c', complex128: 'c' } as const)[i.dtype] + i.itemsize
  const d = new PyDict()
  const put = (k: string, v: PyValue) => d.set(hashKey(k), k, v)
  put('data', new PyTuple([BigInt(i.dataPtr), !i.flags.writeable]))
  put('strides', i.flags.cContiguous ? null : new PyTuple(i.byteStrides.map(BigInt)))
  put('descr', new PyList([new PyTuple(['', typestr])]))
  put('typestr', typestr)
  put('shape', new PyTuple(i.shape.map(BigInt)))
  put('version', 3n)
  return d
}

class CtypesView extends PyObject {
  constructor(readonly data: bigint) { super() }
  get pyClass() { return CTYPES_CLASS }
  getattr(name: string) { return name === 'data' ? this.data : undefined }
}
const CTYPES_CLASS = new PyClass('_ctypes', BUILTIN_TYPES.object, 'numpy')

const LINALG_METHODS = linalgNdarrayMethods() as Record<string, Method>
const JOIN_SPLIT_METHODS = joinSplitNdarrayMethods() as Record<string, Method>
const INDEX_METHODS = indexNdarrayMethods() as Record<string, Method>

/**
 * ndarray.item(*args)'s element: one flat index (C order over the shape) or one index per axis,
 * with NumPy's bounds errors; as int index items of that element's 0-d view.
 */
function itemIndex(shape: number[], args: readonly PyValue[]): IndexItem[] {
  const index = (v: PyValue) => {
    if (typeof v === 'boolean') throw pyErr('TypeError', 'an integer is required')
    return intArg(v)
  }
  let coords: number[]
  // A 1-d array's one index is its axis 0 index (NumPy's texts then name the axis).
  if (args.length === 1 && shape.length !== 1) {
    const size = shape.reduce((x, y) => x * y, 1)
    let i = index(args[0])
    if (i < -size || i >= size) throw pyErr('IndexError', `index ${i} is out of bounds for size ${size}`)
    if (i < 0) i += size
    coords = shape.map(() => 0)
    for (let ax = shape.length - 1; ax >= 0; ax--) { coords[ax] = i % shape[ax]; i = Math.floor(i / shape[ax]) }
  } else {
    if (args.length !== shape.length) throw pyErr('ValueError', 'incorrect number of indices for array')
    coords = args.map((v, ax) => {
      const i = index(v)
      if (i < -shape[ax] || i >= shape[ax]) throw pyErr('IndexError', `index ${i} is out of bounds for axis ${ax} with size ${shape[ax]}`)
      return i < 0 ? i + shape[ax] : i
    })
  }
  return coords.map(i => ({ kind: 'int', index: i }))
}

function wrapOp(self: PyNdarray, fn: () => EngineObject): PyValue {
  return self.ctx.opWrap([self.obj], fn)
}

const NDARRAY_METHODS: Record<string, Method> = {
  reshape: (s, a, kw) => {
    const b = bindArgs('reshape', ['*shape', 'order=', 'copy='], a, kw)
    const order = reshapeOrderArg(b.order, s.info().flags)
    const shape = shapeFromArgs(b.__rest!)
    return wrapOp(s, () => s.obj.reshape(shape, order))
  },
  transpose: (s, a) => {
    const axes = a.length === 1 && a[0] === null ? [] : shapeFromArgs(a)
    return wrapOp(s, () => (axes.length ? s.obj.permute(axes) : s.obj.transpose()))
  },
  swapaxes: (s, a, kw) => {
    const b = bindArgs('swapaxes', ['axis1', 'axis2'], a, kw)
    return wrapOp(s, () => s.obj.swapaxes(intArg(b.axis1!), intArg(b.axis2!)))
  },
  // NumPy has no conjugate bit: a complex array's conj() is a new array; any other array's is itself.
  conj: (s, a, kw) => { bindArgs('conj', [], a, kw); return wrapOp(s, () => s.obj.npConj(false)) },
  conjugate: (s, a, kw) => { bindArgs('conjugate', [], a, kw); return wrapOp(s, () => s.obj.npConj(false)) },
  copy: (s, a, kw) => {
    const b = bindArgs('copy', ['order='], a, kw)
    return wrapOp(s, () => s.obj.copy(npOrderArg(b.order, 'C')))
  },
  astype: (s, a, kw) => {
    const b = bindArgs('astype', ['dtype', 'order=', 'casting=', 'subok=', 'copy='], a, kw)
    const dtype = npDtypeOf(b.dtype!), order = npOrderArg(b.order, 'K')
    const casting = castingArg(b.casting, 'unsafe', true), from = s.info().dtype
    if (!canCast(from, dtype, casting)) {
      if (casting === 'same_value') throw pyErr('NotImplementedError', "astype(casting='same_value') of a cast that may change values is not supported by the Stridescope runner")
      throw castError(from, dtype, casting)
    }
    return wrapOp(s, () => s.obj.astype(dtype, order, boolArg(b.copy, true)))
  },
  view: (s, a, kw) => {
    const b = bindArgs('view', ['dtype=', 'type='], a, kw)
    // a.view(np.ndarray): NumPy takes an ndarray type in the dtype place as the type.
    if (b.dtype === undefined || b.dtype === null || b.dtype === NDARRAY_CLASS) return wrapOp(s, () => s.obj.index([{ kind: 'ellipsis' }]))
    return wrapOp(s, () => s.obj.viewDtype(npDtypeOf(b.dtype!)))
  },
  ravel: (s, a, kw) => {
    const b = bindArgs('ravel', ['order='], a, kw)
    return wrapOp(s, () => s.obj.ravel(npOrderArg(b.order, 'C')))
  },
  flatten: (s, a, kw) => {
    const b = bindArgs('flatten', ['order='], a, kw)
    return wrapOp(s, () => s.obj.flatten({ order: npOrderArg(b.order, 'C') }))
  },
  squeeze: (s, a, kw) => {
    const b = bindArgs('squeeze', ['axis='], a, kw)
    return wrapOp(s, () => s.obj.squeeze(zeroDimAxisIsNone(s.meta.shape.length, b.axis) ? null : axesArg(b.axis)))
  },
  diagonal: (s, a, kw) => {
    const b = bindArgs('diagonal', ['offset=', 'axis1=', 'axis2='], a, kw)
    return wrapOp(s, () => s.obj.diagonal(b.offset === undefined ? 0 : intArg(b.offset), b.axis1 === undefined ? 0 : intArg(b.axis1), b.axis2 === undefined ? 1 : intArg(b.axis2)))
  },
  fill: (s, a, kw) => {
    const b = bindArgs('fill', ['value'], a, kw)
    const v = s.operand(b.value!)
    if (v instanceof engine.EngineObject) throw pyErr('TypeError', 'fill() value must be a scalar')
    s.ctx.op([s.obj], () => s.obj.fill(v), { wrote: { into: s.obj } })
    return null
  },
  ...ndarrayMathMethods<PyNdarray>(),
  ...(ndarraySortMethods() as Record<string, Method>),
  tobytes,
  setflags: (s, a, kw) => {
    const b = bindArgs('setflags', ['write=', 'align=', 'uic='], a, kw)
    if (b.uic !== undefined && b.uic !== null && truthy(b.uic)) throw pyErr('ValueError', 'cannot set WRITEBACKIFCOPY flag to True')
    if (b.align !== undefined && b.align !== null && truthy(b.align) !== s.info().flags.aligned) {
      throw pyErr('NotImplementedError', 'setflags(align=...) is not supported by the Stridescope engine')
    }
    if (b.write !== undefined && b.write !== null) s.setWriteable(truthy(b.write))
    return null
  },
  item: (s, a, kw) => {
    if (kw.size) throw pyErr('TypeError', 'ndarray.item() takes no keyword arguments')
    if (!a.length) return s.item()
    const el = wrapOp(s, () => s.obj.index(itemIndex(s.info().shape, a.length === 1 && a[0] instanceof PyTuple ? a[0].items : a))) as PyNdarray
    return el.item()
  },
  tolist: s => s.tolist(),
  __array__: s => s,
}

