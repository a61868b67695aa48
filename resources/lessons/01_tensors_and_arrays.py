# Lesson 1: what a tensor and an array are, and how their data sits in memory
#
# A NumPy ndarray and a PyTorch Tensor are each two things:
# a block of bytes (the storage) and a small description of how to read it:
# a dtype, a shape, strides and an offset. The bytes are one flat row;
# the shape and strides turn that row into rows, columns and more.

# %%
import numpy as np
import torch

# Twelve float32 numbers, read as 3 rows of 4.
a = np.arange(12, dtype=np.float32).reshape(3, 4)
print(a)
print(a.shape, a.dtype, a.itemsize, a.nbytes)

# %%
# NumPy counts strides in bytes: one step down a row skips 4 floats, 16 bytes;
# one step along a row skips one float, 4 bytes.
print(a.strides)

# %% [predict] PyTorch counts strides in elements. What will t.stride() print?
t = torch.arange(12, dtype=torch.float32).reshape(3, 4)
print(t)
print(t.shape, t.stride(), t.dtype)
print(t.element_size(), t.numel() * t.element_size())

# %%
# The element at [i, j] lives at byte offset i*16 + j*4 from the first one.
# Element [1, 2] is therefore 1*16 + 2*4 = 24 bytes in: the seventh float.
i, j = 1, 2
print(i * a.strides[0] + j * a.strides[1])
print(a[1, 2], a.ravel()[24 // a.itemsize])
print(t[1, 2])

# %%
# Both are "C-contiguous": the last index moves fastest through memory.
print(a.flags['C_CONTIGUOUS'], t.is_contiguous())
