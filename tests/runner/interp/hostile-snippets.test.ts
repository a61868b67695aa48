// Snippets from the audit that crashed or hung the runner, each kept as its reproducer:
// each now ends in CPython's clean error (or its result) and the session goes on.
import { spawnSync } from 'node:child_process'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { Runner } from '../../../src/runner'

const BIN = resolve(__dirname, '..', '..', '..', 'bin', 'stridescope')

/** Runs `source` under `stridescope run` with a small JS heap, so growth meets its limit quickly. */
function runWithSmallHeap(source: string) {
  return spawnSync(process.execPath, [BIN, 'run', '-'], {
    input: source, encoding: 'utf8', timeout: 120_000,
    env: { ...process.env, NODE_OPTIONS: '--max-old-space-size=300' },
  })
}

describe('hostile snippets', () => {
  it('a list doubled 40 times raises MemoryError before the heap gives out, and the program goes on', () => {
    const r = runWithSmallHeap('a = [1]\ntry:\n    for i in range(40):\n        a = a + a\nexcept MemoryError as e:\n    print("MemoryError", repr(e))\nprint(len(a) > 1)\n')
    expect(r.stderr).toBe('')
    expect(r.stdout).toBe('MemoryError MemoryError()\nTrue\n')
  })

  it('str doubling and a huge join raise MemoryError, and the program goes on', () => {
    const r = runWithSmallHeap('s = "x" * 10**7\ntry:\n    t = "".join([s] * 100)\nexcept MemoryError as e:\n    print(repr(e))\nu = "ab"\ntry:\n    for i in range(40):\n        u = u + u\nexcept MemoryError:\n    print("MemoryError")\nprint(len(s), len(u) > 2)\n')
    expect(r.stderr).toBe('')
    expect(r.stdout).toBe('MemoryError()\nMemoryError\n10000000 True\n')
  })

  it('sorted() of a big list of ints is a native sort (stable results for mixed and keyed lists)', () => {
    const r = new Runner()
    const res = r.run('x = sorted([0] * 10**6 + [-1])\nprint(len(x), x[0], x[-1])\nprint(sorted([3, 1, 2, 1.5, True]), sorted([2.5, -1.0, 0.5]))\nz = [5, 3, 9, 1]\nz.sort(reverse=True)\nprint(z, sorted(["b", "a"]), sorted([3, 1, 2], key=lambda v: -v))\n')
    expect(res.error).toBeNull()
    expect(res.stdout).toBe('1000001 -1 0\n[1, True, 1.5, 2, 3] [-1.0, 0.5, 2.5]\n[9, 5, 3, 1] [\'a\', \'b\'] [3, 2, 1]\n')
  })

  it('a list repeated past 32M items is joined from flat blocks (V8 made a dictionary of it: 47 s for [0] * 10**8)', () => {
    const res = new Runner().run('x = [1, 2, 3] * 12_000_001\nprint(len(x), x[:4], x[(1 << 24) - 2:(1 << 24) + 3], x[-4:])\n')
    expect(res.error).toBeNull()
    // blocks of 16,777,215 items (whole periods): the slice crosses the first seam
    expect(res.stdout).toBe('36000003 [1, 2, 3, 1] [3, 1, 2, 3, 1] [3, 1, 2, 3]\n') // CPython's
  })

  it('sorted() of a list already in order, either way, is one pass (timsort\'s runs), and stays stable', () => {
    const res = new Runner().run([
      'a = [0] * 3_000_000', 'print(sorted(a) == a, sorted(a, reverse=True) == a)',
      'b = list(range(5)) + [5] * 3', 'print(sorted(b, reverse=True), sorted(b[::-1]), sorted(b[::-1], reverse=True))',
      'c = [2.5, 2.5, 1.0]', 'print(sorted(c), sorted(c, reverse=True), sorted([True, 1, 0]))',
    ].join('\n'))
    expect(res.error).toBeNull()
    expect(res.stdout).toBe('True True\n[5, 5, 5, 4, 3, 2, 1, 0] [0, 1, 2, 3, 4, 5, 5, 5] [5, 5, 5, 4, 3, 2, 1, 0]\n[1.0, 2.5, 2.5] [2.5, 2.5, 1.0] [0, True, 1]\n')
  })

  it('list += and extend take more items than fit in a call\'s arguments', () => {
    const res = new Runner().run('b = []\nb += list(range(200000))\nb.extend(range(200000))\nprint(len(b))\n')
    expect(res.error).toBeNull()
    expect(res.stdout).toBe('400000\n')
  })

  it('int() of a million digits raises CPython 3.11\'s ValueError at once, as does str() of a huge int', () => {
    const res = new Runner().run([
      'try:', "    int('7' * 1_000_000)", 'except ValueError as e:', '    print(e)',
      'try:', '    print(10**5000)', 'except ValueError as e:', '    print(e)',
      "print(len(str(int('7' * 4300))), int('ff' * 3000, 16).bit_length())",
    ].join('\n'))
    expect(res.error).toBeNull()
    expect(res.stdout).toBe(
      'Exceeds the limit (4300 digits) for integer string conversion: value has 1000000 digits; use sys.set_int_max_str_digits() to increase the limit\n' +
      'Exceeds the limit (4300 digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit\n' +
      '4300 24000\n')
  })
})
