# np.unravel_index / np.ravel_multi_index: C and F order, 0-d and array indices (np.int64 scalars or
# arrays of the index's shape), broadcast coordinates, mode= (one or per axis) and NumPy's errors.
import numpy as np
try:
    print('np.unravel_index(7, (3,4))', '->', repr(np.unravel_index(7, (3,4))))
except Exception as e:
    print('np.unravel_index(7, (3,4))', '!!', type(e).__name__ + ':', e)
try:
    print('np.unravel_index([7, 0, 11], (3,4))', '->', repr(np.unravel_index([7, 0, 11], (3,4))))
except Exception as e:
    print('np.unravel_index([7, 0, 11], (3,4))', '!!', type(e).__name__ + ':', e)
try:
    print("np.unravel_index(np.array([[7, 1]]), (3,4), order='F')", '->', repr(np.unravel_index(np.array([[7, 1]]), (3,4), order='F')))
except Exception as e:
    print("np.unravel_index(np.array([[7, 1]]), (3,4), order='F')", '!!', type(e).__name__ + ':', e)
try:
    print('np.unravel_index(-1, (3,4))', '->', repr(np.unravel_index(-1, (3,4))))
except Exception as e:
    print('np.unravel_index(-1, (3,4))', '!!', type(e).__name__ + ':', e)
try:
    print('np.unravel_index(12, (3,4))', '->', repr(np.unravel_index(12, (3,4))))
except Exception as e:
    print('np.unravel_index(12, (3,4))', '!!', type(e).__name__ + ':', e)
try:
    print('np.unravel_index(1.0, (3,4))', '->', repr(np.unravel_index(1.0, (3,4))))
except Exception as e:
    print('np.unravel_index(1.0, (3,4))', '!!', type(e).__name__ + ':', e)
try:
    print('np.unravel_index(np.array([1.0]), (3,4))', '->', repr(np.unravel_index(np.array([1.0]), (3,4))))
except Exception as e:
    print('np.unravel_index(np.array([1.0]), (3,4))', '!!', type(e).__name__ + ':', e)
try:
    print('np.unravel_index(3, 5)', '->', repr(np.unravel_index(3, 5)))
except Exception as e:
    print('np.unravel_index(3, 5)', '!!', type(e).__name__ + ':', e)
try:
    print('np.unravel_index(3, ())', '->', repr(np.unravel_index(3, ())))
except Exception as e:
    print('np.unravel_index(3, ())', '!!', type(e).__name__ + ':', e)
try:
    print('np.unravel_index(0, (0,))', '->', repr(np.unravel_index(0, (0,))))
except Exception as e:
    print('np.unravel_index(0, (0,))', '!!', type(e).__name__ + ':', e)
try:
    print("np.unravel_index(3, (3,4), order='X')", '->', repr(np.unravel_index(3, (3,4), order='X')))
except Exception as e:
    print("np.unravel_index(3, (3,4), order='X')", '!!', type(e).__name__ + ':', e)
try:
    print("np.unravel_index(3, (3,4), order='A')", '->', repr(np.unravel_index(3, (3,4), order='A')))
except Exception as e:
    print("np.unravel_index(3, (3,4), order='A')", '!!', type(e).__name__ + ':', e)
try:
    print('np.unravel_index(np.int32(5), (3,4))', '->', repr(np.unravel_index(np.int32(5), (3,4))))
except Exception as e:
    print('np.unravel_index(np.int32(5), (3,4))', '!!', type(e).__name__ + ':', e)
try:
    print('np.unravel_index(np.array(5), (3,4))', '->', repr(np.unravel_index(np.array(5), (3,4))))
except Exception as e:
    print('np.unravel_index(np.array(5), (3,4))', '!!', type(e).__name__ + ':', e)
try:
    print('np.unravel_index(True, (3,4))', '->', repr(np.unravel_index(True, (3,4))))
except Exception as e:
    print('np.unravel_index(True, (3,4))', '!!', type(e).__name__ + ':', e)
try:
    print('np.unravel_index([], (3,4))', '->', repr(np.unravel_index([], (3,4))))
except Exception as e:
    print('np.unravel_index([], (3,4))', '!!', type(e).__name__ + ':', e)
try:
    print('np.unravel_index(np.array([], dtype=int), (3,4))', '->', repr(np.unravel_index(np.array([], dtype=int), (3,4))))
except Exception as e:
    print('np.unravel_index(np.array([], dtype=int), (3,4))', '!!', type(e).__name__ + ':', e)
try:
    print('np.unravel_index(23, (2,3,4))', '->', repr(np.unravel_index(23, (2,3,4))))
except Exception as e:
    print('np.unravel_index(23, (2,3,4))', '!!', type(e).__name__ + ':', e)
try:
    print("np.unravel_index(23, (2,3,4), order='F')", '->', repr(np.unravel_index(23, (2,3,4), order='F')))
except Exception as e:
    print("np.unravel_index(23, (2,3,4), order='F')", '!!', type(e).__name__ + ':', e)
try:
    print("np.unravel_index(np.arange(6).reshape(2,3), (2,3), order='F')", '->', repr(np.unravel_index(np.arange(6).reshape(2,3), (2,3), order='F')))
except Exception as e:
    print("np.unravel_index(np.arange(6).reshape(2,3), (2,3), order='F')", '!!', type(e).__name__ + ':', e)
try:
    print('np.ravel_multi_index((1,2), (3,4))', '->', repr(np.ravel_multi_index((1,2), (3,4))))
except Exception as e:
    print('np.ravel_multi_index((1,2), (3,4))', '!!', type(e).__name__ + ':', e)
try:
    print('np.ravel_multi_index(([1,2],[2,3]), (3,4))', '->', repr(np.ravel_multi_index(([1,2],[2,3]), (3,4))))
except Exception as e:
    print('np.ravel_multi_index(([1,2],[2,3]), (3,4))', '!!', type(e).__name__ + ':', e)
try:
    print("np.ravel_multi_index(([1,2],[2,3]), (3,4), order='F')", '->', repr(np.ravel_multi_index(([1,2],[2,3]), (3,4), order='F')))
except Exception as e:
    print("np.ravel_multi_index(([1,2],[2,3]), (3,4), order='F')", '!!', type(e).__name__ + ':', e)
try:
    print('np.ravel_multi_index((3,0), (3,4))', '->', repr(np.ravel_multi_index((3,0), (3,4))))
except Exception as e:
    print('np.ravel_multi_index((3,0), (3,4))', '!!', type(e).__name__ + ':', e)
try:
    print('np.ravel_multi_index((-1,0), (3,4))', '->', repr(np.ravel_multi_index((-1,0), (3,4))))
except Exception as e:
    print('np.ravel_multi_index((-1,0), (3,4))', '!!', type(e).__name__ + ':', e)
try:
    print("np.ravel_multi_index((3,0), (3,4), mode='wrap')", '->', repr(np.ravel_multi_index((3,0), (3,4), mode='wrap')))
except Exception as e:
    print("np.ravel_multi_index((3,0), (3,4), mode='wrap')", '!!', type(e).__name__ + ':', e)
try:
    print("np.ravel_multi_index((-1,5), (3,4), mode='clip')", '->', repr(np.ravel_multi_index((-1,5), (3,4), mode='clip')))
except Exception as e:
    print("np.ravel_multi_index((-1,5), (3,4), mode='clip')", '!!', type(e).__name__ + ':', e)
try:
    print("np.ravel_multi_index((-1,5), (3,4), mode=('wrap','clip'))", '->', repr(np.ravel_multi_index((-1,5), (3,4), mode=('wrap','clip'))))
except Exception as e:
    print("np.ravel_multi_index((-1,5), (3,4), mode=('wrap','clip'))", '!!', type(e).__name__ + ':', e)
try:
    print("np.ravel_multi_index((-1,5), (3,4), mode=('wrap',))", '->', repr(np.ravel_multi_index((-1,5), (3,4), mode=('wrap',))))
except Exception as e:
    print("np.ravel_multi_index((-1,5), (3,4), mode=('wrap',))", '!!', type(e).__name__ + ':', e)
try:
    print('np.ravel_multi_index((1,), (3,4))', '->', repr(np.ravel_multi_index((1,), (3,4))))
except Exception as e:
    print('np.ravel_multi_index((1,), (3,4))', '!!', type(e).__name__ + ':', e)
try:
    print("np.ravel_multi_index((1,2), (3,4), mode='bogus')", '->', repr(np.ravel_multi_index((1,2), (3,4), mode='bogus')))
except Exception as e:
    print("np.ravel_multi_index((1,2), (3,4), mode='bogus')", '!!', type(e).__name__ + ':', e)
try:
    print('np.ravel_multi_index((1.0,2), (3,4))', '->', repr(np.ravel_multi_index((1.0,2), (3,4))))
except Exception as e:
    print('np.ravel_multi_index((1.0,2), (3,4))', '!!', type(e).__name__ + ':', e)
try:
    print('np.ravel_multi_index(([1,2],[2]), (3,4))', '->', repr(np.ravel_multi_index(([1,2],[2]), (3,4))))
except Exception as e:
    print('np.ravel_multi_index(([1,2],[2]), (3,4))', '!!', type(e).__name__ + ':', e)
try:
    print('np.ravel_multi_index(([1,2],[[2],[3]]), (3,4))', '->', repr(np.ravel_multi_index(([1,2],[[2],[3]]), (3,4))))
except Exception as e:
    print('np.ravel_multi_index(([1,2],[[2],[3]]), (3,4))', '!!', type(e).__name__ + ':', e)
try:
    print('np.ravel_multi_index([1,2], (3,4))', '->', repr(np.ravel_multi_index([1,2], (3,4))))
except Exception as e:
    print('np.ravel_multi_index([1,2], (3,4))', '!!', type(e).__name__ + ':', e)
try:
    print('np.ravel_multi_index(np.array([[1,2],[2,3]]), (3,4))', '->', repr(np.ravel_multi_index(np.array([[1,2],[2,3]]), (3,4))))
except Exception as e:
    print('np.ravel_multi_index(np.array([[1,2],[2,3]]), (3,4))', '!!', type(e).__name__ + ':', e)
try:
    print("np.ravel_multi_index((1,2,3), (2,3,4), order='F')", '->', repr(np.ravel_multi_index((1,2,3), (2,3,4), order='F')))
except Exception as e:
    print("np.ravel_multi_index((1,2,3), (2,3,4), order='F')", '!!', type(e).__name__ + ':', e)
try:
    print('np.ravel_multi_index((np.array(1), 2), (3,4))', '->', repr(np.ravel_multi_index((np.array(1), 2), (3,4))))
except Exception as e:
    print('np.ravel_multi_index((np.array(1), 2), (3,4))', '!!', type(e).__name__ + ':', e)
try:
    print("np.ravel_multi_index((1,2), (3,4), order='K')", '->', repr(np.ravel_multi_index((1,2), (3,4), order='K')))
except Exception as e:
    print("np.ravel_multi_index((1,2), (3,4), order='K')", '!!', type(e).__name__ + ':', e)
