// Runs the `stridescope` Python package (python/) against a server started by
// the test. Python runs asynchronously: the server answering it lives in this
// same process, so a synchronous spawn would deadlock.
import { execFile, spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export const PACKAGE_DIR = join(__dirname, '..', '..', 'python')

/** Why a Python interpreter cannot run these tests (printed as the skip reason), or null. */
export function pythonSkipReason(python: string, modules: string[]): string | null {
  const r = spawnSync(python, ['-c', modules.map((m) => `import ${m}`).join('; ') || 'pass'], { encoding: 'utf8' })
  if (r.error) return `${python} is not installed`
  if (r.status !== 0) return `${python} lacks ${modules.join(', ')}: ${r.stderr.trim().split('\n').pop()}`
  return null
}

export interface PythonRun {
  code: number
  stdout: string
  stderr: string
}

/** Runs `script` saved as train.py (so tracebacks and trace() records carry real source lines). */
export function runPackage(python: string, script: string, env: Record<string, string>): Promise<PythonRun> {
  const dir = mkdtempSync(join(tmpdir(), 'stridescope-program-'))
  const file = join(dir, 'train.py')
  writeFileSync(file, script)
  return new Promise((resolve) => {
    execFile(python, [file], {
      env: { ...process.env, PYTHONPATH: PACKAGE_DIR, PYTHONDONTWRITEBYTECODE: '1', ...env },
      maxBuffer: 64 << 20,
      timeout: 60_000
    }, (error, stdout, stderr) => {
      const code = error ? (typeof (error as { code?: unknown }).code === 'number' ? (error as { code: number }).code : 1) : 0
      rmSync(dir, { recursive: true, force: true })
      resolve({ code, stdout, stderr })
    })
  })
}
