// Browser-mode server: the token, the Origin and Host checks, static files,
// and WebSocket message validation, against a session over a stand-in runner.
import { mkdtempSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { Session, localService } from '../../src/session'
import { startServer, type RunningServer } from '../../src/server'
import { FakeRunner } from '../session/fake-runner'
import { decodeBinaryResponse } from '../../src/shared/binary-frame'
import { PROTOCOL_VERSION } from '../../src/shared/protocol'

let server: RunningServer
let dir: string

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'stridescope-server-'))
  mkdirSync(join(dir, 'assets'))
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Stridescope</title>')
  writeFileSync(join(dir, 'assets', 'app.js'), 'console.log(1)')
  writeFileSync(join(dir, '..', 'stridescope-secret.txt'), 'secret')
  server = await startServer({ session: localService(new Session({ createRunner: (o) => new FakeRunner(o) })), rendererDir: dir, port: 0 })
})

afterAll(async () => {
  await server.close()
  rmSync(dir, { recursive: true, force: true })
  rmSync(join(dir, '..', 'stridescope-secret.txt'), { force: true })
})

function get(path: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, path, headers }, (res) => {
      let body = ''
      res.on('data', (c) => (body += c))
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }))
    })
    req.on('error', reject)
    req.end()
  })
}

describe('HTTP', () => {
  it('prints a parseable URL on 127.0.0.1 with the token', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]{48}$/)
    expect(server.port).toBeGreaterThan(0)
  })

  it('refuses requests without the token, or with a wrong one', async () => {
    expect((await get('/')).status).toBe(403)
    expect((await get('/?token=nope')).status).toBe(403)
    expect((await get('/assets/app.js')).status).toBe(403)
    const flipped = server.token.slice(0, -1) + (server.token.endsWith('0') ? '1' : '0')
    expect((await get(`/?token=${flipped}`)).status).toBe(403)
    expect((await get('/', { cookie: `stridescope_token_${server.port}=${flipped}` })).status).toBe(403)
    // another server's cookie (another port) is not ours
    expect((await get('/', { cookie: `stridescope_token_${server.port + 1}=${server.token}` })).status).toBe(403)
  })

  it('serves the page with the token and sets the cookie that authorises its assets', async () => {
    const page = await get(`/?token=${server.token}`)
    expect(page.status).toBe(200)
    expect(page.body).toContain('<title>Stridescope</title>')
    expect(page.headers['content-security-policy']).toContain("default-src 'self'")
    const cookie = String(page.headers['set-cookie']).split(';')[0]
    expect(cookie).toBe(`stridescope_token_${server.port}=${server.token}`)
    const asset = await get('/assets/app.js', { cookie })
    expect(asset.status).toBe(200)
    expect(asset.headers['content-type']).toMatch(/javascript/)
  })

  it('refuses a foreign Host header (DNS rebinding)', async () => {
    expect((await get(`/?token=${server.token}`, { host: `evil.example:${server.port}` })).status).toBe(403)
  })

  it('never serves files outside the renderer folder', async () => {
    const r = await get(`/..%2fstridescope-secret.txt?token=${server.token}`)
    expect(r.status).toBe(404)
    expect(r.body).not.toContain('secret')
    expect((await get(`/%2e%2e/stridescope-secret.txt?token=${server.token}`)).status).toBe(404)
  })

  it('does not follow a symlink inside the renderer folder to a file outside it', async () => {
    symlinkSync(join(dir, '..', 'stridescope-secret.txt'), join(dir, 'assets', 'leak.txt'))
    symlinkSync(join(dir, '..'), join(dir, 'up'))
    writeFileSync(join(dir, 'assets', 'real.txt'), 'inside')
    symlinkSync(join(dir, 'assets', 'real.txt'), join(dir, 'assets', 'alias.txt'))
    const leak = await get(`/assets/leak.txt?token=${server.token}`)
    expect(leak.status).toBe(404)
    expect(leak.body).not.toContain('secret')
    expect((await get(`/up/stridescope-secret.txt?token=${server.token}`)).status).toBe(404)
    // a link that stays inside the folder is served
    const alias = await get(`/assets/alias.txt?token=${server.token}`)
    expect([alias.status, alias.body]).toEqual([200, 'inside'])
    // a folder is not a file
    expect((await get(`/assets?token=${server.token}`)).status).toBe(404)
  })
})

function connect(opts: { token?: string; origin?: string } = {}) {
  const q = opts.token === undefined ? '' : `?token=${opts.token}`
  const ws = new WebSocket(`ws://127.0.0.1:${server.port}/ws${q}`, opts.origin ? { origin: opts.origin } : {})
  ws.binaryType = 'arraybuffer' // as the renderer's socket
  return ws
}

/** A message as the renderer reads it: JSON text, or a binary frame (../../src/shared/binary-frame). */
function parse(d: WebSocket.RawData, isBinary: boolean): any {
  return isBinary ? decodeBinaryResponse(d as ArrayBuffer) : JSON.parse(Buffer.from(d as ArrayBuffer).toString())
}

function refusedStatus(ws: WebSocket) {
  return new Promise<number>((resolve, reject) => {
    ws.on('unexpected-response', (_req, res) => resolve(res.statusCode!))
    ws.on('open', () => reject(new Error('connection was accepted')))
    ws.on('error', () => undefined)
  })
}

/** Opens a socket and collects messages; `next(pred)` waits for the first matching one. */
async function open(opts: { token?: string; origin?: string } = {}) {
  const ws = connect(opts)
  const inbox: unknown[] = []
  const waiters: { pred: (m: any) => boolean; resolve: (m: any) => void }[] = []
  ws.on('message', (d, isBinary) => {
    const m = parse(d, isBinary)
    const w = waiters.findIndex((x) => x.pred(m))
    if (w >= 0) waiters.splice(w, 1)[0].resolve(m)
    else inbox.push(m)
  })
  await new Promise((resolve, reject) => {
    ws.on('open', resolve)
    ws.on('error', reject)
  })
  const next = (pred: (m: any) => boolean) =>
    new Promise<any>((resolve) => {
      const i = inbox.findIndex(pred)
      if (i >= 0) resolve(inbox.splice(i, 1)[0])
      else waiters.push({ pred, resolve })
    })
  return { ws, next }
}

describe('WebSocket', () => {
  it('refuses upgrades without the token', async () => {
    expect(await refusedStatus(connect())).toBe(403)
    expect(await refusedStatus(connect({ token: 'x' }))).toBe(403)
  })

  it('refuses upgrades from another Origin, even with the token', async () => {
    expect(await refusedStatus(connect({ token: server.token, origin: 'http://evil.example' }))).toBe(403)
    expect(await refusedStatus(connect({ token: server.token, origin: `http://127.0.0.1:${server.port + 1}` }))).toBe(403)
  })

  it('greets, runs code, and sends the new snapshot once: as the workspace event, before the reply that names it', async () => {
    const { ws, next } = await open({ token: server.token, origin: `http://127.0.0.1:${server.port}` })
    const other = await open({ token: server.token, origin: `http://127.0.0.1:${server.port}` })
    expect(await next((m) => m.type === 'hello')).toEqual({ type: 'hello', version: PROTOCOL_VERSION })
    const order: string[] = []
    ws.on('message', (d, isBinary) => {
      const m = parse(d, isBinary)
      if (m.type === 'response' || m.event === 'workspace') order.push(m.type)
    })
    ws.send(JSON.stringify({ type: 'request', id: 7, method: 'run', params: { code: 'a = make(3)\nprint(a)' } }))
    const reply = await next((m) => m.type === 'response' && m.id === 7)
    expect(reply.ok).toBe(true)
    expect(reply.result.stdout).toBe('0 1 2\n')
    expect(reply.result.snapshot).toBeUndefined()
    const event = await next((m) => m.type === 'event' && m.event === 'workspace')
    expect(event.payload.objects.find((o: any) => o.names.includes('a'))).toBeTruthy()
    expect(reply.result.snapshotRevision).toBe(event.payload.revision)
    expect(order).toEqual(['event', 'response'])
    // another client learns of the change through the same event
    const seen = await other.next((m) => m.type === 'event' && m.event === 'workspace' && m.payload.revision === event.payload.revision)
    expect(seen.payload.objects.find((o: any) => o.names.includes('a'))).toBeTruthy()
    ws.close()
    other.ws.close()
  })


  it("sends a 1M-element 'f64' window as one binary message holding the values' bytes, in the narrowest exact type", async () => {
    const { ws, next } = await open({ token: server.token })
    const frames: { binary: boolean; bytes: number }[] = []
    ws.on('message', (d, isBinary) => frames.push({ binary: isBinary, bytes: (d as ArrayBuffer).byteLength }))
    ws.send(JSON.stringify({ type: 'request', id: 1, method: 'run', params: { code: 'big = make(1000000)' } }))
    const event = await next((m) => m.type === 'event' && m.event === 'workspace' && m.payload.objects.some((o: any) => o.names.includes('big')))
    await next((m) => m.type === 'response' && m.id === 1)
    const id = event.payload.objects.find((o: any) => o.names.includes('big')).info.id
    frames.length = 0
    ws.send(JSON.stringify({ type: 'request', id: 2, method: 'window', params: { objectId: id, start: [0], shape: [1000000], encoding: 'f64' } }))
    const reply = await next((m) => m.type === 'response' && m.id === 2)
    expect(frames.length).toBe(1)
    expect(frames[0].binary).toBe(true)
    // 0 … 999,999: integers, so the values cross as int32 (../../src/shared/binary-frame), 4 bytes each.
    expect(frames[0].bytes).toBeGreaterThanOrEqual(4_000_000)
    expect(frames[0].bytes).toBeLessThan(4_000_000 + 256)
    expect(reply.result).toMatchObject({ objectId: id, dtype: 'float32', start: [0], shape: [1000000], values: [] })
    expect(reply.result.f64).toBeInstanceOf(Int32Array) // as narrowed: the renderer widens it (windowNumbers)
    expect(reply.result.f64.length).toBe(1_000_000)
    expect([reply.result.f64[0], reply.result.f64[123_456], reply.result.f64[999_999]]).toEqual([0, 123_456, 999_999])
    // a 'json' window stays text
    ws.send(JSON.stringify({ type: 'request', id: 3, method: 'window', params: { objectId: id, start: [5], shape: [2] } }))
    expect((await next((m) => m.type === 'response' && m.id === 3)).result.values).toEqual([5, 6])
    expect(frames.at(-1)!.binary).toBe(false)
    ws.close()
  })

  it('answers malformed messages with bad-request, keeping the id when it can', async () => {
    const { ws, next } = await open({ token: server.token })
    ws.send('{not json')
    expect(await next((m) => m.type === 'response')).toMatchObject({ id: null, ok: false, error: { code: 'bad-request', message: 'message is not valid JSON' } })
    ws.send(JSON.stringify({ type: 'request', id: 3 }))
    expect(await next((m) => m.type === 'response')).toMatchObject({ id: 3, ok: false, error: { code: 'bad-request', message: 'message.method: expected string, got undefined' } })
    ws.send(JSON.stringify({ type: 'request', id: 4, method: 'window', params: { objectId: 'a', start: [], shape: [] } }))
    expect(await next((m) => m.type === 'response')).toMatchObject({ id: 4, ok: false, error: { code: 'bad-request', message: 'params.objectId: expected non-negative integer, got string' } })
    ws.send(JSON.stringify({ type: 'request', id: 5, method: 'shutdown', params: {} }))
    expect(await next((m) => m.type === 'response')).toMatchObject({ id: 5, ok: false, error: { code: 'unknown-method' } })
    ws.send(Buffer.from([1, 2, 3]), { binary: true })
    expect(await next((m) => m.type === 'response')).toMatchObject({ id: null, ok: false, error: { code: 'bad-request' } })
    // the connection survives all of that
    ws.send(JSON.stringify({ type: 'request', id: 6, method: 'snapshot' }))
    expect(await next((m) => m.type === 'response')).toMatchObject({ id: 6, ok: true })
    ws.close()
  })
})

describe('encodeResponse', async () => {
  const { encodeResponse } = await import('../../src/server/socket')
  const { lazyWindowResult, packValues } = await import('../../src/session/packed-values')
  it('writes packed windows as the same JSON as a plain result', () => {
    const plain = { objectId: 3, dtype: 'float32', start: [0, 1], shape: [1, 3], complex: false, values: [1.5, 'nan', -0] }
    const lazy = lazyWindowResult({ ...plain, dtype: 'float32', packed: packValues(plain.values) })
    const a = JSON.parse(encodeResponse(9, { ok: true, result: lazy }) as string)
    expect(a).toEqual({ type: 'response', id: 9, ok: true, result: { ...plain, values: [1.5, 'nan', 0] } })
    expect(JSON.parse(encodeResponse(2, { ok: false, error: { code: 'not-found', message: 'x' } }) as string)).toEqual({ type: 'response', id: 2, ok: false, error: { code: 'not-found', message: 'x' } })
  })
})
