// Runs Python snippets in a real interpreter (python3 with NumPy, or /usr/bin/python3 with
// PyTorch) and in the runner, and gives both outcomes in one shape: what the snippet
// printed, and the exception that ended it ("Type: message"), if any. All snippets of a
// batch run in ONE interpreter process, each in a fresh namespace. Whole programs (whose
// warnings name their file and line) run as a file of their own: runScriptInPython.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect } from 'vitest'
import { Runner, type RunResult } from '../../src/runner'

export interface Outcome {
  stdout: string
  error: string | null
}

const DRIVER = String.raw`
import contextlib, io, json, sys
out = []
for src in json.loads(sys.stdin.read()):
    buf = io.StringIO()
    err = None
    try:
        with contextlib.redirect_stdout(buf):
            exec(compile(src, '<case>', 'exec'), {'__name__': '__main__'})
    except Exception as e:
        err = type(e).__name__ + ': ' + str(e)
    out.append(dict(stdout=buf.getvalue(), error=err))
print(json.dumps(out))
`

/** The interpreter that has PyTorch (Debian's python3-torch), or why there is none. */
export const TORCH_PYTHON = '/usr/bin/python3'

/** null when `python` can import `module`, else the reason to print when skipping. */
export function pythonLacks(python: string, module: string): string | null {
  const r = spawnSync(python, ['-c', `import ${module}`], { encoding: 'utf8' })
  if (r.error) return `${python} not found (${r.error.message})`
  if (r.status !== 0) return `${python} cannot import ${module}: ${r.stderr.trim().split('\n').pop()}`
  return null
}

export function runInPython(python: string, snippets: string[]): Outcome[] {
  const r = spawnSync(python, ['-c', DRIVER], { input: JSON.stringify(snippets), encoding: 'utf8', maxBuffer: 64 << 20 })
  if (r.status !== 0) throw new Error(`${python} failed: ${r.stderr}`)
  return JSON.parse(r.stdout) as Outcome[]
}

/** The same snippet on the runner (a fresh one each time: grad mode and print options start at defaults). */
export function runInRunner(snippet: string): Outcome {
  const r = new Runner().run(snippet, '<case>')
  return { stdout: r.stdout, error: r.error ? `${r.error.type}: ${r.error.message}` : null }
}

/** What a whole program printed when run as a file, with the file's path written as its name. */
export interface ScriptRun {
  stdout: string
  stderr: string
}

/**
 * Runs `script` as the file `name` under `python` (warnings then carry `name:line` as the
 * runner writes them); a ScriptRun, or the reason to print when skipping.
 */
export function runScriptInPython(python: string, script: string, name = 'prog.py'): ScriptRun | string {
  const file = join(mkdtempSync(join(tmpdir(), 'oracle-')), name)
  writeFileSync(file, script)
  const r = spawnSync(python, [file], { encoding: 'utf8', maxBuffer: 64 << 20 })
  if (r.error) return `${python} is not available (${r.error.message})`
  if (r.status !== 0) return `${python} failed: ${r.stderr.trim().split('\n').pop()}`
  return { stdout: r.stdout, stderr: r.stderr.split(file).join(name) }
}

/** Each line of `ours` equals the same line of `theirs` (a failure names the first line that differs). */
export function expectSameLines(ours: string, theirs: string, what: string): void {
  const a = ours.split('\n'), b = theirs.split('\n')
  for (let k = 0; k < Math.max(a.length, b.length); k++) expect(a[k], `${what} line ${k + 1}`).toBe(b[k])
}

/** Runs `script` as prog.py under the runner; it must end without error and print `want.stdout` line for line. */
export function expectRunnerPrints(script: string, want: ScriptRun): RunResult {
  const res = new Runner().run(script, 'prog.py')
  expect(res.error).toBeNull()
  expectSameLines(res.stdout, want.stdout, 'stdout')
  return res
}
