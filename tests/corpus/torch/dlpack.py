# Expected output written by hand: reference/semantics.md §D.31 (torch.from_dlpack of an
# ndarray shares), §D.32 (np.from_dlpack of a tensor shares), §D.33 (a capsule is consumed
# once), §D.36 (CPU device is (1, 0)), §D.37 (stream checks on CPU).
import numpy as np
import torch
a = np.arange(4.)
t = torch.from_dlpack(a)
t[0] = 7
print(a, t.dtype, t.stride())
cap = a.__dlpack__()
t2 = torch.from_dlpack(cap)
print(t2)
try:
    torch.from_dlpack(cap)
except Exception as e:
    print(type(e).__name__ + ":", e)
x = torch.arange(3)
y = np.from_dlpack(x)
y[2] = 9
print(x, y.dtype, tuple(int(v) for v in x.__dlpack_device__()))
try:
    x.__dlpack__(stream="s")
except TypeError as e:
    print("TypeError:", e)
try:
    x.__dlpack__(stream=1)
except AssertionError as e:
    print("AssertionError:", e)
