# Views never copy: slicing (negative steps too), None/Ellipsis, transpose, reshape, squeeze,
# expand_dims, broadcast_to, diagonal, flip, ravel, view(dtype), sliding windows, as_strided.
import numpy as np
from numpy.lib.stride_tricks import as_strided, sliding_window_view
a = np.arange(12).reshape(3, 4)
b = a[::2, 1::2]
print(b, b.shape, b.strides, np.shares_memory(a, b), b.base is a, b.flags["C_CONTIGUOUS"])
r = a[::-1, ::-2]
print(r, r.strides, r.base is a)
print(a[1], a[1].strides, a[:, 1], a[:, 1].strides, a[..., 0], a[None].shape, a[:, None, :].strides, a[1, ...].shape)
print(a[-1, -1], a[5:], a[5:].shape, a[1:2, 1:2])
t = a.T
print(t, t.strides, t.flags.c_contiguous, t.flags.f_contiguous, t.base is a)
print(a.transpose(1, 0).strides, np.transpose(a).shape, a.swapaxes(0, 1).strides, np.swapaxes(a, 0, 1).shape)
x = np.arange(24).reshape(2, 3, 4)
print(x.transpose(2, 0, 1).shape, x.transpose(2, 0, 1).strides, x.mT.shape)
v = a.reshape(2, 6)
print(v, v.strides, np.shares_memory(a, v))
c = a.T.reshape(12)
print(c, np.shares_memory(a, c), c.flags["OWNDATA"])
print(np.ones((1, 3, 1)).squeeze().shape, np.squeeze(np.ones((1, 3, 1)), axis=0).shape, np.expand_dims(a, 0).shape, np.expand_dims(a, 0).strides)
bt = np.broadcast_to(np.arange(3), (2, 3))
print(bt, bt.strides, bt.flags.writeable, np.shares_memory(bt, bt))
print(a.diagonal(), np.diagonal(a, 1), a.diagonal().strides, a.diagonal().flags.writeable)
f = np.flip(a)
print(f, f.strides, np.shares_memory(a, f), np.flip(a, 0).strides, np.flip(a, axis=1)[0])
print(a.ravel(), np.shares_memory(a, a.ravel()), np.shares_memory(a, a.T.ravel()), np.shares_memory(a, a.flatten()))
y = np.arange(4, dtype=np.int32)
print(y.view(np.int16), y.view(np.uint8).shape, y.view(np.int16).strides, y.view("float32").dtype)
w = sliding_window_view(np.arange(6), 3)
print(w, w.shape, w.strides, w.flags.writeable)
print(sliding_window_view(a, (2, 2)).shape, sliding_window_view(a, 2, axis=1).strides)
s = as_strided(np.arange(8), shape=(3, 4), strides=(16, 8))
print(s, s.strides, np.shares_memory(s, s))
print(np.arange(10)[2:8:2], np.arange(10)[8:2:-3], np.arange(10)[-3:], np.arange(10)[::-1].strides)
ai = a.T.__array_interface__
print({k: v for k, v in ai.items() if k != "data"}, ai["data"][0] == a.ctypes.data, ai["data"][1])
print(np.arange(3, dtype=np.uint8).__array_interface__["strides"], bt.__array_interface__["data"][1], bt.__array_interface__["strides"])
