# Printing every dtype as NumPy 2 does: repr, str, 0-d, empty and summarised arrays, scalars.
import numpy as np
for dt in [np.bool_, np.int8, np.int16, np.int32, np.int64, np.uint8, np.uint16, np.uint32, np.uint64,
           np.float16, np.float32, np.float64, np.complex64, np.complex128]:
    a = np.arange(6).reshape(2, 3).astype(dt)
    print(repr(a))
    print(a)
    print(repr(a[1, 2]), a[1, 2], repr(np.zeros((0,), dtype=dt)), repr(a[0, 0:0]))
print(repr(np.array([0.1, 1e-5, 1e5])), repr(np.array([1e-10, 1.0])), repr(np.array([1.5, np.nan, np.inf, -np.inf])))
print(repr(np.array([1e16, 1.0])), repr(np.array([123456.789, 0.001])), np.array([1/3, 2/3], dtype=np.float32))
print(repr(np.array([1 + 2j, -1.5j])), np.array([0.5 + 0j]), repr(np.array([-1, 100, 7])), repr(np.array([-0.0, 0.0])))
big = np.arange(2000)
print(big)
print(repr(big.reshape(40, 50)))
print(repr(np.arange(1001.0)))
print(np.array(3.25), repr(np.array(True)), repr(np.array(-7, dtype=np.int8)))
