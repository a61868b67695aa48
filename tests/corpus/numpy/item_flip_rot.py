# ndarray.item(*args) (a flat C-order index or one index per axis, with NumPy's errors) and the
# flip / rotate views np.flipud, np.fliplr, np.rot90 (strides, k, axes and their errors).
import numpy as np

def attempt(label, fn):
    try:
        r = fn()
        if isinstance(r, np.ndarray):
            print(label, r.shape, r.strides, "own" if r.flags.owndata else "view", r.tolist())
        else:
            print(label, repr(r))
    except Exception as e:
        print(label, type(e).__name__ + ":", e)

a = np.arange(12).reshape(3, 4)
for args in [(5,), (-1,), (12,), (-13,), (1, 2), ((1, 2),), (3, 0), (1, -1), (1, 4), (1, 2, 3), (1.0,), ("x",), ([1],), (np.int64(3),), (True,)]:
    attempt("item %r" % (args,), lambda: a.item(*args))
attempt("T item 5", lambda: a.T.item(5))
attempt("reversed item 3", lambda: a[:, ::-2].item(3))
attempt("0-d item()", lambda: np.array(5.5).item())
attempt("0-d item(0)", lambda: np.array(5.5).item(0))
attempt("0-d item(1)", lambda: np.array(5.5).item(1))
attempt("size 3 item()", lambda: np.arange(3).item())
attempt("float item", lambda: np.arange(3.0).item(2))
attempt("complex item", lambda: np.array([1 + 2j]).item(0))
attempt("bool item", lambda: np.array([True]).item(0))
attempt("empty item", lambda: np.zeros((2, 0)).item(0))
attempt("item keyword", lambda: np.arange(3).item(index=1))
attempt("1-d empty item(0)", lambda: np.zeros((0,)).item(0))
attempt("1-d item(5)", lambda: np.arange(3).item(5))
attempt("1-d item(-4)", lambda: np.arange(3).item(-4))
attempt("3-d empty item(0)", lambda: np.zeros((2, 0, 3)).item(0))

attempt("flipud", lambda: np.flipud(a))
attempt("flipud 0-d", lambda: np.flipud(np.int64(3)))
attempt("fliplr", lambda: np.fliplr(a))
attempt("fliplr 1-d", lambda: np.fliplr(np.arange(3)))
for k in [1, -1, 2, 3, 4, 5]:
    attempt("rot90 k=%d" % k, lambda: np.rot90(a, k))
for axes in [(0, 0), (0, 2), (0, -2), (0, 1, 2), (1, 0)]:
    attempt("rot90 axes=%r" % (axes,), lambda: np.rot90(a, axes=axes))
b = np.arange(24).reshape(2, 3, 4)
attempt("rot90 1-d", lambda: np.rot90(np.arange(3)))
attempt("rot90 3-d (1, 2)", lambda: np.rot90(b, axes=(1, 2)))
attempt("rot90 3-d (2, 0)", lambda: np.rot90(b, axes=(2, 0)))
attempt("rot90 3-d (0, -1)", lambda: np.rot90(b, 1, (0, -1)))
attempt("rot90 3-d (0, 3)", lambda: np.rot90(b, axes=(0, 3)))
attempt("rot90 list", lambda: np.rot90([[1, 2], [3, 4]]))
r = np.rot90(a)
r[0, 0] = 99
print("rot90 writes reach a", a.tolist())
