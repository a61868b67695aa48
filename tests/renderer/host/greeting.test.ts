// Browser mode's page checks the server's hello before it uses the socket: a server
// of another protocol version (a page left open across an update) is refused with a
// message that says which side is older, the socket is closed, and nothing after the
// hello is read, so a frame the page would misread is never decoded.
import { describe, expect, it } from 'vitest'
import { greeted, ProtocolMismatch } from '../../../src/renderer/src/host/websocketHost'
import type { SocketData, SocketTransport } from '../../../src/renderer/src/host/socketTransport'
import { PROTOCOL_VERSION } from '../../../src/shared/protocol'
import { encodeBinaryResponse } from '../../../src/shared/binary-frame'

/** A socket as the host sees one: what was sent, whether it was closed, and a way to make the server speak. */
function fakeSocket() {
  const sent: string[] = []
  let closed = false
  const socket: SocketTransport = {
    send: (text) => {
      if (closed) return false
      sent.push(text)
      return true
    },
    close: () => { closed = true },
    onmessage: () => {},
    onclose: () => {}
  }
  return { socket, sent, get closed() { return closed }, say: (d: SocketData) => socket.onmessage(d) }
}

const hello = (version: unknown) => JSON.stringify({ type: 'hello', version })
/** A binary window frame as a newer server might send it (its values narrowed to int8). */
const frame = () => {
  const f = encodeBinaryResponse(1, { objectId: 1, dtype: 'float64', start: [0], shape: [3], complex: false, values: [], f64: new Int8Array([1, 2, 3]) })
  return f.buffer.slice(f.byteOffset, f.byteOffset + f.byteLength) as ArrayBuffer
}

describe("the server's hello", () => {
  it('of this protocol version: the Api works over the socket', async () => {
    const f = fakeSocket()
    const connecting = greeted(f.socket)
    f.say(hello(PROTOCOL_VERSION))
    const api = await connecting
    const asked = api.interrupt()
    expect(JSON.parse(f.sent[0])).toMatchObject({ type: 'request', id: 1, method: 'interrupt' })
    f.say(JSON.stringify({ type: 'response', id: 1, ok: true, result: { interrupted: false } }))
    expect(await asked).toEqual({ interrupted: false })
    expect(f.closed).toBe(false)
  })

  it.each([
    [PROTOCOL_VERSION + 1, 'an older'],
    [PROTOCOL_VERSION - 1, 'a newer']
  ])('of version %i: refused, this page being %s Stridescope; the socket closed, nothing more read', async (server, age) => {
    const f = fakeSocket()
    const connecting = greeted(f.socket)
    f.say(hello(server))
    const refusal = await connecting.then(() => null, (e: unknown) => e)
    expect(refusal).toBeInstanceOf(ProtocolMismatch)
    expect((refusal as ProtocolMismatch).message).toBe(
      `This page is from ${age} Stridescope than the server it is connected to, and would misread what the server sends, so it has stopped. ` +
        `Reload the page to get the server's version. (Page protocol ${PROTOCOL_VERSION}, server protocol ${server}.)`
    )
    expect(f.closed).toBe(true)
    expect(f.sent).toEqual([])
    // what the server sends next is not read at all: not decoded, nothing thrown
    expect(() => f.say(frame())).not.toThrow()
    expect(() => f.say('{not json')).not.toThrow()
  })

  it.each([
    ['a binary frame first', frame()],
    ['a response first', JSON.stringify({ type: 'response', id: 1, ok: true, result: {} })],
    ['a hello without a version', JSON.stringify({ type: 'hello' })],
    ['text that is not JSON', 'hello']
  ])('refused on %s: the server did not greet as a Stridescope server', async (_name, data) => {
    const f = fakeSocket()
    const connecting = greeted(f.socket)
    f.say(data)
    const refusal = await connecting.then(() => null, (e: unknown) => e)
    expect(refusal).toBeInstanceOf(ProtocolMismatch)
    expect((refusal as ProtocolMismatch).serverVersion).toBeNull()
    expect((refusal as Error).message).toMatch(/^The server this page is connected to did not greet it as a Stridescope server does/)
    expect(f.closed).toBe(true)
  })

  it('a socket that closes before the hello rejects with the reason', async () => {
    const f = fakeSocket()
    const connecting = greeted(f.socket)
    f.socket.onclose()
    await expect(connecting).rejects.toThrow('the connection to the Stridescope server closed before it greeted this page')
  })
})
