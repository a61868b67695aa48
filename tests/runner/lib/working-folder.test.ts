// The app's working folder: np.save/np.load, np.savez, torch.load and safetensors' files
// resolve a relative path inside the folder the person chose and refuse one that leaves it
// ('../', or a link inside pointing out) with PermissionError, writing nothing; an absolute
// path, typed as such, is taken as it is. The CLI's runner has no working folder.
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { Runner } from '../../../src/runner'
import { createAppSession } from '../../../src/session/app-session'

const top = fs.mkdtempSync(path.join(os.tmpdir(), 'stridescope-workdir-'))
const work = path.join(top, 'work')
const outside = path.join(top, 'outside')
fs.mkdirSync(path.join(work, 'sub'), { recursive: true })
fs.mkdirSync(outside)
fs.symlinkSync(outside, path.join(work, 'link'))
afterAll(() => fs.rmSync(top, { recursive: true, force: true }))

const SETUP = 'import numpy as np\nimport torch\nfrom safetensors.torch import save_file, load_file\na = np.arange(4)\n'

describe('the working folder', () => {
  it('relative paths are read and written inside it', () => {
    const r = new Runner({ workingFolder: work })
    const res = r.run(SETUP + [
      "np.save('a.npy', a)", "np.savez('sub/b', x=a)", "save_file({'t': torch.ones(2)}, 'c.safetensors')",
      "print(np.load('a.npy'), np.load('./sub/b.npz')['x'], load_file('sub/../c.safetensors')['t'])",
    ].join('\n'))
    expect(res.error, res.stderr).toBeNull()
    expect(res.stdout).toBe('[0 1 2 3] [0 1 2 3] tensor([1., 1.])\n')
    expect(fs.readdirSync(work).sort()).toEqual(['a.npy', 'c.safetensors', 'link', 'sub'])
    expect(fs.existsSync(path.join(work, 'sub', 'b.npz'))).toBe(true)
  })

  it('a path that leaves it, by ../ or through a link, is PermissionError and writes nothing', () => {
    const r = new Runner({ workingFolder: work })
    expect(r.run(SETUP).error).toBeNull()
    for (const stmt of ["np.save('../escape.npy', a)", "np.savez('sub/../../escape', a)", "np.save('link/escape.npy', a)",
      "save_file({'t': torch.ones(2)}, '../escape.safetensors')", "np.load('../outside/x.npy')", "torch.load('link/x.pt')"]) {
      const res = r.run(stmt)
      expect(res.error?.type, stmt).toBe('PermissionError')
      expect(res.error?.message).toMatch(/^\[Errno 13\] Permission denied: '.*' \(outside the working folder '.*work'; type an absolute path to reach it\)$/)
    }
    expect(fs.readdirSync(outside)).toEqual([])
    expect(fs.readdirSync(top).sort()).toEqual(['outside', 'work'])
    expect(r.run('print(a.sum())').stdout).toBe('6\n') // the workspace goes on
  })

  it('an absolute path is taken as typed', () => {
    const target = path.join(outside, 'typed.npy')
    const res = new Runner({ workingFolder: work }).run(`${SETUP}np.save(${JSON.stringify(target)}, a)\nprint(np.load(${JSON.stringify(target)}))`)
    expect(res.error, res.stderr).toBeNull()
    expect(res.stdout).toBe('[0 1 2 3]\n')
    fs.rmSync(target)
  })

  it('the app\'s session resolves in the working folder it was given', async () => {
    const session = createAppSession({ workingFolder: work })
    const res = await session.run("import numpy as np\nnp.save('from-session.npy', np.zeros(2))\nnp.save('../nope.npy', np.zeros(2))")
    expect(res.error?.type).toBe('PermissionError')
    expect(fs.existsSync(path.join(work, 'from-session.npy'))).toBe(true)
    expect(fs.existsSync(path.join(top, 'nope.npy'))).toBe(false)
  })
})
