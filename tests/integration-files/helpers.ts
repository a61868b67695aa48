// Shared by the file integration tests: the skip reason when python3+NumPy is absent,
// a temp folder, and a runner that fails loudly on a Python error.
import { spawnSync } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Runner } from '../../src/runner'

export function numpyProblem(): string | null {
  const r = spawnSync('python3', ['-c', 'import numpy'], { encoding: 'utf8' })
  return r.status === 0 ? null : 'python3 with NumPy is not available'
}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'ss-files-'))
}

/** Runs Python in NumPy (the oracle); returns stdout, throws with stderr on failure. */
export function numpy(code: string): string {
  const r = spawnSync('python3', ['-c', code], { encoding: 'utf8' })
  if (r.status !== 0) throw new Error(r.stderr)
  return r.stdout
}

export function run(runner: Runner, code: string): string {
  const r = runner.run(code)
  if (r.error) throw new Error(`${r.stderr}`)
  return r.stdout
}

/** The last line of the traceback of a program that must fail. */
export function runError(runner: Runner, code: string): string {
  const r = runner.run(code)
  if (!r.error) throw new Error(`expected an exception, got stdout:\n${r.stdout}`)
  const lines = r.stderr.trimEnd().split('\n')
  return lines[lines.length - 1]
}
