# Expected output written by hand: reference/semantics.md §F.62 (clone keeps dense strides),
# §F.63 (contiguous returns self when contiguous), §G.66 (to/cpu return self), §C.21-24
# (as_tensor shares and returns the same tensor; torch.tensor copies).
import numpy as np
import torch
t = torch.arange(6.).view(2, 3).t()
c = t.clone()
print(c.stride(), c.is_contiguous(), c.data_ptr() == t.data_ptr())
k = t.contiguous()
print(k.stride(), k.is_contiguous(), t.contiguous() is t, k.contiguous() is k)
print(t.cpu() is t, t.to("cpu") is t, t.to(t.dtype) is t, t.to(torch.float32) is t)
d = t.to(torch.float64)
print(d)
print(d.stride(), d.dtype, t.double().dtype, t.int().dtype, t.long().dtype, t.half().dtype)
a = np.arange(4.)
s = torch.as_tensor(a)
s[0] = 9
print(a, torch.as_tensor(s) is s, torch.as_tensor(a, dtype=torch.float32).dtype)
cp = torch.tensor(a)
cp[1] = -1
print(a, cp)
print(torch.as_tensor(a, dtype=torch.float32).data_ptr() == s.data_ptr())
