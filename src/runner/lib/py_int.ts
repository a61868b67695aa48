// Python ints (and what int() makes of floats and strings) into NumPy's integer types, with
// NumPy 2's errors: a value past a C long (for uint64, past an unsigned long long) fails
// before the range check, as the conversion does (numpy/_core/src/multiarray/arraytypes.c.src).
import type { DTypeName } from '../../engine/types'
import { pyErr } from '../interp/exceptions'
import { toInt } from '../interp/builtins'
import { PyComplex, type PyValue } from '../interp/values'

const INT_RANGE: Partial<Record<DTypeName, [bigint, bigint]>> = {
  int8: [-(1n << 7n), (1n << 7n) - 1n], int16: [-(1n << 15n), (1n << 15n) - 1n],
  int32: [-(1n << 31n), (1n << 31n) - 1n], int64: [-(1n << 63n), (1n << 63n) - 1n],
  uint8: [0n, (1n << 8n) - 1n], uint16: [0n, (1n << 16n) - 1n], uint32: [0n, (1n << 32n) - 1n], uint64: [0n, (1n << 64n) - 1n]
}

/**
 * np.uint8(300): NumPy 2 refuses a Python int outside the type's range. Past what a C long
 * holds (for uint32 and uint64, read as an unsigned long: up to 2**64 - 1) the conversion
 * fails before the range check.
 */
export function checkedPyInt(v: bigint, d: DTypeName): bigint {
  const [lo, hi] = INT_RANGE[d]!
  const cLo = -(1n << 63n), cHi = d === 'uint32' || d === 'uint64' ? (1n << 64n) - 1n : (1n << 63n) - 1n
  if (v < cLo || v > cHi) throw pyErr('OverflowError', 'Python int too large to convert to C long')
  if (v < lo || v > hi) throw pyErr('OverflowError', `Python integer ${v} out of bounds for ${d}`)
  return v
}

/**
 * An element of a nested Python sequence stored into an integer array (np.array([1.5, '3'],
 * dtype=np.int64), np.take's index lists): NumPy calls int() on it, so 1.5 is 1, '3' is 3,
 * nan raises ValueError and 1e30 OverflowError, and a complex is refused.
 */
export function pyIntElement(v: PyValue, d: DTypeName): bigint {
  if (v instanceof PyComplex) throw pyErr('TypeError', "int() argument must be a string, a bytes-like object or a real number, not 'complex'")
  return checkedPyInt(toInt(v), d)
}

export function isIntDtype(d: DTypeName | null): d is DTypeName {
  return d !== null && d in INT_RANGE
}
