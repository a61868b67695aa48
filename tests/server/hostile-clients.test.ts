// Browser mode against hostile clients, beyond tests/server/server.test.ts: double-encoded
// and backslash traversal, no CORS for any Origin, 1,000 rapid requests and 50 concurrent
// sockets — every one refused or answered, and the server still answers after.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { request } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { Session, localService } from '../../src/session'
import { startServer, type RunningServer } from '../../src/server'
import { FakeRunner } from '../session/fake-runner'

let server: RunningServer
let dir: string

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'stridescope-hostile-'))
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Stridescope</title>')
  writeFileSync(join(dir, '..', 'stridescope-hostile-secret.txt'), 'secret')
  server = await startServer({ session: localService(new Session({ createRunner: (o) => new FakeRunner(o) })), rendererDir: dir, port: 0 })
})

afterAll(async () => {
  await server.close()
  rmSync(dir, { recursive: true, force: true })
  rmSync(join(dir, '..', 'stridescope-hostile-secret.txt'), { force: true })
})

function get(path: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, path, headers, agent: false }, (res) => {
      let body = ''
      res.on('data', (c) => (body += c))
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }))
    })
    req.on('error', reject)
    req.end()
  })
}

describe('hostile HTTP clients', () => {
  it('double-encoded, backslash and absolute traversal never leave the renderer folder', async () => {
    for (const p of ['/%252e%252e/stridescope-hostile-secret.txt', '/..%5cstridescope-hostile-secret.txt', '/%2e%2e%5cstridescope-hostile-secret.txt',
      '/....//stridescope-hostile-secret.txt', '//etc/passwd', '/%2fetc%2fpasswd', '/..%252fstridescope-hostile-secret.txt', '/%00../x']) {
      const r = await get(`${p}${p.includes('?') ? '&' : '?'}token=${server.token}`)
      expect(r.status, p).toBeGreaterThanOrEqual(400)
      expect(r.body, p).not.toContain('secret')
      expect(r.body, p).not.toContain('root:')
    }
  })

  it('sends no CORS header, whatever the Origin', async () => {
    for (const origin of ['http://evil.example', 'null', `http://127.0.0.1:${server.port}`]) {
      const r = await get(`/?token=${server.token}`, { origin })
      expect(r.headers['access-control-allow-origin'], origin).toBeUndefined()
    }
  })

  it('answers or refuses 1,000 rapid requests and stays responsive', async () => {
    const statuses = await Promise.all(Array.from({ length: 1000 }, (_, i) => get(i % 2 ? `/?token=${server.token}` : '/').then((r) => r.status)))
    expect(statuses.filter((s) => s === 200)).toHaveLength(500)
    expect(statuses.filter((s) => s === 403)).toHaveLength(500)
    expect((await get(`/?token=${server.token}`)).status).toBe(200)
  })

  it('serves 50 concurrent sockets, each answered, and refuses those without the token', async () => {
    const open = (token: string | null) => new WebSocket(`ws://127.0.0.1:${server.port}/ws${token ? `?token=${token}` : ''}`)
    const answered = await Promise.all(Array.from({ length: 50 }, (_, i) => new Promise<string>((resolve) => {
      const ws = open(i % 5 === 4 ? null : server.token)
      ws.on('error', () => resolve('refused'))
      ws.on('unexpected-response', () => resolve('refused'))
      ws.on('open', () => ws.send(JSON.stringify({ type: 'request', id: i + 1, method: 'snapshot' })))
      ws.on('message', (d) => {
        const m = JSON.parse(d.toString())
        if (m.type === 'response') {
          resolve(m.ok ? 'answered' : 'error')
          ws.close()
        }
      })
    })))
    expect(answered.filter((a) => a === 'answered')).toHaveLength(40)
    expect(answered.filter((a) => a === 'refused')).toHaveLength(10)
    expect((await get(`/?token=${server.token}`)).status).toBe(200)
  })
})
