# Writes through views: setitem with broadcasting, fill, in-place += (the same object), and
# the read-only error of a broadcast view.
import numpy as np
a = np.zeros((3, 4), dtype=np.int64)
v = a[1:, ::2]
v[...] = 7
a[0] = [1, 2, 3, 4]
a[:, -1] = -1
a[2, 1] = 99
print(a)
before = a
a += 1
print(a is before, a)
v += 100
print(a)
a[:, 0] *= 2
print(a[:, 0])
f = np.arange(4.0)
f[1:3] = 0.5
f /= 2
f -= 1
print(f)
g = np.zeros(3, dtype=np.int32)
try:
    g += 2.7
except TypeError as e:
    print("TypeError:", e)
g += 2
print(g, g.dtype)
h = np.ones(5)
h.fill(3)
h[::2] = np.array([9, 8, 7])
print(h)
bt = np.broadcast_to(np.arange(3), (2, 3))
try:
    bt[0, 0] = 5
except ValueError as e:
    print("ValueError:", e)
m = np.arange(6).reshape(2, 3)
m[0] = m[1]
print(m)
try:
    m[0] = [1, 2]
except ValueError as e:
    print("ValueError:", e)
