# Names bound by a `with` statement inside a function (its `as` target and its body's
# assignments) are that function's locals, as every other binding is.
class Manager:
    def __init__(self, value):
        self.value = value

    def __enter__(self):
        return self.value

    def __exit__(self, *exc):
        return False


x = 'global x'
m = 'global m'


def f():
    with Manager(3) as m:
        x = m * 2
    return x, m


def g():
    with Manager([1, 2]) as pair, Manager('c') as c:
        a, b = pair
    return [a + b for _ in range(2)], c


def h():
    def inner():
        with Manager('inner') as y:
            pass
        return y
    return inner()


print(f(), x, m)
print(g())
print(h())
