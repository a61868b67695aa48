# Python's protocols on NumPy scalars and arrays: format() and f-strings (the Python value,
# even with no spec), round() (__round__: an int, or np.round's scalar with ndigits; none for
# complex and bool), `in` (ndarray.__contains__ is (a == v).any()), the scalar types from strings,
# and np.round of integer arrays (their dtype kept).
import numpy as np


def attempt(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__ + ':', e)


for v in [np.float32(0.1), np.float64(1e16), np.complex64(1 + 0.1j), np.int8(3), np.bool_(True), np.float32('nan'),
          np.float64(-0.0), np.float32(1e20), np.float16(65504), np.uint64(2**64 - 1), np.complex128(1j), np.float32(3)]:
    print(repr(format(v, '')), repr(str(v)), repr('{}'.format(v)), repr('%s' % v), repr(f'{v}'), repr(f'{v!r}'), repr(f'{v:>8}'))
for v, n in [(np.float32(2.675), 2), (np.float64(2.675), 2), (np.float64(2.5), None), (np.float32(2.5), 0),
             (np.int64(1234), -2), (np.int8(125), -1), (np.float16(1.2345), 2), (np.complex128(1.25 + 2.35j), 1),
             (np.bool_(True), 1), (np.float16(2.5), None), (np.uint8(7), None), (np.uint8(7), -1), (np.int64(15), -1),
             (np.float64('nan'), None), (np.float32('inf'), None), (np.float64(1234.5), -1)]:
    attempt('round %r %r' % (v, n), lambda: round(v, n) if n is not None else round(v))
a = np.array([[1, 2], [3, 4]])
attempt('in', lambda: (2 in a, 5 in a, [1, 2] in a, 2.0 in a, np.nan in np.array([np.nan]), np.int64(3) in a, True in np.array([0, 1])))
attempt('in empty', lambda: 1 in np.array([], dtype=int))
attempt('in str', lambda: 'x' in a)
attempt('in mismatched', lambda: [1, 2, 3] in a)
for s in ['inf', '-Infinity', ' 1e5 ', '1_000.5', 'nan', 'x']:
    attempt('from %r' % s, lambda: (np.float32(s), np.float64(s)))
attempt('round ints', lambda: np.round(np.array([1234, 1250, -1250, 1350]), -2))
attempt('round int8', lambda: (np.round(np.array([125], np.int8), -1), np.array([15, 25], np.uint8).round(-1), np.round(np.array([123], np.int8), 1)))
attempt('round bool', lambda: np.round(np.array([True]), 0))
# -x and abs(x) of NumPy integer scalars wrap, with the scalar loop's overflow warning.
import warnings
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter('always')
    print(repr(abs(np.int8(-128))), repr(-np.int8(-128)), repr(abs(np.int64(-2**63))), repr(-np.uint8(3)), repr(-np.uint8(0)), repr(abs(np.int16(-5))))
    print([str(m.message) for m in w])
with np.errstate(over='raise'):
    attempt('raise', lambda: -np.int32(-2**31))
