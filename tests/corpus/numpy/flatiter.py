# a.flat (numpy.flatiter): C-order reads whatever the strides (int, slice, list keys; len, iteration,
# base, copy, np.array of it) and writes into the array itself, strided or read-only.
import numpy as np
a = np.arange(12).reshape(3,4)
try:
    print('a.flat[5]', '->', repr(a.flat[5]))
except Exception as e:
    print('a.flat[5]', '!!', type(e).__name__ + ':', e)
try:
    print('a.T.flat[5]', '->', repr(a.T.flat[5]))
except Exception as e:
    print('a.T.flat[5]', '!!', type(e).__name__ + ':', e)
try:
    print('a.flat[-1]', '->', repr(a.flat[-1]))
except Exception as e:
    print('a.flat[-1]', '!!', type(e).__name__ + ':', e)
try:
    print('a.flat[12]', '->', repr(a.flat[12]))
except Exception as e:
    print('a.flat[12]', '!!', type(e).__name__ + ':', e)
try:
    print('a.flat[2:5]', '->', repr(a.flat[2:5]))
except Exception as e:
    print('a.flat[2:5]', '!!', type(e).__name__ + ':', e)
try:
    print('a.T.flat[::5]', '->', repr(a.T.flat[::5]))
except Exception as e:
    print('a.T.flat[::5]', '!!', type(e).__name__ + ':', e)
try:
    print('a.flat[[1, 2]]', '->', repr(a.flat[[1, 2]]))
except Exception as e:
    print('a.flat[[1, 2]]', '!!', type(e).__name__ + ':', e)
try:
    print('a.T.flat[[0, 1, 11]]', '->', repr(a.T.flat[[0, 1, 11]]))
except Exception as e:
    print('a.T.flat[[0, 1, 11]]', '!!', type(e).__name__ + ':', e)
try:
    print('type(a.flat).__name__', '->', repr(type(a.flat).__name__))
except Exception as e:
    print('type(a.flat).__name__', '!!', type(e).__name__ + ':', e)
try:
    print('a.flat.base is a', '->', repr(a.flat.base is a))
except Exception as e:
    print('a.flat.base is a', '!!', type(e).__name__ + ':', e)
try:
    print('a.flat.coords', '->', repr(a.flat.coords))
except Exception as e:
    print('a.flat.coords', '!!', type(e).__name__ + ':', e)
try:
    print('a.flat.index', '->', repr(a.flat.index))
except Exception as e:
    print('a.flat.index', '!!', type(e).__name__ + ':', e)
try:
    print('len(a.T.flat)', '->', repr(len(a.T.flat)))
except Exception as e:
    print('len(a.T.flat)', '!!', type(e).__name__ + ':', e)
try:
    print('list(a[:2, :2].flat)', '->', repr(list(a[:2, :2].flat)))
except Exception as e:
    print('list(a[:2, :2].flat)', '!!', type(e).__name__ + ':', e)
try:
    print('list(a.T.flat)[:5]', '->', repr(list(a.T.flat)[:5]))
except Exception as e:
    print('list(a.T.flat)[:5]', '!!', type(e).__name__ + ':', e)
try:
    print('a.T.flat.copy()', '->', repr(a.T.flat.copy()))
except Exception as e:
    print('a.T.flat.copy()', '!!', type(e).__name__ + ':', e)
try:
    print('np.array(a.T.flat)', '->', repr(np.array(a.T.flat)))
except Exception as e:
    print('np.array(a.T.flat)', '!!', type(e).__name__ + ':', e)
try:
    print('sum(a.flat)', '->', repr(sum(a.flat)))
except Exception as e:
    print('sum(a.flat)', '!!', type(e).__name__ + ':', e)
b = np.arange(12).reshape(3,4)
b.flat[5] = -1; print(b.tolist())
b.T.flat[1] = -2; print(b.tolist())
b.T.flat[2:4] = 100; print(b.tolist())
c = np.arange(6.).reshape(2,3)[:, ::2]
c.flat[[0, 3]] = 9; print(c.tolist())
r = np.arange(4); r.flags.writeable = False
try:
    r.flat[0] = 1
except Exception as e: print(type(e).__name__, e)
