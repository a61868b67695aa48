# NumPy's legacy global RandomState stream: MT19937 seeded by init_genrand (np.random.seed(int)),
# rand/random/random_sample as 53-bit doubles (a >> 5, b >> 6), randint by masked rejection on
# 32-bit (narrow dtypes: buffered 16/8-bit) or 64-bit draws, randn/standard_normal by legacy_gauss
# (polar Box-Muller with its cached second value); the state continues across calls.
import numpy as np
np.random.seed(0)
print(repr(np.random.rand(3)))
print(repr(np.random.rand(2, 3)))
print(np.random.rand())
print(repr(np.random.random(4)))
print(repr(np.random.random_sample((2, 2))))
print(np.random.random())
print(repr(np.random.randint(0, 10, 12)))
print(repr(np.random.randint(-5, 5, size=(2, 4))))
print(np.random.randint(100))
print(repr(np.random.randint(0, 2**40, 5)))
print(repr(np.random.randint(-2**62, 2**62, 3)))
print(repr(np.random.randint(0, 7, 9, dtype=np.int32)))
print(repr(np.random.randint(0, 7, 9, dtype=np.int16)))
print(repr(np.random.randint(0, 200, 9, dtype=np.uint8)))
print(repr(np.random.randint(0, 256, 5, dtype=np.uint8)))
print(repr(np.random.randint(3, 4, 3)))
print(repr(np.random.randn(5)))
print(np.random.randn())
print(repr(np.random.randn(2, 3)))
print(repr(np.random.standard_normal(3)))
print(np.random.standard_normal())
print(repr(np.random.rand(2)))
for s in (1, 42, 123456789, 2**32 - 1):
    np.random.seed(s)
    print(repr(np.random.rand(10)))
    print(repr(np.random.randn(7)))
    print(repr(np.random.randint(0, 1000, 10)))
np.random.seed(7)
a = np.random.rand(300)
np.set_printoptions(precision=17, threshold=10000)
print(repr(a))
print(repr(np.random.randn(301)))
print(repr(np.random.randint(-3, 1000000, 200)))
for bad in (-1, 2**32):
    try:
        np.random.seed(bad)
    except ValueError as e:
        print('ValueError:', e)
for args in ((0,), (5, 5)):
    try:
        np.random.randint(*args)
    except ValueError as e:
        print('ValueError:', e)
np.random.seed(3)
print(type(np.random.rand()).__name__, type(np.random.randint(9)).__name__, type(np.random.randn()).__name__)
print(repr(np.random.randint(9, dtype=np.int32)))
