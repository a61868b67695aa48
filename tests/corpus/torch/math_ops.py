# oracle: torch
# Operators, math functions and reductions on tensors: PyTorch's promotion (Python scalars are weak,
# integer inputs of float functions give the default float32), errors, and result layouts
# (TensorIterator: x.permute(0, 2, 1) + 1 keeps the permuted strides; reductions are contiguous).
import torch
a = torch.arange(-3, 4)
print(a // 2, a % 3, a ** 2, a & 3, a | 8, a ^ 1, ~a, a << 2, a >> 1, abs(a))
x = torch.tensor([1.5, -2.5, 7.25, -0.5])
print(x // 0.5, x % 2, x ** 2, x // -2, x % -2, abs(x), 2 ** x)
print(torch.tensor([1, 2], dtype=torch.uint8) ** 2, torch.tensor([100], dtype=torch.int8) * 2, torch.tensor([True, False]) & torch.tensor([True, True]))
print(~torch.tensor([True, False]), torch.tensor([True, False]) << 1, torch.tensor([5], dtype=torch.uint8) >> 1, -x, +a is a)
print(torch.sqrt(torch.tensor([0.0, 1.0, 4.0])), torch.exp(torch.tensor([0.0, 1.0])), torch.log(torch.tensor([1.0, 2.0])).dtype, torch.sqrt(torch.arange(3)).dtype)
print(torch.sin(torch.tensor([0.0], dtype=torch.float64)), torch.tanh(torch.tensor([0.5], dtype=torch.float64)), torch.sigmoid(torch.tensor([0.0])))
y = torch.tensor([-2.5, -1.5, -0.5, 0.5, 1.5, 2.5, 3.7])
print(torch.floor(y), torch.ceil(y), torch.round(y), torch.trunc(y), y.floor(), y.abs(), y.neg(), y.sign())
print(torch.clamp(y, -1, 2), y.clamp(min=0), y.clip(max=1), torch.maximum(y, torch.zeros(7)), torch.minimum(a, torch.tensor(0)))
print(torch.isnan(torch.tensor([1.0, float('nan')])), torch.isinf(torch.tensor([float('inf'), 1.0])), torch.isfinite(torch.tensor([float('inf'), 1.0])))
print(a.pow(2), a.remainder(2), a.floor_divide(2), a.eq(0), a.lt(0), a.ge(1), torch.pow(a, 3), torch.remainder(a, -2))
m = torch.tensor([[3, 1, 4, 1], [5, 9, 2, 6], [5, 3, 5, 8]])
print(m.max(), m.min(), m.max(dim=0), m.min(1), m.max(1, keepdim=True).values, m.argmax(), m.argmin(dim=1))
print(torch.max(m, 1).indices, torch.max(m, m.flip(0)), m.prod(), m.prod(1), m.all(), m.any(), (m > 4).any(dim=0), (m > 0).all(1))
print(m.cumsum(0), m.cumsum(dim=1), torch.cumprod(m, 1), m.cumsum(0).dtype, torch.tensor([1, 2], dtype=torch.int8).cumsum(0).dtype)
f = m.float()
print(f.std(), f.var(), f.std(0), f.var(1, unbiased=False), f.mean(), f.sum(0), torch.std(f, 1, keepdim=True))
values, indices = torch.max(f, dim=1)
print(values, indices, type(torch.max(f, dim=1)).__name__)
p = torch.arange(24.0).view(2, 3, 4).permute(0, 2, 1)
print((p + 1).stride(), torch.sqrt(p).stride(), (p * p).stride(), p.sum(1).stride(), p.cumsum(1).stride(), p.max(2).values.stride())
t = torch.arange(6.0).view(2, 3).t()
print((t * 2).stride(), (t // 2).stride(), t.abs().stride(), (t > 2).stride())
cl = torch.arange(24.0).view(1, 2, 3, 4).contiguous(memory_format=torch.channels_last)
print((cl + 1).stride(), torch.exp(cl).is_contiguous(memory_format=torch.channels_last))
def attempt(text, fn):
    try:
        print(text, "->", fn())
    except Exception as e:
        print(text, "->", type(e).__name__, e)
attempt("divmod", lambda: divmod(a, 2))
attempt("float & int", lambda: torch.tensor([1.0]) & 1)
attempt("int // 0", lambda: torch.tensor([1, 2]) // 0)
attempt("int ** -1", lambda: torch.tensor([2]) ** -1)
attempt("-bool", lambda: -torch.tensor([True]))
attempt("~float", lambda: ~torch.tensor([1.0]))
attempt("bool % bool", lambda: torch.tensor([True]) % torch.tensor([True]))
attempt("int mean", lambda: torch.arange(3).mean())
def add_in_place(t, v):
    t += v
    return t
attempt("int += 1.5", lambda: add_in_place(torch.arange(3), 1.5))
attempt("shapes", lambda: torch.arange(3) // torch.arange(2))
q = torch.arange(24).view(2, 3, 4)
print(q.movedim(0, -1).shape, q.movedim(0, -1).stride(), torch.movedim(q, [0, 1], [-1, -2]).stride(), q.moveaxis(2, 0).stride())
attempt("movedim 3", lambda: q.movedim(3, 0))
