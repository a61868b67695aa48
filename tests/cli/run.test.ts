// `bin/stridescope run` end to end: stdout, the traceback on stderr, exit codes, stdin, --help.
import { describe, it, expect } from 'vitest'
import { spawn, spawnSync } from 'node:child_process'
import { closeSync, mkdtempSync, openSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { parseRunArgs } from '../../src/cli/commands/run'

const BIN = resolve(__dirname, '..', '..', 'bin', 'stridescope')
const run = (args: string[], input?: string) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', input, timeout: 60_000 })

describe('stridescope run', () => {
  const dir = mkdtempSync(join(tmpdir(), 'stridescope-run-'))

  it('prints the program\'s stdout and exits 0', () => {
    const f = join(dir, 'ok.py')
    writeFileSync(f, 'for i in range(3):\n    print(i, end=" ")\nprint()\n')
    const r = run(['run', f])
    expect(r.stdout).toBe('0 1 2 \n')
    expect(r.stderr).toBe('')
    expect(r.status).toBe(0)
  })

  it('prints a traceback to stderr and exits 1 on an uncaught exception', () => {
    const f = join(dir, 'bad.py')
    writeFileSync(f, 'print("before")\nraise ValueError("nope")\n')
    const r = run(['run', f])
    expect(r.stdout).toBe('before\n')
    expect(r.stderr).toBe(`Traceback (most recent call last):\n  File "${f}", line 2, in <module>\n    raise ValueError("nope")\nValueError: nope\n`)
    expect(r.status).toBe(1)
  })

  it('started through its #! line, Node skips the NODE_EXTRA_CA_CERTS it would parse at start-up', () => {
    // Node reads that file before any script runs and warns when it cannot; the CLI opens
    // no TLS connection, so bin/stridescope's #! line starts Node without the variable.
    const env = { ...process.env, NODE_EXTRA_CA_CERTS: join(dir, 'no-such-bundle.pem') }
    const direct = spawnSync(BIN, ['run', '-'], { encoding: 'utf8', input: 'print(3)\n', env, timeout: 60_000 })
    expect(direct.stdout).toBe('3\n')
    expect(direct.stderr).toBe('')
    // The same variable under a plain `node` start is read (and warned about): the check above can fail.
    const plain = spawnSync(process.execPath, ['-e', '0'], { encoding: 'utf8', env, timeout: 60_000 })
    expect(plain.stderr).toContain('no-such-bundle.pem')
  })

  it('writes warnings when they happen, between the output printed before and after them', () => {
    // One file for both descriptors, as a terminal shows them: CPython's order.
    const out = join(dir, 'both.txt')
    const fd = openSync(out, 'w')
    try {
      spawnSync(process.execPath, [BIN, 'run', '-'], { input: 'import numpy as np\nprint("before")\nnp.float64(1) / 0\nprint("after")\n', stdio: ['pipe', fd, fd], timeout: 60_000 })
    } finally {
      closeSync(fd)
    }
    expect(readFileSync(out, 'utf8')).toBe('before\n<stdin>:3: RuntimeWarning: divide by zero encountered in scalar divide\nafter\n')
  })

  it('reads the program from stdin with -', () => {
    const r = run(['run', '-'], 'print(2 ** 70)\n')
    expect(r.stdout).toBe('1180591620717411303424\n')
    expect(r.status).toBe(0)
  })

  it('has no step limit; --timeout S ends a run that is still going, even under a bare except', () => {
    const r = run(['run', '--timeout', '1', '-'], 'print("go")\nwhile True:\n    try:\n        pass\n    except:\n        pass\n')
    expect(r.stdout).toBe('go\n')
    expect(r.stderr).toMatch(/^Traceback \(most recent call last\):\n {2}File "<stdin>", line \d, in <module>\n.*TimeoutError: the program ran longer than --timeout 1 s\n$/s)
    expect(r.status).toBe(124)
  })

  /** Starts a program, sends Ctrl-C once it printed `go`, and resolves with what it wrote and its status. */
  function interruptAfterGo(source: string): Promise<{ stdout: string; stderr: string; status: number | null }> {
    const f = join(dir, `sigint-${Math.random().toString(36).slice(2)}.py`)
    writeFileSync(f, source)
    const child = spawn(process.execPath, [BIN, 'run', f], { stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (d) => {
      stdout += d
      if (stdout.includes('go\n')) setTimeout(() => child.kill('SIGINT'), 200)
    })
    child.stderr.on('data', (d) => { stderr += d })
    const guard = setTimeout(() => child.kill('SIGKILL'), 50_000)
    return new Promise((resolve) => child.on('close', (status) => {
      clearTimeout(guard)
      resolve({ stdout, stderr, status })
    }))
  }

  it('Ctrl-C raises KeyboardInterrupt with CPython\'s traceback (exit 130)', async () => {
    const r = await interruptAfterGo('print("go")\nn = 0\nwhile True:\n    n += 1\n')
    expect(r.stderr).toMatch(/^Traceback \(most recent call last\):\n {2}File ".*", line [34], in <module>\n {4}.*\nKeyboardInterrupt\n$/)
    expect(r.status).toBe(130)
  })

  it('Ctrl-C reaches a native kernel between its chunks (a sum over 10**18 broadcast elements)', async () => {
    const r = await interruptAfterGo('import numpy as np\nprint("go")\nprint(np.broadcast_to(np.zeros(1), (10**9, 10**9)).sum())\n')
    expect(r.stderr).toMatch(/line 3, in <module>\n {4}print\(np\.broadcast_to.*\nKeyboardInterrupt\n$/)
    expect(r.status).toBe(130)
  })

  it('runs to CPython\'s recursion limit and prints its collapsed traceback', () => {
    const r = run(['run', '-'], 'def g(n):\n    return 0 if n == 0 else g(n - 1)\nprint(g(998))\ng(999)\n')
    expect(r.stdout).toBe('0\n')
    expect(r.stderr.split('line 2, in g\n').length - 1).toBe(3)
    // A program read from stdin has no lines to quote, in CPython as here.
    expect(r.stderr.endsWith('  File "<stdin>", line 2, in g\n  [Previous line repeated 996 more times]\nRecursionError: maximum recursion depth exceeded\n')).toBe(true)
  })

  it('ends quietly with status 0 when the reader of its output goes away (`| head`)', async () => {
    const child = spawn(process.execPath, [BIN, 'run', '-'], { stdio: ['pipe', 'pipe', 'pipe'] })
    child.stdin.end('i = 0\nwhile True:\n    print(i)\n    i += 1\n')
    let stderr = ''
    child.stderr.on('data', (d) => { stderr += d })
    child.stdout.once('data', () => child.stdout.destroy())
    const guard = setTimeout(() => child.kill('SIGKILL'), 50_000)
    const status = await new Promise((resolve) => child.on('close', resolve))
    clearTimeout(guard)
    expect(stderr).toBe('')
    expect(status).toBe(0)
  })

  it('writes every line through a non-blocking pipe whose reader is slow (the writes that would block are queued)', () => {
    // Python makes the pipe: Node cannot hand a child a non-blocking descriptor of its own making.
    const harness = [
      'import os, subprocess, sys, time',
      'r, w = os.pipe()',
      'os.set_blocking(w, False)',
      'p = subprocess.Popen(sys.argv[1:], stdin=subprocess.PIPE, stdout=w)',
      'os.close(w)',
      'p.stdin.write(b"for i in range(20000):\\n    print(i, \'x\' * 40)\\nprint(\'end\')\\n"); p.stdin.close()',
      'time.sleep(0.5)',
      'data = b""',
      'while chunk := os.read(r, 1 << 16): data += chunk',
      'sys.stdout.write(f"{p.wait()} {data.count(10)} {data.splitlines()[-1].decode()} {data.splitlines()[12345].decode()}")',
    ].join('\n')
    const r = spawnSync('python3', ['-c', harness, process.execPath, BIN, 'run', '-'], { encoding: 'utf8', timeout: 60_000 })
    if (r.error) {
      console.log(`skipped: python3 is not available (${r.error.message})`)
      return
    }
    expect(r.stdout).toBe(`0 20001 end 12345 ${'x'.repeat(40)}`)
  })

  it('runs on a thread of its own where the main thread\'s stack may not grow (hard stack limit 8 MiB): same output, depth, timeout', () => {
    const limited = (args: string[], input: string) =>
      spawnSync('/bin/sh', ['-c', 'ulimit -Ss 8192 && ulimit -Hs 8192 && exec "$0" "$@"', process.execPath, BIN, ...args], { encoding: 'utf8', input, timeout: 60_000 })
    const deep = limited(['run', '-'], 'def g(n):\n    return 0 if n == 0 else g(n - 1)\nprint(g(998))\ng(999)\n')
    expect(deep.stdout).toBe('0\n')
    expect(deep.stderr.endsWith('  [Previous line repeated 996 more times]\nRecursionError: maximum recursion depth exceeded\n')).toBe(true)
    expect(deep.status).toBe(1)
    const slow = limited(['run', '--timeout', '1', '-'], 'print("go")\nwhile True:\n    pass\n')
    expect(slow.stdout).toBe('go\n')
    expect(slow.stderr).toMatch(/TimeoutError: the program ran longer than --timeout 1 s\n$/)
    expect(slow.status).toBe(124)
  })

  it('rejects bad usage with status 2', () => {
    expect(run(['run']).status).toBe(2)
    expect(run(['run', join(dir, 'missing.py')]).status).toBe(2)
    expect(run(['frobnicate']).status).toBe(2)
  })

  it('--help documents every subcommand present', () => {
    const r = run(['--help'])
    expect(r.status).toBe(0)
    expect(r.stdout).toMatch(/^usage: stridescope <command>/)
    expect(r.stdout).toContain('stridescope run [--simulate-cuda] [--timeout S] [--memory-cap [cpu=|cuda=]SIZE] FILE.py|-')
    expect(r.stdout).toMatch(/\n {2}run +run a Python snippet/)
  })

  it('parses its options', () => {
    expect(parseRunArgs(['--simulate-cuda', 'x.py'])).toMatchObject({ file: 'x.py', simulateCuda: true })
    expect(parseRunArgs(['--timeout', '2.5', 'x.py'])).toMatchObject({ timeout: 2.5 })
    expect(parseRunArgs(['x.py'])).toMatchObject({ timeout: null })
    expect(() => parseRunArgs(['--timeout', '-3', 'x.py'])).toThrow(/positive number of seconds/)
    expect(() => parseRunArgs(['a.py', 'b.py'])).toThrow(/unexpected argument/)
    expect(parseRunArgs(['x.py'])).toMatchObject({ memoryCaps: { cpu: null, cuda: null } })
    expect(parseRunArgs(['--memory-cap', '4G', 'x.py'])).toMatchObject({ memoryCaps: { cpu: 4 * 2 ** 30, cuda: 4 * 2 ** 30 } })
    expect(parseRunArgs(['--memory-cap', 'cpu=512M', '--memory-cap', 'cuda=1.5GiB', 'x.py']))
      .toMatchObject({ memoryCaps: { cpu: 512 * 2 ** 20, cuda: 1.5 * 2 ** 30 } })
    expect(parseRunArgs(['--memory-cap', '2GB', 'x.py'])).toMatchObject({ memoryCaps: { cpu: 2e9 } })
    expect(() => parseRunArgs(['--memory-cap', 'lots', 'x.py'])).toThrow(/--memory-cap needs a size/)
    expect(() => parseRunArgs(['--memory-cap', '0', 'x.py'])).toThrow(/--memory-cap needs a size/)
  })

  it("--memory-cap refuses an array past it with NumPy's error; what was made before stays usable", () => {
    const prog = 'import numpy as np\na = np.ones(1000)\ntry:\n    b = np.ones((1000, 1000))\nexcept MemoryError as e:\n    print(type(e).__name__, e)\nprint(a.sum())\n'
    const r = run(['run', '--memory-cap', 'cpu=1M', '-'], prog)
    expect(r.stdout).toBe('_ArrayMemoryError Unable to allocate 7.63 MiB for an array with shape (1000, 1000) and data type float64\n1000.0\n')
    expect(r.status).toBe(0)
    const t = run(['run', '--memory-cap', '1M', '-'], 'import torch\nt = torch.ones(1000, 1000)\n')
    expect(t.stderr).toMatch(/\nRuntimeError: \[enforce fail at alloc_cpu\.cpp:117\] err == 0\. DefaultCPUAllocator: can't allocate memory: you tried to allocate 4000000 bytes\. Error code 12 \(Cannot allocate memory\)\n$/)
    expect(t.status).toBe(1)
  })
})
