# Lesson 2: converting between NumPy and PyTorch without copying
#
# torch.from_numpy(arr) and tensor.numpy() do not copy a single byte.
# They make a new object that reads the same storage.

# %%
import numpy as np
import torch

arr = np.array([1, 2, 3])
t = torch.from_numpy(arr)
print(t)

# %% [predict] Does writing through t change arr?
t[0] = 10
print(arr)

# %%
# The other way round: numpy() shares too.
u = torch.ones(4)
v = u.numpy()
v[1] = 7
print(u)

# %%
# Same first byte, same memory: the two objects are two views of one buffer.
print(t.data_ptr() == arr.ctypes.data)
print(np.shares_memory(v, u.numpy()))

# %%
# Strides are translated, not changed: NumPy's bytes become PyTorch's elements.
m = np.arange(6.0).reshape(2, 3)
tm = torch.from_numpy(m)
print(m.strides, tm.stride())
