# NumPy returns scalars from operations on 0-d arrays, and in-place casts raise UFuncTypeError.
import numpy as np
z = np.array(3.5)
print(repr(z + 1), repr(np.array(4) > 3), repr(-np.array(2)), repr(abs(np.array(-2.5))), repr(z * z))
print(repr(np.array(7) // 2), repr(np.array(7) % 4), repr(np.array(2) ** 10), repr(~np.array(5)), repr(np.array(True) & False))
print(type(z + 1).__name__, type(np.array(4) > 3).__name__, repr(np.sqrt(np.array(4.0))), repr(np.sqrt(2)), repr(np.add(1, 2)))
print(repr(np.array([1.5]) + 1), repr(np.array(1.5) + np.array([1.0])), repr(np.float32(2) * np.array(3)))
print(repr(np.maximum(3, 2.5)), repr(np.exp(np.float64(1))), repr(np.isnan(np.nan)), repr(np.floor(np.array(-2.5))))
a = np.arange(3)
try:
    a += 0.5
except TypeError as e:
    print(type(e).__name__, isinstance(e, TypeError), e)
try:
    a *= 1.5
except TypeError as e:
    print(type(e).__name__, e)
b = np.arange(3, dtype=np.float32)
b += 1
b **= 2
b //= 2
print(repr(b), repr(a))
a += 2
a //= 2
a %= 2
a <<= 3
a |= 1
a ^= 2
a &= 7
a >>= 1
print(repr(a))
print(repr(np.True_), repr(np.False_), np.True_ is np.True_ or True, repr(np.array([1, 2]) > 1))
m = np.arange(24).reshape(2, 3, 4)
print(np.moveaxis(m, 0, -1).shape, np.moveaxis(m, 0, -1).strides, np.moveaxis(m, [0, 1], [-1, -2]).strides, np.shares_memory(np.moveaxis(m, 2, 0), m))
try:
    np.moveaxis(m, 3, 0)
except np.exceptions.AxisError as e:
    print("AxisError", e)
