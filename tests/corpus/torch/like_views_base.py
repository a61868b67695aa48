# oracle: torch
# torch.*_like (memory_format: preserve_format keeps dense strides, otherwise contiguous;
# contiguous_format; channels_last), narrow / unfold / unflatten, view_as_real /
# view_as_complex and .real / .imag views, Tensor._base, and t.numpy().base (a detached
# alias of the tensor, not the tensor itself).
import torch

def show(label, r):
    print(label, tuple(r.shape), r.stride(), r.storage_offset(), r.dtype, r.requires_grad)

def attempt(label, fn, values=False):
    try:
        r = fn()
        show(label, r)
        if values:
            print("   ", r.tolist())
    except Exception as e:
        print(label, type(e).__name__ + ":", str(e).split("\n")[0])

x = torch.arange(24.0).reshape(2, 3, 4)
cl = torch.zeros(2, 3, 4, 5).contiguous(memory_format=torch.channels_last)
inputs = [("c", x), ("perm", x.permute(2, 0, 1)), ("sliced", x[:, ::2]), ("expand", torch.arange(3.0).expand(2, 3)),
          ("channels_last", cl), ("t", x[0].t()), ("4-d perm", torch.zeros(2, 3, 4, 5).permute(0, 3, 1, 2))]
for name, v in inputs:
    for fmt in [torch.preserve_format, torch.contiguous_format, torch.channels_last]:
        attempt(name + " empty_like " + str(fmt), lambda: torch.empty_like(v, memory_format=fmt))
    attempt(name + " empty_like default", lambda: torch.empty_like(v))
p = x.permute(2, 0, 1)
attempt("zeros_like int32", lambda: torch.zeros_like(p, dtype=torch.int32), True)
attempt("ones_like expand", lambda: torch.ones_like(torch.arange(3.0).expand(2, 3)), True)
attempt("full_like int 2.7", lambda: torch.full_like(torch.arange(3), 2.7), True)
attempt("full_like float 7", lambda: torch.full_like(torch.arange(3.0), 7), True)
attempt("full_like requires_grad", lambda: torch.full_like(torch.arange(3.0), 1, requires_grad=True), True)
attempt("zeros_like of requires_grad", lambda: torch.zeros_like(torch.ones(2, requires_grad=True)), True)
attempt("zeros_like list", lambda: torch.zeros_like([1, 2]))
attempt("full_like int8 300", lambda: torch.full_like(torch.arange(3, dtype=torch.int8), 300))
print(torch.zeros_like(x).data_ptr() != x.data_ptr())

y = torch.arange(24.0).reshape(4, 6)
attempt("narrow", lambda: y.narrow(1, 1, 2), True)
attempt("narrow negative", lambda: y.narrow(-1, -2, 2), True)
attempt("narrow past end", lambda: y.narrow(1, 3, 4))
attempt("narrow bad dim", lambda: y.narrow(2, 0, 1))
attempt("torch.narrow", lambda: torch.narrow(y, 0, 1, 2), True)
attempt("narrow of t", lambda: y.t().narrow(0, 2, 3))
attempt("unfold", lambda: y.unfold(1, 2, 1))
attempt("unfold step 2", lambda: y.unfold(1, 2, 2), True)
attempt("unfold dim 0", lambda: y.unfold(0, 3, 1))
attempt("unfold too big", lambda: y.unfold(1, 7, 1))
attempt("unfold step 0", lambda: y.unfold(1, 2, 0))
attempt("unfold 0-d", lambda: torch.tensor(5.0).unfold(0, 1, 1), True)
attempt("unflatten", lambda: y.unflatten(1, (2, 3)), True)
attempt("unflatten -1", lambda: y.unflatten(1, (-1, 3)))
attempt("unflatten list", lambda: y.unflatten(-1, [3, 2]))
attempt("unflatten of t", lambda: y.t().unflatten(0, (3, 2)))
attempt("unflatten bad", lambda: y.unflatten(1, (4, 2)))
attempt("unflatten -1 bad", lambda: y.unflatten(1, (-1, 5)))
attempt("unflatten empty", lambda: y.unflatten(1, ()))
attempt("unflatten bad dim", lambda: y.unflatten(2, (2, 3)))
attempt("torch.unflatten", lambda: torch.unflatten(y, 0, (2, 2)))

c = torch.tensor([[1 + 2j, 3 - 4j, 5j], [-1 + 0j, 2 + 2j, 0j]])
attempt("real", lambda: c.real, True)
attempt("imag", lambda: c.imag, True)
attempt("imag of t", lambda: c.t().imag)
attempt("torch.real", lambda: torch.real(c))
attempt("real of real", lambda: y.real)
print(y.real is y, torch.real(y) is y)
attempt("imag of real", lambda: y.imag)
attempt("torch.imag of real", lambda: torch.imag(y))
attempt("real of conj", lambda: c.conj().real, True)
print(c.conj().real.is_conj(), c.real._base is c, c.imag._base is c)
ci = c.imag
ci[0, 0] = 7
print(c[0, 0])
attempt("view_as_real", lambda: torch.view_as_real(c), True)
attempt("view_as_real of t", lambda: torch.view_as_real(c.t()))
attempt("view_as_real 0-d", lambda: torch.view_as_real(torch.tensor(1 + 2j)))
attempt("view_as_real of real", lambda: torch.view_as_real(y))
attempt("view_as_real of conj", lambda: torch.view_as_real(c.conj()))
pairs = torch.arange(12.0).reshape(3, 2, 2)
attempt("view_as_complex", lambda: torch.view_as_complex(pairs))
print(torch.view_as_complex(pairs))
attempt("view_as_complex double", lambda: torch.view_as_complex(pairs.double()))
attempt("view_as_complex of int", lambda: torch.view_as_complex(torch.zeros(2, 2, dtype=torch.int32)))
attempt("view_as_complex 0-d", lambda: torch.view_as_complex(torch.tensor(1.0)))
attempt("view_as_complex last 3", lambda: torch.view_as_complex(torch.zeros(2, 3)))
attempt("view_as_complex stride", lambda: torch.view_as_complex(torch.zeros(2, 2).t()))
attempt("view_as_complex offset", lambda: torch.view_as_complex(torch.zeros(6)[1:5].view(2, 2)))
attempt("view_as_complex odd stride", lambda: torch.view_as_complex(torch.zeros(3, 3)[:, :2]))
rt = torch.view_as_real(torch.view_as_complex(pairs))
print(rt.data_ptr() == pairs.data_ptr(), rt.shape, rt.stride())
g = torch.zeros(2, 3, dtype=torch.cfloat, requires_grad=True)
print(g.real.grad_fn.name(), torch.view_as_real(g).grad_fn.name(), torch.arange(4.0, requires_grad=True).unflatten(0, (2, 2)).grad_fn.name())

b = torch.arange(6.0)
print(b._base, b[1:]._base is b, b[1:][1:]._base is b, b.view(2, 3).t()._base is b, b.narrow(0, 1, 2)._base is b)
print(b.unfold(0, 2, 1)._base is b, b.contiguous()._base, b.clone()._base, b.reshape(2, 3)._base is b)
print(torch.from_numpy(b.numpy())._base)
n = b.numpy()
print(type(n.base).__name__, n.base is b, n.base.data_ptr() == b.data_ptr(), tuple(n.base.shape), n.base._base)
print(n.base is n.base, n[1:].base is n, n[1:][1:].base is n)
m = b.view(2, 3).numpy()
print(tuple(m.base.shape), m.base.stride(), m.base.data_ptr() == b.data_ptr())
