// A lesson runs in a workspace of its own: the person's is put aside as it is and
// comes back unchanged (objects, ids, addresses, values, sharing, history, op log,
// the simulated device setting), over the real runner and engine.
import { describe, expect, it } from 'vitest'
import type { Workspace } from '../../src/shared/protocol'

describe('a lesson beside the person\'s workspace', async () => {
  const { createAppSession } = await import('../../src/session/app-session')
  const { lessonsHandlers } = await import('../../src/session/lessons-service')

  /** What the person would see of their workspace: names, ids, storages, addresses, history, op log. */
  const facts = (w: Workspace) => ({
    objects: w.objects.map((o) => ({ names: o.names, id: o.info.id, storage: o.info.storage.id, ptr: o.info.dataPtr, shape: o.info.shape, device: o.info.device })),
    blocks: w.memoryBlocks.map((b) => b.objectIds),
    history: w.history.map((h) => h.code),
    ops: w.ops.map((o) => [o.seq, o.op, o.line]),
    simulateCuda: w.simulateCuda
  })

  it('puts the workspace aside for a lesson and brings it back as it was, random values included', async () => {
    const s = createAppSession()
    const mine = await s.run('import numpy as np\nimport torch\nr = np.random.rand(3, 3)\na = np.arange(6.0)\nt = torch.from_numpy(a)\nv = t[1:4]')
    expect(mine.error).toBeNull()
    const before = facts(mine.snapshot)
    const r = mine.snapshot.objects.find((o) => o.names.includes('r'))!.info.id
    const valuesBefore = (await s.window(r, [0, 0], [3, 3])).values

    const start = await lessonsHandlers.lessonsStart(s, { id: '03_sharing_consequences' })
    expect(start.workspace.objects).toEqual([])
    expect(start.workspace.history).toEqual([])
    expect(start.workspace.ops).toEqual([])
    for (let step = 0; step < 3; step++) expect((await lessonsHandlers.lessonsRunStep(s, { id: '03_sharing_consequences', step })).error).toBeNull()
    // The lesson's names are its own: `r` is not there, and its `t` is not the person's.
    const inLesson = await s.run('r')
    expect(inLesson.error).toMatchObject({ type: 'NameError', message: "name 'r' is not defined" })
    // Going back in a lesson empties the lesson's workspace only.
    expect((await s.beginLesson()).objects).toEqual([])

    const back = await s.endLesson()
    expect(facts(back)).toEqual(before)
    expect((await s.window(r, [0, 0], [3, 3])).values).toEqual(valuesBefore)
    // Still live and still sharing: a write through t shows through a and v.
    const w = await s.run('t[2] = 42\nprint(a[2], v[1].item())')
    expect(w.stdout).toBe('42.0 42.0\n')
    // Leaving again (nothing to bring back) changes nothing.
    expect(facts(await s.endLesson())).toEqual(facts(s.snapshot()))
    s.dispose()
  })

  it('gives the person their device setting back after a cuda lesson turned the simulated device on', async () => {
    const s = createAppSession({ simulateCuda: false })
    await s.run('import numpy as np\nx = np.ones(4)')
    const start = await lessonsHandlers.lessonsStart(s, { id: '04_the_gpu_rule' })
    if (start.simulatedCuda) expect(start.workspace.simulateCuda).toBe(true)
    expect((await lessonsHandlers.lessonsRunStep(s, { id: '04_the_gpu_rule', step: 0 })).error).toBeNull()
    const back = await s.endLesson()
    expect(back.simulateCuda).toBe(false)
    expect(back.objects.map((o) => o.names)).toEqual([['x']])
    s.dispose()
  })

  it('says when a lesson is open, and refuses a lesson line once it is closed (the person\'s workspace never runs it)', async () => {
    const s = createAppSession()
    await s.run('import numpy as np\nx = np.ones(4)')
    expect(s.snapshot().lesson).toBeUndefined()
    expect((await s.beginLesson()).lesson).toBe(true)
    expect((await s.runInLesson('import numpy as np\ny = np.zeros(2)')).error).toBeNull()
    const back = await s.endLesson()
    expect(back.lesson).toBeUndefined()
    await expect(s.runInLesson('z = 1')).rejects.toMatchObject({
      code: 'bad-request', message: 'the lesson was closed (from another window, or a reset): its step did not run, and your workspace is unchanged'
    })
    expect(s.snapshot().objects.map((o) => o.names)).toEqual([['x']])
    expect(s.snapshot().history.map((h) => h.code)).toEqual(['import numpy as np\nx = np.ones(4)'])
    s.dispose()
  })

  it('a reset during a lesson forgets the workspace put aside too', async () => {
    const s = createAppSession()
    await s.run('import numpy as np\nx = np.ones(4)')
    await s.beginLesson()
    await s.run('import numpy as np\ny = np.zeros(2)')
    await s.reset()
    const after = await s.endLesson()
    expect(after.objects).toEqual([])
    expect(after.history).toEqual([])
    s.dispose()
  })
})
