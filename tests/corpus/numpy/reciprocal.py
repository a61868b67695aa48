# np.reciprocal and the `a ** -1` it stands for (a Python int -1 on a float or complex array;
# -1.0 and np.int64(-1) keep the power loop): integer arrays keep their type (1.0 / x cast
# back: 1 // 0 is the type's indefinite value, with NumPy's warnings), bools take int8.
import warnings
import numpy as np


def caught(f):
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter('always')
        r = f()
    return repr(r), [str(m.message) for m in w]


print(caught(lambda: np.reciprocal(np.array([2.0, 0.0, -0.0, np.inf, -4.0, np.nan]))))
print(caught(lambda: np.reciprocal(np.array([2, 0, -1, 1]))))
print(caught(lambda: np.reciprocal(np.array([2, 1, 0], np.uint8))))
print(caught(lambda: np.reciprocal(np.array([3, -1, 0], np.int16))))
print(caught(lambda: np.reciprocal(np.array([True, False]))))
print(caught(lambda: np.reciprocal(np.array([3.0, 0.0], np.float16))))
print(caught(lambda: np.reciprocal(np.array([3.0, 0.0], np.float32))))
print(caught(lambda: np.reciprocal(np.array([1 + 1j, 0j, 2j, 3 + 0j, 1e300 + 1e300j]))))
print(caught(lambda: np.reciprocal(np.float64(4.0))))
x = np.array([0.0, 2.0, 1e-310])
print(caught(lambda: x ** -1))
print(caught(lambda: x ** -1.0))
print(caught(lambda: x ** np.int64(-1)))
print(caught(lambda: np.array([0j, 1j]) ** -1))
print(caught(lambda: np.arange(6.0).reshape(2, 3).T ** -1))
print((np.arange(6.0).reshape(2, 3).T ** -1).strides)
