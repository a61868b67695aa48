# Expected output written by hand: reference/semantics.md §E.43-45 (view and computeStride),
# §E.46 (shape error), §E.48 (t() and permute errors), §E.50 (mT), §E.51 (expand strides and
# error), §E.53-55 (slicing, negative step, index error), §E.56 (narrow), §E.58 (unsqueeze),
# §E.59 (empty strides), §E.60 (channels_last), §E.52 (as_strided bounds).
import torch
t = torch.arange(6)
v = t.view(2, 3)
print(v.stride(), v.untyped_storage().data_ptr() == t.untyped_storage().data_ptr(), v.is_contiguous())

def attempt(fn):
    try:
        r = fn()
        print("ok", r)
    except Exception as e:
        print(type(e).__name__ + ": " + str(e))

attempt(lambda: v.t().view(6))
print(v.t().reshape(6))
x = torch.zeros(4, 3, 4)[::2]
print(x.stride(), x.view(2, 12).stride())
attempt(lambda: t.view(4, 2))
attempt(lambda: torch.zeros(2, 3, 4).t())
attempt(lambda: torch.zeros(2, 3).permute(0, 0))
attempt(lambda: torch.arange(3).mT)
print(torch.ones(3, 1).expand(3, 4).stride(), torch.ones(3).expand(2, 3).stride())
attempt(lambda: torch.ones(2, 3).expand(2, 4))
s = torch.arange(10)[2:8:2]
print(s, s.shape, s.stride(), s.storage_offset())
attempt(lambda: torch.arange(5)[::-1])
attempt(lambda: torch.arange(5)[5])
print(t[:] is t, t[...] is t, t[:].data_ptr() == t.data_ptr())
attempt(lambda: torch.arange(10).narrow(0, 8, 3))
z = torch.zeros(2, 3)
print(z.unsqueeze(0).stride(), z.unsqueeze(1).stride(), z.unsqueeze(2).stride(), z.unsqueeze(-1).shape)
print(torch.empty(2, 0, 3).stride(), torch.empty(2, 0, 3).is_contiguous())
cl = torch.empty(2, 3, 4, 5, memory_format=torch.channels_last)
print(cl.stride(), cl.is_contiguous(), cl.is_contiguous(memory_format=torch.channels_last))
attempt(lambda: torch.arange(3, dtype=torch.float32).as_strided((4,), (1,)))
attempt(lambda: torch.arange(3.).as_strided((2,), (-1,)))
print(torch.arange(12).as_strided((2, 2), (3, 1), 1))
print(torch.ones(1, 3, 1).squeeze().shape, v.transpose(0, 1).shape, v.permute(1, 0).stride())
