// np.sort, np.argsort, ndarray.sort, ndarray.argsort and np.unique: values (NaN last), the result's
// layout (np.sort of a transposed array is F-ordered, as a.copy(order='K') is; argsort is
// C-ordered int64; unique's index, inverse in the input's shape, counts), sorting a view in place writes through to its base, and NumPy's errors.
// The same script under the runner and under python3 + NumPy prints the same. Rows have no
// ties past 16 elements: there NumPy's default kind leaves the order of equal keys open.
import { describe, it, expect } from 'vitest'
import { Runner } from '../../../src/runner'
import { expectRunnerPrints, runScriptInPython } from '../python-oracle'

const SCRIPT = String.raw`import numpy as np
a = np.array([[3.0, np.nan, 1.0, -0.5], [2.0, 2.0, -np.inf, np.inf]])
print(np.sort(a), np.sort(a, axis=0), np.sort(a, axis=None))
print(np.argsort(a), np.argsort(a, axis=0), np.argsort(a, axis=None), np.argsort(a, kind='stable'))
t = a.T
s = np.sort(t)
print(s, s.flags['C_CONTIGUOUS'], s.flags['F_CONTIGUOUS'], s.strides)
i = np.argsort(t)
print(i, i.dtype, i.strides)
b = np.array([5, 3, 9, 1, 3], dtype=np.int16)
v = b[::2]
v.sort()
print(b, v, np.sort(b)[::-1], np.argsort(b))
c = np.arange(24).reshape(2, 3, 4)[:, ::-1, :]
print(np.sort(c, axis=1), np.argsort(c, axis=1).strides)
print(np.sort(np.array([True, False, True])), np.sort(np.array([2**63 - 1, -2**63, 0])), np.sort(np.array([3, 1], dtype=np.uint64)))
print(np.sort(np.array(5), axis=None), np.argsort(np.array(3)), np.sort(np.zeros((0, 3))), np.argsort(np.zeros((2, 0))))
for f in [lambda: np.sort(a, axis=2), lambda: a.sort(axis=None), lambda: np.sort(a, order='x'), lambda: np.sort(a, kind='bogus'), lambda: np.sort(np.array(5))]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
x = np.array([3, 1, 2], dtype=np.float32)
print(x.sort(), x, np.sort([3, 1, 2]), np.argsort([2.5, 1.5]))
a = np.array([[3, 1, 3], [2, 1, np.nan]])
print(np.unique(a), np.unique(a, return_index=True, return_inverse=True, return_counts=True))
print(np.unique(np.array([np.nan, np.nan, 1.0])), np.unique(np.array([np.nan, np.nan, 1.0]), equal_nan=False))
print(repr(np.unique(np.array([2, 2, 1], dtype=np.int8), return_counts=True)))
print(np.unique([]), np.unique(np.array(5)), np.unique(np.array(5), return_inverse=True))
print(np.unique([True, False, True]), np.unique(np.array([5, 3, 5, 1]), return_index=True))
print(np.unique(np.arange(12).reshape(3, 4).T % 5, return_inverse=True))
`

describe('sorting', () => {
  const np = runScriptInPython('python3', SCRIPT)
  if (typeof np === 'string') console.log(`skipping the NumPy comparison: ${np}`)
  it.skipIf(typeof np === 'string')('prints what NumPy prints, line for line', () => {
    const want = np as Exclude<typeof np, string>
    expect(expectRunnerPrints(SCRIPT, want).stderr).toBe(want.stderr)
  })

  it('a.sort() on a view is a write the op log records into its base', () => {
    const r = new Runner()
    const res = r.run('import numpy as np\nb = np.array([5, 3, 9, 1, 3])\nv = b[::2]\nv.sort()\nprint(b)\n')
    expect(res.stdout).toBe('[3 3 5 1 9]\n')
    expect(res.ops.some((o) => o.wrote !== undefined)).toBe(true)
  })
})
