# str: quoting in repr, methods snippets use, f-strings with specs, str.format and %.
s = "Hello, World"
print(s.upper(), s.lower(), s.title(), s.capitalize(), s.swapcase() if False else "")
print(s.split(", "), "a b  c".split(), "a,b,,c".split(","), "x=1=2".split("=", 1), "a b c".rsplit(" ", 1))
print("-".join(["x", "y", "z"]), "  pad  ".strip(), "xxabcxx".strip("x"), "  l".lstrip(), "r  ".rstrip())
print(s.replace("l", "L"), s.replace("l", "L", 1), s.startswith("Hell"), s.endswith(("d", "x")), s.find("o"), s.count("l"))
print(repr("it's"), repr('say "hi"'), repr("both ' and \""), repr("tab\there\n"), repr(""), str("x"))
print("abc"[1], "abc"[-1], "abcdef"[1:4], "abcdef"[::2], "abcdef"[::-1], len("héllo"))
print("ab" * 3, "a" + "b", "b" in "abc", "z" not in "abc", "abc" < "abd", "B" < "a")
x, y, name = 3.14159, 42, "stride"
print(f"{x:.3f}|{y:5d}|{y:<5}|{y:^7}|{name!r}|{name:>10}|{x:e}|{x:.2%}|{y:#x}|{y:08.3f}")
print(f"{x=}", f"{y = }", f"{1e-7}", f"{1e20}", f"{0.1 + 0.2}", f"{'nested'}", f"{{braces}}")
print(f"{1234567:,}", f"{1234567.891:,.2f}", f"{-3:+d}", f"{3:+d}", f"{2.0:g}", f"{0.00001234:g}", f"{123456789.0:g}")
print("{} and {}".format(1, "two"), "{1}{0}".format("a", "b"), "{name}!".format(name="hi"), "{:>6.2f}".format(2.5))
print("%d items at %.2f each (%s) %r %5.1f%%" % (3, 1.5, "ok", "r", 99.44))
print("%s" % "single", "%(a)s-%(b)d" % {"a": "x", "b": 2})
print("line1\nline2".splitlines(), "a\tb", "tri" "ple", """multi
line""")
print(str(1.0), str(10), str(None), str(True), str([1, "a"]), repr([1, "a"]))
print("42".isdigit(), "4a".isdigit(), "abc".isalpha(), "x".zfill(3), "-5".zfill(4), "ab".center(6, "*"), "ab".ljust(4, "."))
print(ord("A"), chr(97), "a,b".partition(","), "Py" + str(3))
