// torch.Size as a tuple subclass, Tensor.new_*, set_printoptions and autograd bookkeeping
// (grad_fn, requires_grad, is_leaf, grad mode) against real PyTorch.
import { describe, it, expect } from 'vitest'
import { loadAddon } from '../../../src/engine'
import { pythonLacks, runInPython, runInRunner, TORCH_PYTHON } from '../python-oracle'

const CASES: Record<string, string> = {
  'torch.Size slices, concatenates and repeats as torch.Size': `import torch
s = torch.Size([2, 3, 4])
print(s[1:], s[::-1], s[:0], s[-1], s + (5,), 2 * s, s * 2, (1,) + s)
print(type(s[1:]), type(s + (5,)), type((1,) + s), isinstance(s, tuple))`,
  'tuple(s) is a plain tuple; numel, count, index, ==': `import torch
s = torch.ones(2, 3, 4).shape
print(tuple(s), type(tuple(s)), list(s), s.numel(), torch.Size([]).numel(), s.count(3), s.index(4))
print(s == (2, 3, 4), s == torch.Size([2, 3, 4]), len(s), torch.Size((1, 2)), torch.Size())
print(hash(s) == hash((2, 3, 4)), s[0] * s[1])`,
  'new_zeros / new_ones / new_empty keep dtype and device': `import torch
t = torch.ones(2, 3, dtype=torch.float64)
for r in (t.new_zeros(2), t.new_ones((2, 2)), t.new_empty(3), t.new_zeros(2, 3, dtype=torch.int32), t.new_ones(())):
    print(r.dtype, r.device, r.shape, r.requires_grad)
print(t.new_zeros(2, 2), t.new_ones(3, dtype=torch.int8))`,
  'new_full / new_tensor keep dtype': `import torch
t = torch.ones(2, dtype=torch.float64)
print(t.new_full((2, 2), 7), t.new_tensor([1, 2]), t.new_tensor([[1, 2]], dtype=torch.int16))
i = torch.arange(3)
print(i.new_full((2,), 2.5), i.new_tensor([1.5]), i.new_zeros(1), i.new_tensor(True))
b = torch.tensor([True])
print(b.new_ones(2), b.new_tensor([0, 3]))`,
  'new_* never copy requires_grad': `import torch
g = torch.ones(2, requires_grad=True)
print(g.new_zeros(2), g.new_tensor([1.]), g.new_full((1,), 3.), g.new_zeros(2, requires_grad=True))`,
  'set_printoptions: width from the picked mode, then sci_mode forced': `import torch
torch.set_printoptions(precision=2)
torch.set_printoptions(sci_mode=True)
print(torch.tensor([1.23456, 22.5, -3.14159]))
print(torch.tensor([1., 20., 300.]))
torch.set_printoptions(precision=4, sci_mode=False)
print(torch.tensor([1e-5, 1.0, 1e5]))
print(torch.tensor([1e10, 1.0]))`,
  'set_printoptions resets sci_mode when it is left out': `import torch
torch.set_printoptions(sci_mode=True)
torch.set_printoptions(precision=3)
print(torch.tensor([1e-5, 1.0, 1e5]), torch.tensor([1.5, 2.25]))
torch.set_printoptions(linewidth=40)
print(torch.tensor([1.5, 2.25]))
torch.set_printoptions(profile='default')
print(torch.tensor([1.5, 2.25]))`,
  'grad_fn of views and results': `import torch
g = torch.ones(3, requires_grad=True)
print(g.grad_fn, g.is_leaf, g.view(3, 1).grad_fn is None, (g * 2).grad_fn is None)
for r in (g.view(3, 1), g * 2, 1 - g, g / 2, g + g, -g, g.sum(), g.mean(), g.unsqueeze(0), g.expand(2, 3),
          g.flip(0), g.clone(), g.double(), g.as_strided((2,), (1,)), g.narrow(0, 0, 2), g.view(3, 1).t(),
          g[0], g[1:], g[None], g[...], g[:], g.view(1, 3).squeeze(), g.view(1, 3).squeeze(0)):
    print(type(r.grad_fn).__name__, r.grad_fn.name(), r.requires_grad, r.is_leaf)
print(g.detach().grad_fn, g.data.grad_fn, g.data.requires_grad, g.view(torch.int32).requires_grad)`,
  'in-place writes record their node': `import torch
g = torch.ones(3, requires_grad=True)
y = g * 2
y.add_(1); print(y.grad_fn.name())
y.mul_(2); print(y.grad_fn.name())
y[0] = 5; print(y.grad_fn.name())
y.copy_(torch.ones(3)); print(y.grad_fn.name())
y.fill_(2); print(y.grad_fn.name())
y.zero_(); print(y.grad_fn.name())
y += 1; print(y.grad_fn.name(), y)
x = torch.zeros(3)
x.add_(g); print(x.grad_fn.name(), x.is_leaf, x.requires_grad)
z = torch.zeros(3)
z.copy_(g); print(z)`,
  'no_grad: in-place on a leaf is allowed, results do not require grad': `import torch
g = torch.ones(3, requires_grad=True)
with torch.no_grad():
    g.add_(1)
    g.mul_(2)
    g[0] = 7
    print(g.requires_grad, g.is_leaf, (g * 2).requires_grad, g.clone().requires_grad, g.sum().requires_grad)
    v = g.view(3)
    print(v.requires_grad, v.is_leaf, v.grad_fn, g[1:].requires_grad)
    z = torch.zeros(3); z.copy_(g); print(z.requires_grad)
print(g, (g * 2).requires_grad, torch.is_grad_enabled())
try:
    g.add_(1)
except RuntimeError as e:
    print(e)`,
  'grad mode context managers nest and restore': `import torch
print(torch.is_grad_enabled())
with torch.no_grad():
    print(torch.is_grad_enabled())
    with torch.enable_grad():
        print(torch.is_grad_enabled())
    print(torch.is_grad_enabled())
print(torch.is_grad_enabled())
with torch.set_grad_enabled(False):
    print(torch.is_grad_enabled())
print(torch.is_grad_enabled())
torch.set_grad_enabled(False)
print(torch.is_grad_enabled(), (torch.ones(2, requires_grad=True) * 2).requires_grad)
torch.set_grad_enabled(True)
with torch.inference_mode():
    print(torch.is_grad_enabled())
try:
    with torch.no_grad():
        raise ValueError('inside')
except ValueError:
    pass
print(torch.is_grad_enabled())`,
}

let skip = pythonLacks(TORCH_PYTHON, 'torch')
if (!skip) {
  try { loadAddon() } catch (e) { skip = `native addon not built: ${(e as Error).message.split('\n')[0]}` }
}
if (skip) console.log(`[torch-surface-oracle] skipped: ${skip}`)

describe.skipIf(!!skip)('torch.Size, new_*, print options and autograd flags match real PyTorch', () => {
  const names = Object.keys(CASES)
  const expected = skip ? [] : runInPython(TORCH_PYTHON, names.map(n => CASES[n]))
  names.forEach((name, i) => {
    it(name, () => {
      expect(runInRunner(CASES[name])).toEqual(expected[i])
    })
  })
})
