// The session over a stand-in runner: history, op log, snapshots, windows,
// the cuda toggle's replay, export, and events.
import { describe, expect, it } from 'vitest'
import { Session, SessionError } from '../../src/session'
import { isValid } from '../../src/shared/schema'
import { MAX_WINDOW_ELEMENTS, workspace as workspaceSchema, methods } from '../../src/shared/protocol'
import { windowNumbers } from '../../src/shared/window-numbers'
import { FakeRunner } from './fake-runner'

function makeSession(simulateCuda = false) {
  const runners: FakeRunner[] = []
  const session = new Session({
    simulateCuda,
    createRunner: (o) => {
      const r = new FakeRunner(o)
      runners.push(r)
      return r
    },
    now: () => 1_700_000_000_000
  })
  return { session, runners }
}

describe('Session.run', () => {
  it('records history, ops with their source lines, and a valid snapshot', async () => {
    const { session } = makeSession()
    const r = await session.run('a = make(4)\nb = view(a)\nprint(a)')
    expect(r.error).toBeNull()
    expect(r.stdout).toBe('0 1 2 3\n')
    expect(r.ops.map((o) => [o.op, o.lineNo, o.line, o.copied])).toEqual([
      ['arange', 1, 'a = make(4)', true],
      ['view', 2, 'b = view(a)', false]
    ])
    expect(isValid(methods.run.result, r)).toBe(true)
    const w = r.snapshot
    expect(isValid(workspaceSchema, w)).toBe(true)
    expect(w.history).toEqual([{ seq: 0, code: 'a = make(4)\nb = view(a)\nprint(a)', ok: true, seconds: expect.any(Number), time: 1_700_000_000_000 }])
    expect(w.objects.map((o) => o.names)).toEqual([['a'], ['b']])
    // both objects view one storage
    expect(w.storages).toHaveLength(1)
    expect(w.storages[0].objectIds).toEqual(w.objects.map((o) => o.info.id))
  })

  it('groups several names of one object and drops deleted names', async () => {
    const { session } = makeSession()
    await session.run('a = make(2)')
    let w = (await session.run('b = a')).snapshot
    expect(w.objects).toHaveLength(1)
    expect(w.objects[0].names).toEqual(['a', 'b'])
    w = (await session.run('del a')).snapshot
    expect(w.objects[0].names).toEqual(['b'])
  })

  it('returns Python errors as results with a suggested fix, and keeps going', async () => {
    const { session } = makeSession()
    const r = await session.run(
      "raise TypeError: can't convert cuda:0 device type tensor to numpy. Use Tensor.cpu() to copy the tensor to host memory first."
    )
    expect(r.error).toMatchObject({ type: 'TypeError', lineNo: 1, suggestion: expect.stringContaining('.cpu()') })
    expect(r.error!.message).toBe("can't convert cuda:0 device type tensor to numpy. Use Tensor.cpu() to copy the tensor to host memory first.")
    expect(r.snapshot.history[0].ok).toBe(false)
    expect((await session.run('a = make(1)')).error).toBeNull()
  })

  it('numbers ops across runs and increases the revision', async () => {
    const { session } = makeSession()
    const r1 = await session.run('a = make(1)')
    const r2 = await session.run('b = make(1)')
    expect(r2.ops[0].seq).toBe(r1.ops[0].seq + 1)
    expect(r2.ops[0].historySeq).toBe(1)
    expect(r2.snapshot.revision).toBeGreaterThan(r1.snapshot.revision)
    expect(r2.snapshot.opsTotal).toBe(2)
  })

  it('runs requests one at a time in arrival order', async () => {
    const { session, runners } = makeSession()
    await Promise.all([session.run('a = make(1)'), session.run('b = a'), session.run('print(b)')])
    expect(runners[0].runs).toEqual(['a = make(1)', 'b = a', 'print(b)'])
  })
})

describe('Session windows', () => {
  it('returns values of an in-bounds window', async () => {
    const { session } = makeSession()
    const w = (await session.run('a = make(6)')).snapshot
    const win = await session.window(w.objects[0].info.id, [2], [3])
    expect(win).toMatchObject({ start: [2], shape: [3], dtype: 'float32', complex: false, values: [2, 3, 4] })
  })

  it("returns the 'f64' encoding in the narrowest exact typed array, which windowNumbers widens back", async () => {
    const { session } = makeSession()
    const w = (await session.run('a = make(6)')).snapshot
    const win = await session.window(w.objects[0].info.id, [1], [4], 'f64')
    expect(win.values).toEqual([])
    expect(win.f64).toBeInstanceOf(Int8Array) // 1 … 4: integers in int8 range
    expect(windowNumbers(win)).toBeInstanceOf(Float64Array)
    expect(Array.from(windowNumbers(win))).toEqual([1, 2, 3, 4])
    expect(isValid(methods.window.result, win)).toBe(true)
  })

  it('refuses unknown objects and out-of-range windows without touching the engine', async () => {
    const { session } = makeSession()
    const id = (await session.run('a = make(6)')).snapshot.objects[0].info.id
    await expect(session.window(9999, [0], [1])).rejects.toMatchObject({ code: 'not-found' })
    await expect(session.window(id, [4], [3])).rejects.toMatchObject({ code: 'out-of-range', pyType: 'IndexError' })
    await expect(session.window(id, [0, 0], [1, 1])).rejects.toBeInstanceOf(SessionError)
    await expect(session.window(id, [6], [1])).rejects.toMatchObject({ code: 'out-of-range' })
    // an empty window at the end is fine
    expect((await session.window(id, [6], [0])).values).toEqual([])
    expect(MAX_WINDOW_ELEMENTS).toBe(1 << 20)
  })
})

describe('Session simulated cuda', () => {
  it('lists the simulated device only when enabled', async () => {
    const { session } = makeSession()
    expect(session.snapshot().devices.map((d) => d.name)).toEqual(['cpu'])
    const w = await session.setSimulateCuda(true)
    expect(w.simulateCuda).toBe(true)
    expect(w.devices).toContainEqual({ name: 'cuda:0', type: 'cuda', index: 0, simulated: true, label: 'cuda:0 (simulated)' })
  })

  it('keeps the workspace: nothing runs again, nothing is renumbered', async () => {
    const { session, runners } = makeSession()
    await session.run('a = make(3)')
    const failed = await session.run('c = cuda(a)')
    expect(failed.error?.type).toBe('AssertionError')
    const before = session.snapshot().objects
    const w = await session.setSimulateCuda(true)
    expect(runners).toHaveLength(1)
    expect(runners[0].runs).toEqual(['a = make(3)', 'c = cuda(a)'])
    expect(w.objects).toEqual(before)
    // the device is there for the lines that follow
    expect((await session.run('c = cuda(a)')).error).toBeNull()
    // toggling to the same state is a no-op
    await session.setSimulateCuda(true)
    expect(runners[0].runs).toHaveLength(3)
  })

  it('turning the device off removes only the objects on it, as a vanished device would', async () => {
    const { session, runners } = makeSession(true)
    await session.run('a = make(3)')
    await session.run('c = cuda(a)')
    await session.run('d = c')
    const a = session.snapshot().objects.find((o) => o.names.includes('a'))!
    const w = await session.setSimulateCuda(false)
    expect(runners[0].runs.at(-1)).toBe('del c, d')
    expect(w.objects).toEqual([a])
    expect(w.simulateCuda).toBe(false)
    // the history keeps what was typed; the device's removal is not a line of the program
    expect(w.history.map((h) => h.code)).toEqual(['a = make(3)', 'c = cuda(a)', 'd = c'])
  })
})

describe('Session reset, export and events', () => {
  it('reset forgets objects, history and ops', async () => {
    const { session } = makeSession()
    await session.run('a = make(3)')
    const w = await session.reset()
    expect(w.objects).toEqual([])
    expect(w.history).toEqual([])
    expect(w.ops).toEqual([])
    expect(w.opsTotal).toBe(0)
  })

  it('exports the history as a script, failed runs commented out', async () => {
    const { session } = makeSession()
    await session.run('import numpy as np')
    await session.run('a = make(3)')
    await session.run('raise ValueError: bad\nx = 1')
    expect(session.exportScript()).toBe(
      ['# Stridescope session', 'import numpy as np', 'import torch', '', 'a = make(3)', '# raised ValueError: bad', '# raise ValueError: bad', '# x = 1', ''].join('\n')
    )
  })

  it('emits workspace events, and a disposer stops them', async () => {
    const { session } = makeSession()
    const seen: number[] = []
    const off = session.on('workspace', (w) => seen.push(w.revision))
    await session.run('a = make(1)')
    off()
    await session.run('b = make(1)')
    expect(seen).toEqual([1])
  })

  it('a throwing listener does not break the session', async () => {
    const { session } = makeSession()
    session.on('workspace', () => {
      throw new Error('window closed')
    })
    expect((await session.run('a = make(1)')).error).toBeNull()
  })
})
