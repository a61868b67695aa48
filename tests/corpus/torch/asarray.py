# Expected output written by hand: reference/semantics.md §C.26-27 (torch.asarray shares when
# dtype and device match, copies otherwise, and its copy=False errors), §C.21 (as_tensor with
# another dtype copies).
import numpy as np
import torch
t = torch.arange(3.)
s = torch.asarray(t)
print(s.data_ptr() == t.data_ptr(), torch.asarray(t, dtype=torch.float64).data_ptr() == t.data_ptr())
c = torch.asarray(t, copy=True)
print(c.data_ptr() == t.data_ptr(), c)
n = np.arange(3)
print(torch.asarray(n).data_ptr() == n.ctypes.data, torch.as_tensor(n, dtype=torch.float32).data_ptr() == n.ctypes.data)
for fn in (lambda: torch.asarray(t, dtype=torch.float64, copy=False), lambda: torch.asarray([1, 2], copy=False)):
    try:
        fn()
    except Exception as e:
        print(type(e).__name__ + ":", e)
print(torch.asarray([1.5, 2]), torch.asarray([[1, 2]], dtype=torch.int8))
