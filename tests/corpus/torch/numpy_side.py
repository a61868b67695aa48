# Expected output written by hand: reference/semantics.md §C.28 (np.asarray(t) shares via
# numpy()), §C.29 (np.array(t) copies; its DeprecationWarning goes to stderr), §D.31-32, §D.36
# (DLPack both ways shares; CPU device is (1, 0)).
import numpy as np
import torch
t = torch.arange(4.)
a = np.asarray(t)
a[0] = 5
print(t, a.dtype, np.shares_memory(a, np.asarray(t)))
c = np.array(t)
c[1] = -1
print(t[1].item(), c)
d = torch.from_dlpack(np.arange(3))
e = np.from_dlpack(t)
e[3] = 30
print(d, t, tuple(int(x) for x in t.__dlpack_device__()))
