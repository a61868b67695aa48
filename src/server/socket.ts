// One WebSocket connection in browser mode: every message is validated (JSON,
// envelope, then the method's params in handleRequest) and answered with a
// plain reply; session events are pushed to every open socket.
import type { WebSocket } from 'ws'
import { packedToJson, packedValuesOf, type SessionService } from '../session'
import { PROTOCOL_VERSION, clientMessage, type Method, type Reply, type RunResult, type ServerMessage } from '../shared/protocol'
import { elideRunSnapshot } from '../shared/run-snapshot'
import { binaryValuesOf, encodeBinaryParts } from '../shared/binary-frame'

/**
 * Sends a message as JSON text, or a frame already encoded: text, or binary
 * (../shared/binary-frame), whole or as parts sent as the fragments of one message.
 */
export function send(ws: WebSocket, msg: ServerMessage | string | Uint8Array | Uint8Array[]): void {
  if (ws.readyState !== ws.OPEN) return
  if (msg instanceof Uint8Array) ws.send(msg, { binary: true })
  else if (Array.isArray(msg)) msg.forEach((part, i) => ws.send(part, { binary: true, fin: i === msg.length - 1 }))
  else ws.send(typeof msg === 'string' ? msg : JSON.stringify(msg))
}

/**
 * The frame of a response. An 'f64' window is one binary message, its values as
 * bytes in the type the session narrowed them to (../shared/binary-frame), sent
 * from their own buffer (two fragments: no copy of them). A 'json' window whose values are still packed
 * is written straight from its Float64Array (a million values would otherwise
 * be built into an array and stringified number by number).
 */
export function encodeResponse(id: number, reply: Reply<Method>): string | Uint8Array[] {
  if (!reply.ok) return JSON.stringify({ type: 'response', id, ok: false, error: reply.error })
  if (binaryValuesOf(reply.result)) return encodeBinaryParts(id, reply.result as Parameters<typeof encodeBinaryParts>[1])
  const packed = packedValuesOf(reply.result)
  if (!packed) return JSON.stringify({ type: 'response', id, ok: true, result: reply.result })
  const rest: Record<string, unknown> = {}
  for (const key of Object.keys(reply.result as object)) {
    if (key !== 'values') rest[key] = (reply.result as Record<string, unknown>)[key]
  }
  return `{"type":"response","id":${id},"ok":true,"result":${JSON.stringify(rest).slice(0, -1)},"values":${packedToJson(packed)}}}`
}

function badRequest(id: number | null, message: string): ServerMessage {
  return { type: 'response', id, ok: false, error: { code: 'bad-request', message } }
}

/**
 * `sentRevision`: the revision of the last workspace event sent to this socket; a
 * run's reply then carries that snapshot by revision only (see ../shared/run-snapshot).
 */
export function serveSocket(ws: WebSocket, service: SessionService, sentRevision: () => number | undefined = () => undefined): void {
  // A malformed frame (unmasked, bad UTF-8, RSV bits, unknown opcode) or an oversized message
  // is that socket's error alone: ws has already sent the close frame with the matching code
  // (1002, 1007, 1009) and drops the socket after it; an 'error' event nobody listened to
  // would end the whole process.
  ws.on('error', () => {})
  send(ws, { type: 'hello', version: PROTOCOL_VERSION })
  ws.on('message', async (data, isBinary) => {
    if (isBinary) return send(ws, badRequest(null, 'binary messages are not accepted; send JSON text'))
    let msg: unknown
    try {
      msg = JSON.parse(data.toString())
    } catch {
      return send(ws, badRequest(null, 'message is not valid JSON'))
    }
    const err = clientMessage.check(msg, 'message')
    if (err) {
      const id = (msg as { id?: unknown } | null)?.id
      return send(ws, badRequest(Number.isSafeInteger(id) && (id as number) >= 0 ? (id as number) : null, err))
    }
    const req = msg as { id: number; method: string; params?: unknown }
    const reply = await service.request(req.method, req.params)
    const wire = req.method === 'run' && reply.ok ? { ok: true as const, result: elideRunSnapshot(reply.result as RunResult, sentRevision()) as never } : reply
    send(ws, encodeResponse(req.id, wire))
  })
}
