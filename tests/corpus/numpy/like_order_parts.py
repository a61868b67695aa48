# New arrays laid out on request: np.zeros/ones/empty/full(order='F'), the *_like creators
# (order='K' keeps the input's memory order; 'C', 'F', 'A'), .real/.imag (views of complex
# parts; a real array's imag is a read-only zeros array), broadcast_shapes/broadcast_arrays,
# result_type and errstate.
import numpy as np

def show(label, r):
    print(label, r.shape, r.strides, r.dtype, r.flags.c_contiguous, r.flags.f_contiguous, r.flags.writeable, r.flags.owndata)

def attempt(label, fn, values=True):
    try:
        r = fn()
        if isinstance(r, np.ndarray):
            show(label, r)
            if values:
                print("   ", r.tolist())
        else:
            print(label, repr(r))
    except Exception as e:
        print(label, type(e).__name__ + ":", e)

attempt("zeros F", lambda: np.zeros((2, 3), order="F"))
attempt("ones F int8", lambda: np.ones((2, 3), order="F", dtype=np.int8))
attempt("empty F 3-d", lambda: np.empty((2, 3, 4), order="F"), False)
attempt("full F", lambda: np.full((2, 3), 7, order="F"))
attempt("zeros f lowercase", lambda: np.zeros((2, 2), order="f"))
attempt("zeros F 1-d", lambda: np.zeros(3, order="F"))
attempt("zeros F empty", lambda: np.zeros((2, 0), order="F"))
attempt("zeros A", lambda: np.zeros((2, 3), order="A"))
attempt("zeros K", lambda: np.zeros((2, 3), order="K"))
attempt("zeros X", lambda: np.zeros((2, 3), order="X"))
attempt("zeros order=1", lambda: np.zeros((2, 3), order=1))

a = np.arange(24.0).reshape(2, 3, 4)
inputs = [
    ("c", a), ("perm", a.transpose(1, 2, 0)), ("sliced", a[:, ::2, 1:]), ("f", np.asfortranarray(a)),
    ("bcast", np.broadcast_to(np.arange(3.0), (2, 3))), ("neg", a[::-1]), ("T", a.T), ("0-d", np.array(2.5)),
    ("one-row perm", a.transpose(1, 2, 0)[:1]),
]
for name, x in inputs:
    for order in ["K", "C", "F", "A"]:
        attempt(name + " empty_like " + order, lambda: np.empty_like(x, order=order), False)
    attempt(name + " empty_like default", lambda: np.empty_like(x), False)
p = a.transpose(1, 2, 0)
attempt("zeros_like int8", lambda: np.zeros_like(p, dtype=np.int8))
attempt("ones_like", lambda: np.ones_like(p[:1]))
attempt("full_like", lambda: np.full_like(np.arange(3), 2.7))
attempt("full_like f32", lambda: np.full_like(np.arange(3, dtype=np.float32), 1 / 3))
attempt("full_like F", lambda: np.full_like(np.asfortranarray(np.zeros((2, 2))), 5))
attempt("full_like int8 300", lambda: np.full_like(np.arange(3, dtype=np.int8), 300))
attempt("zeros_like read-only input", lambda: np.zeros_like(np.broadcast_to(1.0, (2,))))
attempt("zeros_like scalar", lambda: np.zeros_like(3.5))
attempt("ones_like list", lambda: np.ones_like([[1, 2], [3, 4]]))
attempt("zeros_like np scalar", lambda: np.zeros_like(np.int8(3)))
attempt("empty_like order X", lambda: np.empty_like(a, order="X"))
attempt("zeros_like shares", lambda: np.shares_memory(np.zeros_like(a), a))

c = np.array([[1 + 2j, 3 - 4j], [5 + 0j, -1j]])
attempt("real", lambda: c.real)
attempt("imag", lambda: c.imag)
attempt("imag of T", lambda: c.T.imag)
attempt("real c64", lambda: c.astype(np.complex64).real)
print(c.real.base is c, c.imag.base is c, np.shares_memory(c.imag, c))
c.imag[0, 0] = 9
c.real = 5
print(c)
ci = c.imag
ci += 1
print(c)
r = np.arange(6.0).reshape(2, 3)
print(r.real is r)
attempt("imag of real", lambda: r.imag)
attempt("imag of real F", lambda: np.asfortranarray(r).imag)
attempt("imag of int", lambda: np.arange(3).imag)
attempt("imag of bool", lambda: np.array([True]).imag)
def set_imag():
    r.imag = 1
attempt("set imag of real", set_imag)
def write_imag():
    r.imag[0, 0] = 1
attempt("write imag of real", write_imag)
attempt("np scalar imag", lambda: np.float32(1).imag)

attempt("broadcast_shapes", lambda: np.broadcast_shapes((2, 1), (1, 3)))
attempt("broadcast_shapes int", lambda: np.broadcast_shapes(3, (2, 1)))
attempt("broadcast_shapes none", lambda: np.broadcast_shapes())
attempt("broadcast_shapes bad", lambda: np.broadcast_shapes((2,), (3,)))
attempt("broadcast_shapes bad 3", lambda: np.broadcast_shapes((2, 1), (4,), (3, 1, 5)))
attempt("broadcast_shapes negative", lambda: np.broadcast_shapes((-1,)))
x1 = np.arange(3)
x2 = np.arange(2).reshape(2, 1)
res = np.broadcast_arrays(x1, x2)
print(type(res).__name__, len(res))
for r_ in res:
    print("   ", r_.shape, r_.strides, r_.tolist(), np.shares_memory(r_, x1) or np.shares_memory(r_, x2))
same = np.broadcast_arrays(x1, x1)
print(same[0] is x1, same[1] is x1)
attempt("broadcast_arrays bad", lambda: np.broadcast_arrays(np.zeros(2), np.zeros(3)))
attempt("broadcast_arrays scalar", lambda: np.broadcast_arrays(1, np.zeros(2)))
attempt("broadcast_arrays none", lambda: np.broadcast_arrays())

for args in [(np.int8, np.uint8), (np.int8, 1000), (np.int8, 1.0), (np.arange(3, dtype=np.int16), np.float32),
             ("i4", "f4"), (np.float32, 1j), (True, np.int8), (np.float64(1), np.float32), (np.uint64, np.int64),
             (np.array(1, dtype=np.int64), np.int8), (1, 2.0), (np.bool_, np.bool_), (np.dtype("int32"), np.float16),
             (np.uint8, -1), (np.float16, np.int16)]:
    attempt("result_type", lambda: np.result_type(*args))
attempt("result_type empty", lambda: np.result_type())

print(np.geterr())
with np.errstate(divide="ignore", invalid="raise"):
    print(np.geterr())
    with np.errstate(all="warn"):
        print(np.geterr())
    print(np.geterr())
print(np.geterr())
old = np.seterr(over="raise")
print(old, np.geterr())
np.seterr(**old)
print(np.geterr())
def bad_mode():
    with np.errstate(divide="loud"):
        pass
attempt("errstate bad mode", bad_mode)
attempt("seterr bad mode", lambda: np.seterr(over="x"))
print(np.geterr())
