// `bin/stridescope run` end to end: stdout, the traceback on stderr, exit codes, stdin, --help.
import { describe, it, expect } from 'vitest'
import { spawnSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
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

  it('reads the program from stdin with -', () => {
    const r = run(['run', '-'], 'print(2 ** 70)\n')
    expect(r.stdout).toBe('1180591620717411303424\n')
    expect(r.status).toBe(0)
  })

  it('stops an endless loop with the operation budget', () => {
    const r = run(['run', '--op-budget', '5000', '-'], 'while True:\n    pass\n')
    expect(r.status).toBe(1)
    expect(r.stderr).toMatch(/RuntimeError: operation budget exceeded/)
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
    expect(r.stdout).toContain('stridescope run [--simulate-cuda] [--op-budget N] FILE.py|-')
    expect(r.stdout).toMatch(/\n {2}run +run a Python snippet/)
  })

  it('parses its options', () => {
    expect(parseRunArgs(['--simulate-cuda', 'x.py'])).toMatchObject({ file: 'x.py', simulateCuda: true })
    expect(() => parseRunArgs(['--op-budget', '-3', 'x.py'])).toThrow(/positive integer/)
    expect(() => parseRunArgs(['a.py', 'b.py'])).toThrow(/unexpected argument/)
  })
})
