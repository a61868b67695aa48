# Expected output written by hand: PyTorch's conjugate bit. aten/src/ATen/native/UnaryOps.cpp
# (conj: self for non-complex, else _conj, an alias with the bit flipped; resolve_conj: self
# when the bit is clear; conj_physical: self for non-complex, else a conjugated copy),
# aten/src/ATen/ConjugateFallback.cpp (other ops read resolved values; writes through a conj
# view store the conjugate; clone is not a fallthrough and empty_like clears the bit, so a
# clone is resolved), reference/semantics.md §B.16 and §B.19 (numpy()), §D.34 (__dlpack__).
import torch

def attempt(fn):
    try:
        fn()
        print("no error")
    except Exception as e:
        print(type(e).__name__ + ": [" + str(e) + "]")

t = torch.tensor([1+2j, 3-4j])
c = t.conj()
print(c, c.is_conj(), t.is_conj())
print(c.data_ptr() == t.data_ptr(), c.stride(), c.dtype)
print(c[1].item(), c.tolist())
print(c + 1)
print(c * t)
print(c.sum())
print(c.conj().is_conj(), torch.is_conj(torch.conj(t)))
r = c.resolve_conj()
print(r, r.is_conj(), r.data_ptr() == t.data_ptr())
print(t.resolve_conj() is t)
k = c.clone()
print(k, k.is_conj())
print(c.contiguous() is c)
p = t.conj_physical()
print(p, p.is_conj())
q = c.conj_physical()
print(q, q.is_conj())
f = torch.tensor([1.0, 2.0])
print(f.conj() is f, f.is_conj(), f.conj_physical() is f)
attempt(lambda: c.numpy())
a = c.numpy(force=True)
print(a, a.dtype)
print(c.resolve_conj().numpy())
attempt(lambda: c.__dlpack__())
c[0] = 5+6j
print(t, c)
c.fill_(1+1j)
print(t)
c += 1j
print(t, c)
m = torch.tensor([[1+1j, 2+2j], [3+3j, 4+4j]], dtype=torch.complex128)
v = m.conj().t()
print(v, v.is_conj())
w = v.contiguous()
print(w, w.is_conj(), w.stride())
