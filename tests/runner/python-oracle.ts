// Runs Python snippets in a real interpreter (python3 with NumPy, or /usr/bin/python3 with
// PyTorch) and in the runner, and gives both outcomes in one shape: what the snippet
// printed, and the exception that ended it ("Type: message"), if any. All snippets of a
// batch run in ONE interpreter process, each in a fresh namespace.
import { spawnSync } from 'node:child_process'
import { Runner } from '../../src/runner'

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
