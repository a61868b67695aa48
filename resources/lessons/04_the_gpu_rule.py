# Lesson 4: the GPU rule
#
# NumPy only knows host memory. A tensor on a CUDA device lives in the GPU's own
# memory, so numpy() cannot share it: it refuses. Move it to the host first with
# .cpu(), and that move is a real copy across the bus.
#
# Stridescope runs this lesson on a simulated cuda:0 where no GPU exists, and says so.

# %%
import torch
import time

print(torch.cuda.is_available())
t = torch.arange(6, dtype=torch.float32).cuda()
print(t)
print(t.device, t.is_cuda)

# %% [predict] What happens when we ask a cuda tensor for a NumPy array?
try:
    t.numpy()
except TypeError as e:
    print("TypeError:", e)

# %%
# The fix: copy it to host memory first. cpu() makes a new storage on the host.
h = t.cpu()
a = h.numpy()
print(a)
print(h.device, h.data_ptr() == a.ctypes.data)

# %%
# The copy is independent: writing the host copy leaves the device tensor alone.
a[0] = 42
print(t)

# %%
# cpu() on a tensor that is already on the host returns the very same object.
print(h.cpu() is h)

# %%
# What does the trip cost? Time a 64 MiB round trip (the numbers vary by machine).
big = torch.zeros(16 * 1024 * 1024)
start = time.perf_counter()
d = big.cuda()
back = d.cpu()
elapsed = time.perf_counter() - start
print(back.shape, elapsed > 0)
