// Main's IPC: one handler per protocol channel (the allow-list), payloads
// validated, only the app's own frames answered, session events forwarded.
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { electronMock, handlers, sent, windows, FakeWindow } from './electron-mock'

vi.mock('electron', () => electronMock)

const { registerIpc } = await import('../../src/main/ipc')
const { Session, localService } = await import('../../src/session')
const { Channel, METHOD_NAMES } = await import('../../src/shared/protocol')
const { FakeRunner } = await import('../session/fake-runner')

const fromApp = { senderFrame: { url: 'file:///opt/stridescope/out/renderer/index.html' } }

describe('registerIpc', () => {
  beforeEach(() => {
    handlers.clear()
    sent.length = 0
    windows.length = 0
    delete process.env.ELECTRON_RENDERER_URL
  })

  it('handles exactly the protocol channels and removes them on dispose', () => {
    const dispose = registerIpc(localService(new Session({ createRunner: (o) => new FakeRunner(o) })))
    expect([...handlers.keys()].sort()).toEqual(METHOD_NAMES.map((m) => Channel[m]).sort())
    expect(handlers.has(Channel.event)).toBe(false)
    dispose()
    expect(handlers.size).toBe(0)
  })

  it('answers the app frame and validates its payloads', async () => {
    registerIpc(localService(new Session({ createRunner: (o) => new FakeRunner(o) })))
    const run = handlers.get(Channel.run)!
    expect(await run(fromApp, { code: 'a = make(2)' })).toMatchObject({ ok: true, result: { error: null } })
    expect(await run(fromApp, { code: 5 })).toMatchObject({ ok: false, error: { code: 'bad-request' } })
    expect(await run(fromApp, undefined)).toMatchObject({ ok: false, error: { code: 'bad-request' } })
    const win = handlers.get(Channel.window)!
    expect(await win(fromApp, { objectId: 1, start: [0], shape: [1], extra: true })).toMatchObject({
      ok: false,
      error: { code: 'bad-request', message: "params: unexpected key 'extra'" }
    })
  })

  it('refuses frames that are not the app', async () => {
    registerIpc(localService(new Session({ createRunner: (o) => new FakeRunner(o) })))
    const reply = await handlers.get(Channel.reset)!({ senderFrame: { url: 'https://evil.example/' } }, {})
    expect(reply).toMatchObject({ ok: false, error: { code: 'bad-request' } })
    expect(await handlers.get(Channel.reset)!({ senderFrame: null }, {})).toMatchObject({ ok: false })
  })

  it('in dev, accepts only the dev server origin', async () => {
    process.env.ELECTRON_RENDERER_URL = 'http://localhost:5173'
    registerIpc(localService(new Session({ createRunner: (o) => new FakeRunner(o) })))
    const snapshot = handlers.get(Channel.snapshot)!
    expect(await snapshot({ senderFrame: { url: 'http://localhost:5173/' } }, {})).toMatchObject({ ok: true })
    expect(await snapshot({ senderFrame: { url: 'http://localhost:5174/' } }, {})).toMatchObject({ ok: false })
    expect(await snapshot(fromApp, {})).toMatchObject({ ok: false })
  })

  it('forwards workspace and progress events to every window', async () => {
    new FakeWindow({})
    const session = new Session({ createRunner: (o) => new FakeRunner(o) })
    registerIpc(localService(session))
    await session.run('a = make(1)')
    const events = sent.filter((s) => s.channel === Channel.event).map((s) => (s.payload as { event: string }).event)
    expect(events).toEqual(['progress', 'progress', 'workspace'])
  })
  it('sends a run\'s snapshot to the window that ran it once: the event carries it, the reply names it', async () => {
    const runner = new FakeWindow({})
    new FakeWindow({})
    registerIpc(localService(new Session({ createRunner: (o) => new FakeRunner(o) })))
    const reply = (await handlers.get(Channel.run)!({ ...fromApp, sender: runner.webContents }, { code: 'a = make(2)' })) as any
    const workspaceEvents = sent.filter((s) => (s.payload as { event: string }).event === 'workspace')
    expect(workspaceEvents).toHaveLength(2) // one per window: the other window learns of the run too
    const revision = (workspaceEvents[0].payload as { payload: { revision: number } }).payload.revision
    expect(reply.result.snapshot).toBeUndefined()
    expect(reply.result.snapshotRevision).toBe(revision)
  })
})
