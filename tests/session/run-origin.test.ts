// Where a run's code came from decides whether it may name absolute file paths: a line the
// person typed in the console ('console') may; every line the app writes ('ui', the default:
// buttons, lessons, opened files) stays inside the working folder. Both front-ends honour the
// `run` request's origin through the session worker they share: Electron main's IPC and the
// browser-mode server's WebSocket. The working folder itself can be changed (setWorkingFolder),
// refused with the reason unless it is an existing folder.
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import WebSocket from 'ws'
import { electronMock, handlers } from '../main/electron-mock'
import { startSessionWorker } from '../../src/session/worker-service'
import { startServer, type RunningServer } from '../../src/server'
import { createAppSession } from '../../src/session/app-session'
import { openFileInSession } from '../../src/session/file-service'
import { Channel } from '../../src/shared/protocol'

vi.mock('electron', () => electronMock)
const { registerIpc } = await import('../../src/main/ipc')

const top = fs.mkdtempSync(path.join(os.tmpdir(), 'stridescope-origin-'))
const work = path.join(top, 'work')
const other = path.join(top, 'other')
const outside = path.join(top, 'outside')
for (const d of [work, other, outside]) fs.mkdirSync(d)
fs.writeFileSync(path.join(top, 'a-file'), '')
afterAll(() => fs.rmSync(top, { recursive: true, force: true }))

const save = (file: string) => `import numpy as np\nnp.save(${JSON.stringify(file)}, np.arange(3))`
const REFUSAL = /^\[Errno 13\] Permission denied: '.*' \(an absolute path is taken only from a line typed in the console; this line came from the app, so its paths stay inside the working folder '.*work'\)$/

describe('the run origin in the session', () => {
  it("takes an absolute path only from 'console'; 'ui' and no origin are refused and write nothing", async () => {
    const session = createAppSession({ workingFolder: work })
    for (const origin of ['ui', undefined] as const) {
      const file = path.join(outside, `${origin ?? 'none'}.npy`)
      const r = await session.run(save(file), origin)
      expect(r.error?.type).toBe('PermissionError')
      expect(r.error?.message).toMatch(REFUSAL)
      expect(fs.existsSync(file)).toBe(false)
    }
    const typed = path.join(outside, 'typed.npy')
    expect((await session.run(save(typed), 'console')).error).toBeNull()
    expect(fs.existsSync(typed)).toBe(true)
    // a relative path works from either origin, inside the folder
    expect((await session.run(save('rel.npy'), 'ui')).error).toBeNull()
    expect(fs.existsSync(path.join(work, 'rel.npy'))).toBe(true)
    // the refusal of one line leaves the workspace as it was
    expect((await session.run('print(np.load("rel.npy"))', 'ui')).stdout).toBe('[0 1 2]\n')
    session.dispose()
  })

  it("a typed line echoes its expressions as Python's prompt does; the app's own lines do not", async () => {
    const session = createAppSession({ workingFolder: work })
    expect((await session.run('import numpy as np\na = np.zeros((2, 3))\na.strides', 'console')).stdout).toBe('(24, 8)\n')
    expect((await session.run('a.shape', 'ui')).stdout).toBe('')
    expect((await session.run('a.shape')).stdout).toBe('')
    session.dispose()
  })

  it('a file the person opened by its absolute path loads, though its loading lines are the app\'s', async () => {
    const session = createAppSession({ workingFolder: work })
    const file = path.join(outside, 'opened.npy')
    expect((await session.run(save(file), 'console')).error).toBeNull()
    const opened = await openFileInSession(session, file)
    expect(opened.run.error).toBeNull()
    expect(opened.run.snapshot.objects.some((o) => o.names.includes('opened'))).toBe(true)
    // that one file only: another absolute path in an app line is still refused
    expect((await session.run(save(path.join(outside, 'not-opened.npy')))).error?.type).toBe('PermissionError')
    session.dispose()
  })

  it('changes the working folder: later relative paths land in the new one; the snapshot names it', async () => {
    const session = createAppSession({ workingFolder: work })
    expect(session.snapshot().workingFolder).toBe(work)
    await session.run('x = 1')
    const w = await session.setWorkingFolder(other)
    expect(w.workingFolder).toBe(other)
    expect(w.history.map((h) => h.code)).toEqual(['x = 1']) // the workspace stays
    expect((await session.run(save('moved.npy'))).error).toBeNull()
    expect(fs.existsSync(path.join(other, 'moved.npy'))).toBe(true)
    expect((await session.run(save('../work/escape.npy'))).error?.type).toBe('PermissionError')
    expect((await session.setWorkingFolder('~')).workingFolder).toBe(os.homedir())
    session.dispose()
  })

  it('refuses a working folder that is not an existing folder, saying why, and keeps the old one', async () => {
    const session = createAppSession({ workingFolder: work })
    const refusal = async (p: string) => session.setWorkingFolder(p).then(() => 'set', (e: Error) => e.message)
    expect(await refusal(path.join(top, 'missing'))).toBe(`no such folder: ${JSON.stringify(path.join(top, 'missing'))}`)
    expect(await refusal(path.join(top, 'a-file'))).toBe(`not a folder: ${JSON.stringify(path.join(top, 'a-file'))}`)
    expect(await refusal('relative/dir')).toBe('the working folder must be an absolute path (starting with / or ~), got "relative/dir"')
    expect(await refusal('  ')).toBe('the working folder is empty: type the path of a folder')
    expect(session.snapshot().workingFolder).toBe(work)
    session.dispose()
  })

  it('a lesson started before the change resolves in the new folder too, and so does the workspace it put aside', async () => {
    const session = createAppSession({ workingFolder: work })
    await session.beginLesson()
    await session.setWorkingFolder(other)
    expect((await session.runInLesson(save('in-lesson.npy'))).error).toBeNull()
    expect(fs.existsSync(path.join(other, 'in-lesson.npy'))).toBe(true)
    // a lesson's lines are the app's: never an absolute path
    expect((await session.runInLesson(save(path.join(outside, 'lesson.npy')))).error?.type).toBe('PermissionError')
    await session.endLesson()
    expect((await session.run(save('after-lesson.npy'))).error).toBeNull()
    expect(fs.existsSync(path.join(other, 'after-lesson.npy'))).toBe(true)
    session.dispose()
  })
})

describe('the run origin through the session worker (Electron main and browser mode)', () => {
  const service = startSessionWorker({ simulateCuda: false, workingFolder: work })
  let server: RunningServer
  beforeAll(async () => {
    server = await startServer({ session: service, rendererDir: top, port: 0 })
  })
  afterAll(async () => {
    await server.close()
    await service.dispose()
  })

  it("Electron main's IPC: origin 'console' writes an absolute path, 'ui' is refused, a bad origin is a bad request", async () => {
    const dispose = registerIpc(service)
    const run = handlers.get(Channel.run)!
    const fromApp = { senderFrame: { url: 'file:///opt/stridescope/out/renderer/index.html' } }
    const ui = path.join(outside, 'ipc-ui.npy')
    const typed = path.join(outside, 'ipc-console.npy')
    expect(await run(fromApp, { code: save(ui), origin: 'ui' })).toMatchObject({ ok: true, result: { error: { type: 'PermissionError' } } })
    expect(await run(fromApp, { code: save(typed), origin: 'console' })).toMatchObject({ ok: true, result: { error: null } })
    expect([fs.existsSync(ui), fs.existsSync(typed)]).toEqual([false, true])
    expect(await run(fromApp, { code: 'x = 1', origin: 'lesson' })).toMatchObject({ ok: false, error: { code: 'bad-request' } })
    const set = handlers.get(Channel.setWorkingFolder)!
    expect(await set(fromApp, { path: path.join(top, 'missing') })).toMatchObject({ ok: false, error: { code: 'bad-request', message: expect.stringMatching(/^no such folder/) } })
    dispose()
  })

  it("browser mode's WebSocket: the same origin rule, and setWorkingFolder answers the checked folder", async () => {
    const ws = new WebSocket(`ws://127.0.0.1:${server.port}/ws?token=${server.token}`)
    const replies = new Map<number, any>()
    const waiting = new Map<number, (m: any) => void>()
    ws.on('message', (d, isBinary) => {
      if (isBinary) return
      const m = JSON.parse(String(d))
      if (m.type !== 'response') return
      const w = waiting.get(m.id)
      if (w) w(m)
      else replies.set(m.id, m)
    })
    await new Promise((resolve, reject) => { ws.on('open', resolve); ws.on('error', reject) })
    let id = 0
    const ask = (method: string, params: unknown) => {
      const my = ++id
      ws.send(JSON.stringify({ type: 'request', id: my, method, params }))
      return new Promise<any>((resolve) => (replies.has(my) ? resolve(replies.get(my)) : waiting.set(my, resolve)))
    }
    const ui = path.join(outside, 'ws-ui.npy')
    const typed = path.join(outside, 'ws-console.npy')
    expect((await ask('run', { code: save(ui) })).result.error.type).toBe('PermissionError')
    expect((await ask('run', { code: save(typed), origin: 'console' })).result.error).toBeNull()
    expect([fs.existsSync(ui), fs.existsSync(typed)]).toEqual([false, true])
    expect(await ask('setWorkingFolder', { path: path.join(top, 'a-file') })).toMatchObject({ ok: false, error: { code: 'bad-request', message: expect.stringMatching(/^not a folder/) } })
    expect(await ask('setWorkingFolder', { path: other })).toMatchObject({ ok: true, result: { workingFolder: other } })
    expect((await ask('run', { code: save('ws-rel.npy') })).result.error).toBeNull()
    expect(fs.existsSync(path.join(other, 'ws-rel.npy'))).toBe(true)
    ws.close()
  })
})
