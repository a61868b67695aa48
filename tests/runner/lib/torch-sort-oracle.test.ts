// torch.sort, torch.argsort, torch.topk, torch.unique and their Tensor methods, against PyTorch
// 1.13 (/usr/bin/python3): values and indices (NaN greatest), dtypes, the return types' printing,
// indexing and names, layouts (sort keeps a dense input's strides, a transposed one included;
// topk and unique are contiguous; every result is a new tensor), grad_fn, and PyTorch's errors.
// Ties appear only under stable=True: PyTorch's default sort and topk leave their order open.
import { describe, it, expect } from 'vitest'
import { Runner } from '../../../src/runner'
import { TORCH_PYTHON, expectRunnerPrints, runScriptInPython } from '../python-oracle'

const SCRIPT = String.raw`import torch
a = torch.tensor([[3.0, float('nan'), 1.0, -0.5], [2.0, 7.0, -float('inf'), float('inf')]])
r = torch.sort(a)
print(r)
print(r.values, r.indices, r[0].dtype, r[1].dtype, len(r), type(r).__name__)
v, i = a.sort(dim=0, descending=True)
print(v, i)
print(torch.sort(a, stable=True, descending=True), torch.argsort(a), a.argsort(dim=0, descending=True))
t = a.t()
v, i = torch.sort(t)
print(v, i, v.stride(), i.stride(), v.is_contiguous(), t.stride(), v.data_ptr() != t.data_ptr())
b = torch.arange(24.).reshape(2, 3, 4).permute(2, 0, 1)
for x in [b, torch.arange(24.).reshape(2, 3, 4)[:, ::2], torch.arange(4.).expand(3, 4)]:
    v, i = x.sort(dim=1, descending=True)
    print(v.stride(), i.stride(), x.topk(1, dim=1).values.stride(), x.argsort(dim=1).stride())
s = torch.tensor([3, 1, 2, 1, 3, 0], dtype=torch.int16)
print(torch.sort(s, stable=True), s.sort(stable=True, descending=True), torch.argsort(torch.tensor([True, False, True])))
print(torch.sort(torch.tensor([2**63 - 1, -2**63, 0])), torch.sort(torch.tensor([200, 3], dtype=torch.uint8)))
print(torch.topk(a, 2), a.topk(1, dim=0, largest=False), torch.topk(torch.tensor([5, 1, 9, 4]), k=3, largest=False))
print(torch.topk(torch.tensor([[1., 5, 3], [4, 2, 6]]), 2, dim=0), torch.topk(a, 0))
print(torch.sort(torch.tensor(5.)), torch.topk(torch.tensor(5.), 1), torch.argsort(torch.tensor(2)))
print(torch.sort(torch.zeros(0, 3), dim=0), torch.topk(torch.zeros(2, 0), 0), torch.argsort(torch.zeros(0)))
g = torch.tensor([2., 1., 3.], requires_grad=True)
print(g.sort(), torch.sort(g, stable=True), g.topk(2), g.argsort())
with torch.no_grad():
    print(g.sort().values, g.unique())
y = torch.tensor([[2., 1.], [0., 3.]], requires_grad=True) * 2
print(y.sort(0), y.t().sort().values.stride(), torch.unique(y), torch.unique(g, return_counts=True))
h = torch.tensor([3., float('nan'), 1.], dtype=torch.bfloat16)
print(h.sort(), h.topk(2), torch.tensor([3., 1.], dtype=torch.float16).sort(descending=True))
u = torch.tensor([[3, 1], [3, 2]])
print(torch.unique(u), torch.unique(u, return_inverse=True), u.unique(return_counts=True), torch.unique(u, return_inverse=True, return_counts=True))
print(torch.unique(torch.tensor([3., 1., 3.]), sorted=False), torch.unique(torch.tensor([float('nan'), float('nan'), 1.])))
print(torch.unique(torch.tensor([], dtype=torch.int32), return_inverse=True, return_counts=True), torch.unique(torch.tensor(5), return_inverse=True))
print(torch.unique(torch.tensor([True, False, True])), torch.unique(torch.arange(12).reshape(3, 4).t() % 5, return_inverse=True)[1].stride())
x = torch.tensor([3, 1, 2, 1])
for f in [lambda: x.topk(5), lambda: x.topk(-1), lambda: torch.sort(x, dim=2), lambda: torch.sort(torch.tensor(5.), dim=1),
          lambda: torch.topk(torch.tensor(5.), 2), lambda: a.argsort(dim=-3), lambda: torch.sort([3, 1]),
          lambda: torch.tensor([1.], dtype=torch.float16).topk(1), lambda: torch.tensor([True]).topk(1), lambda: torch.tensor([1.], dtype=torch.float16).unique(),
          lambda: torch.tensor([1j]).sort(), lambda: torch.tensor([1j], dtype=torch.complex128).argsort(), lambda: torch.tensor([1j]).topk(1), lambda: torch.tensor([1j]).unique()]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
`

describe('torch sorting', () => {
  const pt = runScriptInPython(TORCH_PYTHON, SCRIPT)
  if (typeof pt === 'string') console.log(`skipping the PyTorch comparison: ${pt}`)
  it.skipIf(typeof pt === 'string')('prints what PyTorch prints, line for line', () => {
    const want = pt as Exclude<typeof pt, string>
    expect(expectRunnerPrints(SCRIPT, want).stderr).toBe(want.stderr)
  })

  it('torch.unique(dim=...) is refused plainly', () => {
    const res = new Runner().run('import torch\ntorch.unique(torch.tensor([[1, 2], [1, 2]]), dim=0)\n')
    expect(res.error?.type).toBe('NotImplementedError')
    expect(res.error?.message).toBe('torch.unique(dim=...) is not supported by the Stridescope runner')
  })

  it('sort leaves its input alone and returns tensors of their own', () => {
    const res = new Runner().run('import torch\na = torch.tensor([3, 1, 2])\nv, i = a.sort()\nv[0] = 9\nprint(a, v, i)\n')
    expect(res.error).toBeNull()
    expect(res.stdout).toBe('tensor([3, 1, 2]) tensor([9, 2, 3]) tensor([1, 2, 0])\n')
  })
})
