// The snippet corpus: each tests/corpus/<dir>/NAME.py runs on the runner and its stdout must
// equal NAME.expected byte for byte; when NAME.expected-error exists the program must end
// with that uncaught exception (the traceback's last line). python/ and numpy/ expectations
// come from real CPython (+ NumPy) via scripts/regen-corpus.py; torch/ snippets marked
// `# oracle: torch` come from real PyTorch (/usr/bin/python3, torch 1.13) the same way, the
// others are written by hand from reference/semantics.md and PyTorch's printing rules.
import { describe, it, expect } from 'vitest'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { spawnSync } from 'node:child_process'
import { Runner } from '../../src/runner'

const ROOT = resolve(__dirname, '..', '..')
const CORPUS = join(ROOT, 'tests', 'corpus')

function pythonWithNumpy(): string | null {
  const r = spawnSync('python3', ['-c', 'import numpy'], { encoding: 'utf8' })
  return r.status === 0 ? null : 'python3 with NumPy is not available'
}

function snippets(dir: string): string[] {
  const folder = join(CORPUS, dir)
  return existsSync(folder) ? readdirSync(folder).filter(f => f.endsWith('.py')).sort() : []
}

function runSnippet(dir: string, file: string) {
  const source = readFileSync(join(CORPUS, dir, file), 'utf8')
  const runner = new Runner({ simulateCuda: /^# simulate-cuda/m.test(source) })
  return runner.run(source, file)
}

function checkSnippet(dir: string, file: string): void {
  const base = join(CORPUS, dir, file.replace(/\.py$/, ''))
  const result = runSnippet(dir, file)
  const expectedErr = existsSync(base + '.expected-error') ? readFileSync(base + '.expected-error', 'utf8').trimEnd() : null
  expect(result.stdout).toBe(readFileSync(base + '.expected', 'utf8'))
  if (expectedErr === null) {
    expect(result.error, result.stderr).toBeNull()
  } else {
    const lines = result.stderr.trimEnd().split('\n')
    expect(lines[lines.length - 1]).toBe(expectedErr)
  }
}

describe('corpus: python (language, CPython-generated)', () => {
  for (const f of snippets('python')) it(f, () => checkSnippet('python', f))
})

// The engine is built by `npm install`; without it (or with an op missing) these fail.
describe('corpus: numpy (CPython + NumPy generated)', () => {
  for (const f of snippets('numpy')) it(f, () => checkSnippet('numpy', f))
})

describe('corpus: torch (PyTorch-generated or hand-written from reference/semantics.md)', () => {
  for (const f of snippets('torch')) it(f, () => checkSnippet('torch', f))
})

const noOracle = pythonWithNumpy()
if (noOracle) console.log(`skipping corpus freshness check: ${noOracle}`)

describe.skipIf(!!noOracle)('corpus expectations are what CPython prints today', () => {
  it('scripts/regen-corpus.py --check finds nothing stale', () => {
    const r = spawnSync('python3', [join(ROOT, 'scripts', 'regen-corpus.py'), '--check'], { encoding: 'utf8' })
    expect(r.stdout + r.stderr).toBe('')
    expect(r.status).toBe(0)
  })
})
