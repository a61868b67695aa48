# np.set_printoptions changes how arrays print (precision, suppress, threshold, edgeitems,
# linewidth, sign, floatmode), and np.get_printoptions reports the state.
import numpy as np
a = np.array([1e-5, 1.23456789, 100.0])
print(a)
np.set_printoptions(precision=3, suppress=True)
print(a, repr(a))
np.set_printoptions(threshold=5, edgeitems=2)
print(np.arange(10), repr(np.arange(10.0)))
np.set_printoptions(linewidth=20, sign="+")
print(np.arange(8.0))
np.set_printoptions(floatmode="fixed", precision=2, sign="-", linewidth=75, threshold=1000, edgeitems=3, suppress=False)
print(np.array([1.0, 2.5]))
opts = np.get_printoptions()
print(opts["precision"], opts["floatmode"], opts["threshold"], sorted(opts)[:3])
try:
    np.set_printoptions(floatmode="x")
except ValueError as e:
    print("ValueError:", e)
