# np.power's float32/float64 loop takes sqrt where an inner run's exponent is one value, 0.5
# (so -0 ** 0.5 is -0 and -inf ** 0.5 is nan there); an exponent array holding 0.5 takes pow.
import warnings
import numpy as np

warnings.simplefilter('ignore')
x = np.array([-0.0, -np.inf, -8.0, np.inf, 0.0, 2.0, np.nan])
for e in [0.5, -0.5, 1 / 3, 2.0, -1.0, -2.0, 3.0]:
    print(e, np.power(x, e), np.power(x, np.full(x.shape, e)))
print(np.power(x.astype(np.float32), np.float32(0.5)))
print(np.power(x.astype(np.float16), 0.5))
print(np.power(x.reshape(1, 7), np.array([[0.5], [0.5]])))
print(np.power(x.reshape(7, 1), np.array([[0.5, 0.5]])))
print(np.power(np.float64(-0.0), 0.5), np.float64(-0.0) ** 0.5, x ** 0.5)
out = np.empty(7)
np.power(x, 0.5, out=out)
print(out)
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter('always')
    np.power(x, 0.5)
    print([str(m.message) for m in w])
