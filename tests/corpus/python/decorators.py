# Decorators on functions and classes (evaluated top-down before the def, applied bottom-up),
# and the descriptors classes use them for: staticmethod, classmethod, property (with setter).
calls = []


def trace(label):
    calls.append('made ' + label)

    def deco(f):
        calls.append('applied ' + label)

        def wrapper(*args, **kwargs):
            calls.append('call ' + label)
            return f(*args, **kwargs)
        return wrapper
    return deco


@trace('outer')
@trace('inner')
def add(a, b=2):
    return a + b


print(add(1), add(1, b=5))
print(calls)


def register(cls):
    cls.registered = True
    return cls


@register
class Point:
    count = 0

    def __init__(self, x):
        self._x = x
        Point.count += 1

    @property
    def x(self):
        return self._x

    @x.setter
    def x(self, v):
        self._x = v * 10

    @property
    def readonly(self):
        return 'ro'

    @staticmethod
    def twice(v):
        return v * 2

    @classmethod
    def make(cls, v):
        return cls(v)

    def __repr__(self):
        return f'Point({self._x})'


p = Point.make(3)
print(p, p.x, Point.twice(4), p.twice(5), Point.registered, Point.count)
p.x = 7
print(p.x, p)
try:
    p.readonly = 1
except AttributeError as e:
    print('AttributeError:', e)
print(type(Point.__dict__['x']).__name__ if hasattr(Point, '__dict__') else 'property', isinstance(Point.x, property))


class Child(Point):
    @classmethod
    def make(cls, v):
        return super().make(v + 1)


c = Child.make(1)
print(type(c).__name__, c.x)
s = staticmethod(len)
print(s(Point.twice('ab')))
