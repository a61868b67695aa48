// The shared request handlers: validation before dispatch, and every outcome as a Reply.
import { describe, expect, it } from 'vitest'
import { Session, handleRequest } from '../../src/session'
import { FakeRunner } from './fake-runner'

const session = () => new Session({ createRunner: (o) => new FakeRunner(o) })

describe('handleRequest', () => {
  it('dispatches a valid request', async () => {
    const s = session()
    const r = await handleRequest(s, 'run', { code: 'a = make(2)' })
    expect(r.ok).toBe(true)
    if (r.ok) expect((r.result as { snapshot: { objects: unknown[] } }).snapshot.objects).toHaveLength(1)
    const e = await handleRequest(s, 'exportScript', undefined)
    expect(e).toMatchObject({ ok: true, result: { script: expect.stringContaining('a = make(2)') } })
  })

  it('refuses unknown methods and bad params without running anything', async () => {
    const runners: FakeRunner[] = []
    const s = new Session({ createRunner: (o) => (runners[0] = new FakeRunner(o)) })
    expect(await handleRequest(s, 'eval', {})).toEqual({ ok: false, error: { code: 'unknown-method', message: 'unknown method "eval"' } })
    expect(await handleRequest(s, 'hasOwnProperty', {})).toMatchObject({ ok: false, error: { code: 'unknown-method' } })
    expect(await handleRequest(s, 'run', { code: ['a'] })).toMatchObject({ ok: false, error: { code: 'bad-request', message: expect.stringMatching(/^params\.code/) } })
    expect(runners[0].runs).toEqual([])
  })

  it('turns session errors into coded replies', async () => {
    const s = session()
    expect(await handleRequest(s, 'window', { objectId: 77, start: [], shape: [] })).toMatchObject({
      ok: false,
      error: { code: 'not-found' }
    })
  })

  it('has no storageBytes: no view reads raw storage bytes, so the request is unknown, never internal', async () => {
    expect(await handleRequest(session(), 'storageBytes', { storageId: 1, byteStart: 0, length: 1 })).toMatchObject({
      ok: false,
      error: { code: 'unknown-method' }
    })
  })
})
