// np.isclose, np.allclose, np.array_equal and np.count_nonzero, composed from the ufuncs as
// NumPy's numeric.py writes them: the same script under the runner and under python3 + NumPy
// prints the same (values, dtypes, NumPy scalars for 0-d results, no warning from inf - inf).
import { describe, it, expect } from 'vitest'
import { expectRunnerPrints, runScriptInPython } from '../python-oracle'

const SCRIPT = String.raw`import numpy as np
a = np.array([1.0, 2.0, np.nan, np.inf, -np.inf, 1e10])
b = np.array([1.0 + 1e-9, 2.1, np.nan, np.inf, np.inf, 1.00001e10])
print(np.isclose(a, b), np.isclose(a, b, equal_nan=True), np.isclose(a, b, rtol=0.1))
print(repr(np.isclose(1.0, 1.0 + 1e-9)), repr(np.isclose(0.1 + 0.2, 0.3)), np.isclose(np.arange(3), 1))
print(np.isclose(np.array([1, 2], dtype=np.int8), np.array([127, -128], dtype=np.int8)))
print(np.allclose(a, b), np.allclose(a, b, equal_nan=True, rtol=0.1), np.allclose([1, 2], [1, 2]), np.allclose(np.arange(4).reshape(2, 2), 1.5, atol=2))
print(np.array_equal([1, 2], [1, 2]), np.array_equal(a, a), np.array_equal(a, a, equal_nan=True), np.array_equal(np.ones(3), np.ones(4)), np.array_equal(np.arange(3), np.arange(3.0)))
print(repr(np.count_nonzero(np.array([[0, 1, 7], [0, 0, 3]]))), np.count_nonzero(np.array([[0, 1, 7], [0, 0, 3]]), axis=0), np.count_nonzero(np.array([[0, 1], [2, 0.0]]), axis=1, keepdims=True), repr(np.count_nonzero(np.eye(3, dtype=bool))))
print(np.isclose(np.float32(1), np.float32(1.00001)), np.isclose([1e-9], [0]), np.isclose(1j, 1j + 1e-10))
`

describe('isclose, allclose, array_equal, count_nonzero', () => {
  const np = runScriptInPython('python3', SCRIPT)
  if (typeof np === 'string') console.log(`skipping the NumPy comparison: ${np}`)
  it.skipIf(typeof np === 'string')('print what NumPy prints, line for line', () => {
    const want = np as Exclude<typeof np, string>
    expect(expectRunnerPrints(SCRIPT, want).stderr).toBe(want.stderr)
  })
})
