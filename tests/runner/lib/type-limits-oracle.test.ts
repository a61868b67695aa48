// np.iinfo and np.finfo: every limit's value and type (Python ints for integers, NumPy
// scalars of the float type for floats), their repr and str, and NumPy's refusals. The same
// script under the runner and under python3 + NumPy prints the same.
import { describe, it } from 'vitest'
import { expectRunnerPrints, runScriptInPython } from '../python-oracle'

const SCRIPT = String.raw`import numpy as np
for d in (np.float16, np.float32, np.float64):
    f = np.finfo(d)
    print(repr(f.eps), repr(f.max), repr(f.min), repr(f.tiny), repr(f.smallest_normal), repr(f.smallest_subnormal), repr(f.resolution), f.bits, f.precision, f.dtype, repr(f.epsneg), f.nmant, f.nexp, f.maxexp, f.minexp, f.iexp, f.machep, f.negep)
    print(repr(f))
    print(str(f))
i = np.iinfo(np.int16)
print(repr(i), str(i), i.bits, i.kind, i.dtype, type(i.min))
print(repr(np.iinfo(np.uint64)), np.iinfo('int8').max, np.iinfo(np.uint8).min, np.iinfo(int).max)
print(np.finfo(np.complex64).dtype, np.finfo(float).eps, np.finfo('float32').max, np.finfo(np.float32).eps * 2)
for f in [lambda: np.iinfo(np.float32), lambda: np.finfo(np.int32), lambda: np.iinfo(bool), lambda: np.finfo(np.bool_)]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
print(np.array([1, 2], dtype=np.int8).max() < np.iinfo(np.int8).max, np.float32(1) + np.finfo(np.float32).eps)
`

describe('np.iinfo and np.finfo', () => {
  const np = runScriptInPython('python3', SCRIPT)
  if (typeof np === 'string') console.log(`skipping the NumPy comparison: ${np}`)
  it.skipIf(typeof np === 'string')('print what NumPy prints, line for line', () => {
    expectRunnerPrints(SCRIPT, np as Exclude<typeof np, string>)
  })
})
