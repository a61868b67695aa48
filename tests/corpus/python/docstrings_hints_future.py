"""Docstrings, type hints, __future__ imports, __name__ == "__main__", lambdas with every parameter kind."""
from __future__ import annotations
def f(x: int, y: float = 2.0) -> float:
    """Docstring."""
    return x * y
print(f(3))
if __name__ == "__main__":
    print("main")
a = [1, 2, 3]
a[::2] = [9, 9]
print(a, a[...] if False else "", f"{'nested {x}'}")
print(*a, sep="")
x = lambda a, *r, k=1, **kw: (a, r, k, kw)
print(x(1, 2, k=3, z=4))
assert isinstance(f, object)
print(type(f).__name__, f.__name__, callable(f))
data = {"a": [1, 2], "b": (3,)}
for key in sorted(data):
    print(key, data[key], end=" | ")
print()
print(f"{3:{'>'}{5}}", f"{'x'!s:>3}", f"{{}}")
print(max(range(3), key=lambda v: -v), min([], default="empty"))
t = 1, 2
print(t, type(t).__name__)
print("%5.2f|%-5d|%+d" % (3.14159, 42, 7))
