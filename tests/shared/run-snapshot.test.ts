// One run, one snapshot: the transport leaves out a run reply's snapshot when the
// client was already sent it as the workspace event, and the client's Api puts it back.
import { describe, expect, it } from 'vitest'
import { createApi, type Invoke, type Subscribe } from '../../src/shared/api'
import { emptyWorkspace } from '../../src/renderer/src/model/types'
import { elideRunSnapshot, restoreRunSnapshot } from '../../src/shared/run-snapshot'
import type { RunResult, Workspace } from '../../src/shared/protocol'

const ws = (revision: number): Workspace => ({ ...emptyWorkspace, revision })
const result = (revision: number): RunResult => ({ stdout: 'x\n', stderr: '', error: null, ops: [], snapshot: ws(revision) })

describe('elideRunSnapshot', () => {
  it('names the snapshot by revision only when the client was sent that revision', () => {
    expect(elideRunSnapshot(result(3), 3)).toEqual({ stdout: 'x\n', stderr: '', error: null, ops: [], snapshotRevision: 3 })
    expect(elideRunSnapshot(result(3), 2)).toEqual(result(3))
    expect(elideRunSnapshot(result(3), undefined)).toEqual(result(3))
  })
})

describe('restoreRunSnapshot', () => {
  const never = async (): Promise<Workspace> => { throw new Error('should not ask') }
  it('puts back the event snapshot (or a newer one), else asks the session', async () => {
    const wire = elideRunSnapshot(result(3), 3)
    expect((await restoreRunSnapshot(wire, ws(3), never)).snapshot.revision).toBe(3)
    expect((await restoreRunSnapshot(wire, ws(4), never)).snapshot.revision).toBe(4)
    expect((await restoreRunSnapshot(wire, ws(2), async () => ws(5))).snapshot.revision).toBe(5)
    expect((await restoreRunSnapshot(wire, null, async () => ws(3))).snapshot.revision).toBe(3)
    expect(await restoreRunSnapshot(result(3), null, never)).toEqual(result(3))
  })
})

describe('createApi run', () => {
  it('returns the whole run result from a reply that names the event snapshot', async () => {
    const listeners: ((w: Workspace) => void)[] = []
    const calls: string[] = []
    const subscribe = ((event: string, l: (w: Workspace) => void) => {
      if (event === 'workspace') listeners.push(l)
      return () => undefined
    }) as Subscribe
    const invoke = (async (method: string) => {
      calls.push(method)
      if (method === 'run') {
        for (const l of listeners) l(ws(7)) // the event comes first on the same channel
        return { ok: true, result: elideRunSnapshot(result(7), 7) }
      }
      return { ok: true, result: ws(7) }
    }) as Invoke
    const api = createApi(invoke, subscribe)
    const r = await api.run('a = 1')
    expect(r.snapshot.revision).toBe(7)
    expect(r.stdout).toBe('x\n')
    expect(calls).toEqual(['run'])
  })
})
