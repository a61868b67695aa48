// NumPy over Python bytes: np.frombuffer (a read-only array over the bytes object, which is
// its .base; arrays over the same bytes object share its memory) and ndarray.tobytes().
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
import { intArg, npOrderArg } from './argparse'
import type { LibModule } from './module_builder'

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

export function bindNumpyBuffers(np: LibModule, ctx: LibraryContext): void {
  np.fn('frombuffer', (a: PyValue[], kw: Kwargs) => {
    const b = bindArgs('frombuffer', ['buffer', 'dtype=', 'count=', 'offset=', '*', 'like='], a, kw)
    const buf = b.buffer ?? null
    if (!(buf instanceof PyBytes)) {
      if (buf instanceof EngineValue) throw pyErr('NotImplementedError', 'np.frombuffer of an array is not supported by the Stridescope runner (pass bytes)')
      throw pyErr('TypeError', `a bytes-like object is required, not '${typeName(buf)}'`)
    }
    const { dtype, order } = dtypeAndOrder(b.dtype)
    const item = ITEMSIZE[dtype]
    const len = buf.data.length
    const count = b.count === undefined || b.count === null ? -1 : intArg(b.count)
    const offset = b.offset === undefined || b.offset === null ? 0 : intArg(b.offset)
    // NOTE numpy/_core/src/multiarray/ctors.c PyArray_FromBuffer
    if (offset < 0 || offset > len) throw pyErr('ValueError', `offset must be non-negative and no greater than buffer length (${len})`)
    let n = count
    if (count < 0) {
      if ((len - offset) % item !== 0) throw pyErr('ValueError', 'buffer size must be a multiple of element size')
      n = (len - offset) / item
    } else if (len - offset < count * item) throw pyErr('ValueError', 'buffer is smaller than requested size')
    const st = storageOf(buf)
    const made = ctx.opWrap([], () => engine.viewOfStorage(st, {
      kind: 'ndarray', dtype, shape: [n], byteStrides: [item], byteOffset: offset, byteOrder: order, writeable: false, ownsData: false,
    }))
    made.bufferBase = buf
    return made
  })
}

/** ndarray.tobytes(order='C'): the elements' raw bytes in C (or F) order. */
export function tobytes(s: EngineValue, a: PyValue[], kw: Kwargs): PyValue {
  const b = bindArgs('tobytes', ['order='], a, kw)
  let order = npOrderArg(b.order, 'C')
  if (order === 'A' || order === 'K') order = s.info().flags.fContiguous && !s.info().flags.cContiguous ? 'F' : 'C'
  return new PyBytes(s.ctx.op([s.obj], () => engine.arrayBytes(s.obj, order as 'C' | 'F')))
}
