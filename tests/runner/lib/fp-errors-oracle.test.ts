// NumPy's floating-point error handling: after each ufunc loop it reads the FPU's flags and,
// per np.errstate, prints "RuntimeWarning: divide by zero encountered in divide", raises
// FloatingPointError, prints a line, or stays quiet. The same script runs under the runner
// and under python3 + NumPy; stdout and stderr must match line for line (the warnings carry
// file:line and the source line, once per location, as Python's default filter shows them).
import { describe, it, expect } from 'vitest'
import { Runner } from '../../../src/runner'
import { expectRunnerPrints, expectSameLines, runScriptInPython } from '../python-oracle'

const SCRIPT = String.raw`import numpy as np
a = np.array([1.0, 0.0, -1.0, np.inf, -np.inf, np.nan, 2.5, -0.0])
f = a.astype(np.float32)
i = np.array([5, -128, 0, 7], np.int8)
q = np.array([5, 3, 0, 7], np.int64)
r1 = a / 0
r2 = f / 0.0
r3 = 1 / a
r4 = a * 1e308
r5 = f * np.float32(1e38)
r6 = np.log(a)
r7 = np.log(f)
r8 = np.sqrt(a)
r9 = np.sqrt(f)
r10 = np.exp(a * 1000)
r11 = np.exp(f * 1000)
r12 = np.arcsin(a)
r13 = np.tan(a)
r14 = a // 0
r15 = a % 0
r16 = a // 1
r17 = a % 1.5
r18 = a - a
r19 = a * 0
r20 = a + a
r21 = a < 1
r22 = a == a
r23 = np.maximum(a, 1)
r24 = np.minimum(a, np.nan)
r25 = np.sign(a)
r26 = np.floor(a)
r27 = np.rint(a)
r28 = np.abs(a)
r29 = -a
r30 = a ** 2
r31 = a ** 0.5
r32 = (-a) ** 0.5
r33 = i // 0
r34 = i % 0
r35 = i // np.int8(-1)
r36 = q // 0
r37 = q % 0
r38 = i / 0
r39 = np.log1p(a - 2)
r40 = np.cos(a)
r41 = np.arccos(f)
r42 = np.tanh(a)
r43 = np.expm1(a * 1000)
r44 = np.log2(f)
r45 = np.log10(a)
r46 = np.exp2(a * 2000)
r47 = np.sinh(a * 1000)
r48 = f // np.float32(0)
b = a.copy()
b /= 0
b = a.copy()
b += np.inf
np.divide(a, 0, out=b)
for k in range(3):
    r49 = a / 0
with np.errstate(divide='ignore'):
    r50 = a / 0
with np.errstate(all='ignore'):
    r51 = a / 0
try:
    with np.errstate(all='raise'):
        r52 = a / 0
except FloatingPointError as e:
    print('raised:', e)
try:
    with np.errstate(invalid='raise'):
        r53 = np.sqrt(a)
except FloatingPointError as e:
    print('raised:', e)
old = np.seterr(invalid='print')
r54 = np.sqrt(a)
np.seterr(**old)
print(r31[7], r30[3], 'done')
`

describe('floating-point errors follow np.errstate, as NumPy reports them', () => {
  const np = runScriptInPython('python3', SCRIPT)
  if (typeof np === 'string') console.log(`skipping the NumPy comparison: ${np}`)
  it.skipIf(typeof np === 'string')('warns, raises, prints and stays quiet exactly where NumPy does', () => {
    const want = np as Exclude<typeof np, string>
    expectSameLines(expectRunnerPrints(SCRIPT, want).stderr, want.stderr, 'stderr')
  })

  it('a torch tensor never warns (PyTorch reads no FPU flags)', () => {
    const res = new Runner().run('import torch\nt = torch.tensor([1.0, 0.0, -1.0])\nx = t / 0\ny = torch.log(t)\nz = torch.sqrt(t)\n')
    expect(res.error).toBeNull()
    expect(res.stderr).toBe('')
  })
})
