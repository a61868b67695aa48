# Lesson 6: strides, views and non-contiguous layouts
#
# A view is a new (shape, strides, offset) over the same storage. Transposing,
# slicing with a step and broadcasting are all views: no byte moves.

# %%
import numpy as np
import torch
from numpy.lib.stride_tricks import as_strided, sliding_window_view

t = torch.arange(12).reshape(3, 4)
print(t.stride())

# %% [predict] What are the strides of the transpose?
tt = t.T
print(tt.shape, tt.stride(), tt.is_contiguous())

# %%
# Slicing with a step multiplies the stride; the offset says where the view starts.
s = t[:, 1::2]
print(s)
print(s.stride(), s.storage_offset())

# %%
# NumPy also allows negative steps: the stride becomes negative.
a = np.arange(5)
r = a[::-1]
print(r, r.strides)

# %%
# expand repeats data without copying it: the repeated dimension has stride 0.
row = torch.tensor([1, 2, 3])
grid = row.expand(4, 3)
print(grid.stride())
print(grid)

# %%
# as_strided builds any window over the same bytes: here, overlapping windows.
x = np.arange(6)
w = as_strided(x, shape=(4, 3), strides=(8, 8))
print(w)
print(np.shares_memory(w, x))

# %%
# sliding_window_view is the safe (read-only) way to get the same windows.
v = sliding_window_view(x, 3)
print(v.strides, v.flags.writeable)
