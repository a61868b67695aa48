// The `numpy` module (and numpy.random, numpy.lib.stride_tricks) over the engine.
import * as engine from '../../engine'
import type { DTypeName, PyScalar } from '../../engine/types'
import { PyClass, PyTuple, PyComplex, BUILTIN_TYPES, type PyValue, type Kwargs } from '../interp/values'
import { pyErr, excClass } from '../interp/exceptions'
import { bindArgs } from '../interp/args'
import { typeName, truthy } from '../interp/ops'
import { toFloat, toInt } from '../interp/builtins'
import { checkedPyInt, isIntDtype } from './py_int'
import type { LibraryContext } from './context'
import { EngineValue, windowElements } from './engine_value'
import { NDARRAY_CLASS, PyNdarray } from './ndarray'
import { PyTensor } from './tensor'
import { NpDType, npDtypeOf, npScalarType, NP_DTYPE_CLASS, NP_ABSTRACT_TYPES } from './dtypes'
import { NpScalar } from './scalars'
import { flattenNested } from './nested'
import { shapeArg, axesArg, npOrderArg, reshapeOrderArg, intArg, boolArg, copyArg, isSequence, zeroDimAxisIsNone, npNewOrderArg } from './argparse'
import { bindNumpyLike } from './like_creation'
import { bindNumpyBroadcast } from './numpy_broadcast'
import { bindNumpyBuffers, ndarrayConstructor } from './buffers'
import { LibModule, scalarArg } from './module_builder'
import { PyCapsule } from './dlpack'
import { npSetPrintoptions, npGetPrintoptions, NpPrintoptionsManager } from './print_options'
import { bindNumpyFiles } from './file_io'
import { bindNumpyLinalg } from './linalg'
import { bindNumpyJoinSplit } from './join_split'
import { bindNumpyIndexOps } from './index_ops'
import { bindNumpyMath } from './math_ops'
import { bindNumpyComposed } from './numpy_composed'
import { bindNumpySorting } from './sorting'
import { bindTypeLimits } from './type_limits'
import { cStrides } from '../../files/layout'
import { bindNumpyCanCast } from './casting'
import { bindNumpyFlatIndex } from './flat_index'
import { NpFlatIter } from './flatiter'

const UNSUPPORTED = new Set([
  'roll', 'linalg',
  'array2string', 'array_repr', 'array_str',
  'fromfile', 'save', 'load', 'savez', 'pad',
])

const NP_DTYPES: DTypeName[] = ['bool', 'int8', 'int16', 'int32', 'int64', 'uint8', 'uint16', 'uint32', 'uint64',
  'float16', 'float32', 'float64', 'complex64', 'complex128']

function dtypeOrNull(v: PyValue | undefined): DTypeName | null {
  return v === undefined || v === null ? null : npDtypeOf(v)
}

function needArray(v: PyValue | undefined, fn: string): EngineValue {
  if (v instanceof EngineValue) return v
  throw pyErr('NotImplementedError', `np.${fn} of a ${typeName(v ?? null)} is not supported by the Stridescope runner (pass an array)`)
}

/**
 * An array argument as NumPy's functions take it (np.asarray): an array as it is, a NumPy
 * scalar as a new 0-d array, Python numbers and nested lists through fromValues.
 */
function asArray(ctx: LibraryContext, v: PyValue | undefined, fn: string): EngineValue {
  if (v instanceof EngineValue) return v
  if (v instanceof NpScalar) return ctx.scalars.toArray(v) as EngineValue
  if (typeof v === 'bigint' || typeof v === 'number' || typeof v === 'boolean' || v instanceof PyComplex || (v !== undefined && isSequence(v))) return fromPython(ctx, v, null)
  return needArray(v, fn)
}

/** np.array / np.asarray of Python data: nested lists and scalars go through fromValues. */
function fromPython(ctx: LibraryContext, data: PyValue, dtype: DTypeName | null): EngineValue {
  const { values, shape } = flattenNested(data, 'ndarray', isIntDtype(dtype) ? dtype : undefined)
  return ctx.opWrap([], () => engine.fromValues('ndarray', values, shape, dtype))
}

function creation(ctx: LibraryContext, name: 'zeros' | 'ones' | 'empty') {
  return (a: PyValue[], kw: Kwargs) => {
    const b = bindArgs(name, ['shape', 'dtype=', 'order=', '*', 'like=', 'device='], a, kw)
    const order = npNewOrderArg(b.order)
    const shape = npShapeArg(b.shape!)
    return ctx.opWrap([], () => engine[name]('ndarray', shape, dtypeOrNull(b.dtype), order))
  }
}

/**
 * A NumPy function over one array argument. `wrapfunc`: NumPy calls the argument's own method
 * (numpy/_core/fromnumeric.py _wrapfunc), so a NumPy scalar's 0-d result is a scalar again.
 */
function viewFn(ctx: LibraryContext, name: string, spec: string[], f: (o: engine.EngineObject, b: Record<string, PyValue | undefined>) => engine.EngineObject, wrapfunc = false) {
  return (a: PyValue[], kw: Kwargs) => {
    const b = bindArgs(name, spec, a, kw)
    const arg = b[spec[0]]
    const x = asArray(ctx, arg, name)
    const r = ctx.opWrap([x.obj], () => f(x.obj, b))
    return wrapfunc && arg instanceof NpScalar ? ctx.scalars.arrayReturn(r) : r
  }
}

export function buildNumpy(ctx: LibraryContext): LibModule {
  const np = new LibModule('numpy', UNSUPPORTED)
  const random = new LibModule('numpy.random')
  const strideTricks = buildStrideTricks(ctx)
  const lib = new LibModule('numpy.lib').set('stride_tricks', strideTricks)
  const exceptions = new LibModule('numpy.exceptions').set('AxisError', excClass('AxisError')).set('ComplexWarning', excClass('ComplexWarning')).set('TooHardError', excClass('TooHardError'))

  np.set('ndarray', NDARRAY_CLASS).set('dtype', NP_DTYPE_CLASS).set('newaxis', null)
    .set('pi', Math.PI).set('e', Math.E).set('inf', Infinity).set('nan', NaN)
    .set('random', random).set('lib', lib).set('exceptions', exceptions)
  for (const d of NP_DTYPES) np.set(d, npScalarType(d))
  np.set('bool_', npScalarType('bool')).set('float_', npScalarType('float64')).set('int_', npScalarType('int64'))
    .set('double', npScalarType('float64')).set('single', npScalarType('float32')).set('half', npScalarType('float16'))
    .set('intp', npScalarType('int64')).set('uintp', npScalarType('uint64'))
    .set('cdouble', npScalarType('complex128')).set('csingle', npScalarType('complex64'))
  for (const [k, c] of Object.entries(NP_ABSTRACT_TYPES)) np.set(k, c)
  for (const d of NP_DTYPES) {
    const cls = npScalarType(d)
    cls.ctor = (a) => {
      if (a.length === 0) return new NpScalar(d, 0n, ctx.scalars)
      if (a[0] instanceof EngineValue) return ctx.opWrap([a[0].obj], () => (a[0] as EngineValue).obj.astype(d, 'K', true))
      const intType = /int/.test(d)
      if (typeof a[0] === 'string') return new NpScalar(d, intType ? checkedPyInt(toInt(a[0]), d) : /float/.test(d) ? toFloat(a[0]) : /complex/.test(d) ? Number(a[0]) : BigInt(a[0]), ctx.scalars)
      // A Python int (or a float, truncated) must fit an integer type (NEP 50); NumPy scalars cast as C does.
      if (intType && (typeof a[0] === 'bigint' || typeof a[0] === 'boolean' || typeof a[0] === 'number')) return new NpScalar(d, checkedPyInt(toInt(a[0]), d), ctx.scalars)
      return new NpScalar(d, scalarArg(a[0]), ctx.scalars)
    }
  }
  NP_DTYPE_CLASS.ctor = (a, kw) => {
    const spec = bindArgs('dtype', ['dtype', 'align=', 'copy='], a, kw).dtype!
    if (spec instanceof NpDType) return spec
    // np.dtype('>f8') describes big-endian data (as loaded files hold); arrays are not created in it.
    if (typeof spec === 'string' && spec.startsWith('>')) return new NpDType(npDtypeOf('=' + spec.slice(1)), true)
    return new NpDType(npDtypeOf(spec))
  }

  np.fn('array', (a, kw) => {
    const b = bindArgs('array', ['object', 'dtype=', '*', 'copy=', 'order=', 'subok=', 'ndmin=', 'like='], a, kw)
    if (b.object instanceof NpFlatIter) b.object = b.object.flat()  // a.flat's __array__: a new C-order copy
    const dtype = dtypeOrNull(b.dtype)
    if (b.ndmin !== undefined && intArg(b.ndmin) !== 0) throw pyErr('NotImplementedError', 'np.array(ndmin=...) is not supported by the Stridescope runner')
    if (b.object instanceof EngineValue) {
      const x = b.object
      const copy = b.copy === undefined ? true : copyArg(b.copy)
      return ctx.opWrap([x.obj], () => engine.npArray(x.obj, dtype, copy, npOrderArg(b.order, 'K')))
    }
    if (b.copy !== undefined && b.copy === false) {
      throw pyErr('ValueError', NO_COPY_MESSAGE)
    }
    return fromPython(ctx, b.object!, dtype)
  })
  // np.asanyarray is np.asarray for the engine's arrays (there are no ndarray subclasses).
  for (const name of ['asarray', 'asanyarray']) {
    np.fn(name, (a, kw) => {
      const b = bindArgs(name, ['a', 'dtype=', 'order=', '*', 'device=', 'copy=', 'like='], a, kw)
      const dtype = dtypeOrNull(b.dtype)
      const order = npOrderArg(b.order, 'K')
      if (!(b.a instanceof EngineValue) && b.copy === false) throw pyErr('ValueError', NO_COPY_MESSAGE)
      // np.asarray(a, order=o) is np.array(a, order=o, copy=None): a copy when a is not in that order.
      const x = b.a instanceof EngineValue ? b.a : fromPython(ctx, b.a!, dtype)
      if (order !== 'K') return ctx.opWrap([x.obj], () => engine.npArray(x.obj, dtype, b.a instanceof EngineValue ? copyArg(b.copy) : null, order))
      return b.a instanceof EngineValue ? ctx.opWrap([x.obj], () => engine.npAsarray(x.obj, dtype, copyArg(b.copy))) : x
    })
  }
  np.fn('require', (a, kw) => {
    const b = bindArgs('require', ['a', 'dtype=', 'requirements=', '*', 'like='], a, kw)
    const dtype = dtypeOrNull(b.dtype)
    const x = asArray(ctx, b.a, 'require')
    const req = requireFlags(b.requirements)
    if (!req) return ctx.opWrap([x.obj], () => engine.npAsarray(x.obj, dtype, null))
    const order = req.has('C') ? 'C' : req.has('F') ? 'F' : 'A'
    const arr = ctx.opWrap([x.obj], () => engine.npArray(x.obj, dtype, null, order))
    const f = arr.info().flags
    const unmet = (req.has('A') && !f.aligned) || (req.has('W') && !f.writeable) || (req.has('O') && !f.ownsData)
    return unmet ? ctx.opWrap([arr.obj], () => arr.obj.copy(order)) : arr
  })
  for (const name of ['ascontiguousarray', 'asfortranarray'] as const) {
    np.fn(name, (a, kw) => {
      const b = bindArgs(name, ['a', 'dtype=', '*', 'like='], a, kw)
      const x = asArray(ctx, b.a, name)
      return ctx.opWrap([x.obj], () => engine[name](x.obj, dtypeOrNull(b.dtype)))
    })
  }
  // The np.conjugate ufunc (np.conj is the same object): always a new array.
  const npConjugate = viewFn(ctx, 'conjugate', ['x'], (o) => o.npConj(true))
  np.fn('conjugate', npConjugate)
  np.fn('conj', npConjugate)
  np.fn('copy', viewFn(ctx, 'copy', ['a', 'order=', 'subok='], (o, b) => o.copy(npOrderArg(b.order, 'K'))))
  np.fn('zeros', creation(ctx, 'zeros')).fn('ones', creation(ctx, 'ones')).fn('empty', creation(ctx, 'empty'))
  np.fn('full', (a, kw) => {
    const b = bindArgs('full', ['shape', 'fill_value', 'dtype=', 'order=', '*', 'like='], a, kw)
    const order = npNewOrderArg(b.order)
    return ctx.opWrap([], () => engine.full('ndarray', npShapeArg(b.shape!), scalarArg(b.fill_value, 'fill_value'), dtypeOrNull(b.dtype), order))
  })
  np.fn('arange', (a, kw) => {
    const b = bindArgs('arange', ['start=', 'stop=', 'step=', 'dtype=', '*', 'like=', 'device='], a, kw)
    if (b.start === undefined) throw pyErr('TypeError', 'arange() requires stop to be specified.')
    const start = scalarArg(b.start)
    const stop = b.stop === undefined || b.stop === null ? null : scalarArg(b.stop)
    const step = b.step === undefined || b.step === null ? null : scalarArg(b.step)
    // NumPy computes the length as ceil((stop - start) / step): a zero step divides by zero.
    if (step !== null && typeof step !== 'object' && Number(step) === 0) throw pyErr('ZeroDivisionError', 'division by zero')
    return ctx.opWrap([], () => engine.arange('ndarray', start, stop, step, dtypeOrNull(b.dtype)))
  })
  np.fn('linspace', (a, kw) => {
    const b = bindArgs('linspace', ['start', 'stop', 'num=', 'endpoint=', 'retstep=', 'dtype=', 'axis=', '*', 'device='], a, kw)
    if (b.retstep !== undefined && boolArg(b.retstep, false)) throw pyErr('NotImplementedError', 'np.linspace(retstep=True) is not supported by the Stridescope runner')
    const num = b.num === undefined ? 50 : intArg(b.num)
    return ctx.opWrap([], () => engine.linspace('ndarray', scalarArg(b.start), scalarArg(b.stop), num, boolArg(b.endpoint, true), dtypeOrNull(b.dtype)))
  })
  np.fn('eye', (a, kw) => {
    const b = bindArgs('eye', ['N', 'M=', 'k=', 'dtype=', 'order=', '*', 'device=', 'like='], a, kw)
    const m = b.M === undefined || b.M === null ? null : intArg(b.M)
    return ctx.opWrap([], () => engine.eye('ndarray', intArg(b.N!), m, b.k === undefined ? 0 : intArg(b.k), dtypeOrNull(b.dtype)))
  })
  np.fn('transpose', viewFn(ctx, 'transpose', ['a', 'axes='], (o, b) => (b.axes === undefined || b.axes === null ? o.transpose() : o.permute(axesArg(b.axes)!)), true))
  np.fn('permute_dims', viewFn(ctx, 'permute_dims', ['a', 'axes='], (o, b) => (b.axes === undefined || b.axes === null ? o.transpose() : o.permute(axesArg(b.axes)!)), true))
  np.fn('matrix_transpose', viewFn(ctx, 'matrix_transpose', ['x'], (o) => {
    const ndim = o.info().shape.length
    if (ndim < 2) throw pyErr('ValueError', `Input array must be at least 2-dimensional, but it is ${ndim}`)
    return o.mT
  }))
  // numpy/lib/_twodim_base_impl.py diag: a 2-d array's k-th diagonal (the read-only view
  // a.diagonal(k) is), or a new square array with a 1-d array on its k-th diagonal.
  np.fn('diag', (a, kw) => {
    const b = bindArgs('diag', ['v', 'k='], a, kw)
    const x = asArray(ctx, b.v, 'diag')
    const k = b.k === undefined ? 0 : intArg(b.k)
    const { shape, dtype } = x.info()
    if (shape.length === 2) return ctx.opWrap([x.obj], () => x.obj.diagonal(k, 0, 1))
    if (shape.length !== 1) throw pyErr('ValueError', 'Input must be 1- or 2-d.')
    const n = shape[0] + Math.abs(k)
    // Complex elements come as [re, im] pairs.
    const vals: PyScalar[] = windowElements(ctx.op([x.obj], () => x.obj.window([0], shape))).map(v => (Array.isArray(v) ? { re: v[0], im: v[1] } : v as PyScalar))
    const zero: PyScalar = dtype === 'bool' ? false : dtype.startsWith('complex') ? { re: 0, im: 0 } : 0
    const out: PyScalar[] = Array(n * n).fill(zero)
    vals.forEach((v, i) => { out[(k >= 0 ? i : i - k) * n + (k >= 0 ? i + k : i)] = v })
    return ctx.opWrap([], () => engine.fromValues('ndarray', out, [n, n], dtype))
  })
  // numpy/lib/_function_base_impl.py flipud / fliplr / rot90: views by flip and transpose.
  np.fn('flipud', viewFn(ctx, 'flipud', ['m'], (o) => {
    if (o.info().shape.length < 1) throw pyErr('ValueError', 'Input must be >= 1-d.')
    return o.flip([0])
  }))
  np.fn('fliplr', viewFn(ctx, 'fliplr', ['m'], (o) => {
    if (o.info().shape.length < 2) throw pyErr('ValueError', 'Input must be >= 2-d.')
    return o.flip([1])
  }))
  np.fn('rot90', viewFn(ctx, 'rot90', ['m', 'k=', 'axes='], (o, b) => {
    const axes = b.axes === undefined ? [0, 1] : axesArg(b.axes)!
    if (axes.length !== 2) throw pyErr('ValueError', 'len(axes) must be 2.')
    const n = o.info().shape.length
    if (axes[0] === axes[1] || Math.abs(axes[0] - axes[1]) === n) throw pyErr('ValueError', 'Axes must be different.')
    if (axes.some(ax => ax >= n || ax < -n)) throw pyErr('ValueError', `Axes=(${axes.join(', ')}) out of range for array of ndim=${n}.`)
    const k = (((b.k === undefined ? 1 : intArg(b.k)) % 4) + 4) % 4
    if (k === 0) return o.index([{ kind: 'ellipsis' }])
    if (k === 2) return o.flip([axes[0]]).flip([axes[1]])
    const perm = [...Array(n).keys()]
    const [i, j] = axes.map(ax => (ax < 0 ? ax + n : ax));
    [perm[i], perm[j]] = [perm[j], perm[i]]
    return k === 1 ? o.flip([axes[1]]).permute(perm) : o.permute(perm).flip([axes[1]])
  }))
  // numpy/_core/shape_base.py atleast_1d/2d/3d: views with new axes of length 1 (an array already
  // of that many dimensions is returned as it is); several arguments give a tuple.
  const atleast = (n: 1 | 2 | 3) => (a: PyValue[], kw: Kwargs) => {
    bindArgs(`atleast_${n}d`, ['*arys'], a, kw)
    const one = (v: PyValue) => {
      const x = asArray(ctx, v, `atleast_${n}d`)
      const shape = x.info().shape
      if (shape.length >= n) return x
      const items: engine.EngineIndexItem[] = shape.length === 0 ? [] : [{ kind: 'ellipsis' }]
      if (shape.length === 0) return ctx.opWrap([x.obj], () => x.obj.reshape(Array(n).fill(1)))
      if (n === 2 || (n === 3 && shape.length === 1)) items.unshift({ kind: 'newaxis' })
      if (n === 3) items.push({ kind: 'newaxis' })
      return ctx.opWrap([x.obj], () => x.obj.index(items))
    }
    return a.length === 1 ? one(a[0]) : new PyTuple(a.map(one))
  }
  np.fn('atleast_1d', atleast(1)).fn('atleast_2d', atleast(2)).fn('atleast_3d', atleast(3))
  np.fn('rollaxis', viewFn(ctx, 'rollaxis', ['a', 'axis', 'start='], (o, b) =>
    o.permute(rollaxisPerm(o.info().shape.length, b.axis!, b.start === undefined ? 0 : intArg(b.start)))))
  np.fn('swapaxes', viewFn(ctx, 'swapaxes', ['a', 'axis1', 'axis2'], (o, b) => o.swapaxes(intArg(b.axis1!), intArg(b.axis2!)), true))
  np.fn('reshape', viewFn(ctx, 'reshape', ['a', 'shape=', 'order=', '*', 'newshape=', 'copy='], (o, b) => {
    const order = reshapeOrderArg(b.order, o.info().flags)
    return o.reshape(npShapeArg((b.shape ?? b.newshape)!), order)
  }, true))
  np.fn('ravel', viewFn(ctx, 'ravel', ['a', 'order='], (o, b) => o.ravel(npOrderArg(b.order, 'C'))))
  np.fn('squeeze', viewFn(ctx, 'squeeze', ['a', 'axis='], (o, b) => o.squeeze(zeroDimAxisIsNone(o.info().shape.length, b.axis) ? null : axesArg(b.axis)), true))
  np.fn('expand_dims', viewFn(ctx, 'expand_dims', ['a', 'axis'], (o, b) => o.expandDims(axesArg(b.axis)!)))
  np.fn('broadcast_to', viewFn(ctx, 'broadcast_to', ['array', 'shape', 'subok='], (o, b) => o.broadcastTo(npShapeArg(b.shape!))))
  np.fn('flip', viewFn(ctx, 'flip', ['m', 'axis='], (o, b) => o.flip(axesArg(b.axis))))
  np.fn('diagonal', viewFn(ctx, 'diagonal', ['a', 'offset=', 'axis1=', 'axis2='], (o, b) =>
    o.diagonal(b.offset === undefined ? 0 : intArg(b.offset), b.axis1 === undefined ? 0 : intArg(b.axis1), b.axis2 === undefined ? 1 : intArg(b.axis2))))
  bindNumpyMath(np, ctx)
  for (const name of ['shares_memory', 'may_share_memory'] as const) {
    np.fn(name, (a, kw) => {
      const b = bindArgs(name, ['a', 'b', 'max_work='], a, kw)
      const bounds = maxWorkArg(b.max_work, name === 'shares_memory' ? -1 : 0) === 0
      // NumPy converts anything else with np.asarray: a new array, which shares nothing.
      if (!(b.a instanceof EngineValue) || !(b.b instanceof EngineValue)) return false
      const x = b.a, y = b.b
      return ctx.op([x.obj, y.obj], () => {
        if (!bounds) return engine.sharesMemory(x.obj, y.obj)
        // max_work=0 is the bounds check alone; shares_memory cannot answer from it when the bounds overlap.
        const overlap = engine.mayShareMemory(x.obj, y.obj)
        if (overlap && name === 'shares_memory') throw pyErr('TooHardError', 'Exceeded max_work')
        return overlap
      })
    })
  }
  np.fn('from_dlpack', (a, kw) => {
    const b = bindArgs('from_dlpack', ['x', '*', 'device=', 'copy='], a, kw)
    if (b.device !== undefined && b.device !== null && b.device !== 'cpu') throw pyErr('ValueError', `Unsupported device: ${String(b.device)}`)
    if (b.device === 'cpu') throw pyErr('NotImplementedError', "np.from_dlpack(device='cpu') is not supported by the Stridescope engine")
    const x = b.x
    if (x instanceof PyCapsule) return ctx.opWrap([], () => engine.fromDlpack('ndarray', x.capsule, copyArg(b.copy)))
    const ev = needArray(x, 'from_dlpack')
    return ctx.opWrap([ev.obj], () => engine.fromDlpack('ndarray', ev.obj, copyArg(b.copy)))
  })
  np.fn('set_printoptions', (a, kw) => npSetPrintoptions(ctx.printOptions, a, kw))
  np.fn('get_printoptions', () => npGetPrintoptions(ctx.printOptions))
  np.fn('printoptions', (a, kw) => new NpPrintoptionsManager(ctx.printOptions, a, kw))
  np.fn('ndim', (a) => BigInt(asArray(ctx, a[0], 'ndim').info().shape.length))
  np.fn('shape', (a) => new PyTuple(asArray(ctx, a[0], 'shape').info().shape.map(BigInt)))
  np.fn('size', (a) => BigInt(asArray(ctx, a[0], 'size').info().numel))
  np.fn('isscalar', (a) => typeof a[0] === 'bigint' || typeof a[0] === 'number' || typeof a[0] === 'boolean' || typeof a[0] === 'string' || a[0] instanceof NpScalar)

  random.fn('seed', (a) => {
    const sd = a.length && a[0] !== null ? intArg(a[0]) : 0
    if (sd < 0 || sd > 0xffffffff) throw pyErr('ValueError', 'Seed must be between 0 and 2**32 - 1')
    engine.seed(sd, 'ndarray')
    return null
  })
  const rnd = (dist: 'rand' | 'randn') => (a: PyValue[], kw: Kwargs) => {
    bindArgs(dist, ['*d'], a, kw)
    const shape = a.map(v => intArg(v))
    const r = ctx.op([], () => engine.random('ndarray', dist, shape, 'float64'))
    return shape.length === 0 ? Number(r.item()) : ctx.wrap(r)  // a Python float, as NumPy returns
  }
  random.fn('rand', rnd('rand')).fn('randn', rnd('randn'))
  const sized = (name: string, dist: 'rand' | 'randn') => (a: PyValue[], kw: Kwargs) => {
    const b = bindArgs(name, ['size='], a, kw)
    const shape = b.size === undefined || b.size === null ? [] : npShapeArg(b.size)
    const r = ctx.op([], () => engine.random('ndarray', dist, shape, 'float64'))
    return b.size === undefined || b.size === null ? Number(r.item()) : ctx.wrap(r)
  }
  random.fn('random', sized('random', 'rand')).fn('random_sample', sized('random_sample', 'rand'))
  random.fn('standard_normal', sized('standard_normal', 'randn'))
  random.fn('randint', (a, kw) => {
    const b = bindArgs('randint', ['low', 'high=', 'size=', 'dtype='], a, kw)
    const [low, high] = b.high === undefined || b.high === null ? [0, intArg(b.low!)] : [intArg(b.low!), intArg(b.high)]
    if (low >= high) throw pyErr('ValueError', b.high === undefined || b.high === null ? 'high <= 0' : 'low >= high')
    const shape = b.size === undefined || b.size === null ? [] : npShapeArg(b.size)
    const r = ctx.op([], () => engine.random('ndarray', 'randint', shape, dtypeOrNull(b.dtype) ?? 'int64', low, high))
    if (b.size !== undefined && b.size !== null) return ctx.wrap(r)
    // dtype=int (the default) gives a Python int; an explicit dtype a NumPy scalar.
    return b.dtype === undefined || b.dtype === null ? BigInt(r.item() as number | bigint) : new NpScalar(r.info().dtype, r.item(), ctx.scalars)
  })
  bindNumpyFiles(np, ctx)
  bindNumpyLike(np, ctx, (v, fn) => asArray(ctx, v, fn))
  bindNumpyBroadcast(np, ctx, (v, fn) => asArray(ctx, v, fn))
  bindNumpyBuffers(np, ctx)
  NDARRAY_CLASS.ctor = ndarrayConstructor(ctx)
  bindNumpyLinalg(np, ctx)
  bindNumpyJoinSplit(np, ctx)
  bindNumpyIndexOps(np, ctx)
  bindNumpyComposed(np, ctx)
  bindNumpySorting(np, ctx)
  bindTypeLimits(np, ctx.scalars)
  bindNumpyCanCast(np)
  bindNumpyFlatIndex(np, ctx, (v, fn) => asArray(ctx, v, fn))
  void PyTensor; void PyNdarray; void isSequence; void BUILTIN_TYPES; void PyClass
  return np
}

function buildStrideTricks(ctx: LibraryContext): LibModule {
  const st = new LibModule('numpy.lib.stride_tricks')
  st.fn('as_strided', (a, kw) => {
    const b = bindArgs('as_strided', ['x', 'shape=', 'strides=', 'subok=', 'writeable='], a, kw)
    const x = asArray(ctx, b.x, 'as_strided')
    const info = x.info()
    const shape = b.shape === undefined || b.shape === null ? info.shape : shapeArg(b.shape)
    // NumPy rebuilds the view from x.__array_interface__, whose strides are None for a C-contiguous
    // x: a new shape without strides then takes C-contiguous strides of its own.
    const strides = b.strides !== undefined && b.strides !== null ? shapeArg(b.strides)
      : info.flags.cContiguous ? cStrides(shape, info.itemsize) : info.byteStrides
    const view = ctx.opWrap([x.obj], () => x.obj.asStrided(shape, strides, null))
    // numpy/lib/_stride_tricks_impl.py as_strided: `if not writeable: array.flags.writeable = False`.
    if (!boolArg(b.writeable, true)) view.obj.setWriteable(false)
    return view
  })
  st.fn('sliding_window_view', (a, kw) => {
    const b = bindArgs('sliding_window_view', ['x', 'window_shape', 'axis=', '*', 'subok=', 'writeable='], a, kw)
    const x = asArray(ctx, b.x, 'sliding_window_view')
    const view = ctx.opWrap([x.obj], () => x.obj.slidingWindowView(shapeArg(b.window_shape!), axesArg(b.axis)))
    // As as_strided's: writeable=True gives a writeable view only of a writeable x.
    if (boolArg(b.writeable, false) && x.info().flags.writeable) view.obj.setWriteable(true)
    return view
  })
  return st
}

void (null as unknown as PyScalar)

/** np.require's POSSIBLE_FLAGS: each name (any case) and the letter it stands for. */
const REQUIRE_FLAGS: Record<string, string> = {
  C: 'C', C_CONTIGUOUS: 'C', CONTIGUOUS: 'C', F: 'F', F_CONTIGUOUS: 'F', FORTRAN: 'F', A: 'A', ALIGNED: 'A',
  W: 'W', WRITEABLE: 'W', O: 'O', OWNDATA: 'O', E: 'E', ENSUREARRAY: 'E',
}

/**
 * np.require's requirements as numpy/_core/_asarray.py reads them: null when falsy (plain
 * asanyarray), else the set of letters of the items iterated (so a string is read letter by letter:
 * 'CONTIGUOUS' fails on 'N' as NumPy's does). E (ENSUREARRAY) changes nothing without subclasses.
 */
function requireFlags(v: PyValue | undefined): Set<string> | null {
  if (v === undefined || v === null || !truthy(v)) return null
  const items: readonly PyValue[] = typeof v === 'string' ? [...v] : isSequence(v) ? v.items : (() => { throw pyErr('TypeError', `'${typeName(v)}' object is not iterable`) })()
  const out = new Set<string>()
  for (const item of items) {
    if (typeof item !== 'string') throw pyErr('AttributeError', `'${typeName(item)}' object has no attribute 'upper'`)
    const letter = REQUIRE_FLAGS[item.toUpperCase()]
    if (letter === undefined) throw pyErr('KeyError', item.toUpperCase())
    out.add(letter)
  }
  if (out.has('C') && out.has('F')) throw pyErr('ValueError', 'Cannot specify both "C" and "F" order')
  return out
}

/** numpy/_core/numeric.py rollaxis: `axis` moved to before `start`, with its errors and their texts. */
function rollaxisPerm(n: number, axisArg: PyValue, start: number): number[] {
  // normalize_axis_index parses its axis as a C int.
  if (typeof axisArg === 'number') throw pyErr('TypeError', 'integer argument expected, got float')
  const ax = intArg(axisArg)
  if (ax < -n || ax >= n) throw pyErr('AxisError', `axis ${ax} is out of bounds for array of dimension ${n}`)
  const axis = ax < 0 ? ax + n : ax
  if (start < 0) start += n
  if (!(start >= 0 && start < n + 1)) throw pyErr('AxisError', `'start' arg requires ${-n} <= start < ${n + 1}, but ${start} was passed in`)
  if (axis < start) start -= 1
  const axes = [...Array(n).keys()].filter(i => i !== axis)
  axes.splice(start, 0, axis)
  return axes
}

/**
 * shares_memory's max_work as NumPy converts it: None is the function's default (-1 exact,
 * 0 bounds only), otherwise a Python int (bool included) of at least -2.
 */
function maxWorkArg(v: PyValue | undefined, dflt: number): number {
  if (v === undefined || v === null) return dflt
  if (typeof v !== 'bigint' && typeof v !== 'boolean') throw pyErr('ValueError', 'max_work must be an integer')
  const n = BigInt(v)
  if (n > (1n << 63n) - 1n || n < -(1n << 63n)) throw pyErr('OverflowError', 'Python int too large to convert to C ssize_t')
  if (n < -2n) throw pyErr('ValueError', 'Invalid value for max_work')
  return Number(n)
}

/** NumPy 2's error for copy=False where a new array must be made. */
const NO_COPY_MESSAGE = 'Unable to avoid copy while creating an array as requested.\nIf using `np.array(obj, copy=False)` replace it with `np.asarray(obj)` to allow a copy when needed (no behavior change in NumPy 1.x).\nFor more details, see https://numpy.org/devdocs/numpy_2_0_migration_guide.html#adapting-to-changes-in-the-copy-keyword.'

/** A NumPy shape argument: a size past a C intp is refused as NumPy's converter refuses it. */
function npShapeArg(v: PyValue): number[] {
  const items = isSequence(v) ? v.items : [v]
  for (const x of items) {
    if (typeof x === 'bigint' && (x > (1n << 63n) - 1n || x < -(1n << 63n))) throw pyErr('ValueError', 'Maximum allowed dimension exceeded')
  }
  return shapeArg(v)
}
