// A malformed WebSocket frame, or a message over the size cap, closes that one
// socket with the protocol's close code; the server and every other socket live on.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { startServer, type RunningServer } from '../../src/server'
import { Session, localService } from '../../src/session'
import { MAX_MESSAGE_BYTES } from '../../src/shared/protocol'
import { FakeRunner } from '../session/fake-runner'

let server: RunningServer
let dir: string
let bystander: WebSocket

function open(): Promise<WebSocket> {
  const ws = new WebSocket(`ws://127.0.0.1:${server.port}/ws?token=${server.token}`)
  ws.on('error', () => {}) // the client side may see the abrupt end too; the close code is what we check
  return new Promise((resolve) => ws.once('message', () => resolve(ws))) // the server's hello
}

function closeCode(ws: WebSocket): Promise<number> {
  return new Promise((resolve) => ws.once('close', (code) => resolve(code)))
}

async function snapshotWorks(ws: WebSocket): Promise<void> {
  const reply = new Promise<any>((resolve) => ws.once('message', (d) => resolve(JSON.parse(d.toString()))))
  ws.send(JSON.stringify({ type: 'request', id: 7, method: 'snapshot', params: {} }))
  expect(await reply).toMatchObject({ type: 'response', id: 7, ok: true })
}

/** A client frame written as raw bytes: FIN + opcode byte as given, masked (or not) with a zero key. */
function frame(first: number, payload: Buffer, masked = true): Buffer {
  if (payload.length > 125) throw new Error('short frames only')
  const head = Buffer.from([first, (masked ? 0x80 : 0) | payload.length])
  return Buffer.concat(masked ? [head, Buffer.alloc(4), payload] : [head, payload])
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'stridescope-frames-'))
  writeFileSync(join(dir, 'index.html'), '<!doctype html>')
  server = await startServer({ session: localService(new Session({ createRunner: (o) => new FakeRunner(o) })), rendererDir: dir })
  bystander = await open()
})

afterAll(async () => {
  bystander.close()
  await server.close()
  rmSync(dir, { recursive: true, force: true })
})

describe('malformed frames', () => {
  const cases: Array<[string, Buffer, number]> = [
    ['an unmasked frame', frame(0x81, Buffer.from('{}'), false), 1002],
    ['a text frame that is not UTF-8', frame(0x81, Buffer.from([0xc3, 0x28, 0xff])), 1007],
    ['a frame with RSV1 set', frame(0xc1, Buffer.from('{}')), 1002],
    ['an unknown opcode', frame(0x83, Buffer.from('{}')), 1002]
  ]
  for (const [what, bytes, code] of cases) {
    it(`closes the socket with ${code} on ${what}, and the server lives on`, async () => {
      const ws = await open()
      const closed = closeCode(ws)
      ;(ws as unknown as { _socket: { write(b: Buffer): void } })._socket.write(bytes)
      expect(await closed).toBe(code)
      await snapshotWorks(bystander)
      const again = await open()
      await snapshotWorks(again)
      again.close()
    })
  }

  it('closes the socket with 1009 on a message over the cap', async () => {
    const ws = await open()
    const closed = closeCode(ws)
    ws.send('x'.repeat(MAX_MESSAGE_BYTES + 1))
    expect(await closed).toBe(1009)
    await snapshotWorks(bystander)
  })
})
