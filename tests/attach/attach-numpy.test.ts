// The `stridescope` package (python/) under real CPython + NumPy, sending to a
// browser-mode server started here: the workspace holds each object with the
// strides, addresses and grouping NumPy itself reports; bad input never breaks
// the user's program.
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Session, localService } from '../../src/session'
import { startServer, type RunningServer } from '../../src/server'
import type { ObjectEntry } from '../../src/shared/protocol'
import { FakeRunner } from '../session/fake-runner'
import { pythonSkipReason, runPackage } from './python-helpers'

const skip = pythonSkipReason('python3', ['numpy'])
if (skip) console.log(`[attach with NumPy] skipped: ${skip}`)

let runtime: string
let session: Session
let server: RunningServer
const savedRuntime = process.env.STRIDESCOPE_RUNTIME_DIR

beforeAll(async () => {
  if (skip) return
  runtime = mkdtempSync(join(tmpdir(), 'stridescope-runtime-'))
  process.env.STRIDESCOPE_RUNTIME_DIR = runtime
  session = new Session({ createRunner: (o) => new FakeRunner(o) })
  server = await startServer({ session: localService(session), rendererDir: runtime, port: 0, advertise: true })
})

afterAll(async () => {
  if (skip) return
  await server.close()
  if (savedRuntime === undefined) delete process.env.STRIDESCOPE_RUNTIME_DIR
  else process.env.STRIDESCOPE_RUNTIME_DIR = savedRuntime
  rmSync(runtime, { recursive: true, force: true })
})

const env = (): Record<string, string> => ({ STRIDESCOPE_RUNTIME_DIR: runtime })

function byName(name: string): ObjectEntry {
  const o = session.snapshot().objects.find((e) => e.names.includes(name))
  if (!o) throw new Error(`no attached object named ${name}`)
  return o
}

// Prints NumPy's own view of each object, then sends them all.
const SCRIPT = `
import json, numpy as np, stridescope
from numpy.lib.stride_tricks import sliding_window_view
a = np.arange(24, dtype=np.float32).reshape(2, 3, 4)
aT = a.transpose(2, 0, 1)
step = a[:, ::2, 1:]
win = sliding_window_view(np.arange(10.), 3)
ro = np.ones((4, 4)); ro.flags.writeable = False
rec = np.zeros(5, dtype=[('x', '<f4'), ('y', '<i4')])
objs = dict(a=a, aT=aT, step=step, win=win, ro=ro, rec=rec)
stridescope.show(a, aT, step, win, ro, rec)
stridescope.flush()
print(json.dumps({k: dict(strides=list(v.strides), ptr=v.__array_interface__['data'][0]) for k, v in objs.items()}))
`

describe.skipIf(skip)('attach with NumPy', () => {
  it('writes a 0600 runtime file in a 0700 folder', () => {
    const files = readdirSync(runtime).filter((f) => f.startsWith('server-'))
    expect(files).toEqual([`server-${process.pid}.json`])
    expect(statSync(join(runtime, files[0])).mode & 0o777).toBe(0o600)
    expect(statSync(runtime).mode & 0o777).toBe(0o700)
  })

  it('shows views, transposes, windows, read-only and structured arrays as NumPy lays them out', async () => {
    const run = await runPackage('python3', SCRIPT, env())
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    const facts = JSON.parse(run.stdout) as Record<string, { strides: number[]; ptr: number }>
    for (const [name, f] of Object.entries(facts)) {
      const o = byName(name)
      expect(o.info.byteStrides, name).toEqual(f.strides)
      expect(o.info.dataPtr, name).toBe(String(f.ptr))
      expect(o.origin?.program).toBe('train.py')
    }
    // a, its transpose and its step slice share one buffer; the window views its own arange.
    const a = byName('a')
    expect(byName('aT').info.storage.id).toBe(a.info.storage.id)
    expect(byName('step').info.storage.id).toBe(a.info.storage.id)
    expect(byName('step').info.byteOffset).toBe(4)
    expect(byName('win').info.storage.nbytes).toBe(80)
    expect(byName('win').info.byteStrides).toEqual([8, 8])
    expect(byName('ro').info.flags.writeable).toBe(false)
    expect(byName('rec').origin?.dtypeText).toBe("[('x', '<f4'), ('y', '<i4')]")
    // values of the transposed view read in its own logical order
    const w = await session.window(byName('aT').info.id, [1, 0, 0], [1, 1, 3])
    expect(w.values).toEqual([1, 5, 9])
  })

  it('updates an object re-sent under the same name', async () => {
    const run = await runPackage('python3', `
import numpy as np, stridescope
x = np.zeros(3)
stridescope.show(x)
x[1] = 5
stridescope.show(x)
stridescope.flush()`, env())
    expect(run.code).toBe(0)
    const xs = session.snapshot().objects.filter((o) => o.names.includes('x'))
    expect(xs).toHaveLength(1)
    expect((await session.window(xs[0].info.id, [0], [3])).values).toEqual([0, 5, 0])
  })

  it('caps the value window and says a non-array is not shown, without failing the program', async () => {
    const run = await runPackage('python3', `
import numpy as np, stridescope
big = np.zeros((1000, 1000), np.float32)
stridescope.set_window_cap(1000)
stridescope.show(big, "not an array")
stridescope.flush()
print("still running")`, env())
    expect(run.code).toBe(0)
    expect(run.stdout).toBe('still running\n')
    expect(run.stderr).toMatch(/StridescopeWarning: stridescope.show\(\) takes NumPy arrays and PyTorch tensors, not builtins.str/)
    expect(byName('big').origin?.windowShape).toEqual([1, 1000])
  })

  it('warns once when the token is wrong, and attaches nothing', async () => {
    const before = session.snapshot().objects.length
    const run = await runPackage('python3', `
import numpy as np, stridescope
w = np.ones(2)
stridescope.show(w); stridescope.show(w)
stridescope.flush()
print("done")`, { STRIDESCOPE_URL: `http://127.0.0.1:${server.port}/?token=wrong` })
    expect(run.code).toBe(0)
    expect(run.stdout).toBe('done\n')
    expect(run.stderr.trim().split('\n')).toEqual([expect.stringMatching(/refused the message \(401\)/)])
    expect(session.snapshot().objects.length).toBe(before)
  })

  it('warns once when no app is running', async () => {
    const run = await runPackage('python3', `
import numpy as np, stridescope
stridescope.show(np.ones(2)); stridescope.flush(); print("done")`, { STRIDESCOPE_RUNTIME_DIR: join(runtime, 'none') })
    expect(run.code).toBe(0)
    expect(run.stdout).toBe('done\n')
    expect(run.stderr).toMatch(/^stridescope: no Stridescope app is running/)
  })
})
