# np.take / np.put with mode='wrap' and 'clip', index lists converted through int(),
# the index dtype rules (take: same_kind, put: safe) and NumPy's errors for each.
import numpy as np


def attempt(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__ + ':', e)


a = np.arange(10) * 10
attempt('wrap', lambda: np.take(a, [-1, 3, 12, -13], mode='wrap'))
attempt('clip', lambda: np.take(a, [-1, 3, 12, -13], mode='clip'))
attempt('raise', lambda: np.take(a, [-1, 3, 12]))
attempt('method clip', lambda: a.take([12], mode='clip'))
attempt('scalar wrap', lambda: np.take(a, 12, mode='wrap'))
b = np.arange(6).reshape(2, 3)
attempt('axis 1 wrap', lambda: np.take(b, [[-4, 5]], axis=1, mode='wrap'))
attempt('axis 0 clip', lambda: np.take(b, [[-4, 5]], axis=0, mode='clip'))
attempt('transposed clip', lambda: np.take(b.T, [7, -1], mode='clip'))
attempt('empty axis clip', lambda: np.take(np.zeros((0,)), [1], mode='clip'))
attempt('empty axis wrap', lambda: np.take(np.zeros((2, 0)), [1], axis=1, mode='wrap'))
attempt('empty both', lambda: np.take(np.zeros((0,)), [], mode='wrap'))
attempt('empty axis raise', lambda: np.take(np.zeros((0,)), [1]))

# mode spellings
for mode in ['foo', '', 'CLIP', 'c', 'raise ', 0, 1, 2, 3, -1, None, 1.5, True, np.int64(1)]:
    attempt('mode ' + repr(mode), lambda: np.take(a, [11], mode=mode))
attempt('mode 3 in range', lambda: np.take(a, [1], mode=3))

# index conversion: Python data through int(), arrays by dtype
attempt('float list', lambda: np.take(a, [1.5, 2.9]))
attempt('float scalar', lambda: np.take(a, 1.5))
attempt('empty list', lambda: np.take(a, []))
attempt('empty nested', lambda: np.take(a, [[]]))
attempt('empty tuple', lambda: np.take(a, ()))
attempt('bool list', lambda: np.take(a, [True, False]))
attempt('str list', lambda: np.take(a, ['3']))
attempt('bad str', lambda: np.take(a, ['a']))
attempt('nan', lambda: np.take(a, [float('nan')]))
attempt('inf', lambda: np.take(a, [float('inf')]))
attempt('huge', lambda: np.take(a, [1e30]))
attempt('big int', lambda: np.take(a, [2**70], mode='clip'))
attempt('complex', lambda: np.take(a, [1 + 2j]))
attempt('float array', lambda: np.take(a, np.array([1.5])))
attempt('float32 array clip', lambda: np.take(a, np.array([1.5], np.float32), mode='clip'))
attempt('uint64 array', lambda: np.take(a, np.array([1, 2], np.uint64)))
attempt('uint8 array', lambda: np.take(a, np.array([1, 2], np.uint8)))
attempt('bool array', lambda: np.take(a, np.array([True])))


def put(ind, v=5, mode='raise', target=None):
    c = np.zeros(5) if target is None else target
    np.put(c, ind, v, mode=mode)
    return c


attempt('put clip', lambda: put([-1, 7, -9], [1, 2, 3], 'clip'))
attempt('put wrap', lambda: put([-1, 7, -9], [1, 2, 3], 'wrap'))
attempt('put raise', lambda: put([7]))
attempt('put strided clip', lambda: put([-1, 9], [7, 8], 'clip', np.zeros((3, 4))[:, ::2]))
attempt('put strided wrap', lambda: put([-1, 9], [7, 8], 'wrap', np.zeros((3, 4))[:, ::2]))
attempt('put float list', lambda: put([1.9, -1.5]))
attempt('put float array', lambda: put(np.array([1.0])))
attempt('put float array clip', lambda: put(np.array([1.0]), mode='clip'))
attempt('put uint64 array', lambda: put(np.array([1], np.uint64)))
attempt('put uint32 array', lambda: put(np.array([1], np.uint32)))
attempt('put bool array', lambda: put(np.array([True])))
attempt('put int16 2-d', lambda: put(np.array([[1, 2]], np.int16)))
attempt('put into empty', lambda: put([1], target=np.zeros(0)))
attempt('put into empty clip', lambda: put([1], mode='clip', target=np.zeros(0)))
attempt('put nothing into empty', lambda: put([], target=np.zeros(0)))
attempt('put no values', lambda: put([9], [], 'raise'))
attempt('put bad mode', lambda: put([1], mode='x'))
c = np.zeros(5)
c.put([6, -7], [1, 2], mode='wrap')
print('method put wrap', c)
