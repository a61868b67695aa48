# Copies: copy(order), np.copy keeps the layout, ascontiguousarray/asfortranarray return the
# same object when nothing is needed, astype, flatten, reshape that must copy.
import numpy as np
a = np.arange(6.0).reshape(2, 3)
t = a.T
c = t.copy()
k = np.copy(t)
print(c.strides, c.flags.c_contiguous, k.strides, k.flags.f_contiguous, np.shares_memory(t, c), c.base is None)
print(t.copy(order="F").strides, t.copy(order="A").strides, t.copy(order="K").strides, a.copy(order="F").strides)
print(np.ascontiguousarray(a) is a, np.ascontiguousarray(t) is t, np.ascontiguousarray(t).strides, np.asfortranarray(t) is t)
print(np.asfortranarray(a).strides, np.asarray(a) is a, np.asarray(a, dtype=np.float32) is a, np.array(a) is a, np.array(a, copy=False) is a)
i = a.astype(np.int32)
print(repr(i), i.strides, a.astype(a.dtype, copy=False) is a, a.astype(np.float64) is a, t.astype(np.float32).strides)
f = t.flatten()
print(f, f.flags.owndata, t.flatten(order="F"), np.shares_memory(t, f))
r = t.reshape(6)
print(r, np.shares_memory(t, r), r.flags.c_contiguous)
o = np.ones((2, 3), dtype=np.uint8)
print(repr(o.astype(bool)), repr(np.array([1.7, -1.7]).astype(np.int64)), repr(np.array([300]).astype(np.uint8)))
print(a.copy() is a, np.copy(a).flags.writeable, np.array(np.broadcast_to(np.arange(2), (2, 2))).flags.writeable)
