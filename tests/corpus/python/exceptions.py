# try/except/else/finally, raise, re-raise, assert, and the builtin errors' texts.
def attempt(fn):
    try:
        fn()
    except Exception as e:
        print(type(e).__name__ + ":", e, "|", repr(e))

attempt(lambda: 1 / 0)
attempt(lambda: 1 // 0)
attempt(lambda: 1.0 / 0)
attempt(lambda: 5 % 0)
attempt(lambda: [1, 2][5])
attempt(lambda: (1,)[-3])
attempt(lambda: "ab"[9])
attempt(lambda: {"a": 1}["b"])
attempt(lambda: undefined_name)
attempt(lambda: "a" + 1)
attempt(lambda: 1 + "a")
attempt(lambda: [1] < "a")
attempt(lambda: int("x1"))
attempt(lambda: float("abc"))
attempt(lambda: (1).missing)
attempt(lambda: len(5))
attempt(lambda: None())
attempt(lambda: [].pop())
attempt(lambda: [1].index(3))
attempt(lambda: {}.pop("k"))
attempt(lambda: int(float("nan")))

def needs_two(a, b):
    return a + b

attempt(lambda: needs_two(1))
attempt(lambda: needs_two(1, 2, 3))
attempt(lambda: needs_two(1, c=2))
attempt(lambda: needs_two(1, a=2))

def unpack():
    a, b = [1, 2, 3]

def unpack2():
    a, b, c = [1]

attempt(unpack)
attempt(unpack2)

def local_before():
    print(v)
    v = 1

attempt(local_before)
try:
    raise ValueError("bad", 2)
except (TypeError, ValueError) as e:
    print("caught", e, e.args)
else:
    print("no else")
finally:
    print("finally 1")
try:
    pass
except Exception:
    print("never")
else:
    print("else runs")
finally:
    print("finally 2")
try:
    try:
        raise KeyError("k")
    except KeyError:
        print("inner")
        raise
except LookupError as e:
    print("outer got", repr(e), str(e))
try:
    assert 1 == 2, "math is broken"
except AssertionError as e:
    print("assert:", e)
try:
    assert False
except AssertionError as e:
    print("bare assert:", repr(e))
try:
    raise RuntimeError
except RuntimeError as e:
    print("class raised:", repr(e), str(e) == "")
for exc in (ZeroDivisionError, IndexError, KeyError, NotImplementedError, UnboundLocalError):
    print(exc.__name__, issubclass(exc, ArithmeticError), issubclass(exc, LookupError), issubclass(exc, RuntimeError), issubclass(exc, NameError))

def finally_return():
    try:
        return "try"
    finally:
        print("finally before return")

print(finally_return())
print(isinstance(ValueError("x"), Exception), isinstance(KeyError(), LookupError))
