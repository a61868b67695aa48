# User classes: attributes, methods, inheritance and super(), dunder methods, user exceptions
# with attributes, and a context manager that suppresses an exception.
class Shape:
    """A base class."""
    sides = 0

    def __init__(self, name):
        self.name = name

    def describe(self):
        return f"{self.name} with {self.sides} sides"

    def __repr__(self):
        return f"Shape({self.name!r})"


class Square(Shape):
    sides = 4

    def __init__(self, side):
        super().__init__("square")
        self.side = side

    def area(self):
        return self.side ** 2

    def __eq__(self, other):
        return isinstance(other, Square) and other.side == self.side

    def __len__(self):
        return self.sides


s = Square(3)
print(s.describe(), s.area(), s, repr(s), str(s), len(s), s == Square(3), s != Square(4))
print(isinstance(s, Shape), type(s).__name__, Square.sides, s.sides, Shape("x").describe())
print(Square.__name__, issubclass(Square, Shape), type(s) is Square)


class ShapeError(ValueError):
    def __init__(self, msg, code):
        super().__init__(msg)
        self.code = code


try:
    raise ShapeError("bad shape", 42)
except ValueError as e:
    print(type(e).__name__, e, e.code, e.args, repr(e))


class Plain(Exception):
    pass


try:
    raise Plain("plain", 1)
except Plain as e:
    print(e, repr(e))


class Counter:
    count = 0

    def __init__(self):
        Counter.count += 1

    def __enter__(self):
        print("enter")
        return self

    def __exit__(self, exc_type, exc, tb):
        print("exit", exc_type.__name__ if exc_type else None)
        return True


with Counter() as c:
    raise KeyError("suppressed")
print("after", Counter.count)


class Vec:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __add__(self, other):
        return Vec(self.x + other.x, self.y + other.y)

    def __mul__(self, k):
        return Vec(self.x * k, self.y * k)

    def __rmul__(self, k):
        return self * k

    def __getitem__(self, i):
        return (self.x, self.y)[i]

    def __str__(self):
        return f"Vec({self.x}, {self.y})"


v = Vec(1, 2) + Vec(3, 4)
print(v, 2 * v, v * 3, v[0], v[-1], [str(w) for w in [v]])
m = v.__str__
print(m())
