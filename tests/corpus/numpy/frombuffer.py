# np.frombuffer over bytes: a read-only array whose .base is the bytes object (arrays over the
# same bytes share its memory), count / offset / dtype (byte order too) and NumPy's errors;
# ndarray.tobytes() and the bytes values it gives.
import numpy as np

def attempt(label, fn):
    try:
        r = fn()
        if isinstance(r, np.ndarray):
            print(label, r.shape, r.strides, r.dtype, r.flags.writeable, r.flags.owndata, r.flags.c_contiguous, r.tolist())
        else:
            print(label, repr(r))
    except Exception as e:
        print(label, type(e).__name__ + ":", e)

data = b"\x01\x00\x00\x00\x02\x00\x00\x00\x03\x00\x00\x00\xff\xff\xff\xff"
print(data, len(data), data[0], data[-1], data[2:6], type(data).__name__)
attempt("int32", lambda: np.frombuffer(data, dtype=np.int32))
attempt("uint8", lambda: np.frombuffer(data, dtype=np.uint8))
attempt("int16 count", lambda: np.frombuffer(data, dtype=np.int16, count=3))
attempt("offset", lambda: np.frombuffer(data, dtype=np.uint8, offset=12))
attempt("offset count", lambda: np.frombuffer(data, dtype=np.int32, count=2, offset=4))
attempt("big-endian", lambda: np.frombuffer(data, dtype=">i4"))
attempt("default float64", lambda: np.frombuffer(data))
attempt("float32", lambda: np.frombuffer(b"\x00\x00\x80\x3f\x00\x00\x00\x40", dtype=np.float32))
attempt("count -1", lambda: np.frombuffer(data, dtype=np.uint16, count=-1))
attempt("bad size", lambda: np.frombuffer(b"\x00" * 5, dtype=np.int32))
attempt("bad count", lambda: np.frombuffer(b"\x00" * 8, dtype=np.int32, count=3))
attempt("negative offset", lambda: np.frombuffer(b"\x00" * 8, offset=-1))
attempt("offset past end", lambda: np.frombuffer(b"\x00" * 8, dtype=np.uint8, offset=9))
attempt("offset at end", lambda: np.frombuffer(b"\x00" * 8, dtype=np.uint8, offset=8))
attempt("empty", lambda: np.frombuffer(b"", dtype=np.uint8))
attempt("str", lambda: np.frombuffer("abc", dtype=np.uint8))
attempt("list", lambda: np.frombuffer([1, 2], dtype=np.uint8))
a = np.frombuffer(data, dtype=np.int32)
print(a.base is data, type(a.base).__name__, a[1:].base is a)
b = np.frombuffer(data, dtype=np.uint8)
print(np.shares_memory(a, b), np.may_share_memory(a, b))
def write():
    a[0] = 5
attempt("write", write)
def set_w():
    a.flags.writeable = True
attempt("set writeable", set_w)
def set_w_view():
    a[1:].flags.writeable = True
attempt("set writeable on view", set_w_view)
c = a.copy()
c[0] = 7
attempt("copy is writeable", lambda: c)
attempt("tobytes", lambda: np.arange(4, dtype=np.int16).tobytes())
attempt("tobytes F", lambda: np.arange(6, dtype=np.uint8).reshape(2, 3).tobytes(order="F"))
attempt("tobytes of T", lambda: np.arange(6, dtype=np.uint8).reshape(2, 3).T.tobytes())
attempt("tobytes A", lambda: np.asfortranarray(np.arange(6, dtype=np.uint8).reshape(2, 3)).tobytes(order="A"))
attempt("round trip", lambda: np.frombuffer(np.arange(3.5, dtype=np.float64).tobytes()))
attempt("bytes repr", lambda: b"a'b\\c\t\n\x7f" + bytes([0, 200]))
attempt("bytes(3)", lambda: bytes(3))
attempt("bytes list", lambda: bytes([104, 105]))
attempt("bytes bad", lambda: bytes([256]))
attempt("bytes eq", lambda: (b"ab" == b"ab", b"ab" != b"ac", b"ab" < b"b", b"x" == "x"))
attempt("bytes list()", lambda: list(b"hi"))
attempt("quote choice", lambda: (b"'", b'"', b"'\""))
