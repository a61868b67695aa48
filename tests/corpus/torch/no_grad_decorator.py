# oracle: torch
# torch.no_grad() / enable_grad() as decorators: the function runs in that mode, the mode
# before is restored after (also when it raises).
import torch

w = torch.ones(3, requires_grad=True)


@torch.no_grad()
def infer(x):
    return (x * w).sum()


@torch.enable_grad()
def train(x):
    return (x * w).sum()


print(infer(torch.ones(3)), torch.is_grad_enabled())
with torch.no_grad():
    r = train(torch.ones(3))
    print(r, r.requires_grad, torch.is_grad_enabled())


@torch.no_grad()
def fails():
    raise ValueError('inside')


try:
    fails()
except ValueError as e:
    print('ValueError:', e, torch.is_grad_enabled())
