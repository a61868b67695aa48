# with np.printoptions(...) as opts: options set on entering (errors raise there), opts is
# get_printoptions(), nesting, and the options before are back on leaving, an exception included.
import numpy as np
x = np.array([1/3, 2/3, 1e-6])
with np.printoptions(precision=2, suppress=True) as opts:
    print(x)
    print(opts['precision'], opts['suppress'], opts['threshold'])
    with np.printoptions(precision=4):
        print(x)
    print(x)
print(x)
try:
    with np.printoptions(sign='x'):
        print('inside')
except Exception as e:
    print(type(e).__name__, e)
print(x)
try:
    with np.printoptions(threshold=5, edgeitems=1):
        print(np.arange(10))
        raise KeyError('boom')
except KeyError as e:
    print('caught', e)
print(np.arange(10))
m = np.printoptions(precision=1)
print(type(m).__name__)
with m:
    print(x)
print(x)
