# Lesson 8: view versus reshape
#
# tensor.view() never copies: it fails when the new shape cannot be expressed
# with strides over the existing memory. reshape() returns a view when it can,
# and a copy when it must.

# %%
import torch

t = torch.arange(6).reshape(2, 3)
print(t.view(3, 2))

# %% [predict] The transpose is not contiguous. Can it be viewed as 6 elements?
tt = t.t()
try:
    tt.view(6)
except RuntimeError as e:
    print(e)

# %%
# reshape() copies in that case, so the result does not share memory.
flat = tt.reshape(6)
print(flat)
print(flat.data_ptr() == t.data_ptr())

# %%
# When a view is possible, reshape gives a view.
v = t.reshape(3, 2)
v[0, 0] = 100
print(t)
