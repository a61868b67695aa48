// torch.cat / stack / split / chunk / where against real PyTorch (1.13, the system
// interpreter): values, shapes, strides, storage offsets (split and chunk are views),
// channels-last cat, promotion, autograd nodes and the error texts.
import { describe, it, expect } from 'vitest'
import { loadAddon } from '../../../src/engine'
import { pythonLacks, runInPython, runInRunner, TORCH_PYTHON } from '../python-oracle'

const PRELUDE = `import torch
def show(label, f):
    try:
        r = f()
        if isinstance(r, tuple):
            print(label, 'tuple', len(r), [(tuple(x.shape), x.stride(), x.storage_offset(), x.tolist()) for x in r])
        else:
            print(label, r, tuple(r.shape), r.stride(), r.dtype)
    except Exception as e:
        print(label, type(e).__name__ + ':', e)
a = torch.arange(6).reshape(2, 3)
b = torch.arange(6, 12).reshape(2, 3)
x = torch.arange(24.).reshape(1, 2, 3, 4).contiguous(memory_format=torch.channels_last)
`

const CASES: Record<string, string> = {
  'cat': `${PRELUDE}
show('cat', lambda: torch.cat([a, b]))
show('cat dim 1', lambda: torch.cat([a, b], 1))
show('cat dim -1', lambda: torch.cat((a, b), dim=-1))
show('concat', lambda: torch.concat([a, b]))
show('cat transposed', lambda: torch.cat([a.t(), b.t()]))
show('cat promotes', lambda: torch.cat([a, b.float()]))
show('cat int8 uint8', lambda: torch.cat([a.to(torch.int8), b.to(torch.uint8)]))
show('cat bool', lambda: torch.cat([a > 2, b]))
show('cat skips empty 1-d', lambda: torch.cat([a, torch.ones(0)]))
show('cat channels-last', lambda: torch.cat([x, x]))
show('cat channels-last dim 1', lambda: torch.cat([x, x], 1))
show('cat mixed formats', lambda: torch.cat([x, x.contiguous()], 1))
show('cat mixed formats 2', lambda: torch.cat([x.contiguous(), x], 1))
show('cat sizes', lambda: torch.cat([a, torch.ones(2, 2)]))
show('cat sizes dim 1', lambda: torch.cat([a, torch.ones(3, 3)], 1))
show('cat ndim', lambda: torch.cat([a, torch.ones(3)]))
show('cat dim', lambda: torch.cat([a, b], 2))
show('cat nothing', lambda: torch.cat([]))
show('cat 0-d', lambda: torch.cat([torch.tensor(1), torch.tensor(2)]))
show('cat a tensor', lambda: torch.cat(a))
show('cat a list', lambda: torch.cat([a, [1, 2, 3]]))`,
  'stack': `${PRELUDE}
show('stack', lambda: torch.stack([a, b]))
show('stack dim 1', lambda: torch.stack([a, b], 1))
show('stack dim -1', lambda: torch.stack([a, b], dim=-1))
show('stack transposed', lambda: torch.stack([a.t(), b.t()]))
show('stack promotes', lambda: torch.stack([a, b.double()]))
show('stack sizes', lambda: torch.stack([a, torch.ones(3, 2)]))
show('stack nothing', lambda: torch.stack([]))
show('stack dim', lambda: torch.stack([a, b], 3))`,
  'split and chunk are views': `${PRELUDE}
t = torch.arange(7)
show('split', lambda: torch.split(t, 3))
show('split sizes', lambda: torch.split(t, [2, 5]))
show('split method', lambda: a.split(2, dim=1))
show('split dim -1', lambda: a.split(1, -1))
show('chunk', lambda: torch.chunk(t, 3))
show('chunk uneven', lambda: torch.arange(6).chunk(4))
show('chunk dim', lambda: a.chunk(2, dim=1))
show('chunk more than size', lambda: torch.arange(3).chunk(5))
show('chunk empty', lambda: torch.arange(0).chunk(2))
show('split sizes sum', lambda: torch.split(t, [2, 4]))
show('split zero', lambda: a.split(0))
show('split negative', lambda: a.split(-1))
show('split 0-d', lambda: torch.tensor(1).split(1))
show('chunk zero', lambda: a.chunk(0))
show('split dim', lambda: a.split(1, 2))
p = torch.split(t, 3)
p[1][0] = 100
print(t, p[1].data_ptr() - t.data_ptr())`,
  'where': `${PRELUDE}
show('where', lambda: torch.where(a > 2, a, b))
show('where scalar', lambda: torch.where(a > 2, a, -1))
show('where float scalar', lambda: torch.where(a > 2, a, 0.5))
show('where promotes', lambda: torch.where(a > 2, a.float(), b.double()))
show('where method', lambda: a.where(a > 2, b))
show('where transposed', lambda: torch.where(a.t() > 2, a.t(), b.t()))
show('where channels-last', lambda: torch.where(x > 2, x, x).stride())
show('where condition only', lambda: torch.where(a > 2))
show('where 1-d condition only', lambda: torch.where(torch.arange(5) > 2))
show('where long condition', lambda: torch.where(a, a, b))
show('where broadcast', lambda: torch.where(a > 2, a, torch.ones(2)))`,
  'autograd nodes': `import torch
g = torch.ones(4, requires_grad=True)
for r in (torch.cat([g, torch.ones(2)]), torch.stack([g, g]), g.split(2)[0], g.split([1, 3])[1], g.chunk(2)[1],
          torch.where(g > 0, g, torch.zeros(4))):
    print(r.grad_fn.name(), r.requires_grad, r.is_leaf)`,
}

let skip = pythonLacks(TORCH_PYTHON, 'torch')
if (!skip) {
  try { loadAddon() } catch (e) { skip = `native addon not built: ${(e as Error).message.split('\n')[0]}` }
}
if (skip) console.log(`[torch-join-split-oracle] skipped: ${skip}`)

describe.skipIf(!!skip)('torch joins and splits match real PyTorch', () => {
  const names = Object.keys(CASES)
  const expected = skip ? [] : runInPython(TORCH_PYTHON, names.map(n => CASES[n]))
  names.forEach((name, i) => {
    it(name, () => {
      expect(runInRunner(CASES[name])).toEqual(expected[i])
    })
  })
})
