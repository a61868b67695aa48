# The warnings module's filters over NumPy's and the program's own warnings: simplefilter,
# filterwarnings (message, category, lineno), resetwarnings, catch_warnings(record=True),
# the 'error' action raising the warning, and np.errstate beside them.
import warnings
import numpy as np


def caught(f):
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter('always')
        f()
    return [(x.category.__name__, str(x.message)) for x in w]


def attempt(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__ + ':', e)


print(caught(lambda: np.float64(1) / 0))
print(caught(lambda: np.array([-1.0]) ** 0.5))
print(caught(lambda: warnings.warn('plain')))
print(caught(lambda: warnings.warn('dep', DeprecationWarning)))
print(caught(lambda: warnings.warn(FutureWarning('as instance'))))

with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter('ignore')
    np.float64(1) / 0
    print('ignored:', len(w))
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter('always')
    warnings.filterwarnings('ignore', message='divide by')
    np.float64(1) / 0
    np.float64(0) / 0
    print('by message:', [str(x.message) for x in w])
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter('always')
    warnings.filterwarnings('ignore', category=UserWarning)
    warnings.warn('user')
    warnings.warn('runtime', RuntimeWarning)
    print('by category:', [x.category.__name__ for x in w])
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter('default')
    for i in range(3):
        np.float64(1) / 0
    print('default shows once per line:', len(w))
with warnings.catch_warnings(record=True) as w:
    warnings.simplefilter('once')
    np.float64(1) / 0
    np.float64(1) / 0
    np.float64(0) / 0
    print('once per text:', len(w))

with warnings.catch_warnings():
    warnings.simplefilter('error')
    attempt('error action', lambda: np.float64(1) / 0)
    attempt('error user', lambda: warnings.warn('stop here'))
    attempt('error cast', lambda: np.array([np.nan]).astype(np.int32))
    with np.errstate(divide='ignore'):
        attempt('errstate wins', lambda: np.float64(1) / 0)

attempt('bad action', lambda: warnings.simplefilter('loud'))
attempt('bad category', lambda: warnings.simplefilter('ignore', int))
attempt('not a class', lambda: warnings.simplefilter('ignore', 3))
attempt('bad lineno', lambda: warnings.simplefilter('ignore', lineno=-1))
attempt('bad message', lambda: warnings.filterwarnings('ignore', message=3))
attempt('warn category', lambda: warnings.warn('x', 5))
print(issubclass(RuntimeWarning, Warning), issubclass(np.exceptions.ComplexWarning, RuntimeWarning))
warnings.resetwarnings()
print(caught(lambda: np.array([1 + 1j]).astype(np.float64)))
