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
    const r = await s.run(prelude + "tc = torch.ones(3).cuda()\nh = tc.numpy()")
    expect(r.error).toMatchObject({
      type: 'TypeError',
      message: "can't convert cuda:0 device type tensor to numpy. Use Tensor.cpu() to copy the tensor to host memory first.",
      // The fix names the object the failing line used.
      suggestion: 'copy it to host memory first: tc.cpu().numpy()'
    })
    expect(byName(r.snapshot, 'tc').device).toBe('cuda:0')
  })

  it('turning the simulated device on adds the device', async () => {
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

  it("as_strided's dry run answers the engine's own exception and makes nothing", async () => {
    const s = createAppSession()
    const r = await s.run(prelude + 't = torch.arange(3.)\nu = t[1:]\na = np.arange(3.)\nb = a[2:]')
    expect(r.error).toBeNull()
    const [t, u, b] = ['t', 'u', 'b'].map((n) => byName(r.snapshot, n))
    const before = await s.snapshot()
    const dry = await s.checkAsStrided(t.id, [4], [1], 0)
    // The same exception, word for word, as running the line.
    const ran = await s.run('x = t.as_strided((4,), (1,), 0)')
    expect(ran.error).not.toBeNull()
    expect(dry.error).toMatchObject({ type: ran.error!.type, message: ran.error!.message })
    expect(dry.error!.message).toBe(
      'setStorage: sizes [4], strides [1], storage offset 0, and itemsize 4 requiring a storage size of 16 are out of bounds for storage of size 12')
    // The offset defaults to the source's storage offset (u = t[1:] starts at 1).
    expect((await s.checkAsStrided(u.id, [3], [1], null)).error!.message).toContain('storage offset 1')
    expect((await s.checkAsStrided(t.id, [2, 2], [1, 0], 1)).error).toBeNull()
    expect((await s.checkAsStrided(t.id, [2], [-1], 0)).error!.message).toBe(
      'as_strided: Negative strides are not supported at the moment, got strides: [-1]')
    // NumPy: byte strides from the view's own offset; negative ones allowed while inside the buffer.
    expect((await s.checkAsStrided(b.id, [3], [-8], null)).error).toBeNull()
    const np = await s.checkAsStrided(b.id, [2], [8], null)
    const npRan = await s.run('y = np.lib.stride_tricks.as_strided(b, (2,), (8,))')
    expect(np.error).toMatchObject({ type: 'ValueError', message: npRan.error!.message })
    // Nothing was made: the dry runs added no object, storage, op or history entry.
    const after = await s.snapshot()
    expect(after.objects.map((o) => o.info.id)).toEqual(before.objects.map((o) => o.info.id))
    expect(after.history.length).toBe(before.history.length + 2) // the two lines that ran
    await expect(s.checkAsStrided(987654, [1], [1], null)).rejects.toMatchObject({ code: 'not-found' })
  })

  it('exports a script that starts with the imports', async () => {
    const s = createAppSession()
    await s.run('import numpy as np')
    await s.run('a = np.zeros((2, 2))')
    expect(s.exportScript()).toBe('# Stridescope session\nimport numpy as np\nimport torch\n\na = np.zeros((2, 2))\n')
  })
})

describe('the simulated cuda toggle keeps the workspace', async () => {
  const { createAppSession } = await import('../../src/session/app-session')

  it('off and on again: random data, ids and addresses stay; only the objects on the device go', async () => {
    const s = createAppSession({ simulateCuda: true })
    const r = await s.run('import numpy as np\nimport torch\nr = np.random.rand(3, 3)\nt = torch.ones(4)\ntc = t.cuda()\nalso = tc')
    expect(r.error).toBeNull()
    const keep = r.snapshot.objects.filter((o) => o.info.device === 'cpu')
    const value = (await s.run('print(float(r[0, 0]))')).stdout
    const off = await s.setSimulateCuda(false)
    expect(off.objects).toEqual(keep)
    expect(off.devices.map((d) => d.name)).not.toContain('cuda:0')
    expect((await s.run('print(float(r[0, 0]))')).stdout).toBe(value)
    expect((await s.run('tc')).error).toMatchObject({ type: 'NameError', message: "name 'tc' is not defined" })
    const on = await s.setSimulateCuda(true)
    expect(on.objects).toEqual(keep)
    expect((await s.run('print(float(r[0, 0]))')).stdout).toBe(value)
    s.dispose()
  })
})
