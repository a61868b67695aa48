// Arbitrary messages over the WebSocket never crash the server: each one gets
// exactly one response (a reply or a bad-request), and the socket stays usable.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { startServer, type RunningServer } from '../../src/server'
import { Session, localService } from '../../src/session'
import { FakeRunner } from '../session/fake-runner'

let server: RunningServer
let dir: string
let ws: WebSocket
const inbox: any[] = []
let wake: (() => void) | null = null

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'stridescope-fuzz-'))
  writeFileSync(join(dir, 'index.html'), '<!doctype html>')
  server = await startServer({ session: localService(new Session({ createRunner: (o) => new FakeRunner(o) })), rendererDir: dir })
  ws = new WebSocket(`ws://127.0.0.1:${server.port}/ws?token=${server.token}`)
  ws.on('message', (d) => {
    const m = JSON.parse(d.toString())
    if (m.type === 'response') inbox.push(m)
    wake?.()
  })
  await new Promise((r) => ws.on('open', r))
})

afterAll(async () => {
  ws.close()
  await server.close()
  rmSync(dir, { recursive: true, force: true })
})

async function nextResponse(): Promise<any> {
  while (!inbox.length) await new Promise<void>((r) => (wake = r))
  return inbox.shift()
}

// Params that are sometimes plausible, mostly not: the validators must sort them out.
const params = fc.oneof(
  fc.anything(),
  fc.record({ code: fc.oneof(fc.string(), fc.anything()) }, { requiredKeys: [] }),
  fc.record({ objectId: fc.integer(), start: fc.array(fc.integer()), shape: fc.array(fc.integer()) }, { requiredKeys: [] }),
  fc.record({ objectId: fc.integer(), shape: fc.array(fc.integer()), strides: fc.array(fc.integer()), offset: fc.oneof(fc.integer(), fc.constant(null)) }, { requiredKeys: [] })
)
// The core session methods (the profiler's, lessons' and files' have their own tests and touch the machine).
const CORE = ['run', 'snapshot', 'window', 'checkAsStrided', 'setSimulateCuda', 'reset', 'exportScript'] as const
const method = fc.oneof(fc.constantFrom(...CORE), fc.string())

describe('WebSocket fuzz', () => {
  it('answers every message once and survives', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.record({ type: fc.constant('request'), id: fc.nat(), method, params }).map((m) => JSON.stringify(m)),
          fc.json(),
          fc.string()
        ),
        async (text) => {
          ws.send(text)
          const r = await nextResponse()
          expect(typeof r.ok).toBe('boolean')
          if (!r.ok) expect(['bad-request', 'unknown-method', 'not-found', 'out-of-range', 'internal']).toContain(r.error.code)
          // no protocol-level 'internal' errors: every bad input is refused as such
          if (!r.ok) expect(r.error.code).not.toBe('internal')
        }
      ),
      { numRuns: 300 }
    )
    ws.send(JSON.stringify({ type: 'request', id: 1, method: 'snapshot', params: {} }))
    expect(await nextResponse()).toMatchObject({ id: 1, ok: true })
  })
})
