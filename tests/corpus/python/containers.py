# list, tuple, dict: literals, indexing, slicing, methods, comprehensions, unpacking.
a = [3, 1, 4, 1, 5, 9, 2, 6]
print(a[0], a[-1], a[2:5], a[::-2], a[10:], a[-3:], len(a))
a.append(7)
a.extend([8, 8])
a.insert(0, 0)
a.remove(1)
print(a, a.pop(), a.pop(0), a.index(5), a.count(8))
a.sort()
print(a, sorted(a, reverse=True), list(reversed(a)))
a[1:3] = [10, 20, 30]
del a[0]
print(a)
b = a
b += [99]
print(a is b, a[-1], a == b, [1, 2] < [1, 3], [] == [], [[]] * 2)
t = (1, 2, 3)
print(t, (1,), (), t[1:], t + (4,), t * 2, t.index(2), t.count(3), len(t), 2 in t)
x, y, z = t
first, *rest = [1, 2, 3, 4]
*init, last = "abc"
(p, q), r = (1, 2), 3
print(x, y, z, first, rest, init, last, p, q, r)
x, y = y, x
print(x, y)
d = {"a": 1, "b": 2}
d["c"] = 3
d["a"] = 10
del d["b"]
print(d, d["a"], d.get("z"), d.get("z", 0), "a" in d, list(d.keys()), list(d.values()), list(d.items()), len(d))
for k, v in d.items():
    print(k, v)
print({1: "int", 1.0: "float", True: "bool"}, {(1, 2): "tuple key"}, dict(x=1, y=2), dict([("k", "v")]))
print([i * i for i in range(6) if i % 2 == 0], [(i, j) for i in range(2) for j in range(2)], {k: len(k) for k in ["ab", "c"]})
print([[0] * 2 for _ in range(2)], list(range(10, 0, -3)), list(range(0)), tuple("ab"), list(zip("ab", [1, 2])))
print(list(enumerate(["x", "y"], start=1)), list(map(abs, [-1, 2])), list(filter(None, [0, 1, "", "a"])), any([0, 1]), all([]))
nested = {"list": [1, {"k": (None, True)}], "s": 'q"uote'}
print(nested)
print(repr(nested), str(nested))
d = {"a": 1, "b": [2]}
print(d.keys(), d.values(), d.items(), list(d.keys()), "a" in d.keys(), len(d.items()), ("a", 1) in d.items())
k = d.keys()
d["c"] = 3
print(k, sorted(d.keys()), [x for x in d.values()])
