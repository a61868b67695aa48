// The `stridescope` package under real PyTorch (Debian's python3-torch for
// /usr/bin/python3): from_numpy sharing grouped with its array, channels_last
// strides, a capped window of a 1 GiB tensor, and trace() classifying what
// each operation did to memory.
import { createServer as createTcpServer, type Server as TcpServer } from 'node:net'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Session, localService } from '../../src/session'
import { startServer, type RunningServer } from '../../src/server'
import type { ObjectEntry, OpRecord } from '../../src/shared/protocol'
import { FakeRunner } from '../session/fake-runner'
import { pythonSkipReason, runPackage } from './python-helpers'

const PY = '/usr/bin/python3'
const skip = pythonSkipReason(PY, ['numpy', 'torch'])
if (skip) console.log(`[attach with PyTorch] skipped: ${skip} (apt-get install -y python3-torch)`)

let runtime: string
let session: Session
let server: RunningServer

beforeAll(async () => {
  if (skip) return
  runtime = mkdtempSync(join(tmpdir(), 'stridescope-runtime-'))
  session = new Session({ createRunner: (o) => new FakeRunner(o) })
  server = await startServer({ session: localService(session), rendererDir: runtime, port: 0 })
})

afterAll(async () => {
  if (skip) return
  await server.close()
  rmSync(runtime, { recursive: true, force: true })
})

const env = (): Record<string, string> => ({ STRIDESCOPE_URL: `http://127.0.0.1:${server.port}/?token=${server.token}` })

function byName(name: string): ObjectEntry {
  const o = session.snapshot().objects.find((e) => e.names.includes(name))
  if (!o) throw new Error(`no attached object named ${name}`)
  return o
}

describe.skipIf(skip)('attach with PyTorch', () => {
  it('groups a tensor from torch.from_numpy with its array, and sends channels_last strides as they are', async () => {
    const run = await runPackage(PY, `
import json, numpy as np, torch, stridescope
arr = np.arange(12.).reshape(3, 4)
t = torch.from_numpy(arr)
x = torch.zeros(2, 3, 4, 5).to(memory_format=torch.channels_last)
g = torch.ones(3, requires_grad=True)
stridescope.show(arr, t, x, g)
stridescope.flush()
print(json.dumps(dict(x=list(x.stride()), ptr=t.data_ptr())))`, env())
    expect(run.stderr).toBe('')
    const facts = JSON.parse(run.stdout) as { x: number[]; ptr: number }
    const arr = byName('arr')
    const t = byName('t')
    expect(t.info.kind).toBe('tensor')
    expect(t.info.storage.id).toBe(arr.info.storage.id)
    expect(t.info.dataPtr).toBe(String(facts.ptr))
    const x = byName('x')
    expect(x.info.strides).toEqual(facts.x)
    expect(x.info.strides).toEqual([60, 1, 15, 3])
    expect(x.info.flags.cContiguous).toBe(false)
    expect(byName('g').info.requiresGrad).toBe(true)
  })

  it('sends a capped window of a 1 GiB tensor', async () => {
    const run = await runPackage(PY, `
import torch, stridescope
huge = torch.empty(2 ** 28)
stridescope.show(huge); stridescope.flush()`, env())
    expect(run.code).toBe(0)
    const huge = byName('huge')
    expect(huge.info.nbytes).toBe(2 ** 30)
    expect(huge.origin?.windowShape).toEqual([65536])
  })

  it('trace() classifies views, copies, allocations and in-place ops into the op log', async () => {
    const before = session.snapshot().opsTotal
    const run = await runPackage(PY, `
import numpy as np, torch, stridescope
x = torch.arange(24.).reshape(2, 3, 4)
arr = np.ones(3)
with stridescope.trace():
    v = x.view(6, 4)
    p = x.permute(2, 0, 1)
    tt = x[0].t()
    s = x.select(0, 1)
    sl = x[:, 1:]
    e = torch.ones(3).expand(2, 3)
    c = p.contiguous()
    cl = x.clone()
    r = p.reshape(-1)
    fromarr = torch.tensor(arr)
    z = torch.zeros(4)
    em = torch.empty(4)
    a = z + 1
    a.add_(1)
`, env())
    expect(run.stderr).toBe('')
    const ops = session.snapshot().ops.filter((o) => o.seq >= before)
    const kinds = (line: string): string[] => ops.filter((o) => o.line === line).map((o: OpRecord) => `${o.op}:${o.reason!.split(':')[0]}`)
    expect(kinds('v = x.view(6, 4)')).toEqual(['aten.view:view'])
    expect(kinds('p = x.permute(2, 0, 1)')).toEqual(['aten.permute:view'])
    expect(kinds('tt = x[0].t()')).toEqual(['aten.select:view', 'aten.t:view'])
    expect(kinds('s = x.select(0, 1)')).toEqual(['aten.select:view'])
    expect(kinds('sl = x[:, 1:]')).toContain('aten.slice:view')
    expect(kinds('e = torch.ones(3).expand(2, 3)')).toEqual(['aten.ones:allocation', 'aten.expand:view'])
    expect(kinds('c = p.contiguous()')).toEqual(['aten.clone:copy'])
    expect(kinds('cl = x.clone()')).toEqual(['aten.clone:copy'])
    expect(kinds('r = p.reshape(-1)')).toContain('aten.clone:copy')
    expect(kinds('fromarr = torch.tensor(arr)')).toContain('aten._to_copy:copy')
    expect(kinds('z = torch.zeros(4)')).toEqual(['aten.zeros:allocation'])
    expect(kinds('em = torch.empty(4)')).toEqual(['aten.empty:allocation'])
    expect(kinds('a = z + 1')).toEqual(['aten.add:allocation'])
    expect(kinds('a.add_(1)')).toEqual(['aten.add_:in-place'])
    const copy = ops.find((o) => o.line === 'c = p.contiguous()')!
    expect(copy.copied).toBe(true)
    expect(copy.bytes).toBe(24 * 4)
    expect(copy.attachedFrom).toMatch(/^python \d+: train.py$/)
  })

  it('prints the trace as a table at exit when no app is running', async () => {
    const run = await runPackage(PY, `
import torch, stridescope
x = torch.ones(2, 3)
with stridescope.trace():
    y = x.t().contiguous()
print("done")`, { STRIDESCOPE_RUNTIME_DIR: join(runtime, 'none') })
    expect(run.code).toBe(0)
    expect(run.stdout).toBe('done\n')
    expect(run.stderr).toMatch(/no app was running; the traced PyTorch operations:/)
    expect(run.stderr).toMatch(/copy\s+aten\.clone\s+24 B/)
    expect(run.stderr).toMatch(/2 operations, 1 copies \(24 B copied\)/)
  })

  it('keeps the program running when the app goes away mid-send', async () => {
    // A listener that takes the connection and drops it while the request is being sent.
    const tcp: TcpServer = createTcpServer((socket) => socket.once('data', () => socket.destroy()))
    await new Promise<void>((resolve) => tcp.listen(0, '127.0.0.1', () => resolve()))
    const port = (tcp.address() as { port: number }).port
    const run = await runPackage(PY, `
import torch, stridescope
t = torch.ones(1000, 1000)
stridescope.show(t); stridescope.flush()
print("done")`, { STRIDESCOPE_URL: `http://127.0.0.1:${port}/?token=x` })
    tcp.close()
    expect(run.code).toBe(0)
    expect(run.stdout).toBe('done\n')
    expect(run.stderr).toMatch(/^stridescope: could not reach the Stridescope app/)
  })
})
