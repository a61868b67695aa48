// The operation log over the real runner: a new buffer is an allocation with its bytes,
// every row says why, and internal steps (value reads, no-op dtype steps, the device
// switch) are not rows of their own. Skips, saying why, when the native addon is not built.
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

const addon = join(__dirname, '..', '..', 'build', 'Release', 'stridescope.node')
const haveAddon = existsSync(addon) || !!process.env.STRIDESCOPE_ADDON
if (!haveAddon) console.log(`[tests/session] native addon not built (${addon}); op log tests skipped. Run \`npm run build:native\`.`)

describe.skipIf(!haveAddon)('the operation log', async () => {
  const { createAppSession } = await import('../../src/session/app-session')
  const prelude = 'import numpy as np\nimport torch\n'

  it('calls a new buffer an allocation, with the bytes written and why', async () => {
    const s = createAppSession({ simulateCuda: true })
    const r = await s.run(prelude + 'a = np.arange(12)\nz = np.zeros((1000, 1000))\nr = np.random.rand(1000, 1000)\ne = torch.empty(4)')
    expect(r.error).toBeNull()
    expect(r.ops.map((o) => [o.op, o.kernel, o.bytes, o.reason])).toEqual([
      ['arange', 'alloc', 96, 'new buffer, filled with a range'],
      ['create', 'alloc', 8_000_000, 'new buffer, filled with zeros'],
      ['random', 'alloc', 8_000_000, 'new buffer, filled with random values'],
      ['create', 'alloc', 0, 'new buffer, left uninitialised']
    ])
  })

  it('says why for views too', async () => {
    const s = createAppSession()
    const r = await s.run(prelude + 'a = np.arange(6).reshape(2, 3)\nb = a.T\nc = a[1]')
    expect(r.error).toBeNull()
    expect(r.ops.slice(1).map((o) => [o.op, o.copied, o.reason])).toEqual([
      ['reshape', false, 'reshape: strides allow a view, no copy'],
      ['T', false, 'transpose: strides swapped'],
      ['index', false, 'indexing: new offset and strides, same buffer']
    ])
    for (const o of r.ops) expect(o.reason).toBeTruthy()
  })

  it('has one row per operation the program makes: no rows for value reads or internal steps', async () => {
    const s = createAppSession({ simulateCuda: true })
    await s.run(prelude + 'a = np.arange(6.).reshape(2, 3)\nt = torch.arange(6.).reshape(2, 3)\ntc = t.cuda()')
    const p = await s.run('print(a[0, 1], a[1, 2], t[0, 1].item(), a[0, 0] + np.float32(1))')
    expect(p.error).toBeNull()
    expect(p.stdout).toBe('1.0 5.0 1.0 1.0\n')
    // a[0, 1], a[1, 2], t[0, 1], a[0, 0]: four indexing operations, nothing else.
    expect(p.ops.map((o) => o.op)).toEqual(['index', 'index', 'index', 'index'])
    const m = await s.run('u = tc.to("cpu", non_blocking=True)')
    expect(m.ops.map((o) => o.op)).toEqual(['toDevice'])
    // The first run after a runner starts does not log the engine's device switch.
    const fresh = createAppSession({ simulateCuda: true })
    const f = await fresh.run('import numpy as np\nx = np.ones(2)[0]\nprint(float(x))')
    expect(f.ops.map((o) => o.op)).toEqual(['create', 'index'])
  })
})
