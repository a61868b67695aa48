# Assignment through advanced indices: integer lists and arrays, boolean masks (NumPy's own
# rules for a lone mask), broadcasting of the value, repeated indices (the last write wins),
# casting, writes visible through every view of the array, np.take, and the error texts.
import numpy as np

def assign(label, target, idx, value):
    t = target.copy()
    try:
        t[idx] = value
        print(label, t.dtype, t.tolist())
    except Exception as e:
        print(label, type(e).__name__ + ":", e)

v = np.arange(10) * 10
m = np.arange(12).reshape(3, 4)
a = np.arange(24).reshape(2, 3, 4)
assign("list scalar", v, [0, 2], 7)
assign("list float scalar truncates", v, [0, 2], 7.9)
assign("list values", v, [0, 2], [1, 2])
assign("list array values", v, [0, 2], np.array([1.5, 2.5]))
assign("repeated last wins", v, [0, 0, 0], [1, 2, 3])
assign("negative", v, [-1, -2], [1, 2])
assign("2d index", v, np.array([[1, 2], [3, 4]]), np.array([[-1, -2], [-3, -4]]))
assign("2d index broadcast", v, np.array([[1, 2], [3, 4]]), [5, 6])
assign("mask scalar", m, m > 5, 0)
assign("mask values", m, m > 8, [-1, -2, -3])
assign("mask one value", v, v > 60, [5])
assign("mask 0-d value", v, v > 60, np.array(5))
assign("mask rows", m, np.array([True, False, True]), [0, 1, 2, 3])
assign("mask rows scalar", m, np.array([True, False, True]), -1)
assign("mask cols", m, (slice(None), np.array([True, False, False, True])), [[1, 2], [3, 4], [5, 6]])
assign("mask count mismatch", v, v > 60, [1, 2])
assign("mask 2d value", v, v > 60, [[1, 2, 3]])
assign("mask all values", v, np.ones(10, bool), np.arange(10))
assign("mask too many values", v, v > 60, [1, 2, 3, 4])
assign("cols", m, (slice(None), [0, 1]), [[1], [2], [3]])
assign("cols row", m, (slice(None), [0, 1]), [8, 9])
assign("cols mismatch", m, (slice(None), [0, 1]), [[1, 2, 3]])
assign("cols extra leading", m, (slice(None), [0, 1]), np.ones((1, 3, 2)))
assign("cols too many dims", m, (slice(None), [0, 1]), np.ones((2, 3, 2)))
assign("pairs", m, ([0, 1], [1]), [5, 6])
assign("separated", a, ([0, 1], slice(None), [1, 3]), np.arange(6).reshape(2, 3) * -1)
assign("int and array", a, (0, slice(None), [0, 1]), [[7], [8]])
assign("adjacent later", a, (slice(None), [0, 2], [1, 3]), [[-1, -2], [-3, -4]])
assign("with newaxis", m, ([0, 1], slice(None), None), np.arange(8).reshape(2, 4, 1) + 100)
assign("out of bounds", v, [10], 1)
assign("out of bounds axis 1", m, (slice(None), [4]), 1)
assign("shape mismatch", v, [0, 2], [1, 2, 3])
assign("index broadcast mismatch", m, ([0, 1], [0, 1, 2]), 0)
assign("complex into int", v, [0], 1j)
assign("float array index", v, np.array([1.0]), 0)
assign("true", v, True, 3)
assign("false", v, False, 3)
assign("bool array into float", np.zeros(4), [1, 3], np.array([True, False]))
assign("float values into bool", np.zeros(4, bool), [1, 3], [0.0, 2.5])
assign("self values", v, [0, 1, 2], v[[2, 1, 0]])
ro = np.broadcast_to(np.arange(3), (2, 3))
for label, idx in [("read-only list", [0]), ("read-only mask", ro > 0)]:
    try:
        ro[idx] = 1
    except Exception as e:
        print(label, type(e).__name__ + ":", e)
w = np.arange(12).reshape(3, 4)
row = w[1]
col = w[:, 2]
w[w % 2 == 0] = 0
w[[2, 0], [3, 1]] = -7
print("views see writes", row.tolist(), col.tolist(), w.tolist())
x = np.arange(6.0)
y = x[::2]
y[[0, 2]] = -1
print("write through strided view", x.tolist())
z = np.arange(12).reshape(3, 4).T
z[[1, 3]] = 0
print("write into transposed", z.tolist(), z.T.tolist())
print("take", np.take(m, [0, 5]), np.take(m, [[0, 2]], axis=1).tolist(), np.take(m, [-1], axis=0).tolist())
print("take layout", np.take(m.T, [2, 0], axis=1).strides, np.take(m, [3, 1], axis=1).flags.c_contiguous, m.take([1, 1]).tolist())
print("take scalar", np.take(v, 3), repr(np.take(v, 3)))
for label, fn in [("take out of bounds", lambda: np.take(m, [20])), ("take axis out of bounds", lambda: np.take(m, [3], axis=0)),
                  ("take bad axis", lambda: np.take(m, [0], axis=2))]:
    try:
        print(label, fn())
    except Exception as e:
        print(label, type(e).__name__ + ":", e)
p = np.arange(12).reshape(3, 4)
np.put(p, [0, 5], [-1, -2])
np.put(p, [1, 2, 3, 4], [7, 8])
np.put(p, 11, 99)
np.put(p, [-2], 2.7)
p.put([6], 0)
np.put(p, [], [1])
np.put(p, [3], [])
print("put", p.tolist())
pt = np.arange(12).reshape(3, 4).T
np.put(pt, [0, 1, 2], [-1, -2, -3])
print("put transposed", pt.tolist())
for label, fn in [("put out of bounds", lambda: np.put(p, [0, 12], [5, 5])), ("put list", lambda: np.put([1, 2], [0], 1)),
                  ("put read-only", lambda: np.put(ro, [0], 1)), ("put out of bounds transposed", lambda: np.put(pt, [0, 12], 5))]:
    try:
        print(label, fn())
    except Exception as e:
        print(label, type(e).__name__ + ":", e)
print("after failed puts", p.tolist(), pt.tolist())
