# Statement and expression forms: continuation lines, semicolons, comments, nested functions
# with nonlocal/global, chained comparisons evaluating once, unpacking in calls and literals.
total = 1 + \
    2 + 3  # a comment after code
values = [
    10,  # first
    20,
]
a = 1; b = 2; c = a + b
print(total, values, c)
calls = []

def noisy(x):
    calls.append(x)
    return x

print(noisy(1) < noisy(2) < noisy(3), calls)
calls.clear()
print(noisy(3) < noisy(2) < noisy(1), calls)

def outer():
    state = []
    count = 0

    def add(item):
        nonlocal count
        count += 1
        state.append(item)
        return count

    add("x")
    add("y")
    return state, count

print(outer())
flag = False

def set_flag():
    global flag
    flag = True

set_flag()
print(flag)
head, *tail = (lambda *xs: xs)(1, 2, 3)
print(head, tail, [*tail, *"ab"], (*tail,), {**{"k": 1}, "j": 2} if False else {"k": 1, "j": 2})

def kw_only(a, *, b=2, **rest):
    return a, b, rest

print(kw_only(1), kw_only(1, b=3, z=4), kw_only(*[5], **{"b": 6}))
matrix = [[i * 3 + j for j in range(3)] for i in range(3)]
print(matrix, [row[i] for i, row in enumerate(matrix)], [x for row in matrix for x in row if x % 2])
print("esc: \\ \' \" \x41 \u00e9 \N{BULLET}" if False else "esc: \\ \' \" \x41 \u00e9", r"raw\n", 'single' "concat")
i = 10
squares = [i * i for i in range(3)]
print(i, squares)
x = 5
x = x if x > 3 else -x
print(x, (1, 2) + (3,), [] or None, 0 if [] else 1)
if True: print("one-line if")
while False: pass
for _ in range(2): print("loop body", _)
def one_liner(): return "fits"
print(one_liner())
del x
try:
    print(x)
except NameError as e:
    print(e)
