# type(), isinstance, conversions, repr of builtin objects, time and math modules.
import time
import math
print(type(1), type(1.0), type("s"), type(None), type([]), type(()), type({}), type(True), type(range(3)))
print(isinstance(True, int), isinstance(1, (str, float)), isinstance(1.0, float), type(1) is int, type(int) is type)
print(int(True), float(1), str(2.50), bool(0.0), list("ab"), tuple([1]), list(range(2, 8, 2)), range(3), range(1, 5, 2))
start = time.perf_counter()
elapsed = time.perf_counter() - start
print(type(elapsed).__name__, elapsed >= 0)
print(math.sqrt(16), math.floor(2.7), math.ceil(2.1), math.pi, math.isnan(float("nan")), math.prod([2, 3, 4]))
print(len(range(0, 10, 3)), 5 in range(10), sorted({3: 1, 1: 2}), min("bca"), max((1, 2), (1, 3)))
print(callable(len), callable(3), hasattr("s", "upper"), hasattr(1, "nope"), getattr("abc", "upper")())
print(repr(None), repr(True), repr(1.5), repr(-0.0), repr(1e100), repr(float("inf")), repr(2 ** 64), repr("q"))
print(format(3.14159, ".2f"), format(42, "06d"), format("s", ">3"), format(1e-10), format(0.5, "%"))
print(Ellipsis, ..., slice(1, 2), None is None, [] is [], (1 == 1) is True)
print(print("inner", end="|"))
print("a", "b", sep="-", end="!\n")
print()
print(*[1, 2, 3], sep=", ")
