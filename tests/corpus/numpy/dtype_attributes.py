# np.dtype's attributes for every dtype the engine holds (num, alignment, flags, descr, isbuiltin,
# base, shape, ndim, names, fields, subdtype, metadata, hasobject), newbyteorder with NumPy's
# byte-order converter, and the ordering of dtypes by safe casting (<, <=, >, >=).
import numpy as np

def attempt(label, fn):
    try:
        print(label, repr(fn()))
    except Exception as e:
        print(label, type(e).__name__ + ":", e)

names = ["bool", "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64",
         "float16", "float32", "float64", "complex64", "complex128"]
for n in names:
    d = np.dtype(n)
    print(n, d.num, d.alignment, d.flags, d.descr, d.isbuiltin, d.base, d.shape, d.ndim, d.names, d.fields,
          d.subdtype, d.metadata, d.hasobject, d.itemsize, d.kind, d.char, d.str, d.byteorder, d.isnative)
    print(n, d.newbyteorder(), d.newbyteorder().str, d.newbyteorder("S").byteorder, d.newbyteorder("=") == d,
          d.newbyteorder("|").str, d.newbyteorder(">").newbyteorder().str, d.newbyteorder("big").isbuiltin)
big = np.dtype(">f8")
print(big.descr, big.base, big.num, big.isbuiltin, big.newbyteorder(), big.newbyteorder("<"), big.newbyteorder("L"),
      big.newbyteorder("native"), big.newbyteorder("big"), big.newbyteorder("i"))
for order in ["x", "", 1, None]:
    attempt("newbyteorder %r" % (order,), lambda: np.dtype("f8").newbyteorder(order))
for n in names:
    print(n, "".join(("<" if np.dtype(n) < t else "") + ("=" if np.dtype(n) <= t else "") + (">" if np.dtype(n) > t else "") + ("g" if np.dtype(n) >= t else "") + "|" for t in names))
print(np.dtype("i4") < "f8", np.dtype("i4") >= np.int16, np.dtype("f4") <= float)
