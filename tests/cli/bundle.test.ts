// bin/stridescope runs a bundle of the command line (scripts/build-cli.cjs), not
// TypeScript compiled at start-up, and rebuilds it when a source it came from changes.
import { describe, it, expect } from 'vitest'
import { spawnSync } from 'node:child_process'
import { readFileSync, readdirSync, utimesSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { commandNames } from '../../src/cli/main'

const ROOT = resolve(__dirname, '..', '..')
const BIN = join(ROOT, 'bin', 'stridescope')
const MANIFEST = join(ROOT, 'out', 'cli', 'inputs.json')
const manifest = () => JSON.parse(readFileSync(MANIFEST, 'utf8')) as { startedAt: number; inputs: string[] }
const printOne = () => spawnSync(process.execPath, [BIN, 'run', '-'], { encoding: 'utf8', input: 'print(1)\n', timeout: 60_000 })

describe('the command-line bundle', () => {
  it('lists every command file in src/cli/commands', () => {
    const files = readdirSync(join(ROOT, 'src', 'cli', 'commands')).filter((f) => f.endsWith('.ts')).map((f) => f.replace(/\.ts$/, ''))
    expect(commandNames()).toEqual(files.sort())
  })

  it('runs from out/cli without the TypeScript loader, and names the sources it was built from', () => {
    const r = printOne()
    expect(r.stdout).toBe('1\n')
    const { inputs } = manifest()
    for (const src of ['src/cli/main.ts', 'src/cli/commands/run.ts', 'src/runner/interp/interpreter.ts', 'src/session/worker-entry.ts', 'scripts/build-cli.cjs']) {
      expect(inputs).toContain(src)
    }
    expect(inputs.some((p) => p.includes('node_modules'))).toBe(false)
    // What bin/stridescope loads is the bundle: tsx is never required on this path.
    const probe = spawnSync(process.execPath, ['-e', `
      const Module = require('node:module'); const load = Module._load
      Module._load = function (req, ...rest) { if (/^tsx/.test(req)) throw new Error('tsx loaded'); return load.call(this, req, ...rest) }
      process.argv = [process.argv[0], ${JSON.stringify(BIN)}, 'run', '-']
      require(${JSON.stringify(BIN)})`], { encoding: 'utf8', input: 'print(2)\n', timeout: 60_000 })
    expect(probe.stderr).toBe('')
    expect(probe.stdout).toBe('2\n')
  })

  it('runs the program on the main thread, as deep as CPython recurses: no thread is started', () => {
    // Every thread started in the process is counted; the program's own recursion needs the runner's stack.
    const probe = spawnSync(process.execPath, ['-e', `
      const wt = require('node:worker_threads'); let made = 0
      wt.Worker = class extends wt.Worker { constructor(...a) { super(...a); made++ } }
      process.on('exit', () => process.stderr.write('threads ' + made))
      process.argv = [process.argv[0], ${JSON.stringify(BIN)}, 'run', '-']
      require(${JSON.stringify(BIN)})`], { encoding: 'utf8', input: 'def f(n):\n    return 0 if n == 0 else 1 + f(n - 1)\nprint(f(990))\n', timeout: 60_000 })
    expect(probe.stdout).toBe('990\n')
    expect(probe.stderr).toBe('threads 0')
  })

  it('is rebuilt before the next start when a source changes', () => {
    printOne()
    const before = manifest().startedAt
    const now = new Date()
    utimesSync(join(ROOT, 'src', 'cli', 'main.ts'), now, now)
    const r = printOne()
    expect(r.stdout).toBe('1\n')
    expect(manifest().startedAt).toBeGreaterThan(before)
  })
})
