// np.save: the header NumPy writes (sorted keys, growth padding, 64-byte alignment,
// version 1.0 unless the header needs 2.0) and the data in C order, or in F order for
// F-contiguous arrays (fortran_order True). Follows numpy/lib/_format_impl.py
// (_write_array_header, _wrap_header, write_array).
import type { DTypeName } from '../engine/types'
import { fail } from './errors'
import { ARRAY_ALIGN, NPY_MAGIC, NPY_MAGIC_LEN } from './npy-header'
import { npyDescrFor } from './npy-dtype'
import { gatherBytes, numpySaveOrder, type StridedView } from './strided-bytes'

export interface ArrayToSave extends StridedView {
  dtype: DTypeName
  /** '>' for big-endian arrays (written as such, as NumPy does). */
  byteOrder?: '<' | '>' | '|' | '='
}

/** NumPy's GROWTH_AXIS_MAX_DIGITS: spare header room so the growth axis can be rewritten. */
const GROWTH_AXIS_MAX_DIGITS = 21

function reprTuple(shape: readonly number[]): string {
  return shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`
}

export function npyHeaderBytes(descr: string, fortranOrder: boolean, shape: readonly number[]): { bytes: Uint8Array; version: [number, number] } {
  let header = `{'descr': '${descr}', 'fortran_order': ${fortranOrder ? 'True' : 'False'}, 'shape': ${reprTuple(shape)}, }`
  if (shape.length > 0) header += ' '.repeat(GROWTH_AXIS_MAX_DIGITS - String(shape[fortranOrder ? shape.length - 1 : 0]).length)
  const hlen = header.length + 1
  for (const [major, lenBytes, max] of [[1, 2, 0xffff], [2, 4, 0xffffffff]] as const) {
    const padlen = ARRAY_ALIGN - ((NPY_MAGIC_LEN + lenBytes + hlen) % ARRAY_ALIGN)
    if (hlen + padlen > max) continue
    const out = new Uint8Array(NPY_MAGIC_LEN + lenBytes + hlen + padlen)
    out.set(NPY_MAGIC, 0)
    out[6] = major
    out[7] = 0
    const dv = new DataView(out.buffer)
    if (lenBytes === 2) dv.setUint16(8, hlen + padlen, true)
    else dv.setUint32(8, hlen + padlen, true)
    let p = NPY_MAGIC_LEN + lenBytes
    for (let i = 0; i < header.length; i++) out[p++] = header.charCodeAt(i)
    out.fill(0x20, p, p + padlen)
    out[p + padlen] = 0x0a
    return { bytes: out, version: [major, 0] }
  }
  return fail('ValueError', `Header length ${hlen} too big for version=(2, 0)`)
}

export interface EncodedNpy {
  bytes: Uint8Array
  version: [number, number]
  /** NumPy's UserWarning when it had to use format 2.0. */
  warnings: string[]
}

/** The bytes np.save(file, array) writes. */
export function encodeNpy(a: ArrayToSave): EncodedNpy {
  const descr = npyDescrFor(a.dtype, a.byteOrder === '>' ? '>' : '<')
  if (descr === null) fail('TypeError', `Stridescope cannot save dtype ${a.dtype} to .npy: NumPy has no such dtype`)
  const order = numpySaveOrder(a)
  const { bytes: head, version } = npyHeaderBytes(descr, order === 'F', a.shape)
  const data = gatherBytes(a, order)
  const out = new Uint8Array(head.length + data.length)
  out.set(head, 0)
  out.set(data, head.length)
  const warnings = version[0] === 2 ? ['Stored array in format 2.0. It can only beread by NumPy >= 1.9'] : []
  return { bytes: out, version, warnings }
}
