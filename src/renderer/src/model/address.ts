// The address formula the inspector shows: data_ptr + Σ i_k·stride_k·itemsize.
// Addresses are decimal strings from the engine; BigInt keeps them exact.
import type { ObjectInfo } from './types'

/** Byte distance of element `index` from element 0 (NumPy strides are in bytes). */
export function byteDelta(info: Pick<ObjectInfo, 'byteStrides'>, index: readonly number[]): number {
  let d = 0
  for (let k = 0; k < index.length; k++) d += index[k] * info.byteStrides[k]
  return d
}

export function addressOf(info: Pick<ObjectInfo, 'byteStrides' | 'dataPtr'>, index: readonly number[]): bigint {
  return BigInt(info.dataPtr) + BigInt(byteDelta(info, index))
}

export function hex(addr: bigint | string): string {
  return '0x' + BigInt(addr).toString(16)
}

/** The formula written out with numbers, e.g. `0x7f.. + 1·24 + 2·8 = 0x7f..`. */
export function addressFormula(info: ObjectInfo, index: readonly number[]): string {
  const terms = index.map((i, k) => `${i}·${info.strides[k]}·${info.itemsize}`)
  const lhs = [hex(info.dataPtr), ...terms].join(' + ')
  return `${lhs} = ${hex(addressOf(info, index))}`
}

/** C-order unravel of a flat logical position into an index tuple. */
export function unravel(flat: number, shape: readonly number[]): number[] {
  const idx = new Array<number>(shape.length)
  for (let k = shape.length - 1; k >= 0; k--) {
    const n = shape[k]
    idx[k] = n > 0 ? flat % n : 0
    flat = n > 0 ? Math.floor(flat / n) : 0
  }
  return idx
}

export function product(xs: readonly number[]): number {
  let p = 1
  for (const x of xs) p *= x
  return p
}

/** Python tuple text: (3,) for one element, () for none. */
export function pyTuple(xs: readonly number[]): string {
  return xs.length === 1 ? `(${xs[0]},)` : `(${xs.join(', ')})`
}
