# NumPy scalars: what indexing returns, how they print and compute, and dtype objects.
import numpy as np
a = np.array([1.5, 2.0, 3.25])
s = a[1]
print(s, repr(s), type(s).__name__, s.dtype, s + 1, repr(s + 1), repr(s * 2.5), repr(s > 1), float(s), int(a[2]))
i = np.arange(5)[3]
print(i, repr(i), repr(i + 1), repr(i / 2), repr(i * 1.5), repr(-i), int(i), i == 3, repr(i == 3))
print(repr(np.float32(1.1)), repr(np.int8(-5)), repr(np.uint8(255)), repr(np.float16(0.1)), repr(np.bool_(True)), repr(np.complex128(1 + 2j)))
print(np.float32(1.1), np.float64(1e-5), np.int64(7), np.True_ if hasattr(np, "True_") else np.bool_(True))
print(repr(np.array([True])[0]), repr(np.array([1 + 1j])[0]), repr(np.array([7], dtype=np.uint16)[0]))
print(np.float64, np.int32, repr(np.dtype("int32")), str(np.dtype(np.float32)), np.dtype(float), np.dtype("uint8").itemsize)
print(np.dtype(np.int64) == np.int64, np.dtype("f8") == np.float64, np.array([1]).dtype == np.int32, np.dtype(bool))
print(f"{a[0]:.3f}", f"{i:04d}", "{}".format(a[2]), str(a[0]), [a[0], i])
print(isinstance(a[0], float), isinstance(i, int), isinstance(a[0], np.floating), isinstance(i, np.integer))
print(a.dtype.kind, np.dtype("int8").kind, np.dtype("uint16").char, np.dtype(np.complex64).name)
