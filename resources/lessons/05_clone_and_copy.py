# Lesson 5: avoiding side effects with clone() and copy()
#
# When you want a tensor or array you can change freely, ask for a copy:
# tensor.clone(), array.copy(), or torch.tensor(array), which always copies.

# %%
import numpy as np
import torch

arr = np.array([1.0, 2.0, 3.0])
shared = torch.from_numpy(arr)
private = torch.tensor(arr)

# %% [predict] Which of the two tensors sees this write?
arr[0] = -1.0
print(shared)
print(private)

# %%
# clone() keeps the layout of a dense tensor (here, transposed strides)
# but owns new memory.
m = torch.arange(6).reshape(2, 3).t()
c = m.clone()
print(m.stride(), c.stride())
print(c.data_ptr() == m.data_ptr())

# %%
# NumPy: a.copy() defaults to C order; np.copy(a) keeps the layout ('K').
f = np.asfortranarray(np.arange(6).reshape(2, 3))
print(f.copy().strides, np.copy(f).strides)

# %%
# numpy() then copy() gives an array that no longer follows the tensor.
t = torch.zeros(3)
independent = t.numpy().copy()
t[0] = 5
print(independent)
