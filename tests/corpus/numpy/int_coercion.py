# Python data stored into integer arrays: NumPy calls int() on each element (1.5 is 1,
# '3' is 3, nan and inf and complex are refused), then checks the type's range; NumPy
# scalars go through int() for signed types and are cast for unsigned ones.
import numpy as np


def attempt(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__ + ':', e)


for dt in ['int8', 'int16', 'int32', 'int64', 'uint8', 'uint16', 'uint32', 'uint64']:
    print(dt)
    attempt('  floats', lambda: np.array([1.5, -0.5, 2.9], dtype=dt))
    attempt('  300.7', lambda: np.array([300.7], dtype=dt))
    attempt('  -1.5', lambda: np.array([-1.5], dtype=dt))
    attempt('  1e19', lambda: np.array([1e19], dtype=dt))
    attempt('  1e30', lambda: np.array([1e30], dtype=dt))
    attempt('  nan', lambda: np.array([float('nan')], dtype=dt))
    attempt('  -inf', lambda: np.array([float('-inf')], dtype=dt))
    attempt('  2**63', lambda: np.array([2**63], dtype=dt))
    attempt('  2**64', lambda: np.array([2**64], dtype=dt))
    attempt('  -1', lambda: np.array([-1], dtype=dt))
    attempt('  str', lambda: np.array(['3', '-2'], dtype=dt))
    attempt('  complex', lambda: np.array([1 + 0j], dtype=dt))
    attempt('  np.float64(2.9)', lambda: np.array([np.float64(2.9)], dtype=dt))
    attempt('  np.int64(-1)', lambda: np.array([np.int64(-1)], dtype=dt))
    attempt('  np.float64(1e30)', lambda: np.array([np.float64(1e30)], dtype=dt))
    attempt('  scalar', lambda: np.array(2.5, dtype=dt))
    attempt('  nested', lambda: np.asarray([[1.5], [2]], dtype=dt))
    attempt('  mixed bool', lambda: np.array([True, 2.5], dtype=dt))
for dt in ['uint8', 'uint32', 'uint64', 'int8']:
    attempt('scalar type ' + dt + '(2**63)', lambda: getattr(np, dt)(2**63))
