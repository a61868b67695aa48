# The np.ndarray(shape, dtype, buffer, offset, strides, order) constructor over an array's memory
# and over bytes (views that alias the buffer, NumPy's bounds checks and their texts), and
# np.frombuffer of an array (a C-contiguous one's bytes, any dtype).
import numpy as np

def attempt(label, fn):
    try:
        r = fn()
        if isinstance(r, np.ndarray):
            print(label, r.shape, r.strides, r.dtype, "W" if r.flags.writeable else "ro", "own" if r.flags.owndata else "view", r.tolist())
        else:
            print(label, repr(r))
    except Exception as e:
        print(label, type(e).__name__ + ":", e)

x = np.arange(6)
attempt("2x3", lambda: np.ndarray((2, 3), dtype=np.int64, buffer=x))
attempt("2x3 base", lambda: np.ndarray((2, 3), dtype=np.int64, buffer=x).base is x)
attempt("positional", lambda: np.ndarray([2, 3], np.int64, x))
attempt("offset 8", lambda: np.ndarray((2,), dtype=np.int64, buffer=x, offset=8))
attempt("offset 8 strides 16", lambda: np.ndarray((2,), dtype=np.int64, buffer=x, offset=8, strides=(16,)))
attempt("3 strides 16", lambda: np.ndarray((3,), dtype=np.int64, buffer=x, offset=8, strides=(16,)))
attempt("strides 32", lambda: np.ndarray((2,), dtype=np.int64, buffer=x, offset=8, strides=(32,)))
attempt("strides 40", lambda: np.ndarray((2,), dtype=np.int64, buffer=x, offset=8, strides=(40,)))
attempt("negative stride", lambda: np.ndarray((2,), dtype=np.int64, buffer=x, strides=(-8,), offset=8))
attempt("negative stride at 0", lambda: np.ndarray((2,), dtype=np.int64, buffer=x, strides=(-8,)))
attempt("zero stride", lambda: np.ndarray((3, 2), dtype=np.int64, buffer=x, strides=(0, 8)))
attempt("too big", lambda: np.ndarray((7,), dtype=np.int64, buffer=x))
attempt("offset at end", lambda: np.ndarray((2,), dtype=np.int64, buffer=x, offset=48))
attempt("empty at end", lambda: np.ndarray((0,), dtype=np.int64, buffer=x, offset=48))
attempt("empty past end", lambda: np.ndarray((0,), dtype=np.int64, buffer=x, offset=56))
attempt("int32 of int64", lambda: np.ndarray((2, 6), dtype=np.int32, buffer=x))
attempt("uint8 row", lambda: np.ndarray((8,), dtype=np.uint8, buffer=x, offset=8))
attempt("float64 reinterpret", lambda: np.ndarray((2,), dtype=np.float64, buffer=np.array([1.5, 2.5])))
attempt("order F", lambda: np.ndarray((2, 3), dtype=np.int64, buffer=x, order="F"))
attempt("order K", lambda: np.ndarray((2, 3), dtype=np.int64, buffer=x, order="K"))
attempt("order A", lambda: np.ndarray((2, 3), dtype=np.int64, buffer=x, order="A"))
attempt("strides win over order", lambda: np.ndarray((2, 3), dtype=np.int64, buffer=x, strides=(24, 8), order="F"))
attempt("strides too few", lambda: np.ndarray((2, 3), dtype=np.int64, buffer=x, strides=(8,)))
attempt("view of a slice", lambda: np.ndarray((2,), dtype=np.int64, buffer=x[1:]))
attempt("F-contiguous buffer", lambda: np.ndarray((2,), dtype=np.int64, buffer=x.reshape(2, 3).T))
attempt("strided buffer", lambda: np.ndarray((2,), dtype=np.int64, buffer=x[::2]))
attempt("column buffer", lambda: np.ndarray((2,), dtype=np.int64, buffer=x.reshape(2, 3)[:, :2]))
attempt("list buffer", lambda: np.ndarray((2,), dtype=np.int64, buffer=[1, 2]))
attempt("float offset", lambda: np.ndarray((2,), dtype=np.int64, buffer=x, offset=2.0))
attempt("negative shape", lambda: np.ndarray((-1,)))
attempt("no buffer shape", lambda: np.ndarray((2, 3)).shape)
attempt("no buffer F strides", lambda: np.ndarray((2, 3), order="F").strides)
attempt("no buffer int", lambda: np.ndarray(3, dtype=np.int8).shape)
attempt("no buffer strides too wide", lambda: np.ndarray((2,), dtype=np.int64, strides=(16,)))
attempt("no buffer strides", lambda: np.ndarray((2, 3), dtype=np.int64, strides=(8, 16)).strides)
r = np.arange(6)
r.flags.writeable = False
attempt("read-only buffer", lambda: np.ndarray((2,), dtype=np.int64, buffer=r))
v = np.ndarray((3,), dtype=np.int64, buffer=x, offset=8, strides=(16,))
v[:] = [-1, -3, -5]
print("writes reach x", x.tolist(), np.shares_memory(v, x))
attempt("bytes", lambda: np.ndarray((2,), dtype=np.int16, buffer=bytes(range(8)), offset=2))
attempt("bytes big-endian", lambda: np.ndarray((2,), dtype=">i2", buffer=bytes(range(8))))
attempt("bytes too small", lambda: np.ndarray((5,), dtype=np.int16, buffer=bytes(8)))
attempt("bytes strides", lambda: np.ndarray((2,), dtype=np.int16, buffer=bytes(range(8)), strides=(4,)))
attempt("bytes strides too wide", lambda: np.ndarray((2,), dtype=np.int16, buffer=bytes(range(8)), strides=(8,)))

y = np.arange(4)
attempt("frombuffer int32", lambda: np.frombuffer(y, dtype=np.int32))
attempt("frombuffer slice", lambda: np.frombuffer(x[1:], dtype=np.int64))
attempt("frombuffer read-only", lambda: np.frombuffer(r, dtype=np.int64))
attempt("frombuffer F 2-d", lambda: np.frombuffer(x.reshape(2, 3).T, dtype=np.int64))
attempt("frombuffer 1-d T", lambda: np.frombuffer(y.T, dtype=np.int64))
attempt("frombuffer strided", lambda: np.frombuffer(x[::2], dtype=np.int64))
attempt("frombuffer offset count", lambda: np.frombuffer(y, dtype=np.int64, offset=8, count=2))
attempt("frombuffer odd size", lambda: np.frombuffer(y, dtype=np.int64, offset=3))
attempt("frombuffer count too big", lambda: np.frombuffer(y, dtype=np.int16, count=20))
w = np.frombuffer(y, dtype=np.int32)
w[2] = 7
print("frombuffer writes reach y", y.tolist())
