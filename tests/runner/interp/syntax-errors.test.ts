// Syntax errors as CPython 3.11 reports them: the exception type (SyntaxError,
// IndentationError, TabError), the message and the caret line. Each expected text
// below was taken from CPython 3.11; a second test checks them against python3 on
// PATH when it is 3.11 or later (skipped, saying why, otherwise).
import { spawnSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { Runner } from '../../../src/runner'

const CASES: [string, string][] = [
  ['x = (1, 2\ny = 3\n', "  File \"<stdin>\", line 1\n    x = (1, 2\n        ^\nSyntaxError: '(' was never closed\n"],
  ['x = [1, 2,\n', "  File \"<stdin>\", line 1\n    x = [1, 2,\n        ^\nSyntaxError: '[' was never closed\n"],
  ['print(foo(1, 2]\n', "  File \"<stdin>\", line 1\n    print(foo(1, 2]\n                  ^\nSyntaxError: closing parenthesis ']' does not match opening parenthesis '('\n"],
  ['x = 1)\n', "  File \"<stdin>\", line 1\n    x = 1)\n         ^\nSyntaxError: unmatched ')'\n"],
  ['if x > 1\n    pass\n', "  File \"<stdin>\", line 1\n    if x > 1\n            ^\nSyntaxError: expected ':'\n"],
  ['for i in range(3)\n    print(i)\n', "  File \"<stdin>\", line 1\n    for i in range(3)\n                     ^\nSyntaxError: expected ':'\n"],
  ['def f(x)\n    return x\n', "  File \"<stdin>\", line 1\n    def f(x)\n            ^\nSyntaxError: expected ':'\n"],
  ["x = 'abc\n", "  File \"<stdin>\", line 1\n    x = 'abc\n        ^\nSyntaxError: unterminated string literal (detected at line 1)\n"],
  ['x = """abc\n\n', "  File \"<stdin>\", line 1\n    x = \"\"\"abc\n        ^\nSyntaxError: unterminated triple-quoted string literal (detected at line 2)\n"],
  ['if True:\n        x = 1\n    y = 2\n', "  File \"<stdin>\", line 3\n    y = 2\n         ^\nIndentationError: unindent does not match any outer indentation level\n"],
  ['if True:\n\tx = 1\n        y = 2\n', "  File \"<stdin>\", line 3\n    y = 2\nTabError: inconsistent use of tabs and spaces in indentation\n"],
  ['x = 1\n    y = 2\n', "  File \"<stdin>\", line 2\n    y = 2\nIndentationError: unexpected indent\n"],
  ['if True:\nx = 1\n', "  File \"<stdin>\", line 2\n    x = 1\n    ^\nIndentationError: expected an indented block after 'if' statement on line 1\n"],
  ['def f():\nreturn 1\n', "  File \"<stdin>\", line 2\n    return 1\n    ^^^^^^\nIndentationError: expected an indented block after function definition on line 1\n"],
  ['1 = x\n', "  File \"<stdin>\", line 1\n    1 = x\n    ^\nSyntaxError: cannot assign to literal here. Maybe you meant '==' instead of '='?\n"],
  ['f() = 3\n', "  File \"<stdin>\", line 1\n    f() = 3\n    ^^^\nSyntaxError: cannot assign to function call here. Maybe you meant '==' instead of '='?\n"],
  ['a + 1 = 2\n', "  File \"<stdin>\", line 1\n    a + 1 = 2\n    ^^^^^\nSyntaxError: cannot assign to expression here. Maybe you meant '==' instead of '='?\n"],
  ['else:\n    pass\n', "  File \"<stdin>\", line 1\n    else:\n    ^^^^\nSyntaxError: invalid syntax\n"],
  ['print "hi"\n', "  File \"<stdin>\", line 1\n    print \"hi\"\n    ^^^^^^^^^^\nSyntaxError: Missing parentheses in call to 'print'. Did you mean print(...)?\n"],
  // A tokenizer error anywhere wins over an earlier parser error, as in CPython.
  ["if x\n    pass\ny = 'abc\n", "  File \"<stdin>\", line 3\n    y = 'abc\n        ^\nSyntaxError: unterminated string literal (detected at line 3)\n"]
]

function pythonVersion(): string | null {
  const r = spawnSync('python3', ['-c', 'import sys; print("%d.%d" % sys.version_info[:2])'], { encoding: 'utf8' })
  return r.status === 0 ? r.stdout.trim() : null
}
const version = pythonVersion()
const [major, minor] = (version ?? '0.0').split('.').map(Number)
const noOracle = version === null ? 'python3 is not on PATH' : major === 3 && minor < 11 ? `python3 is ${version}; these texts are CPython 3.11's` : null
if (noOracle) console.log(`skipping the CPython check of syntax-error texts: ${noOracle}`)

describe('syntax errors read as CPython 3.11 reports them', () => {
  it.each(CASES)('%j', (source, expected) => {
    const r = new Runner().run(source)
    expect(r.error).not.toBeNull()
    expect(r.stderr).toBe(expected)
    expect(r.error!.type).toBe(expected.trimEnd().split('\n').pop()!.split(':')[0])
    expect(r.stdout).toBe('')
  })

  it('valid layouts still run: continuations, multi-line strings and brackets, one-line blocks', () => {
    const src = 'x = (1 +\n     2)\nif x:\n    y = [\n1]\n    z = 2\ns = \'abc\\\ndef\'\nw = 1 + \\\n    2\n' +
      'def f():\n    """doc\n    more"""\n    return {\'a\': [1, (2, 3)]}\nfor i in range(1): print(i)\nwhile False: pass\n' +
      'if True:\n    pass\n  \n# a comment at any indent\n    \nprint(x, s, w, f())\n'
    const r = new Runner().run(src)
    expect(r.error).toBeNull()
    expect(r.stdout).toBe("0\n3 abcdef 3 {'a': [1, (2, 3)]}\n")
  })
})

describe.skipIf(!!noOracle)('the expected texts are what CPython prints', () => {
  it.each(CASES)('%j', (source, expected) => {
    const code = 'import sys, traceback\ntry:\n    compile(sys.stdin.read(), "<stdin>", "exec")\nexcept SyntaxError as e:\n    sys.stdout.write("".join(traceback.format_exception_only(type(e), e)))\n'
    const r = spawnSync('python3', ['-c', code], { input: source, encoding: 'utf8' })
    expect(r.stdout).toBe(expected)
  })
})
