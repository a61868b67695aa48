// `pip install ./python` works offline: the package's build backend is in the
// folder and needs nothing from PyPI.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { PACKAGE_DIR } from './python-helpers'

const pip = spawnSync('python3', ['-m', 'pip', '--version'], { encoding: 'utf8' })
const skip = pip.error ? 'python3 is not installed' : pip.status !== 0 ? 'python3 has no pip' : null
if (skip) console.log(`[pip install ./python] skipped: ${skip}`)

describe.skipIf(skip)('pip install ./python', () => {
  it('installs with no index and imports', () => {
    const target = mkdtempSync(join(tmpdir(), 'stridescope-pip-'))
    try {
      const r = spawnSync('python3', ['-m', 'pip', 'install', '--no-index', '--no-deps', '--quiet', '--target', target, PACKAGE_DIR], {
        encoding: 'utf8', env: { ...process.env, PIP_NO_INDEX: '1', PIP_DISABLE_PIP_VERSION_CHECK: '1' }, timeout: 120_000
      })
      expect(r.status, r.stderr).toBe(0)
      const imported = spawnSync('python3', ['-c', 'import stridescope, sys; print(stridescope.__version__, stridescope.__file__.startswith(sys.argv[1]))', target], {
        encoding: 'utf8', cwd: target, env: { ...process.env, PYTHONPATH: target }
      })
      expect(imported.stdout).toBe('0.1.0 True\n')
    } finally {
      rmSync(target, { recursive: true, force: true })
    }
  })
})
