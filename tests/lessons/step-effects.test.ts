// Step effects derived from real session runs (the real runner and engine).
import { describe, expect, it } from 'vitest'
import { createAppSession } from '../../src/session/app-session'
import { describeEffect, formatBytes, stepChanges } from '../../src/lessons/step-effects'

async function step(session: ReturnType<typeof createAppSession>, code: string) {
  const before = session.snapshot()
  const r = await session.run(code)
  expect(r.error, r.stderr).toBeNull()
  return stepChanges(before, r.snapshot, r.ops)
}

describe('stepChanges', () => {
  it('tells a new storage from a view of existing bytes', async () => {
    const s = createAppSession()
    await step(s, 'import numpy as np\nimport torch')
    const made = await step(s, 'a = np.arange(12, dtype=np.float32).reshape(3, 4)')
    expect(made.effects).toEqual([expect.objectContaining({ kind: 'new-storage', device: 'cpu', nbytes: 48, names: ['a'] })])
    const view = await step(s, 'b = a.T')
    expect(view.effects).toEqual([expect.objectContaining({ kind: 'new-view', names: ['b'], sharesWith: ['a'] })])
    expect(view.focusObjectId).toBe(s.snapshot().objects.find((o) => o.names.includes('b'))!.info.id)
    // from_numpy makes a storage entry over the same bytes: sharing, not an allocation.
    const shared = await step(s, 't = torch.from_numpy(a)')
    expect(shared.effects.map((e) => e.kind)).toEqual(['new-view'])
    expect(shared.effects[0]).toMatchObject({ names: ['t'] })
    expect((shared.effects[0] as { sharesWith: string[] }).sharesWith).toContain('a')
    const copy = await step(s, 'c = a.T.copy()')
    expect(copy.effects.map((e) => e.kind)).toEqual(['new-storage'])
    s.dispose()
  })

  it('sees bytes written through one name into a storage others share', async () => {
    const s = createAppSession()
    await step(s, 'import numpy as np\nimport torch\na = np.zeros(3)\nt = torch.from_numpy(a)')
    const w = await step(s, 't[0] = 5')
    expect(w.effects).toHaveLength(1)
    expect(w.effects[0]).toMatchObject({ kind: 'bytes-written', bytes: 8 })
    // Both names see the write: t's storage and a's are the same bytes.
    expect([...(w.effects[0] as { names: string[] }).names].sort()).toEqual(['a', 't'])
    expect(describeEffect(w.effects[0])).toMatch(/^8 B written into storage #\d+ \(seen by (a, t|t, a)\)$/)
    const nothing = await step(s, 'print(a)')
    expect(nothing.effects).toEqual([])
    expect(nothing.focusObjectId).toBeNull()
    s.dispose()
  })

  it('sees a transfer to the (simulated) device and back', async () => {
    const s = createAppSession({ simulateCuda: true })
    await step(s, 'import torch\nt = torch.arange(6, dtype=torch.float32)')
    const there = await step(s, 'd = t.cuda()')
    expect(there.hasTransfer).toBe(true)
    expect(there.effects).toEqual([
      expect.objectContaining({ kind: 'new-storage', device: 'cuda:0', nbytes: 24, names: ['d'] }),
      expect.objectContaining({ kind: 'transfer', from: 'cpu', to: 'cuda:0', bytes: 24, pinned: false })
    ])
    expect(describeEffect(there.effects[1])).toBe('transfer cpu → cuda:0: 24 B copied')
    s.dispose()
  })

  it('formats byte counts', () => {
    expect(formatBytes(24)).toBe('24 B')
    expect(formatBytes(1536)).toBe('1.5 KiB')
    expect(formatBytes(64 * 1024 * 1024)).toBe('64 MiB')
  })
})

describe('stepChanges names sharing as sharing', () => {
  it('an array and a tensor made over it in one step: one new buffer, the tensor shares it', async () => {
    const s = createAppSession()
    await step(s, 'import numpy as np\nimport torch')
    const both = await step(s, 'arr = np.zeros(3)\nt = torch.from_numpy(arr)')
    expect(both.effects.map((e) => e.kind)).toEqual(['new-storage', 'new-view'])
    const made = both.effects[0] as { storageId: number; names: string[] }
    expect(made.names).toEqual(['arr'])
    expect(describeEffect(both.effects[1])).toBe(`t now shares storage #${made.storageId} with arr: nothing copied`)
    s.dispose()
  })

  it("numpy() of a tensor made in the same step shares the tensor's buffer", async () => {
    const s = createAppSession({ simulateCuda: true })
    await step(s, 'import torch\nt = torch.arange(6.).cuda()')
    const r = await step(s, 'h = t.cpu()\na = h.numpy()')
    const kinds = r.effects.map((e) => e.kind)
    expect(kinds).toEqual(['new-storage', 'new-view', 'transfer'])
    const made = r.effects[0] as { storageId: number; names: string[] }
    expect(made.names).toEqual(['h'])
    expect(describeEffect(r.effects[1])).toBe(`a now shares storage #${made.storageId} with h: nothing copied`)
    s.dispose()
  })

  it('names an existing buffer by one id whichever storage object a view sits on', async () => {
    const s = createAppSession()
    await step(s, 'import numpy as np\nimport torch\na = np.zeros(6)\nt = torch.from_numpy(a)\nb = t.numpy()')
    const w = s.snapshot()
    const aStorage = w.objects.find((o) => o.names.includes('a'))!.info.storage.id
    const v = await step(s, 'c = b[1:3]')
    expect(describeEffect(v.effects[0])).toBe(`c now shares storage #${aStorage} with a, t, b: nothing copied`)
    s.dispose()
  })
})
