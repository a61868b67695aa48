# Python numbers: unbounded ints, true and floor division, modulo signs, mixed int/float.
print(7 / 2, 7 // 2, -7 // 2, 7 // -2, -7 % 3, 7 % -3, 7.5 % -2, -7.5 // 2)
print(2 ** 100, 2 ** -1, (-2) ** 3, 10 ** 20 // 7, -(10 ** 20) % 7)
print(1 + True, True + True, 3 * False, 1 == 1.0, 2 ** 0.5)
print(0.1 + 0.2, 1e16, 1e-5, 123456789.0, 1.5e300 * 10, 3.0 * 1e15, -0.0)
print(1 < 2 < 3, 3 > 2 > 2, 1 == 1 == 1.0, 2 != 2.0, 10 ** 30 > 1e29)
print(abs(-5), abs(-2.5), divmod(17, -5), divmod(-7.5, 2), pow(2, 10), round(2.5), round(3.5), round(-0.5))
print(round(3.14159, 2), round(2.675, 2), round(1234, -2) if False else 1234, int(7.9), int(-7.9), float(3))
print(5 & 3, 5 | 3, 5 ^ 3, 1 << 70, -9 >> 1, ~5)
print(hex(255), hex(-1), bin(10), oct(8), int("ff", 16), int(" 42 "), float("  1e3 "), float("inf"), float("-nan"))
x = 10
x += 5
x -= 3
x *= 2
x //= 5
x **= 3
x %= 7
print(x)
f = 1.0
f /= 4
print(f, float("nan") == float("nan"), 1e308 * 10, -1e308 * 10)
print(3j * 2j, (1 + 2j) * (3 - 1j), complex(1, -1), abs(3 + 4j))
print(max(1, 2.5), min([3, -1, 2]), sum([0.1] * 10), sum(range(101)), sum([], 5))
print((-8) ** (1 / 3), (1 + 2j) ** 2, (1 + 2j) ** 0.5, 2j ** 3, (1 + 2j) / (3 - 4j), 1 / (2j), (1 + 1j) ** -2)
print(complex(2), (1 + 2j).real, (1 + 2j).imag, (3 + 4j) == (3 + 4j), 1j * 1j == -1)
