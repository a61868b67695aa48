# Expected output written by hand: reference/semantics.md §A.1, §A.2 (from_numpy shares,
# strides in elements, offset folded into data_ptr), §B.12-13 (numpy() shares, byte strides,
# flags); tensor printing per torch/_tensor_str.py (int width padding, no dtype for int64).
import numpy as np
import torch
arr = np.array([1, 2, 3])
t = torch.from_numpy(arr)
t[0] = 10
print(arr)
print(t)
print(t.dtype, t.stride(), t.storage_offset(), t.data_ptr() == arr.ctypes.data, t.shape)
a = np.arange(3.)
ta = torch.from_numpy(a[1:])
print(ta.storage_offset(), ta.stride(), ta.data_ptr() == a[1:].ctypes.data)
tt = torch.from_numpy(np.arange(6.).reshape(2, 3).T)
print(tt.stride(), tt.is_contiguous(), tt.shape, tt.dtype)
n = tt.numpy()
print(n.strides, n.flags['C_CONTIGUOUS'], n.flags['OWNDATA'], n.flags['WRITEABLE'], n.ctypes.data == tt.data_ptr())
n[0, 0] = -1.0
print(tt[0, 0].item(), np.shares_memory(n, np.asarray(tt)))
z = torch.from_numpy(np.zeros((0, 2)))
print(z.shape, torch.from_numpy(np.array(7)).shape)
