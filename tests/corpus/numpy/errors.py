# NumPy's errors for bad shapes, indices and axes, with their exact texts and types.
import numpy as np
a = np.arange(6).reshape(2, 3)

def attempt(label, fn):
    try:
        fn()
        print(label, "no error")
    except Exception as e:
        print(label, type(e).__name__ + ":", e)

attempt("reshape", lambda: a.reshape(4, 2))
attempt("reshape -1", lambda: a.reshape(-1, 4))
attempt("index", lambda: a[2])
attempt("index neg", lambda: a[0, -4])
attempt("too many", lambda: a[0, 0, 0])
attempt("float index", lambda: a[1.0])
attempt("transpose axes", lambda: a.transpose(0, 0))
attempt("transpose len", lambda: a.transpose(1, 0, 2))
attempt("swapaxes", lambda: a.swapaxes(0, 5))
attempt("squeeze", lambda: a.squeeze(axis=0))
attempt("broadcast", lambda: np.broadcast_to(a, (3, 3)))
attempt("broadcast add", lambda: a + np.ones((3, 2)))
attempt("truth", lambda: bool(a))
attempt("truth empty", lambda: bool(np.array([])))
attempt("len 0-d", lambda: len(np.array(1)))
attempt("int of array", lambda: int(a))
attempt("sum axis", lambda: a.sum(axis=2))
attempt("view dtype", lambda: np.arange(3, dtype=np.int8).view(np.int32))
attempt("astype bad", lambda: a.astype("nonsense"))
attempt("diagonal", lambda: a.diagonal(axis1=0, axis2=0))
attempt("window", lambda: np.lib.stride_tricks.sliding_window_view(np.arange(3), 5))
attempt("expand_dims", lambda: np.expand_dims(a, 5))
attempt("arange step 0", lambda: np.arange(0, 5, 0))
attempt("zeros neg", lambda: np.zeros(-1))
attempt("ragged", lambda: np.array([[1, 2], [3]]))
try:
    a.sum(axis=3)
except np.exceptions.AxisError as e:
    print("AxisError is", isinstance(e, ValueError), isinstance(e, IndexError))
