// POST /api/attach refuses what is not the stridescope package speaking with
// the app's token: web pages (any Origin), wrong tokens, other content types,
// oversized and malformed bodies; a refused message leaves the workspace as it was.
import { request } from 'node:http'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Session, localService } from '../../src/session'
import { startServer, type RunningServer } from '../../src/server'
import { MAX_ATTACH_BODY_BYTES } from '../../src/shared/attach-protocol'
import { FakeRunner } from '../session/fake-runner'

let server: RunningServer
let session: Session
let dir: string

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'stridescope-attach-'))
  session = new Session({ createRunner: (o) => new FakeRunner(o) })
  server = await startServer({ session: localService(session), rendererDir: dir, port: 0 })
})

afterAll(async () => {
  await server.close()
  rmSync(dir, { recursive: true, force: true })
})

function post(body: string | Buffer, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  return new Promise((resolve) => {
    const req = request({ host: '127.0.0.1', port: server.port, path: '/api/attach', method: 'POST', headers }, (res) => {
      let text = ''
      res.on('error', () => undefined)
      res.on('data', (c) => (text += c))
      res.on('end', () => resolve({ status: res.statusCode!, body: text }))
    })
    // The server may close the connection before an oversized body is fully written.
    req.on('error', () => resolve({ status: 0, body: 'connection closed' }))
    req.end(body)
  })
}

const valid = JSON.stringify({
  version: 1, process: { pid: 7, program: 'p.py' }, ops: [],
  objects: [{
    name: 'a', kind: 'ndarray', dtype: 'uint8', dtypeText: 'uint8', itemsize: 1, shape: [4], byteStrides: [1],
    byteOffset: 0, dataPtr: '4096', buffer: { ptr: '4096', nbytes: 4, kind: 'ndarray' }, device: 'cpu',
    flags: { cContiguous: true, fContiguous: true, writeable: true, ownsData: true, aligned: true }, requiresGrad: false, window: null
  }]
})
const auth = (): Record<string, string> => ({ 'Content-Type': 'application/json', Authorization: `Bearer ${server.token}` })

describe('POST /api/attach', () => {
  it('accepts the package with the token', async () => {
    const r = await post(valid, auth())
    expect(r.status).toBe(200)
    expect(JSON.parse(r.body)).toEqual({ ok: true, result: { objects: 1, ops: 0 } })
    expect(session.snapshot().objects.map((o) => o.names[0])).toEqual(['a'])
  })

  it('refuses web pages, wrong tokens, other content types', async () => {
    expect((await post(valid, { ...auth(), Origin: 'http://evil.example' })).status).toBe(403)
    expect((await post(valid, { ...auth(), Origin: `http://127.0.0.1:${server.port}` })).status).toBe(403)
    expect((await post(valid, { ...auth(), Authorization: 'Bearer nope' })).status).toBe(401)
    expect((await post(valid, { Authorization: `Bearer ${server.token}`, 'Content-Type': 'text/plain' })).status).toBe(415)
    expect((await post(valid, { ...auth(), Host: 'evil.example' })).status).toBe(403)
  })

  it('refuses malformed and oversized bodies with a message, keeping the workspace', async () => {
    const before = session.snapshot().objects.length
    const notJson = await post('{nope', auth())
    expect(notJson.status).toBe(400)
    expect(JSON.parse(notJson.body).error).toMatch(/^not JSON/)
    const badShape = await post(valid.replace('"shape":[4]', '"shape":[5]'), auth())
    expect(badShape.status).toBe(400)
    expect(JSON.parse(badShape.body).error).toMatch(/outside its 4-byte buffer/)
    const wrongType = await post(valid.replace('"version":1', '"version":"1"'), auth())
    expect(wrongType.status).toBe(400)
    const big = await post(Buffer.alloc(MAX_ATTACH_BODY_BYTES + 10, 32), auth())
    expect([413, 0]).toContain(big.status)
    expect(session.snapshot().objects.length).toBe(before)
  })
})
