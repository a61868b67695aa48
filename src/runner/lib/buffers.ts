// NumPy over buffers: np.frombuffer and the np.ndarray(shape, dtype, buffer, offset, strides)
// constructor over a bytes object (read-only arrays whose .base is the bytes; arrays over the
// same bytes object share its memory) or over a contiguous array (views of its memory, any
// dtype, offset and strides inside it), and ndarray.tobytes().
import * as engine from '../../engine'
import type { DTypeName } from '../../engine/types'
import type { PyValue, Kwargs } from '../interp/values'
import { PyBytes } from '../interp/bytes'
import { pyErr } from '../interp/exceptions'
import { bindArgs } from '../interp/args'
import { typeName } from '../interp/ops'
import type { LibraryContext } from './context'
import { EngineValue } from './engine_value'
import { NpDType, npDtypeOf, ITEMSIZE } from './dtypes'
import { intArg, npOrderArg, shapeArg } from './argparse'
import type { LibModule } from './module_builder'
import { cStrides, fStrides } from '../../files/layout'

/** One engine storage per bytes object, so that its arrays share memory as NumPy's do. */
const storages = new WeakMap<PyBytes, engine.EngineStorage>()

function storageOf(b: PyBytes): engine.EngineStorage {
  let st = storages.get(b)
  if (!st) storages.set(b, st = engine.storageFromBytes(b.data))
  return st
}

/** A dtype argument with its byte order ('>i4' reads big-endian bytes). */
function dtypeAndOrder(v: PyValue | undefined): { dtype: DTypeName; order: '<' | '>' | '|' } {
  const d = v === undefined || v === null ? new NpDType('float64') : v instanceof NpDType ? v
    : typeof v === 'string' && v.startsWith('>') ? new NpDType(npDtypeOf('=' + v.slice(1)), true) : new NpDType(npDtypeOf(v))
  return { dtype: d.name, order: ITEMSIZE[d.name] === 1 ? '|' : d.bigEndian ? '>' : '<' }
}

/** np.ndarray(shape, dtype, buffer=, offset=, strides=, order=): numpy_module.ts makes it the class's constructor. */
export function ndarrayConstructor(ctx: LibraryContext): (a: PyValue[], kw: Kwargs) => PyValue {
  return (a, kw) => ndarrayNew(ctx, a, kw)
}

export function bindNumpyBuffers(np: LibModule, ctx: LibraryContext): void {
  np.fn('frombuffer', (a: PyValue[], kw: Kwargs) => {
    const b = bindArgs('frombuffer', ['buffer', 'dtype=', 'count=', 'offset=', '*', 'like='], a, kw)
    const buf = b.buffer ?? null
    // An array exports its buffer only when C-contiguous (NumPy asks for a C-contiguous buffer).
    if (buf instanceof EngineValue && !buf.info().flags.cContiguous) throw pyErr('ValueError', 'ndarray is not C-contiguous')
    if (!(buf instanceof PyBytes) && !(buf instanceof EngineValue)) throw pyErr('TypeError', `a bytes-like object is required, not '${typeName(buf)}'`)
    const { dtype, order } = dtypeAndOrder(b.dtype)
    const item = ITEMSIZE[dtype]
    const len = buf instanceof PyBytes ? buf.data.length : buf.info().nbytes
    const count = b.count === undefined || b.count === null ? -1 : intArg(b.count)
    const offset = b.offset === undefined || b.offset === null ? 0 : intArg(b.offset)
    // NOTE numpy/_core/src/multiarray/ctors.c PyArray_FromBuffer
    if (offset < 0 || offset > len) throw pyErr('ValueError', `offset must be non-negative and no greater than buffer length (${len})`)
    let n = count
    if (count < 0) {
      if ((len - offset) % item !== 0) throw pyErr('ValueError', 'buffer size must be a multiple of element size')
      n = (len - offset) / item
    } else if (len - offset < count * item) throw pyErr('ValueError', 'buffer is smaller than requested size')
    if (buf instanceof EngineValue) return viewOfArrayBytes(ctx, buf, dtype, order, [n], [item], offset)
    const st = storageOf(buf)
    const made = ctx.opWrap([], () => engine.viewOfStorage(st, {
      kind: 'ndarray', dtype, shape: [n], byteStrides: [item], byteOffset: offset, byteOrder: order, writeable: false, ownsData: false,
    }))
    made.bufferBase = buf
    return made
  })
}

/**
 * np.ndarray(shape, dtype=float, buffer=None, offset=0, strides=None, order=None): a new
 * uninitialised array without a buffer, else a view of the buffer's bytes, checked as NumPy's
 * array_new checks it (a view whose extent leaves the buffer is refused).
 */
function ndarrayNew(ctx: LibraryContext, a: PyValue[], kw: Kwargs): PyValue {
  const b = bindArgs('ndarray', ['shape', 'dtype=', 'buffer=', 'offset=', 'strides=', 'order='], a, kw)
  const shape = shapeArg(b.shape!)
  if (shape.some(d => d < 0)) throw pyErr('ValueError', 'negative dimensions are not allowed')
  const { dtype, order: byteOrder } = dtypeAndOrder(b.dtype)
  const item = ITEMSIZE[dtype]
  const order = npOrderArg(b.order, 'C') === 'F' ? 'F' : 'C'
  const offset = b.offset === undefined || b.offset === null ? 0 : intArg(b.offset)
  const given = b.strides !== undefined && b.strides !== null ? shapeArg(b.strides) : null
  if (given && given.length !== shape.length) throw pyErr('ValueError', 'strides, if given, must be the same length as shape')
  const strides = given ?? (order === 'F' ? fStrides(shape, item) : cStrides(shape, item))
  const buf = b.buffer ?? null
  const numel = shape.reduce((x, y) => x * y, 1)
  // NumPy's get_array_memory_extents: the lowest and one past the highest byte addressed.
  let lo = 0, hi = numel === 0 ? 0 : item
  if (numel > 0) shape.forEach((d, i) => { const span = (d - 1) * strides[i]; if (span < 0) lo += span; else hi += span })
  const fits = (len: number, off: number) => off + lo >= 0 && off + hi <= len
  const incompatible = () => pyErr('ValueError', 'strides is incompatible with shape of requested array and size of buffer')
  if (buf === null) {
    // Without a buffer NumPy allocates shape's bytes and ignores offset; strides must fit in them.
    if (given && !fits(numel * item, 0)) throw incompatible()
    if (byteOrder === '>') throw pyErr('NotImplementedError', 'np.ndarray with a big-endian dtype is not supported by the Stridescope engine')
    const fresh = ctx.opWrap([], () => engine.empty('ndarray', given ? [numel] : shape, dtype, order))
    return given ? ctx.opWrap([fresh.obj], () => fresh.obj.asStrided(shape, strides, null)) : fresh
  }
  if (!(buf instanceof PyBytes) && !(buf instanceof EngineValue)) throw pyErr('TypeError', `a bytes-like object is required, not '${typeName(buf)}'`)
  if (buf instanceof EngineValue && !buf.info().flags.cContiguous && !buf.info().flags.fContiguous) throw pyErr('ValueError', 'ndarray is not contiguous')
  const len = buf instanceof PyBytes ? buf.data.length : buf.info().nbytes
  if (offset < 0) throw pyErr('ValueError', `np.ndarray: offset ${offset} reaches outside the buffer (${len} bytes); Stridescope refuses views that would read out of bounds`)
  if (!fits(len, offset)) {
    if (given) throw incompatible()
    throw pyErr('TypeError', 'buffer is too small for requested array')
  }
  if (buf instanceof EngineValue) return viewOfArrayBytes(ctx, buf, dtype, byteOrder, shape, strides, offset)
  const st = storageOf(buf)
  const made = ctx.opWrap([], () => engine.viewOfStorage(st, {
    kind: 'ndarray', dtype, shape, byteStrides: strides, byteOffset: offset, byteOrder, writeable: false, ownsData: false,
  }))
  made.bufferBase = buf
  return made
}

/**
 * A view of a contiguous array's bytes as `dtype` with byte `strides` from byte `offset` (bounds
 * already checked): its bytes in memory order, from the offset, reinterpreted, then strided.
 */
function viewOfArrayBytes(ctx: LibraryContext, x: EngineValue, dtype: DTypeName, byteOrder: string, shape: number[], strides: number[], offset: number): PyValue {
  if (byteOrder === '>') throw pyErr('NotImplementedError', 'a big-endian view of an array is not supported by the Stridescope engine')
  const f = x.info().flags, item = ITEMSIZE[dtype], nbytes = x.info().nbytes
  const count = Math.floor((nbytes - offset) / item)
  return ctx.opWrap([x.obj], () => {
    const bytes = x.obj.reshape([x.info().numel], f.cContiguous ? 'C' : 'F').viewDtype('uint8')
    const from = bytes.index([{ kind: 'slice', start: BigInt(offset), stop: BigInt(offset + count * item), step: null }])
    return from.viewDtype(dtype).asStrided(shape, strides, null)
  })
}

/** ndarray.tobytes(order='C'): the elements' raw bytes in C (or F) order. */
export function tobytes(s: EngineValue, a: PyValue[], kw: Kwargs): PyValue {
  const b = bindArgs('tobytes', ['order='], a, kw)
  let order = npOrderArg(b.order, 'C')
  if (order === 'A' || order === 'K') order = s.info().flags.fContiguous && !s.info().flags.cContiguous ? 'F' : 'C'
  return new PyBytes(s.ctx.op([s.obj], () => engine.arrayBytes(s.obj, order as 'C' | 'F')))
}
