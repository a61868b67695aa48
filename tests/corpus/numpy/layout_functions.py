# Layout functions beyond views of slices: np.require (its flag names, read letter by letter from a
# string), reshape's order= ('A' follows the array, 'K' refused, NumPy's order converter errors),
# ravel / flatten / copy orders, any negative reshape size as the unknown one, np.rollaxis,
# np.permute_dims, np.matrix_transpose, np.asanyarray, and the two texts for a repeated axis.
import numpy as np

def attempt(label, fn):
    try:
        r = fn()
        if isinstance(r, np.ndarray):
            print(label, r.shape, r.strides, r.dtype, "own" if r.flags.owndata else "view", "W" if r.flags.writeable else "ro", r.ravel(order="K").tolist())
        else:
            print(label, repr(r))
    except Exception as e:
        print(label, type(e).__name__ + ":", e)

m = np.arange(6).reshape(2, 3)
a = np.arange(24).reshape(2, 3, 4)
for req in ["F", "C", ["C", "W"], ["F", "C"], "X", ["O"], "E", None, "", [], "CONTIGUOUS", "FORTRAN", "ALIGNED",
            "WRITEABLE", "OWNDATA", "ENSUREARRAY", ["c_contiguous"], ["fortran", "aligned"], [1], ("W", "A")]:
    attempt("require %r" % (req,), lambda: np.require(m, requirements=req))
    attempt("require T %r is" % (req,), lambda: np.require(m.T, requirements=req) is m.T)
attempt("require m is m", lambda: np.require(m, requirements=["C", "W"]) is m)
attempt("require float32 A", lambda: np.require(m, dtype=np.float32, requirements="A"))
attempt("require list", lambda: np.require([1, 2, 3]))
attempt("require list F", lambda: np.require([[1, 2], [3, 4]], requirements="F"))
r = np.arange(4)
r.flags.writeable = False
attempt("require read-only W", lambda: np.require(r, requirements="W"))
attempt("require read-only view O", lambda: np.require(r[1:], requirements=["O"]))
attempt("asanyarray", lambda: np.asanyarray(m) is m)
attempt("asanyarray list", lambda: np.asanyarray([1.5, 2], dtype=np.float32))

for order in ["C", "F", "A", "K", "c", "f", "a", "k", None, "X", "CC", "", 1]:
    attempt("reshape T %r" % (order,), lambda: m.T.reshape(6, order=order))
    attempt("np.reshape %r" % (order,), lambda: np.reshape(m, (3, 2), order=order))
    attempt("ravel %r" % (order,), lambda: m.T[:, ::-1].ravel(order))
    attempt("flatten %r" % (order,), lambda: m.T.flatten(order))
    attempt("copy %r" % (order,), lambda: m.T.copy(order))
    attempt("np.copy %r" % (order,), lambda: np.copy(m.T, order=order))
attempt("reshape A of F", lambda: np.asfortranarray(m).reshape(3, 2, order="A"))
attempt("reshape A base", lambda: m.T.reshape(6, order="A").base is m)
for shape in [(-2, 3), (3, -7), (-5,), (-2, -1), (-2, 4), (4, -3), (0, -2)]:
    attempt("reshape %r" % (shape,), lambda: m.reshape(shape))

for args in [(2,), (2, 1), (0, 3), (3,), (0, 4), (0, 5), (-4,), (-1, -3), (0, -5), (1, 1), (2, 0)]:
    attempt("rollaxis %r" % (args,), lambda: np.rollaxis(a, *args))
attempt("rollaxis float", lambda: np.rollaxis(a, 1.0))
attempt("permute_dims", lambda: np.permute_dims(a, (2, 1, 0)))
attempt("permute_dims none", lambda: np.permute_dims(m))
attempt("permute_dims short", lambda: np.permute_dims(a, (0,)))
attempt("matrix_transpose", lambda: np.matrix_transpose(a))
attempt("matrix_transpose 1-d", lambda: np.matrix_transpose(np.arange(3)))
attempt("matrix_transpose list", lambda: np.matrix_transpose([[1, 2]]))

ones = np.ones((1, 3, 1))
attempt("squeeze (0, 0)", lambda: np.squeeze(ones, axis=(0, 0)))
attempt("squeeze (0, -3)", lambda: np.squeeze(ones, axis=(0, -3)))
attempt("sum (0, 0)", lambda: np.sum(m, axis=(0, 0)))
attempt("mean (1, -1)", lambda: np.mean(m, axis=(1, -1)))
attempt("max (0, 0)", lambda: np.max(m, axis=(0, 0)))
attempt("any (0, 0)", lambda: np.any(m, axis=(0, 0)))
attempt("flip (0, 0)", lambda: np.flip(m, axis=(0, 0)))
attempt("expand_dims (1, 1)", lambda: np.expand_dims(m, (1, 1)))
attempt("moveaxis repeated", lambda: np.moveaxis(a, [0, 0], [1, 2]))
attempt("transpose repeated", lambda: a.transpose(0, 1, 1))

# np.atleast_1d/2d/3d (views with new axes; several arguments give a tuple) and np.asarray's order=
# (a copy when the array is not in that order) and copy=False of a new array.
x = np.arange(6).reshape(2, 3)
for label, fn in [("1d 5", lambda: np.atleast_1d(5)), ("1d two", lambda: np.atleast_1d(1, [2, 3])), ("1d none", lambda: np.atleast_1d()),
                  ("2d 1-d", lambda: np.atleast_2d(np.arange(3))), ("2d scalar", lambda: np.atleast_2d(np.float32(2))),
                  ("2d is x", lambda: np.atleast_2d(x) is x), ("3d 1-d", lambda: np.atleast_3d(np.arange(3))),
                  ("3d 2-d", lambda: np.atleast_3d(x)), ("3d T", lambda: np.atleast_3d(x.T)), ("3d 0-d", lambda: np.atleast_3d(7)),
                  ("3d 3-d", lambda: np.atleast_3d(np.zeros((2, 3, 4)))), ("3d list", lambda: np.atleast_3d([[1, 2]])),
                  ("2d base", lambda: np.atleast_2d(np.arange(3)).base is None)]:
    attempt("atleast " + label, fn)
for order in ["F", "K", "A", "C", "Z"]:
    attempt("asarray %s" % order, lambda: np.asarray(x, order=order))
    attempt("asarray T %s" % order, lambda: np.asarray(x.T, order=order))
    attempt("asarray %s is x" % order, lambda: np.asarray(x, order=order) is x)
attempt("asarray F copy=False", lambda: np.asarray(x, order="F", copy=False))
attempt("asarray list copy=False", lambda: np.asarray([1, 2], copy=False))
attempt("asarray scalar copy=False", lambda: np.asarray(np.float64(5), copy=False))
attempt("asarray list F", lambda: np.asarray([[1, 2], [3, 4]], order="F", dtype=np.int8))
attempt("asanyarray F", lambda: np.asanyarray(x, order="F"))
