# oracle: torch
# torch.reciprocal / Tensor.reciprocal: a floating op (integers and bools give float32).
import torch

print(torch.reciprocal(torch.tensor([2.0, 0.0, -0.0, float('inf'), -4.0, float('nan')])))
print(torch.tensor([2, 4, 0]).reciprocal(), torch.tensor([True, False]).reciprocal())
print(torch.tensor([2.0, 0.5], dtype=torch.float64).reciprocal(), torch.tensor([3.0, 0.0]).half().reciprocal())
t = torch.arange(1.0, 7.0).reshape(2, 3).t()
r = t.reciprocal()
print(r, r.stride(), r.is_contiguous())
g = torch.ones(2, requires_grad=True)
print(g.reciprocal())
# The autograd node each unary op and each power form records.
h = torch.full((2,), 0.5, requires_grad=True)
for name in ['abs', 'neg', 'sign', 'square', 'sqrt', 'exp', 'exp2', 'expm1', 'log', 'log2', 'log10', 'log1p', 'sin',
             'cos', 'tan', 'asin', 'acos', 'atan', 'arcsin', 'sinh', 'cosh', 'tanh', 'sigmoid', 'floor', 'ceil',
             'trunc', 'fix', 'round', 'reciprocal']:
    print(name, getattr(torch, name)(h).grad_fn.name(), getattr(h, name)().grad_fn.name())
print((h ** 2).grad_fn.name(), (h ** h).grad_fn.name(), torch.pow(h, 2).grad_fn.name(), torch.pow(2, h).grad_fn.name(), h.pow(h).grad_fn.name(), h.pow(3).grad_fn.name(), (h % 2).grad_fn.name())
k = h * 1
k **= 2
print(k.grad_fn.name())
