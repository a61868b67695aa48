// In-place writes against real PyTorch: ATen's memory-overlap refusals (MemoryOverlap.cpp,
// applied by TensorIterator and copy_) for in-place arithmetic, copy_ and indexed
// assignment, with PyTorch's texts, and that a refused write leaves memory as it was.
// Each snippet prints the memory it wrote through after the attempt.
import { describe, it, expect } from 'vitest'
import { loadAddon } from '../../../src/engine'
import { pythonLacks, runInPython, runInRunner, TORCH_PYTHON } from '../python-oracle'

const PRELUDE = `import torch
def attempt(f):
    try:
        f()
        print('ok')
    except Exception as e:
        print(type(e).__name__ + ': ' + str(e))
`

const CASES: Record<string, string> = {
  'expanded add_ (internal overlap)': `t = torch.tensor([1., 2., 3.]); e = t.expand(4, 3)
attempt(lambda: e.add_(1)); print(t)`,
  'expanded add_ before the dtype check': `i = torch.arange(3).expand(2, 3)
attempt(lambda: i.add_(1.5)); print(i)`,
  'expanded add_ before the shape check': `e = torch.ones(3).expand(4, 3)
attempt(lambda: e.add_(torch.ones(5)))`,
  'a[1:].add_(a[:-1]) (partial overlap)': `a = torch.arange(5.)
attempt(lambda: a[1:].add_(a[:-1])); print(a)`,
  'a 0-d input inside the written range': `a = torch.arange(5.)
attempt(lambda: a[:-1].add_(a[1])); print(a)`,
  'a 0-d input outside the written range': `a = torch.arange(5.)
attempt(lambda: a[1:].add_(a[0])); print(a)`,
  'x.add_(x.t())': `x = torch.arange(9.).reshape(3, 3)
attempt(lambda: x.add_(x.t())); print(x)`,
  'same elements, same order is full overlap (allowed)': `x = torch.arange(9.).reshape(3, 3)
attempt(lambda: x.mul_(x.view(9).view(3, 3))); print(x)
attempt(lambda: x.sub_(x)); print(x)`,
  'in-place operators': `a = torch.arange(4.)
def f():
    global a
    a[1:] += a[:-1]
attempt(f); print(a)
e = torch.zeros(1).expand(3)
def g():
    e.add_(e)
attempt(g)`,
  'out= tensors: written, refused on overlap and dtype, named in the TypeError': `a = torch.ones(3); o = torch.zeros(3)
r = torch.add(a, a, out=o); print(o, r is o)
t = torch.arange(4.)
attempt(lambda: torch.add(t[1:], t[:-1], out=t[:-1])); print(t)
attempt(lambda: torch.mul(a, a, out=torch.zeros(3, dtype=torch.int64)))
attempt(lambda: torch.maximum(a, a, out=[1]))`,
  'x.copy_(x.t())': `x = torch.arange(9.).reshape(3, 3)
attempt(lambda: x.copy_(x.t())); print(x)
attempt(lambda: x.t().copy_(x)); print(x)`,
  'copy_ of itself and of the same view': `x = torch.arange(4.)
attempt(lambda: x.copy_(x)); attempt(lambda: x.copy_(x.view(4))); print(x)`,
  'copy_ into an expanded tensor': `t = torch.tensor([1., 2., 3.]); e = t.expand(4, 3)
attempt(lambda: e.copy_(torch.ones(4, 3))); print(t)
attempt(lambda: e.copy_(torch.ones(3))); print(t)`,
  'copy_ overlapping slices': `c = torch.arange(6.)
attempt(lambda: c[:3].copy_(c[3:])); print(c)
attempt(lambda: c[:4].copy_(c[2:])); print(c)
attempt(lambda: c.copy_(c.flip(0))); print(c)`,
  'copy_ shapes and dtypes': `attempt(lambda: torch.ones(3).copy_(torch.ones(4)))
attempt(lambda: torch.ones(3).copy_(torch.ones(2, 3)))
d = torch.zeros(2, 3); attempt(lambda: d.copy_(torch.arange(3))); print(d)`,
  'copy_ of a non-tensor': `import numpy as np
attempt(lambda: torch.zeros(2).copy_(np.ones(2)))`,
  'fill_ and zero_ may write overlapping memory': `t = torch.tensor([1., 2., 3.]); e = t.expand(4, 3)
attempt(lambda: e.fill_(2)); print(t)
attempt(lambda: e.zero_()); print(t)`,
  'indexed assignment into an expanded tensor': `t = torch.tensor([1., 2., 3.]); e = t.expand(4, 3)
def scalar(): e[...] = 5.
def zero_d(): e[...] = torch.tensor(6.)
def row(): e[...] = torch.ones(3)
def one_row(): e[0] = torch.full((3,), 7.)
for f in (scalar, zero_d, row, one_row):
    attempt(f); print(t)`,
  'indexed assignment from overlapping slices': `c = torch.arange(6.)
def f(): c[1:] = c[:-1]
attempt(f); print(c)
def g(): c[::2] = c[1::2]
attempt(g); print(c)
b = torch.arange(6.).reshape(2, 3)
def h(): b[0] = b[1]
attempt(h); print(b)`,
  'autograd refuses before overlap is checked': `g = torch.ones(3, requires_grad=True)
attempt(lambda: g.expand(2, 3).add_(1))
attempt(lambda: g.copy_(torch.zeros(3)))
with torch.no_grad():
    attempt(lambda: g.expand(2, 3).add_(1))
print(g)`,
  'empty and size-1 expansions do not overlap': `z = torch.zeros(2, 0)
attempt(lambda: z.expand(3, 2, 0).add_(1))
attempt(lambda: torch.ones(1).expand(1).add_(1))
attempt(lambda: torch.ones(1, 3).expand(1, 3).mul_(2))`,
  'as_strided overlap PyTorch cannot prove is written': `s = torch.zeros(4)
v = s.as_strided((2, 2), (1, 1))
attempt(lambda: v.fill_(1)); print(s)
attempt(lambda: v.add_(torch.ones(2, 2))); print(s.shape)`,
  'a view of another dtype is another view': `h = torch.arange(4.)
attempt(lambda: h.view(torch.int32).add_(1))`,
}

/** Where PyTorch 2.x differs from the 1.13 oracle, the 2.x source is the reference. */
const TORCH2_CASES: Record<string, { code: string; expected: string; source: string }> = {
  'copy_ of a view of the same elements returns early': {
    source: 'aten/src/ATen/native/Copy.cpp copy_impl, is_same_data (PyTorch 2.x; 1.13 raises the internal-overlap error)',
    code: `t = torch.tensor([1., 2., 3.]); e = t.expand(4, 3)
attempt(lambda: e.copy_(t.expand(4, 3))); print(t)`,
    expected: 'ok\ntensor([1., 2., 3.])\n',
  },
}

let skip = pythonLacks(TORCH_PYTHON, 'torch')
if (!skip) {
  try { loadAddon() } catch (e) { skip = `native addon not built: ${(e as Error).message.split('\n')[0]}` }
}
if (skip) console.log(`[torch-writes-oracle] skipped: ${skip}`)

describe.skipIf(!!skip)('torch in-place writes match real PyTorch', () => {
  const names = Object.keys(CASES)
  const expected = skip ? [] : runInPython(TORCH_PYTHON, names.map(n => PRELUDE + CASES[n]))
  names.forEach((name, i) => {
    it(name, () => {
      expect(runInRunner(PRELUDE + CASES[name])).toEqual(expected[i])
    })
  })
})

describe.skipIf(!!skip)('torch in-place writes: PyTorch 2.x where 1.13 differs', () => {
  for (const [name, c] of Object.entries(TORCH2_CASES)) {
    it(`${name} (${c.source})`, () => {
      expect(runInRunner(PRELUDE + c.code)).toEqual({ stdout: c.expected, error: null })
    })
  }
})
