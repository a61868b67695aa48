// NumPy's side of writes through shared memory, against real NumPy: broadcast views are
// read-only (assignment, in-place operators and fill refuse with NumPy's texts), and
// overlapping inputs and outputs are resolved by copying first (a[1:] += a[:-1] adds the
// old values), also when the written array repeats elements (the last write wins).
import { describe, it, expect } from 'vitest'
import { loadAddon } from '../../../src/engine'
import { pythonLacks, runInPython, runInRunner } from '../python-oracle'

const PRELUDE = `import numpy as np
from numpy.lib.stride_tricks import as_strided
def attempt(f):
    try:
        f()
        print('ok')
    except Exception as e:
        print(type(e).__name__ + ': ' + str(e))
`

const CASES: Record<string, string> = {
  'broadcast_to views are read-only': `a = np.arange(3.)
b = np.broadcast_to(a, (4, 3))
print(b.flags.writeable, b.strides)
def assign(): b[...] = 1
def iadd():
    global b
    b += 1
attempt(assign); attempt(iadd); attempt(lambda: b.fill(2)); print(a)`,
  'a[1:] += a[:-1] reads the old values': `c = np.arange(6.)
def f(): c[1:] += c[:-1]
attempt(f); print(c)
d = np.arange(6.)
def g(): d[:-1] += d[1:]
attempt(g); print(d)`,
  'assignment from an overlapping slice': `c = np.arange(6.)
def f(): c[1:] = c[:-1]
attempt(f); print(c)
y = np.arange(6.).reshape(2, 3)
def g(): y[:, 1:] = y[:, :2]
attempt(g); print(y)`,
  'x += x.T and x[...] = x.T': `x = np.arange(9.).reshape(3, 3)
def f():
    global x
    x += x.T
attempt(f); print(x)
z = np.arange(9.).reshape(3, 3)
def g(): z[...] = z.T
attempt(g); print(z)`,
  'writable as_strided views that repeat elements': `s = np.arange(5.)
v = as_strided(s, (3,), (0,))
def f():
    global v
    v += np.array([10., 20., 30.])
attempt(f); print(s)
t = np.arange(5.)
w = as_strided(t, (3, 3), (8, 8))
def g():
    global w
    w += 1
attempt(g); print(t)
u = np.arange(5.)
q = as_strided(u, (3, 3), (8, 8))
def h(): q[...] = np.arange(9.).reshape(3, 3)
attempt(h); print(u)`,
}

let skip = pythonLacks('python3', 'numpy')
if (!skip) {
  try { loadAddon() } catch (e) { skip = `native addon not built: ${(e as Error).message.split('\n')[0]}` }
}
if (skip) console.log(`[numpy-writes-oracle] skipped: ${skip}`)

describe.skipIf(!!skip)('NumPy writes through shared memory match real NumPy', () => {
  const names = Object.keys(CASES)
  const expected = skip ? [] : runInPython('python3', names.map(n => PRELUDE + CASES[n]))
  names.forEach((name, i) => {
    it(name, () => {
      expect(runInRunner(PRELUDE + CASES[name])).toEqual(expected[i])
    })
  })
})
