# np.einsum: explicit and implicit subscripts, '...', traces and diagonals (views), the
# result's memory order (NumPy's iterator order over the operands) and the error texts.
import numpy as np

def attempt(label, fn):
    try:
        r = fn()
        if isinstance(r, np.ndarray):
            print(label, r.shape, r.dtype, r.strides, r.base is not None, r.flags.writeable)
            print(r)
        else:
            print(label, repr(r))
    except Exception as e:
        print(label, type(e).__name__ + ":", e)

a = np.arange(6.).reshape(2, 3)
b = np.arange(12.).reshape(3, 4)
m = np.arange(9).reshape(3, 3)
attempt("matrix product", lambda: np.einsum('ij,jk->ik', a, b))
attempt("implicit", lambda: np.einsum('ij,jk', a, b))
attempt("transposed output", lambda: np.einsum('ij,jk->ki', a, b))
attempt("fortran inputs", lambda: np.einsum('ij,jk->ik', np.asfortranarray(a), np.asfortranarray(b)))
attempt("ints", lambda: np.einsum('ij,jk->ik', np.arange(6).reshape(2, 3), np.arange(12).reshape(3, 4)))
attempt("outer", lambda: np.einsum('i,j->ij', np.arange(3), np.arange(4.)))
attempt("outer transposed", lambda: np.einsum('i,j->ji', a[0], b[0]))
attempt("dot", lambda: np.einsum('i,i', np.arange(3), np.arange(3)))
attempt("dot promotes", lambda: np.einsum('i,i', np.arange(3, dtype=np.int8), np.arange(3, dtype=np.int16)))
attempt("trace", lambda: np.einsum('ii', m))
attempt("sum", lambda: np.einsum('ij->', a))
attempt("row sums", lambda: np.einsum('ij->i', a))
attempt("column sums", lambda: np.einsum('ij->j', a))
attempt("diagonal view", lambda: np.einsum('ii->i', m))
attempt("transpose view", lambda: np.einsum('ij->ji', a))
attempt("implicit transpose", lambda: np.einsum('ji', a))
attempt("batched", lambda: np.einsum('bij,bjk->bik', np.ones((2, 2, 3)), np.ones((2, 3, 2))))
attempt("elementwise", lambda: np.einsum('ij,ij->ij', a, a))
attempt("ellipsis transpose", lambda: np.einsum('...ij->...ji', np.ones((2, 2, 3))))
attempt("ellipsis sum", lambda: np.einsum('...ij->...j', np.arange(12.).reshape(2, 2, 3)))
attempt("broadcast size 1", lambda: np.einsum('ij,jk', np.ones((2, 1)), np.ones((3, 4))))
attempt("float32", lambda: np.einsum('i,i->', np.ones(3, np.float32), np.ones(3, np.float32)))
attempt("bool", lambda: np.einsum('ij,jk->ik', np.eye(2, dtype=bool), np.ones((2, 2), bool)))
d = np.einsum('ii->i', m)
d[0] = 100
print("diagonal writes through", m[0, 0])
attempt("size mismatch", lambda: np.einsum('ij,jk->ik', np.ones((2, 3)), np.ones((2, 3))))
attempt("size mismatch 1d", lambda: np.einsum('i,i', np.ones(3), np.ones(2)))
attempt("size mismatch batch", lambda: np.einsum('bij,bjk->bik', np.ones((2, 2, 3)), np.ones((3, 3, 2))))
attempt("size mismatch kj", lambda: np.einsum('ij,kj->ik', np.ones((2, 3)), np.ones((4, 2))))
attempt("more operands", lambda: np.einsum('ij,jk->ik', a))
attempt("fewer operands", lambda: np.einsum('i', np.ones(3), np.ones(3)))
attempt("too many subscripts", lambda: np.einsum('ijk->i', a))
attempt("too few subscripts", lambda: np.einsum('i', a))
attempt("bad subscript", lambda: np.einsum('i1->i', np.ones(3)))
attempt("repeated output", lambda: np.einsum('ij->ii', a))
attempt("unknown output", lambda: np.einsum('ij->k', a))
attempt("diagonal sizes", lambda: np.einsum('ii->i', a))
