// A PrintableArray over values already in JS memory (C order): for tests,
// lists turned into arrays, and small windows copied out of the engine.

import type { DTypeName, ElementValue, PrintableArray } from './types'

export function arrayFromFlat(dtype: DTypeName, shape: readonly number[], values: readonly ElementValue[]): PrintableArray {
  const strides: number[] = new Array(shape.length)
  let acc = 1
  for (let k = shape.length - 1; k >= 0; k--) {
    strides[k] = acc
    acc *= shape[k]
  }
  if (values.length !== acc) throw new RangeError(`arrayFromFlat: ${values.length} values for shape (${shape.join(', ')})`)
  return {
    dtype,
    shape,
    at(index) {
      let flat = 0
      for (let k = 0; k < shape.length; k++) {
        const i = index[k]
        if (!Number.isInteger(i) || i < 0 || i >= shape[k]) throw new RangeError(`index ${i} out of range for axis ${k}`)
        flat += i * strides[k]
      }
      return values[flat]
    }
  }
}
