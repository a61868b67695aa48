# Lesson 3: memory sharing and its consequences
#
# When two objects share a storage, every in-place write through one is seen
# through the other. Out-of-place operations make new storages and end the sharing.

# %%
import numpy as np
import torch

arr = np.zeros(3)
t = torch.from_numpy(arr)

# %% [predict] In-place: what does arr hold now?
t += 1
print(arr)

# %% [predict] Out-of-place: t now names a brand-new tensor. What does arr hold?
t = t + 1
print(arr)
print(t)

# %%
# Slices are views as well: writing a slice writes the original.
a = np.arange(6)
b = a[2:5]
b[0] = 100
print(a)
print(b.base is a)

# %%
# fill_ and zero_ are in-place too.
x = torch.arange(4)
y = x[1:3]
y.zero_()
print(x)
