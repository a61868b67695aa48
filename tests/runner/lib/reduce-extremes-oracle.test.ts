// max/min over contiguous runs take a vectorised path (native/core/reduce.cc extreme_run);
// it must give NumPy's answer exactly: every dtype, run lengths around the lane widths, NaN
// anywhere (first, inside the vector part, in the tail), signed zeros, infinities, strided
// and axis reductions. The same script runs under the runner and under python3 + NumPy.
// Which zero a tie of +0.0 and -0.0 gives depends on NumPy's SIMD width (its lanes' order),
// so there only the value is compared; the engine keeps the first, as its sequential fold does.
import { spawnSync } from 'node:child_process'
import { describe, it, expect } from 'vitest'
import { Runner } from '../../../src/runner'

const SCRIPT = String.raw`import numpy as np
def data(n, dt):
    return ((np.arange(n) * 7919) % 1000 - 500).astype(dt)
for dt in ['float32', 'float64', 'int8', 'uint8', 'int16', 'int32', 'int64', 'uint64', 'bool']:
    for n in [1, 15, 16, 17, 31, 32, 33, 64, 65, 127, 300, 4099]:
        a = data(n, dt)
        print(dt, n, a.max(), a.min(), a[::3].max(), a[::-1].min())
for dt in ['float32', 'float64']:
    for n in [40, 100, 1000]:
        for at in [0, 5, 20, n - 1]:
            a = data(n, dt)
            a[at] = np.nan
            print(dt, n, at, a.max(), a.min(), np.nanmax(a), np.nanmin(a))
        a = data(n, dt)
        a[n // 2] = np.inf
        a[n // 3] = -np.inf
        print(dt, n, a.max(), a.min())
        z = np.zeros(n, dt)
        z[::2] = -0.0
        print(dt, n, z.max() == 0, z.min() == 0)
    b = data(64 * 70, dt).reshape(64, 70)
    print(dt, b.max(axis=1).tolist(), b.min(axis=0).tolist(), b.T.max(axis=0).tolist())
`

function python(code: string): { ok: true; stdout: string } | { ok: false; why: string } {
  const r = spawnSync('python3', ['-c', code], { encoding: 'utf8' })
  if (r.error) return { ok: false, why: `python3 is not available (${r.error.message})` }
  if (r.status !== 0) return { ok: false, why: `python3 with NumPy failed: ${r.stderr.trim().split('\n').pop()}` }
  return { ok: true, stdout: r.stdout }
}

describe('max/min over contiguous runs agree with NumPy', () => {
  const np = python(SCRIPT)
  if (!np.ok) console.log(`skipping the NumPy comparison: ${np.why}`)
  it.skipIf(!np.ok)('prints exactly what NumPy prints', () => {
    const res = new Runner().run(SCRIPT)
    expect(res.error).toBeNull()
    const ours = res.stdout.split('\n'), theirs = (np as { stdout: string }).stdout.split('\n')
    expect(ours.length).toBe(theirs.length)
    for (let i = 0; i < ours.length; i++) expect(ours[i], `line ${i + 1}`).toBe(theirs[i])
  })
})
