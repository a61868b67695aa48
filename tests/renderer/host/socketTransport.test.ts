// Browser mode's socket in a worker: what the page's side of it does with the
// worker's messages (a stand-in worker here; the real one runs in Chromium, e2e).
import { describe, expect, it } from 'vitest'
import { openWorkerSocket, WORKER_UNAVAILABLE, type FromSocketWorker, type SocketData, type ToSocketWorker } from '../../../src/renderer/src/host/socketTransport'
import { decodeServerMessage } from '../../../src/renderer/src/host/websocketHost'
import { decodeBinaryResponse, encodeBinaryResponse } from '../../../src/shared/binary-frame'

/** A Worker as the page sees one: what it was sent, and a way to make it speak or fail. */
function fakeWorker() {
  const sent: ToSocketWorker[] = []
  let terminated = false
  const w = {
    onmessage: null as ((e: MessageEvent<FromSocketWorker>) => void) | null,
    onerror: null as ((e: ErrorEvent) => void) | null,
    postMessage: (m: ToSocketWorker) => { sent.push(m) },
    terminate: () => { terminated = true }
  }
  return {
    worker: w as unknown as Worker,
    sent,
    get terminated() { return terminated },
    say: (m: FromSocketWorker) => w.onmessage!({ data: m } as MessageEvent<FromSocketWorker>),
    fail: () => w.onerror!({ preventDefault() {} } as ErrorEvent)
  }
}

describe('the socket in a worker', () => {
  it('connects to the URLs given, then carries text out and every message in, in order', async () => {
    const f = fakeWorker()
    const opening = openWorkerSocket(['ws://a/', 'ws://a/ws'], f.worker)
    expect(f.sent).toEqual([{ type: 'connect', urls: ['ws://a/', 'ws://a/ws'] }])
    f.say({ type: 'open' })
    const t = await opening
    const got: SocketData[] = []
    t.onmessage = (d) => got.push(d)
    expect(t.send('{"x":1}')).toBe(true)
    expect(f.sent[1]).toEqual({ type: 'send', text: '{"x":1}' })
    const buf = new ArrayBuffer(16)
    f.say({ type: 'message', data: 'one' })
    f.say({ type: 'message', data: buf })
    expect(got).toEqual(['one', buf])
    expect(got[1]).toBe(buf) // the buffer the worker moved, not a copy
  })

  it('a closed socket: the page hears it once, sends nothing more, and the worker is ended', async () => {
    const f = fakeWorker()
    const opening = openWorkerSocket(['ws://a/'], f.worker)
    f.say({ type: 'open' })
    const t = await opening
    let closes = 0
    t.onclose = () => closes++
    f.say({ type: 'close' })
    f.say({ type: 'close' })
    expect(closes).toBe(1)
    expect(f.terminated).toBe(true)
    expect(t.send('late')).toBe(false)
  })

  it('the server refusing every URL is the refusal; a worker that cannot run says so (the page then opens its own socket)', async () => {
    const refused = fakeWorker()
    const a = openWorkerSocket(['ws://a/'], refused.worker)
    refused.say({ type: 'failed' })
    await expect(a).rejects.toThrow('could not connect to the Stridescope server at ws://a/')
    expect(refused.terminated).toBe(true)
    const broken = fakeWorker()
    const b = openWorkerSocket(['ws://a/'], broken.worker)
    broken.fail()
    await expect(b).rejects.toThrow(WORKER_UNAVAILABLE)
  })

  it('a message off the socket: text is JSON, a binary frame a window whose doubles are read in place', () => {
    expect(decodeServerMessage('{"type":"hello","version":2}')).toEqual({ type: 'hello', version: 2 })
    const f64 = new Float64Array([0.1, -0, NaN])
    const frame = encodeBinaryResponse(7, { objectId: 3, start: [0], shape: [3], values: [], f64 } as never)
    const buf = frame.buffer.slice(frame.byteOffset, frame.byteOffset + frame.byteLength) as ArrayBuffer
    const msg = decodeServerMessage(buf) as { id: number; result: { f64: Float64Array } }
    expect(msg.id).toBe(7)
    expect(msg.result.f64.buffer).toBe(buf)
    expect(Array.from(msg.result.f64)).toEqual([0.1, -0, NaN])
  })

  it('a frame the socket worker decoded (its values as narrowed, widened by windowNumbers) is taken as it is', () => {
    const frame = encodeBinaryResponse(8, { objectId: 3, start: [0], shape: [3], values: [], f64: new Int8Array([0, 1, -2]) } as never)
    const decoded = decodeBinaryResponse(frame.buffer.slice(frame.byteOffset, frame.byteOffset + frame.byteLength) as ArrayBuffer)
    expect(decodeServerMessage(decoded)).toBe(decoded)
    expect(decoded.result.f64).toBeInstanceOf(Int8Array)
    expect(Array.from(decoded.result.f64)).toEqual([0, 1, -2])
  })
})
