# ndarray.astype(casting=...) refuses what NumPy's rule refuses (it was ignored), the casting
# converter's errors, np.can_cast's full table between the engine's dtypes, astype(copy=False)
# sharing, and view(np.ndarray) with the type in the dtype place.
import numpy as np

def attempt(label, fn):
    try:
        r = fn()
        if isinstance(r, np.ndarray):
            print(label, r.dtype, r.strides, r.tolist())
        else:
            print(label, repr(r))
    except Exception as e:
        print(label, type(e).__name__ + ":", e)

names = ["bool", "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64",
         "float16", "float32", "float64", "complex64", "complex128"]
for rule in ["no", "equiv", "safe", "same_kind", "unsafe"]:
    for f in names:
        print(rule, f, "".join("1" if np.can_cast(f, t, rule) else "." for t in names))
attempt("can_cast array", lambda: np.can_cast(np.arange(3), "f4"))
attempt("can_cast scalar", lambda: np.can_cast(np.float64(1), np.float32))
attempt("can_cast type", lambda: np.can_cast(np.int16, np.dtype("f4")))
attempt("can_cast int", lambda: np.can_cast(1, np.int8))
attempt("can_cast float", lambda: np.can_cast(1.5, np.float32))
attempt("can_cast bogus", lambda: np.can_cast(np.int8, np.int16, "bogus"))
attempt("can_cast same_value", lambda: np.can_cast(np.int8, np.int16, "same_value"))

b = np.arange(6.0)
for dt in [np.int8, np.float32, np.int64, np.complex128, np.float64, np.bool_]:
    for rule in ["no", "equiv", "safe", "same_kind", "unsafe"]:
        attempt("astype %s %s" % (np.dtype(dt), rule), lambda: b.astype(dt, casting=rule))
for rule in ["bogus", "SAFE", None, 1]:
    attempt("astype casting=%r" % (rule,), lambda: b.astype(np.int8, casting=rule))
attempt("astype same_value safe", lambda: np.arange(3, dtype=np.int8).astype(np.int32, casting="same_value"))
i = np.arange(4, dtype=np.int32)
attempt("int32 -> float32 same_kind", lambda: i.astype(np.float32, casting="same_kind"))
attempt("int32 -> uint8 same_kind", lambda: i.astype(np.uint8, casting="same_kind"))
attempt("uint8 -> int8 same_kind", lambda: i.astype(np.uint8).astype(np.int8, casting="same_kind"))
attempt("bool -> float16 safe", lambda: (i > 1).astype(np.float16, casting="safe"))

attempt("copy=False same dtype is b", lambda: b.astype(np.float64, copy=False) is b)
attempt("copy=False other dtype is b", lambda: b.astype(np.float32, copy=False) is b)
attempt("copy=True is b", lambda: b.astype(np.float64) is b)
attempt("copy=False shares", lambda: np.shares_memory(b.astype("f8", copy=False), b))
attempt("copy=False order F 1-d", lambda: b.astype(np.float64, order="F", copy=False) is b)
t = b.reshape(2, 3).T
for order in ["C", "F", "A", "K"]:
    attempt("T astype order %s" % order, lambda: t.astype(np.float64, order=order, copy=False))
    attempt("T astype order %s shares" % order, lambda: np.shares_memory(t.astype(np.float64, order=order, copy=False), t))
m = np.arange(12, dtype=np.int32).reshape(3, 4)
attempt("view(np.ndarray)", lambda: m.view(np.ndarray))
attempt("view(type=np.ndarray)", lambda: m.view(type=np.ndarray))
attempt("view(np.ndarray) base", lambda: m.view(np.ndarray).base is m)
