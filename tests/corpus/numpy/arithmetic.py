# Elementwise arithmetic with broadcasting and NumPy 2's promotion, comparisons, sum and mean.
import numpy as np
a = np.arange(6).reshape(2, 3)
b = np.array([10, 20, 30])
print(a + b, a - 1, 2 * a, a / 2, 1 - a, 6 / (a + 1))
print(repr(a + 1.5), repr(a * b), repr(a == 2), repr(a > b / 15), repr(a != a.T.T))
i8 = np.array([100, 120], dtype=np.int8)
print(repr(i8 + 100), repr(i8 + np.int16(1)), repr(i8 * 2.0), repr(np.array([1], dtype=np.float32) + 1.5))
print(repr(np.array([1, 2], dtype=np.uint8) - 3), repr(np.array([True, False]) + np.array([True, True])))
print(repr(np.arange(3, dtype=np.int32) + np.arange(3, dtype=np.int64)), repr(np.array([1.0], dtype=np.float16) * 3))
print(a.sum(), a.sum(axis=0), a.sum(axis=1), a.sum(axis=(0, 1)), a.sum(axis=1, keepdims=True), np.sum(a, axis=0))
print(repr(a.sum()), repr(a.mean()), a.mean(axis=0), np.mean(a, axis=1), repr(np.arange(4, dtype=np.float32).sum()))
print(repr(np.ones((2, 2), dtype=np.int8).sum()), repr(np.array([True, True]).sum()), repr(np.arange(3).sum(dtype=np.float32)))
print(a.tolist(), a[0].tolist(), np.array(2.5).tolist(), np.array([1.5]).item(), type(a.tolist()[0][0]).__name__, a.T.tolist())
print(np.array([1, 2, 3])[1] * 2, repr(np.array([1, 2, 3])[1] * 2), repr(np.array([1.5])[0] + 1), repr(np.arange(3)[2] / 2))
print(-a, +a, repr(-np.array([1.5])))
x = np.arange(3.0)
y = x[:, None] * np.array([1, 10])
print(y, y.shape)
try:
    a + np.arange(2)
except ValueError as e:
    print("ValueError:", e)
