// Float -> integer and narrowing float casts, value for value as NumPy and PyTorch give them
// on x86-64 (C leaves out-of-range conversions undefined; NumPy's and ATen's loops give what
// the hardware's truncating conversion gives), and NumPy's warnings for them ("invalid value
// encountered in cast", "overflow encountered in cast") under np.errstate. The same script
// runs under the runner and under the real library; stdout and stderr must match line for line.
import { describe, it } from 'vitest'
import { TORCH_PYTHON, expectRunnerPrints, expectSameLines, runScriptInPython } from '../python-oracle'

// uint32 is left out of the wide grid: for values outside (-2^31, 2^32) NumPy's answer depends
// on whether its SIMD loop or its scalar tail converts the element (see elem_types.h).
const NUMPY_SCRIPT = String.raw`import numpy as np
vals = [np.nan, np.inf, -np.inf, 1e20, -1e20, 3e9, -3e9, 5e9, 300.7, -300.7, 70000.5, -1.5, 0.0, -0.0, 127.9, 255.5, 1.8e19, 9.3e18, -9.3e18, 2.0**63, 2.0**64, 2.0**31, -2.0**31, 2.0**32 - 1]
for src in (np.float64, np.float32, np.float16, np.complex128):
    a = np.array(vals).astype(src)
    for d in (np.int8, np.int16, np.int32, np.int64, np.uint8, np.uint16, np.uint64, np.bool_):
        print(src.__name__, d.__name__, a.astype(d).tolist())
u = np.array([3e9, -300.7, 2.0**32 - 1, 2.0**31, -2.0**31 + 1, 0.5, 4294967295.5])
print('uint32', u.astype(np.uint32).tolist(), u.astype(np.float32).astype(np.uint32).tolist())
print(np.array([1e300, -1e300, 1e-300, np.inf, np.nan]).astype(np.float32).tolist())
print(np.array([1e5, 70000.0, 65504.0, 65520.0, -1e9]).astype(np.float16).tolist())
print(np.array([100000, -70000, 65504]).astype(np.float16).tolist())
print(np.array([1e300 + 1e300j, 1 + 2j]).astype(np.complex64).tolist())
x = np.zeros(3, np.int32)
x[:] = np.array([np.nan, 1.5, 2.5])
print(x.tolist())
with np.errstate(invalid='ignore', over='ignore'):
    q = np.array([np.nan, 1e300]).astype(np.int16)
    w = np.array([1e300]).astype(np.float32)
try:
    with np.errstate(invalid='raise'):
        np.array([2.5, np.inf]).astype(np.int64)
except FloatingPointError as e:
    print('raised:', e)
try:
    with np.errstate(over='raise'):
        np.array([1e40]).astype(np.float32)
except FloatingPointError as e:
    print('raised:', e)
print(np.array([1.5, 2.0]).astype(np.int32).tolist(), 'done')
`

const TORCH_SCRIPT = String.raw`import torch
vals = [float('nan'), float('inf'), -float('inf'), 1e20, -1e20, 3e9, -3e9, 5e9, 300.7, -300.7, 70000.5, -1.5, 0.0, 127.9, 255.5, 1.8e19, 9.3e18, -9.3e18, 2.0**63, 2.0**31, -2.0**31]
for src in (torch.float64, torch.float32, torch.float16):
    a = torch.tensor(vals, dtype=torch.float64).to(src)
    for d in (torch.int8, torch.int16, torch.int32, torch.int64, torch.uint8, torch.bool):
        print(src, d, a.to(d).tolist())
`

describe('casts give NumPy\'s and PyTorch\'s values and NumPy\'s warnings', () => {
  const np = runScriptInPython('python3', NUMPY_SCRIPT)
  if (typeof np === 'string') console.log(`skipping the NumPy cast comparison: ${np}`)
  it.skipIf(typeof np === 'string')('NumPy: values, warnings and errstate match line for line', () => {
    const want = np as Exclude<typeof np, string>
    expectSameLines(expectRunnerPrints(NUMPY_SCRIPT, want).stderr, want.stderr, 'stderr')
  })

  const torch = runScriptInPython(TORCH_PYTHON, TORCH_SCRIPT)
  if (typeof torch === 'string') console.log(`skipping the PyTorch cast comparison: ${torch}`)
  it.skipIf(typeof torch === 'string')('PyTorch: values match line for line, and nothing is printed on stderr', () => {
    const want = torch as Exclude<typeof torch, string>
    expectSameLines(expectRunnerPrints(TORCH_SCRIPT, want).stderr, want.stderr, 'stderr')
  })
})
