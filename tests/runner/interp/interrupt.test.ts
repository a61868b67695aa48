// Runaway programs are stopped, not forbidden: no step limit, the stop flag raises
// KeyboardInterrupt at the next step (keeping what the program made), a timeout
// ends the run whatever `except:` says, and deep recursion is CPython's RecursionError.
import { describe, it, expect } from 'vitest'
import { Runner } from '../../../src/runner'
import { INTERRUPT_TIMEOUT } from '../../../src/runner/interp/interrupt'

/** A runner whose program stops itself: its `n`-th print writes the flag (as the Stop button would). */
function stoppingAfter(n: number, value = 1): Runner {
  let prints = 0
  const r: Runner = new Runner({ onStdout: () => { if (++prints === n) Atomics.store(r.interruptFlag, 0, value) } })
  return r
}

describe('stopping a run', () => {
  it('has no step limit: a loop CPython runs in half a second runs to its end', () => {
    const res = new Runner().run('s = 0\nfor i in range(3_000_000):\n    s += i\nprint(s)\n')
    expect(res.error).toBeNull()
    expect(res.stdout).toBe('4499998500000\n')
  })

  it('raises KeyboardInterrupt with CPython\'s traceback and keeps what was made before', () => {
    const r = stoppingAfter(3)
    const res = r.run('import numpy as np\na = np.arange(6)\ni = 0\nwhile True:\n    print(i)\n    i += 1\n', 'loop.py')
    expect(res.error?.type).toBe('KeyboardInterrupt')
    expect(res.stderr).toMatch(/^Traceback \(most recent call last\):\n {2}File "loop\.py", line \d, in <module>\n.*\nKeyboardInterrupt\n$/s)
    // the session goes on with its objects
    const after = r.run('print(a.sum(), i >= 2)')
    expect(after.error).toBeNull()
    expect(after.stdout).toBe('15 True\n')
  })

  it('is a BaseException: except Exception lets it through, except KeyboardInterrupt catches it', () => {
    const passes = stoppingAfter(1).run('try:\n    while True:\n        print(1)\nexcept Exception:\n    print("swallowed")\n')
    expect(passes.error?.type).toBe('KeyboardInterrupt')
    expect(passes.stdout).toBe('1\n')
    const caught = stoppingAfter(1).run('try:\n    while True:\n        print(1)\nexcept KeyboardInterrupt as e:\n    print("caught", repr(e))\n')
    expect(caught.error).toBeNull()
    expect(caught.stdout).toBe('1\ncaught KeyboardInterrupt()\n')
  })

  it('reaches loops inside builtins (list(range(...)))', () => {
    const res = stoppingAfter(1).run('print("go")\nx = list(range(10**12))\n')
    expect(res.error?.type).toBe('KeyboardInterrupt')
  })

  it('a stop request left over from an earlier run does not stop the next one', () => {
    const r = new Runner()
    r.interrupt()
    expect(r.run('print(1)').error).toBeNull()
  })

  it('a timeout ends the run even under a bare except', () => {
    const r = stoppingAfter(2, INTERRUPT_TIMEOUT)
    const res = r.run('while True:\n    try:\n        print(1)\n    except:\n        pass\n')
    expect(res.error?.type).toBe('TimeoutError')
    expect(res.stdout).toBe('1\n1\n')
  })

  it('turns deep recursion into CPython\'s RecursionError (its exact depth: tests/cli/run.test.ts, on a thread with the stack for it)', () => {
    const res = new Runner().run('def f(n):\n    return f(n + 1)\nf(0)\n')
    expect(res.error?.type, res.error?.message).toBe('RecursionError')
    expect(res.error?.message).toBe('maximum recursion depth exceeded')
  })
})
