// The bytes one element of each engine dtype takes (NumPy's and torch's itemsize).
import type { DTypeName } from '../../engine/types'

export const ITEMSIZE: Record<DTypeName, number> = {
  bool: 1, int8: 1, uint8: 1, int16: 2, uint16: 2, int32: 4, uint32: 4, int64: 8, uint64: 8,
  float16: 2, bfloat16: 2, float32: 4, float64: 8, complex64: 8, complex128: 16,
}
