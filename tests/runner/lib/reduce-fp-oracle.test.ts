// NumPy reads the FPU's flags after each reduce and accumulate loop too: sum of [inf, -inf]
// warns "invalid value encountered in reduce", a cumsum that overflows "overflow encountered
// in accumulate", nanmax of NaNs only "All-NaN slice encountered", var with ddof past the
// count "Degrees of freedom <= 0 for slice", and the mean of an empty slice warns "Mean of
// empty slice" before its divide says invalid. NumPy raises these from its own Python files (numpy/_core/_methods.py),
// whose paths and lines depend on the installation, so the comparison is of what is said
// (category and text, in order) and of stdout (np.errstate's FloatingPointError included);
// the runner names the program's line instead. Each warning's location is used once, so
// Python's once-per-location filter shows every one in both.
import { describe, it, expect } from 'vitest'
import { Runner } from '../../../src/runner'
import { expectRunnerPrints, runScriptInPython } from '../python-oracle'

const SCRIPT = String.raw`import numpy as np
a = np.array([np.inf, -np.inf, 1.0])
b = np.array([1e308, 1e308])
print(a.sum())
print(np.prod(np.array([1e200, 1e200])))
print(np.cumsum(b))
print(np.zeros((0, 3)).mean(axis=0))
print(np.array([]).mean())
print(np.array([[np.inf, 2.0], [1.0, 2.0]]).sum(axis=1), np.array([np.nan, 1.0]).sum())
print(np.array([np.nan, 1.0]).max(), np.array([np.nan, 1.0]).min(), np.array([1e300, 1e300]).astype(np.int64).sum() < 0)
print(np.var(np.array([np.inf, 1.0])))
with np.errstate(over='ignore', invalid='ignore'):
    print(b.sum(), a.mean(), np.cumsum(b)[-1])
try:
    with np.errstate(over='raise'):
        b.sum()
except FloatingPointError as e:
    print('raised:', e)
try:
    with np.errstate(invalid='raise'):
        np.array([]).mean()
except FloatingPointError as e:
    print('raised:', e)
print(np.nanmax(np.array([np.nan, np.nan])), np.nanmin(np.array([[np.nan], [1.0]]), axis=1), np.nanmax(np.array([1.0, np.nan])))
print(np.var(np.array([1.0]), ddof=1), np.std(np.array([[1.0, 2.0]]), axis=0))
try:
    with np.errstate(invalid='raise'):
        np.array([5.0]).var(ddof=1)
except FloatingPointError as e:
    print('raised:', e)
print(np.sum(np.array([1.0, 2.0])), np.array([3, 4]).mean(), 'done')
`

/** "Category: message" of every warning printed on stderr, in order (their file:line left out). */
function said(stderr: string): string[] {
  const out: string[] = []
  for (const line of stderr.split('\n')) {
    const m = /^\S+:\d+: (\w+): (.*)$/.exec(line)
    if (m) out.push(`${m[1]}: ${m[2]}`)
  }
  return out
}

describe('reductions report floating-point errors as NumPy does', () => {
  const np = runScriptInPython('python3', SCRIPT)
  if (typeof np === 'string') console.log(`skipping the NumPy comparison: ${np}`)
  it.skipIf(typeof np === 'string')('says the same warnings in the same order, and raises under np.errstate', () => {
    const want = np as Exclude<typeof np, string>
    const res = expectRunnerPrints(SCRIPT, want)
    expect(said(res.stderr)).toEqual(said(want.stderr))
    // Where the runner says it: the program's own line.
    expect(res.stderr).toContain('prog.py:4: RuntimeWarning: invalid value encountered in reduce\n  print(a.sum())\n')
  })

  it('a torch tensor says nothing (PyTorch reads no FPU flags)', () => {
    const res = new Runner().run('import torch\nt = torch.tensor([float("inf"), -float("inf")])\nx = t.sum()\ny = torch.tensor([1e38, 1e38]).cumsum(0)\nz = torch.tensor([]).mean()\n')
    expect(res.error).toBeNull()
    expect(res.stderr).toBe('')
  })
})
