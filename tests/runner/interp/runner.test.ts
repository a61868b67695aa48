// The Runner surface the app and the CLI use: persistence, errors, tracebacks.
import { describe, it, expect } from 'vitest'
import { Runner } from '../../../src/runner'

describe('Runner', () => {
  it('keeps globals across runs (a console) until reset()', () => {
    const r = new Runner()
    expect(r.run('x = 41').error).toBeNull()
    expect(r.run('print(x + 1)').stdout).toBe('42\n')
    r.reset()
    const res = r.run('print(x)')
    expect(res.error).toMatchObject({ type: 'NameError', message: "name 'x' is not defined", line: 1 })
  })

  it("runners keep their own functions and stop flags: a function runs in the interpreter that defined it", () => {
    const a = new Runner()
    // b stops itself when it prints (as the Stop button would).
    const b: Runner = new Runner({ onStdout: () => b.interrupt() })
    expect(a.run('k = 10\ndef key(x):\n    return -x * k').error).toBeNull()
    expect(b.run('k = 0').error).toBeNull()
    // a's key function, called by a builtin after b has run, still sees a's globals.
    expect(a.run('print(sorted([1, 3, 2], key=key))').stdout).toBe('[3, 2, 1]\n')
    // b's stop flag stops b's loop over a range, not a's.
    expect(b.run('print("stop")\nlist(range(1000))').error).toMatchObject({ type: 'KeyboardInterrupt' })
    expect(a.run('print(len(list(range(1000))))').stdout).toBe('1000\n')
  })

  it('user exception classes: methods and class attributes bound to the instance', () => {
    const r = new Runner()
    const res = r.run([
      'class AppError(ValueError):',
      '    code = 7',
      '    def describe(self):',
      '        return f"{self.args[0]} ({self.code})"',
      'try:',
      '    raise AppError("bad")',
      'except ValueError as e:',
      '    print(e.describe(), e.code, e.args)',
    ].join('\n'))
    expect(res.error).toBeNull()
    expect(res.stdout).toBe("bad (7) 7 ('bad',)\n")
  })

  it('streams stdout to onStdout as it is printed', () => {
    const chunks: string[] = []
    const r = new Runner({ onStdout: s => chunks.push(s) })
    r.run('print(1)\nprint(2, end="")')
    expect(chunks).toEqual(['1\n', '2'])
  })

  it('formats an uncaught exception as CPython\'s traceback', () => {
    const r = new Runner()
    const res = r.run('def f(x):\n    return 1 / x\n\nprint("a")\nf(0)\n', 'prog.py')
    expect(res.stdout).toBe('a\n')
    expect(res.error).toMatchObject({ type: 'ZeroDivisionError', message: 'division by zero', line: 2 })
    expect(res.stderr).toBe(
      'Traceback (most recent call last):\n' +
      '  File "prog.py", line 5, in <module>\n    f(0)\n' +
      '  File "prog.py", line 2, in f\n    return 1 / x\n' +
      'ZeroDivisionError: division by zero\n')
  })

  it('reports syntax errors without running anything', () => {
    const res = new Runner().run('print("ran")\nx = = 1\n', 's.py')
    expect(res.stdout).toBe('')
    expect(res.error?.type).toBe('SyntaxError')
    expect(res.error?.line).toBe(2)
    expect(res.stderr).toMatch(/^  File "s.py", line 2\n    x = = 1\n *\^\nSyntaxError: invalid syntax\n$/)
  })

  it('names unsupported constructs in a NotImplementedError with their line', () => {
    const r = new Runner()
    for (const [src, what] of [['async def f():\n    pass', 'async def'], ['s = {1, 2}', 'set'], ['z = (w := 3)', 'assignment expression']]) {
      const res = r.run(`y = 0\n${src}\n`)
      expect(res.error?.type).toBe('NotImplementedError')
      expect(res.error?.message).toContain(what)
      expect(res.error?.message).toContain('line 2')
    }
  })

  it('turns deep recursion into RecursionError', () => {
    const res = new Runner().run('def f(n):\n    return f(n + 1)\nf(0)\n')
    expect(res.error?.type, res.error?.message).toBe('RecursionError')
  })

  it('prints warnings as Python\'s default filter does: once per location', () => {
    const res = new Runner().run('import warnings\nfor i in range(3):\n    warnings.warn("careful")\nwarnings.warn("again", DeprecationWarning)\n', 'w.py')
    expect(res.stderr).toBe('w.py:3: UserWarning: careful\n  warnings.warn("careful")\nw.py:4: DeprecationWarning: again\n  warnings.warn("again", DeprecationWarning)\n')
  })

  it('echoes expression values at module level in an interactive run, as Python\'s prompt does', () => {
    const r = new Runner()
    const typed = (src: string) => r.run(src, '<stdin>', { interactive: true }).stdout
    expect(typed('1 + 1')).toBe('2\n')
    expect(typed('_ * 10')).toBe('20\n')  // the last echoed value is _
    expect(typed('None')).toBe('')
    expect(typed('print("p")')).toBe('p\n')  // print returns None: no echo
    expect(typed('for i in range(2):\n    i')).toBe('0\n1\n')
    expect(typed('def f():\n    7\n    return 8')).toBe('')
    expect(typed('f()')).toBe('8\n')  // the function body's 7 does not echo
    expect(typed('import numpy as np\nnp.arange(3).strides')).toBe('(8,)\n')
    // A script (not interactive) prints nothing for expression statements.
    expect(r.run('1 + 1').stdout).toBe('')
  })

  it('reports an unknown module as ModuleNotFoundError', () => {
    expect(new Runner().run('import pandas').error).toMatchObject({ type: 'ModuleNotFoundError', message: "No module named 'pandas'" })
    // A standard module CPython always has: the message says it is the runner that lacks it.
    expect(new Runner().run('import itertools').error).toMatchObject({
      type: 'ModuleNotFoundError', message: "No module named 'itertools' (a standard module the Stridescope runner does not provide; it has math, sys, time, typing and warnings)",
    })
  })

  it('catches engine-style errors (JS Error with pyType) as the named Python exception', async () => {
    const { toPyException } = await import('../../../src/runner/interp/interpreter')
    const err = Object.assign(new Error('view size is not compatible'), { pyType: 'RuntimeError' })
    const pe = toPyException(err)
    expect(pe.exc.cls.name).toBe('RuntimeError')
    expect(pe.exc.args).toEqual(['view size is not compatible'])
    const axis = toPyException(Object.assign(new Error('axis 2 is out of bounds'), { pyType: 'AxisError' }))
    expect(axis.exc.cls.qualName).toBe('numpy.exceptions.AxisError')
  })
})
