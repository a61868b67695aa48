// torch.mm / bmm / matmul / @ / einsum and the Tensor methods against real PyTorch (1.13, the
// system interpreter): result values, shapes, strides, dtypes, autograd nodes and every
// error text of the kernel 1.13's matmul dispatches to (dot, mv, mm, folded mm, bmm).
import { describe, it, expect } from 'vitest'
import { loadAddon } from '../../../src/engine'
import { pythonLacks, runInPython, runInRunner, TORCH_PYTHON } from '../python-oracle'

const PRELUDE = `import torch
def show(label, f):
    try:
        r = f()
        print(label, r, tuple(r.shape), r.stride(), r.dtype, r.is_contiguous())
    except Exception as e:
        print(label, type(e).__name__ + ':', e)
a = torch.arange(6.).reshape(2, 3)
b = torch.arange(6.).reshape(3, 2)
`

const CASES: Record<string, string> = {
  'mm, matmul and @ of matrices': `${PRELUDE}
show('mm', lambda: torch.mm(a, b))
show('@', lambda: a @ b)
show('matmul', lambda: torch.matmul(a, b))
show('method mm', lambda: a.mm(b))
show('method matmul', lambda: a.matmul(b))
show('transposed', lambda: torch.mm(a.t(), a))
show('float64', lambda: a.double() @ b.double())
show('int64', lambda: torch.arange(6).reshape(2, 3) @ torch.arange(6).reshape(3, 2))
show('int8 wraps', lambda: torch.mm(torch.full((1, 2), 100, dtype=torch.int8), torch.ones(2, 1, dtype=torch.int8)))
show('complex', lambda: torch.tensor([[1 + 2j, 1j]]) @ torch.tensor([[3j], [2]]))
show('empty', lambda: torch.ones(2, 0) @ torch.ones(0, 3))`,
  'vectors and batches: dot, mv, folded mm, bmm': `${PRELUDE}
show('1d@1d', lambda: torch.arange(3.) @ torch.arange(3.))
show('2d@1d', lambda: a @ torch.arange(3.))
show('1d@2d', lambda: torch.arange(3.) @ b)
show('3d@2d', lambda: torch.arange(12.).reshape(2, 2, 3) @ b)
show('3d@1d', lambda: torch.arange(12.).reshape(2, 2, 3) @ torch.arange(3.))
show('1d@3d', lambda: torch.arange(2.) @ torch.arange(12.).reshape(2, 2, 3))
show('2d@3d', lambda: torch.arange(4.).reshape(2, 2) @ torch.arange(12.).reshape(2, 2, 3))
show('3d@3d', lambda: torch.arange(12.).reshape(2, 2, 3) @ torch.arange(12.).reshape(2, 3, 2))
show('4d@3d broadcast', lambda: torch.arange(12.).reshape(2, 1, 2, 3) @ torch.arange(18.).reshape(3, 3, 2))
show('bmm', lambda: torch.bmm(torch.arange(12.).reshape(2, 2, 3), torch.arange(12.).reshape(2, 3, 2)))
show('channels-last input', lambda: torch.arange(120.).reshape(2, 3, 4, 5).permute(0, 2, 3, 1) @ torch.ones(3, 2))
show('transposed batch', lambda: torch.ones(3, 2, 2).transpose(0, 1) @ torch.ones(2, 2))`,
  'errors of each kernel': `${PRELUDE}
show('mm mismatch', lambda: torch.mm(a, a))
show('mm 1d', lambda: torch.mm(a, torch.ones(3)))
show('mm 1d self', lambda: torch.mm(torch.ones(3), a))
show('mm dtype', lambda: torch.mm(a, b.double()))
show('mm bool', lambda: torch.mm(torch.ones(2, 2, dtype=torch.bool), torch.ones(2, 2)))
show('mm half', lambda: torch.mm(torch.ones(2, 2).half(), torch.ones(2, 2).half()))
show('mm scalar', lambda: torch.mm(a, 2))
show('bmm 2d', lambda: torch.bmm(a, b))
show('bmm 2d mat2', lambda: torch.bmm(torch.ones(2, 2, 3), b))
show('bmm mismatch', lambda: torch.bmm(torch.ones(2, 2, 3), torch.ones(2, 2, 2)))
show('bmm batch', lambda: torch.bmm(torch.ones(2, 2, 3), torch.ones(3, 3, 2)))
show('bmm bool', lambda: torch.bmm(torch.ones(1, 2, 2, dtype=torch.bool), torch.ones(1, 2, 2, dtype=torch.bool)))
show('0-d', lambda: torch.matmul(torch.tensor(2.), a))
show('0-d right', lambda: torch.matmul(a, torch.tensor(2.)))
show('dot size', lambda: torch.ones(3) @ torch.ones(2))
show('dot dtype', lambda: torch.ones(3) @ torch.ones(3, dtype=torch.int64))
show('dot bool', lambda: torch.ones(2, dtype=torch.bool) @ torch.ones(2, dtype=torch.bool))
show('mv size', lambda: a @ torch.ones(2))
show('mv dtype', lambda: a @ torch.ones(3).double())
show('1d@2d size', lambda: torch.ones(3) @ a)
show('3d@2d size', lambda: torch.ones(2, 2, 3) @ a)
show('3d@1d size', lambda: torch.ones(2, 2, 3) @ torch.ones(2))
show('1d@3d size', lambda: torch.ones(3) @ torch.ones(2, 2, 3))
show('2d@3d size', lambda: a @ torch.ones(2, 2, 3))
show('batch broadcast', lambda: torch.ones(2, 2, 3) @ torch.ones(3, 3, 2))
show('batch k', lambda: torch.ones(2, 2, 3) @ torch.ones(2, 2, 2))
show('int @ float', lambda: torch.ones(2, 3, dtype=torch.int64) @ torch.ones(3, 2))
show('@ list', lambda: a @ [1., 2., 3.])
show('@ int', lambda: a @ 2)`,
  'autograd nodes of products': `import torch
g = torch.ones(2, 3, requires_grad=True)
for r in (g @ torch.ones(3, 2), torch.mm(g, torch.ones(3, 2)), g @ torch.ones(3), torch.ones(3, requires_grad=True) @ torch.ones(3),
          torch.ones(2, 2, 3, requires_grad=True) @ torch.ones(3, 2),
          torch.bmm(torch.ones(2, 2, 3, requires_grad=True), torch.ones(2, 3, 2)),
          torch.ones(3, requires_grad=True) @ torch.ones(3, 2), torch.ones(2, 2, requires_grad=True) @ torch.ones(2, 2, 3),
          torch.ones(2, requires_grad=True) @ torch.ones(2, 2, 3), torch.ones(2, 2, 3, requires_grad=True) @ torch.ones(2, 3, 2)):
    print(r.grad_fn.name(), r.requires_grad, r.is_leaf)
with torch.no_grad():
    print((g @ torch.ones(3, 2)).requires_grad)`,
  'einsum: products, views, layouts of 1.13\'s pairwise contraction and the error texts': `import torch
def show(label, f):
    try:
        r = f()
        print(label, r, tuple(r.shape), r.stride(), r.dtype)
    except Exception as e:
        print(label, type(e).__name__ + ':', e)
a=torch.arange(6.).reshape(2,3); b=torch.arange(12.).reshape(3,4)
for s, ops in [('ij,jk->ki',(a,b)),('ij,jk->ik',(a.t().contiguous().t(),b)),('ij,jk',(a,b)),('i,j->ji',(a[0],b[0])),('ii->i',(torch.ones(3,3),)),('ij->ji',(a,)),('ij->j',(a,)),('bij,bjk->bik',(torch.ones(2,2,3),torch.ones(2,3,2))), ('ji',(a,)), ('...ij->...j',(torch.ones(2,2,3),)), ('ij,ij->ij',(a,a)),('ij,ij->ji',(a,a)), ('bij,bjk->kib',(torch.ones(2,2,3),torch.ones(2,3,2))), ('ii',(torch.arange(9.).reshape(3,3),)), ('i,i',(a[0],a[0])), ('ij,kj->ik', (a, a))]:
    show(s, lambda: torch.einsum(s, *ops))
show('list', lambda: torch.einsum('ij,kj->ik', [a, a]))
show('int', lambda: torch.einsum('ij,kj->ik', torch.ones(2,3,dtype=torch.int64), torch.ones(2,3,dtype=torch.int64)))
show('mixed', lambda: torch.einsum('ij,kj->ik', torch.ones(2,3), torch.ones(2,3,dtype=torch.int64)))
show('mixed outer', lambda: torch.einsum('i,j->ij', torch.ones(3), torch.ones(4,dtype=torch.int64)))
show('broadcast 1', lambda: torch.einsum('ij,jk', torch.ones(2,1), torch.ones(3,4)))
show('size', lambda: torch.einsum('ij,jk->ik', a, a))
show('size2', lambda: torch.einsum('i,i->', torch.ones(3), torch.ones(4)))
show('size bij', lambda: torch.einsum('bij,bjk->bik', torch.ones(2,2,3), torch.ones(3,3,2)))
show('ops', lambda: torch.einsum('ij,jk->ik', a))
show('ops2', lambda: torch.einsum('i', a[0], a[0]))
show('out', lambda: torch.einsum('ij->k', a))
show('dim', lambda: torch.einsum('ijk->i', a))
show('bad', lambda: torch.einsum('i1->i', torch.ones(3)))
show('diag size', lambda: torch.einsum('ii->i', a))
show('rep out', lambda: torch.einsum('ij->ii', a))
g = torch.ones(2, 3, requires_grad=True)
print(torch.einsum('ij,kj->ik', g, a).requires_grad, torch.einsum('ij->ji', g).requires_grad)`,
  'float32 products of random values agree with PyTorch within float32 rounding': `import torch
torch.manual_seed(0)
x = torch.rand(70, 50)
y = torch.rand(50, 90)
ref = (x[:, :, None].double() * y[None, :, :].double()).sum(1)
d = (x @ y).double() - ref
print((d * d).sum().item() < 1e-6, (x @ y).dtype, (x @ y).shape)
x = torch.rand(3, 40, 33)
y = torch.rand(3, 33, 20)
d = torch.bmm(x, y).double() - (x[:, :, :, None].double() * y[:, None, :, :].double()).sum(2)
print((d * d).sum().item() < 1e-6)`,
}

let skip = pythonLacks(TORCH_PYTHON, 'torch')
if (!skip) {
  try { loadAddon() } catch (e) { skip = `native addon not built: ${(e as Error).message.split('\n')[0]}` }
}
if (skip) console.log(`[torch-matmul-oracle] skipped: ${skip}`)

describe.skipIf(!!skip)('torch matrix products match real PyTorch', () => {
  const names = Object.keys(CASES)
  const expected = skip ? [] : runInPython(TORCH_PYTHON, names.map(n => CASES[n]))
  names.forEach((name, i) => {
    it(name, () => {
      expect(runInRunner(CASES[name])).toEqual(expected[i])
    })
  })
})
