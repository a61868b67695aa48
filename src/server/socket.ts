// One WebSocket connection in browser mode: every message is validated (JSON,
// envelope, then the method's params in handleRequest) and answered with a
// plain reply; session events are pushed to every open socket.
import type { WebSocket } from 'ws'
import type { SessionService } from '../session'
import { PROTOCOL_VERSION, clientMessage, type ServerMessage } from '../shared/protocol'

export function send(ws: WebSocket, msg: ServerMessage): void {
  if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(msg))
}

function badRequest(id: number | null, message: string): ServerMessage {
  return { type: 'response', id, ok: false, error: { code: 'bad-request', message } }
}

export function serveSocket(ws: WebSocket, service: SessionService): void {
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
    send(ws, reply.ok ? { type: 'response', id: req.id, ok: true, result: reply.result } : { type: 'response', id: req.id, ok: false, error: reply.error })
  })
}
