# def with defaults, *args, **kwargs, keyword-only, closures, recursion, lambda, global.
def area(w, h=2, *rest, scale=1, **extra):
    return (w * h + sum(rest)) * scale, sorted(extra)

print(area(3), area(3, 4), area(1, 1, 1, 1, scale=10, z=0, a=1), area(h=5, w=2))

def counter():
    count = 0
    def bump(step=1):
        return count + step
    return bump

print(counter()(), counter()(5))

def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)

print(fact(20), fact(30))
total = 0

def add(x):
    global total
    total += x
    return total

add(3)
add(4)
print(total)
square = lambda v: v * v
print(square(7), (lambda: "no args")(), sorted(["bb", "a", "ccc"], key=len), max(["x", "yyy"], key=lambda s: len(s)))

def no_return():
    pass

print(no_return(), area.__name__ if False else "area")

def make_adders():
    return [lambda x, i=i: x + i for i in range(3)]

print([f(10) for f in make_adders()])
args = (1, 2)
kw = {"scale": 3}
print(area(*args, **kw))

def defaults_once(item, acc=[]):
    acc.append(item)
    return acc

defaults_once(1)
print(defaults_once(2))
