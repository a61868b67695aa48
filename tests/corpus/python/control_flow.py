# if/elif/else, for/while with else, break/continue, pass, nested loops, truthiness.
for n in range(1, 16):
    if n % 15 == 0:
        print("FizzBuzz")
    elif n % 3 == 0:
        print("Fizz")
    elif n % 5 == 0:
        continue
    else:
        pass
for i in range(3):
    for j in range(3):
        if j > i:
            break
        print(i, j, end="; ")
print()
for x in []:
    print("never")
else:
    print("for-else runs without break")
for x in [1, 2]:
    if x == 2:
        break
else:
    print("not printed")
k = 0
while k < 5:
    k += 1
    if k == 2:
        continue
else:
    print("while-else", k)
values = [0, 1, "", "a", [], [0], None, 0.0, {}, (0,)]
print([bool(v) for v in values], [v for v in values if v])
print(0 or "default", 1 and 2, None and 1, [] or {} or "last", not None, not [1])
print("yes" if 3 > 2 else "no", "a" if None else "b")
n = 0
while True:
    n += 1
    if n >= 1000:
        break
print(n, 1 if n else 0)
if not (1 < 0 or 2 < 1) and not 0:
    print("precedence ok")
print(not 1 or 2, not 0 and 0, not (1 and 0))
