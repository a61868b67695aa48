# np.diag: a 2-d array's k-th diagonal as a read-only view, a 1-d array placed on the k-th diagonal
# of a new square array (every dtype kind), and its errors.
import numpy as np
def info(r): return (r.tolist(), r.dtype, r.strides, r.flags.writeable, r.flags.owndata)
try:
    print('info(np.diag(np.arange(3)))', '->', repr(info(np.diag(np.arange(3)))))
except Exception as e:
    print('info(np.diag(np.arange(3)))', '!!', type(e).__name__ + ':', e)
try:
    print('info(np.diag(np.arange(3), 1))', '->', repr(info(np.diag(np.arange(3), 1))))
except Exception as e:
    print('info(np.diag(np.arange(3), 1))', '!!', type(e).__name__ + ':', e)
try:
    print('info(np.diag(np.arange(3), -2))', '->', repr(info(np.diag(np.arange(3), -2))))
except Exception as e:
    print('info(np.diag(np.arange(3), -2))', '!!', type(e).__name__ + ':', e)
try:
    print('info(np.diag(np.arange(12).reshape(3,4)))', '->', repr(info(np.diag(np.arange(12).reshape(3,4)))))
except Exception as e:
    print('info(np.diag(np.arange(12).reshape(3,4)))', '!!', type(e).__name__ + ':', e)
try:
    print('info(np.diag(np.arange(12).reshape(3,4), 2))', '->', repr(info(np.diag(np.arange(12).reshape(3,4), 2))))
except Exception as e:
    print('info(np.diag(np.arange(12).reshape(3,4), 2))', '!!', type(e).__name__ + ':', e)
try:
    print('info(np.diag(np.arange(12).reshape(3,4), -5))', '->', repr(info(np.diag(np.arange(12).reshape(3,4), -5))))
except Exception as e:
    print('info(np.diag(np.arange(12).reshape(3,4), -5))', '!!', type(e).__name__ + ':', e)
try:
    print('info(np.diag(np.arange(12).reshape(3,4).T, -1))', '->', repr(info(np.diag(np.arange(12).reshape(3,4).T, -1))))
except Exception as e:
    print('info(np.diag(np.arange(12).reshape(3,4).T, -1))', '!!', type(e).__name__ + ':', e)
try:
    print('np.diag(np.arange(12).reshape(3,4)).base is None', '->', repr(np.diag(np.arange(12).reshape(3,4)).base is None))
except Exception as e:
    print('np.diag(np.arange(12).reshape(3,4)).base is None', '!!', type(e).__name__ + ':', e)
try:
    print('info(np.diag(np.arange(24).reshape(2,3,4)))', '->', repr(info(np.diag(np.arange(24).reshape(2,3,4)))))
except Exception as e:
    print('info(np.diag(np.arange(24).reshape(2,3,4)))', '!!', type(e).__name__ + ':', e)
try:
    print('info(np.diag(5))', '->', repr(info(np.diag(5))))
except Exception as e:
    print('info(np.diag(5))', '!!', type(e).__name__ + ':', e)
try:
    print('info(np.diag([1.5, 2]))', '->', repr(info(np.diag([1.5, 2]))))
except Exception as e:
    print('info(np.diag([1.5, 2]))', '!!', type(e).__name__ + ':', e)
try:
    print('np.diag([]).shape', '->', repr(np.diag([]).shape))
except Exception as e:
    print('np.diag([]).shape', '!!', type(e).__name__ + ':', e)
try:
    print('info(np.diag(np.arange(3), 1.5))', '->', repr(info(np.diag(np.arange(3), 1.5))))
except Exception as e:
    print('info(np.diag(np.arange(3), 1.5))', '!!', type(e).__name__ + ':', e)
try:
    print('info(np.diag(np.array([1+1j, 2])))', '->', repr(info(np.diag(np.array([1+1j, 2])))))
except Exception as e:
    print('info(np.diag(np.array([1+1j, 2])))', '!!', type(e).__name__ + ':', e)
try:
    print('info(np.diag(np.array([True, False])))', '->', repr(info(np.diag(np.array([True, False])))))
except Exception as e:
    print('info(np.diag(np.array([True, False])))', '!!', type(e).__name__ + ':', e)
try:
    print('info(np.diag(np.array([1, 2], dtype=np.uint8), k=-1))', '->', repr(info(np.diag(np.array([1, 2], dtype=np.uint8), k=-1))))
except Exception as e:
    print('info(np.diag(np.array([1, 2], dtype=np.uint8), k=-1))', '!!', type(e).__name__ + ':', e)
try:
    print('info(np.diag(np.array([2**63 + 5], dtype=np.uint64)))', '->', repr(info(np.diag(np.array([2**63 + 5], dtype=np.uint64)))))
except Exception as e:
    print('info(np.diag(np.array([2**63 + 5], dtype=np.uint64)))', '!!', type(e).__name__ + ':', e)
try:
    print('info(np.diag(np.array([0.5, 1.5], dtype=np.float32)))', '->', repr(info(np.diag(np.array([0.5, 1.5], dtype=np.float32)))))
except Exception as e:
    print('info(np.diag(np.array([0.5, 1.5], dtype=np.float32)))', '!!', type(e).__name__ + ':', e)
