# np.lib.stride_tricks (as_strided's default strides, lists, writeable; sliding_window_view's
# shapes, strides, writeable and errors) and np.shares_memory / may_share_memory with max_work
# and non-array arguments.
import numpy as np
from numpy.lib.stride_tricks import as_strided, sliding_window_view

def attempt(label, fn):
    try:
        r = fn()
        if isinstance(r, np.ndarray):
            print(label, r.shape, r.strides, "W" if r.flags.writeable else "ro", r.tolist())
        else:
            print(label, repr(r))
    except Exception as e:
        print(label, type(e).__name__ + ":", e)

print([hasattr(np.lib.stride_tricks, n) for n in ["as_strided", "sliding_window_view", "broadcast_to", "broadcast_arrays"]])
a = np.arange(12)
m = a.reshape(3, 4)
attempt("shape only, C-contiguous x", lambda: as_strided(m, shape=(2, 2)))
attempt("shape only, 1-d", lambda: as_strided(a, shape=(2, 3)))
attempt("shape only, transposed x", lambda: as_strided(m.T, shape=(2, 2)))
attempt("shape only, column slice", lambda: as_strided(m[:, :2], shape=(2,)))
attempt("shape only, F-order x", lambda: as_strided(np.zeros((2, 3), order="F"), shape=(3,)))
attempt("shape and strides", lambda: as_strided(a, shape=(3, 4), strides=(32, 8)))
attempt("zero stride", lambda: as_strided(a, shape=(3, 4), strides=(0, 8)))
attempt("writeable=False", lambda: as_strided(a, shape=(3, 4), strides=(0, 8), writeable=False))
attempt("strides too few", lambda: as_strided(a, shape=(2, 3), strides=(8,)))
attempt("of a list", lambda: as_strided([1, 2, 3], shape=(2,)))
r = np.arange(6)
r.flags.writeable = False
attempt("read-only x, writeable=True", lambda: as_strided(r, shape=(3,), strides=(16,), writeable=True))

attempt("window 3", lambda: sliding_window_view(a, 3))
attempt("window 0", lambda: sliding_window_view(a, 0))
attempt("window 13", lambda: sliding_window_view(a, 13))
attempt("window -1", lambda: sliding_window_view(a, -1))
attempt("too many windows", lambda: sliding_window_view(a, (3, 3)))
attempt("2-d window", lambda: sliding_window_view(m, (2, 2)))
attempt("axis=1", lambda: sliding_window_view(m, 2, axis=1))
attempt("axis=0", lambda: sliding_window_view(m, 2, axis=0))
attempt("axis=2", lambda: sliding_window_view(m, 2, axis=2))
attempt("axis repeated", lambda: sliding_window_view(m, (2, 2), axis=(0, 0)))
attempt("axis mismatch", lambda: sliding_window_view(m, (2,), axis=(0, 1)))
attempt("of a list", lambda: sliding_window_view([1, 2, 3, 4], 2))
attempt("writeable=True", lambda: sliding_window_view(np.arange(5), 3, writeable=True))
attempt("read-only x, writeable=True", lambda: sliding_window_view(r, 3, writeable=True))
w = sliding_window_view(np.arange(6), 3, writeable=True)
w[0, 1] = 99
print(w.tolist())
def write_default():
    sliding_window_view(np.arange(6), 3)[0, 0] = 1
attempt("write default", write_default)

x = np.arange(10)
pairs = [("a, a", x, x), ("overlap", x[:3], x[2:]), ("adjacent", x[:3], x[3:]), ("interleaved", x[::2], x[1::2]),
         ("empty", x[:0], x), ("columns", x.reshape(2, 5)[:, :2], x.reshape(2, 5)[:, 2:]), ("copy", x, x.copy())]
for label, p, q in pairs:
    for mw in [None, 0, 1, -1, -2]:
        attempt("shares %s max_work=%r" % (label, mw), lambda: np.shares_memory(p, q, max_work=mw))
        attempt("may_share %s max_work=%r" % (label, mw), lambda: np.may_share_memory(p, q, max_work=mw))
    attempt("may_share %s" % label, lambda: np.may_share_memory(p, q))
for mw in [-3, 1.5, "x", True, 2**70]:
    attempt("max_work=%r" % (mw,), lambda: np.shares_memory(x, x, max_work=mw))
attempt("int", lambda: np.shares_memory(x, 1))
attempt("list", lambda: np.may_share_memory(x, [1, 2]))
attempt("both lists", lambda: np.shares_memory([1], [1]))
attempt("TooHardError", lambda: issubclass(np.exceptions.TooHardError, RuntimeError))
try:
    np.shares_memory(x, x, max_work=0)
except np.exceptions.TooHardError as e:
    print("caught", type(e).__name__, e)
