# Lesson 9: common misconceptions, each disproved by running code

# %%
import numpy as np
import torch

# %% [predict] "numpy() always copies." True or false?
t = torch.zeros(3)
a = t.numpy()
t[0] = 1
print(a)

# %% [predict] "Changing the tensor leaves the array alone." True or false?
arr = np.ones(2)
ta = torch.from_numpy(arr)
ta.mul_(3)
print(arr)

# %% [predict] "Every tensor is contiguous." True or false?
m = torch.ones(2, 3)
print(m.is_contiguous(), m.t().is_contiguous(), m[:, ::2].is_contiguous())

# %% [predict] "Any tensor converts to NumPy directly." True or false?
g = torch.ones(2, requires_grad=True)
try:
    g.numpy()
except RuntimeError as e:
    print(e)
print(g.detach().numpy())

# %%
b = torch.ones(2, dtype=torch.bfloat16)
try:
    b.numpy()
except TypeError as e:
    print(e)
print(b.float().numpy())

# %% [predict] "A tensor made with from_numpy starts at storage offset 0 of the array's buffer."
base = np.arange(5.0)
tail = torch.from_numpy(base[2:])
print(tail.storage_offset(), tail.data_ptr() == base[2:].ctypes.data)
