# Lesson 7: when a conversion or a reshape copies, and when it does not
#
# Zero-copy is the rule only while the data can be described by new strides
# over the old bytes, in the same dtype, on the same device.

# %%
import numpy as np
import torch

arr = np.arange(4, dtype=np.float64)

# %% [predict] as_tensor with the same dtype: shared or copied?
same = torch.as_tensor(arr)
print(np.shares_memory(arr, same.numpy()))

# %% [predict] as_tensor with a different dtype: shared or copied?
other = torch.as_tensor(arr, dtype=torch.float32)
arr[0] = 9.0
print(same[0].item(), other[0].item())

# %%
# contiguous() returns the tensor itself when it already is contiguous...
t = torch.arange(6).reshape(2, 3)
print(t.contiguous() is t)

# %%
# ...and copies into a fresh storage when it is not.
c = t.T.contiguous()
print(c.stride(), c.data_ptr() == t.data_ptr())

# %%
# from_numpy refuses negative strides instead of copying silently.
try:
    torch.from_numpy(np.arange(3)[::-1])
except ValueError as e:
    print("ValueError raised")
