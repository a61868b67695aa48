# The WRITEABLE flag: flags.writeable / setflags, what writes then raise, views of read-only
# arrays, when True may be set back (NumPy's _IsWriteable), as_strided(writeable=False),
# broadcast_to / broadcast_arrays, and how flags print.
import numpy as np

def attempt(label, fn):
    try:
        r = fn()
        if isinstance(r, np.ndarray):
            print(label, r.shape, r.strides, r.dtype, "W" if r.flags.writeable else "ro", "own" if r.flags.owndata else "view", r.tolist())
        else:
            print(label, repr(r))
    except Exception as e:
        print(label, type(e).__name__ + ":", e)

a = np.arange(6.0)
a.flags.writeable = False
print(a.flags)
print(a.flags.writeable, a.flags["WRITEABLE"], a.flags["W"])
def write():
    a[0] = 1
attempt("write", write)
def write_slice():
    a[1:3] = 0
attempt("write slice", write_slice)
def iadd():
    b = a
    b += 1
attempt("+=", iadd)
attempt("fill", lambda: a.fill(0))
attempt("np.add out", lambda: np.add(a, 1, out=a))
attempt("a + 1", lambda: a + 1)
attempt("copy", lambda: a.copy())
attempt("view", lambda: a[1:])
attempt("reshape", lambda: a.reshape(2, 3))
attempt("T", lambda: a.reshape(2, 3).T)
attempt("ravel", lambda: a.ravel())
attempt("astype", lambda: a.astype(np.int32))
attempt("np.array", lambda: np.array(a))
attempt("np.asarray", lambda: np.asarray(a))
v = a[2:]
def set_view():
    v.flags.writeable = True
attempt("view set True (owner read-only)", set_view)
def set_owner():
    a.flags.writeable = True
attempt("owner set True", set_owner)
attempt("owner after", lambda: a)
attempt("old view after", lambda: v)
w = a[1:][1:]
print(w.base is a, w.flags.writeable)
def write_w():
    w[0] = 42
attempt("write view of view", write_w)
attempt("a after", lambda: a)

b = np.arange(4)
b.setflags(write=False)
attempt("setflags(write=False)", lambda: b)
attempt("setflags(write=True)", lambda: b.setflags(write=True))
attempt("after setflags", lambda: b)
attempt("setflags(uic=True)", lambda: b.setflags(uic=True))
attempt("setflags(0)", lambda: b.setflags(0))
attempt("after setflags(0)", lambda: b)
def bad_flag():
    b.flags.c_contiguous = False
attempt("set c_contiguous", bad_flag)
def no_flag():
    b.flags.nosuch = 1
attempt("set nosuch", no_flag)
attempt("flags['X']", lambda: b.flags["X"])
attempt("flags['Q']", lambda: b.flags["Q"])
def item_set():
    b.flags["W"] = True
attempt("flags['W'] = True", item_set)
attempt("after", lambda: b.flags.writeable)

m = np.arange(12).reshape(3, 4)
r = m[::2]
r.flags.writeable = False
def r_back():
    r.flags.writeable = True
attempt("view of writeable owner set True", r_back)
attempt("after", lambda: r)

s = np.lib.stride_tricks.as_strided(np.arange(4), (2,), (8,), writeable=False)
attempt("as_strided writeable=False", lambda: s)
def write_s():
    s[0] = 1
attempt("write as_strided", write_s)
attempt("as_strided of read-only", lambda: np.lib.stride_tricks.as_strided(s, (2,), (8,)))
attempt("as_strided writeable=True", lambda: np.lib.stride_tricks.as_strided(np.arange(3), (2,), (8,)))

bt = np.broadcast_to(np.arange(3), (2, 3))
attempt("broadcast_to", lambda: bt)
def write_bt():
    bt[0, 0] = 1
attempt("write broadcast_to", write_bt)
def bt_set():
    bt.flags.writeable = True
attempt("broadcast_to set True", bt_set)
d = np.diagonal(np.eye(3))
attempt("diagonal", lambda: d)
def write_d():
    d[0] = 2
attempt("write diagonal", write_d)
sw = np.lib.stride_tricks.sliding_window_view(np.arange(5), 2)
attempt("sliding_window_view", lambda: sw)
