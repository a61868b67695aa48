# NumPy has no conjugate bit: np.conj(a) / a.conj() / a.conjugate() are plain copies.
import numpy as np
a = np.array([1+2j, 3-4j])
b = np.conj(a)
print(b, b.dtype, np.shares_memory(a, b), b.flags.owndata)
c = a.conj()
c[0] = 9
print(a, c)
print(a.conjugate(), np.conjugate(a))
f = np.arange(3.)
g = f.conj()
print(g, g.dtype, np.shares_memory(f, g))
print(g is f, np.conj(f) is f, np.conj(f).flags.owndata)
i = np.arange(3)
print(np.conjugate(i), np.conjugate(i).dtype, i.conjugate() is i)
m = np.array([[1+1j, 2-2j], [3+3j, 4-4j]], dtype=np.complex64)
n = m.T.conj()
print(n, n.dtype, n.flags.c_contiguous, n.flags.f_contiguous)
print(np.conj(m[:, ::-1]), np.conj(m[:, ::-1]).strides)
