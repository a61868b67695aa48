# Every field of a.flags: the stored flags by name, letter and attribute, the derived ones
# (BEHAVED/B, CARRAY/CA, FARRAY/FA, FNC, FORC), flags.num's bits, == between flag objects,
# and which flags may be set to what (aligned/writebackifcopy only to what they already are).
import numpy as np

def attempt(label, fn):
    try:
        print(label, repr(fn()))
    except Exception as e:
        print(label, type(e).__name__ + ":", e)

a = np.arange(12).reshape(3, 4)
f = np.zeros((2, 3), order="F")
for name, x in [("c", a), ("T", a.T), ("cols", a[:, ::2]), ("col", a[:, :1]), ("F", f), ("scalar", np.float64(2.5))]:
    print(name, [x.flags[k] for k in ["C", "F", "W", "O", "A", "X", "B", "CA", "FA", "FNC", "FORC", "BEHAVED", "CARRAY", "FARRAY", "CONTIGUOUS", "FORTRAN"]])
    print(name, x.flags.num, x.flags.behaved, x.flags.carray, x.flags.farray, x.flags.fnc, x.flags.forc, x.flags.contiguous, x.flags.fortran)
for k in ["U", "UPDATEIFCOPY", "c", "bogus"]:
    attempt("key " + k, lambda: a.flags[k])
attempt("attr bogus", lambda: a.flags.bogus)
attempt("attr C", lambda: getattr(a.flags, "C"))
print(a.flags == a.flags, a.flags == a.T.flags, a.flags != a.T.flags, a.flags == np.arange(5).reshape(5, 1).flags, a.flags == 1)

def setattr_flag(x, name, v):
    def go():
        setattr(x.flags, name, v)
        return x.flags[name.upper()]
    return go

def setitem_flag(x, key, v):
    def go():
        x.flags[key] = v
        return x.flags[key]
    return go

b = np.arange(6)
attempt("aligned=True", setattr_flag(b, "aligned", True))
attempt("writebackifcopy=False", setattr_flag(b, "writebackifcopy", False))
attempt("writebackifcopy=True", setattr_flag(b, "writebackifcopy", True))
attempt("['A']=True", setitem_flag(b, "A", True))
attempt("['X']=False", setitem_flag(b, "X", False))
attempt("['X']=True", setitem_flag(b, "X", True))
attempt("['B']=True", setitem_flag(b, "B", True))
attempt("['W']=False", setitem_flag(b, "W", False))
attempt("['W']=True", setitem_flag(b, "W", True))
for name in ["behaved", "carray", "num", "c_contiguous", "owndata"]:
    attempt(name + "=True", setattr_flag(b, name, True))
attempt("uic=False", lambda: b.setflags(uic=False))
attempt("uic=True", lambda: b.setflags(uic=True))
attempt("align=True", lambda: b.setflags(align=True))
s = np.float64(1.0)
attempt("scalar aligned=True", setattr_flag(s, "aligned", True))
attempt("scalar writebackifcopy=False", setattr_flag(s, "writebackifcopy", False))
attempt("scalar ['W']=False", setitem_flag(s, "W", False))
