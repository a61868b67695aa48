// The session over the real Runner and native engine: the scenarios the UI
// shows (sharing, copies, aliasing writes, device errors, the cuda toggle).
import { describe, expect, it } from 'vitest'

describe('Session over the real runner', async () => {
  const { createAppSession } = await import('../../src/session/app-session')
  const { methods } = await import('../../src/shared/protocol')
  const prelude = 'import numpy as np\nimport torch\n'

  function byName(w: { objects: { names: string[]; info: any }[] }, name: string) {
    const o = w.objects.find((x) => x.names.includes(name))
    if (!o) throw new Error(`no object named ${name}`)
    return o.info
  }

  it('from_numpy shares bytes; a write through one is seen through the other', async () => {
    const s = createAppSession()
    const r = await s.run(prelude + 'a = np.arange(6, dtype=np.float32)\nt = torch.from_numpy(a)')
    expect(r.error).toBeNull()
    const a = byName(r.snapshot, 'a')
    const t = byName(r.snapshot, 't')
    expect(t.dataPtr).toBe(a.dataPtr)
    const sa = r.snapshot.storages.find((x) => x.info.id === a.storage.id)!
    // one storage, or two storages over the same bytes
    expect(sa.info.id === t.storage.id || sa.overlaps.includes(t.storage.id)).toBe(true)
    // The session groups them: one memory block holds both (the renderer draws what it is sent).
    expect(r.snapshot.memoryBlocks.find((b) => b.objectIds.includes(a.id))!.objectIds).toContain(t.id)
    const w = await s.run('a[0] = 5')
    expect(w.error).toBeNull()
    const win = await s.window(t.id, [0], [2])
    expect(win.values).toEqual([5, 1])
    // What the real engine produces matches the contract exactly (strict schemas catch drift).
    expect(methods.run.result.check(w, 'run')).toBeNull()
    expect(methods.window.result.check(win, 'window')).toBeNull()
  })

  it('contiguous() of a transpose copies into a new storage and logs the copy', async () => {
    const s = createAppSession()
    const r = await s.run(prelude + 't = torch.arange(6.0).reshape(2, 3)\nb = t.T.contiguous()')
    expect(r.error).toBeNull()
    const t = byName(r.snapshot, 't')
    const b = byName(r.snapshot, 'b')
    expect(b.shape).toEqual([3, 2])
    expect(b.strides).toEqual([2, 1])
    expect(b.storage.id).not.toBe(t.storage.id)
    const copy = r.ops.find((o) => o.op === 'contiguous')
    expect(copy).toMatchObject({ copied: true, bytes: 24, lineNo: 4, line: 'b = t.T.contiguous()' })
    expect((await s.window(b.id, [0, 0], [3, 2])).values).toEqual([0, 3, 1, 4, 2, 5])
  })

  it("numpy() on a simulated cuda tensor raises PyTorch's TypeError with a fix", async () => {
    const s = createAppSession({ simulateCuda: true })
    const r = await s.run(prelude + "c = torch.ones(3).cuda()\nc.numpy()")
    expect(r.error).toMatchObject({
      type: 'TypeError',
      message: "can't convert cuda:0 device type tensor to numpy. Use Tensor.cpu() to copy the tensor to host memory first.",
      suggestion: expect.stringContaining('cpu()')
    })
    expect(byName(r.snapshot, 'c').device).toBe('cuda:0')
  })

  it('turning the simulated device on replays the history', async () => {
    const s = createAppSession()
    const before = (await s.run(prelude + 'x = torch.arange(4.0)')).snapshot
    const realGpu = before.devices.some((d) => d.type === 'cuda' && !d.simulated)
    if (!realGpu) {
      expect(before.devices.map((d) => d.name)).toEqual(['cpu'])
      expect(before.cudaUnavailableReason).toMatch(/\w/)
    }
    const w = await s.setSimulateCuda(true)
    expect(w.devices.map((d) => d.name)).toContain('cuda:0')
    if (!realGpu) expect(w.devices[1]).toMatchObject({ simulated: true, label: 'cuda:0 (simulated)' })
    expect(w.cudaUnavailableReason).toBeUndefined()
    const r = await s.run('y = x.cuda()')
    expect(r.error).toBeNull()
    expect(byName(r.snapshot, 'y').device).toBe('cuda:0')
    expect(byName(r.snapshot, 'x').device).toBe('cpu')
  })

  it('exports a script that starts with the imports', async () => {
    const s = createAppSession()
    await s.run('import numpy as np')
    await s.run('a = np.zeros((2, 2))')
    expect(s.exportScript()).toBe('# Stridescope session\nimport numpy as np\nimport torch\n\na = np.zeros((2, 2))\n')
  })
})
