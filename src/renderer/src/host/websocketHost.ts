// Browser mode: the same Api as the Electron preload, over a WebSocket to
// `stridescope serve`. The page is served at http://127.0.0.1:PORT/?token=...;
// the socket goes to the same origin with the same token.
import { createApi, type Api, type Invoke, type Subscribe } from '../../../shared/api'
import { MAX_MESSAGE_BYTES, PROTOCOL_VERSION, type EventName, type EventPayload, type Method, type Reply, type ServerMessage } from '../../../shared/protocol'
import { decodeBinaryResponse } from '../../../shared/binary-frame'
import { socketUrls } from './socketUrls'
import { openPageSocket, openWorkerSocket, WORKER_UNAVAILABLE, type SocketData, type SocketTransport } from './socketTransport'

type Pending = { resolve: (r: Reply<Method>) => void; reject: (e: Error) => void }

/**
 * The Api over browser mode's socket: in a worker where the page can start one
 * (./socketTransport: a large message then streams in while the page is busy),
 * else on the page. Resolves once the server's hello says it speaks this page's
 * protocol; rejects with a ProtocolMismatch when it does not (see greeted).
 */
export async function connectWebSocket(pageUrl: string): Promise<Api> {
  const urls = socketUrls(pageUrl)
  let transport: SocketTransport | null = null
  let worker: Worker | null = null
  try {
    if (typeof Worker !== 'undefined') worker = new Worker(new URL('../workers/socket.worker.ts', import.meta.url), { type: 'module' })
  } catch {
    worker = null // a page that may not start workers (a stricter policy): the socket stays on the page
  }
  if (worker) {
    try {
      transport = await openWorkerSocket(urls, worker)
    } catch (e) {
      // The server refused (no URL accepted): the page's own socket would be refused too.
      if (!(e instanceof Error) || e.message !== WORKER_UNAVAILABLE) throw e
    }
  }
  return greeted(transport ?? (await openPageSocket(urls)))
}

/**
 * The page and the server speak different versions of the protocol (PROTOCOL_VERSION):
 * a page left open across an update of Stridescope, or one from another install. The
 * message says which is older, and that reloading the page fetches the server's own.
 */
export class ProtocolMismatch extends Error {
  constructor(readonly pageVersion: number, readonly serverVersion: number | null) {
    super(
      serverVersion === null
        ? 'The server this page is connected to did not greet it as a Stridescope server does, so the page has stopped before reading anything from it. Reload the page.'
        : `This page is from ${pageVersion < serverVersion ? 'an older' : 'a newer'} Stridescope than the server it is connected to, ` +
          "and would misread what the server sends, so it has stopped. Reload the page to get the server's version. " +
          `(Page protocol ${pageVersion}, server protocol ${serverVersion}.)`
    )
    this.name = 'ProtocolMismatch'
  }
}

/**
 * The Api over a socket once the server has greeted it: its first message must be a
 * hello naming this page's PROTOCOL_VERSION. Anything else (another version, a binary
 * frame, no hello) closes the socket before another message is read, and rejects
 * with a ProtocolMismatch: nothing the page cannot read is ever decoded.
 */
export function greeted(socket: SocketTransport): Promise<Api> {
  return new Promise((resolve, reject) => {
    socket.onmessage = (data) => {
      let version: unknown = null
      if (typeof data === 'string') {
        try {
          const first = JSON.parse(data) as { type?: unknown; version?: unknown } | null
          if (first?.type === 'hello') version = first.version
        } catch { /* not a hello */ }
      }
      if (version === PROTOCOL_VERSION) return resolve(wrap(socket))
      socket.onmessage = () => {}
      socket.close()
      reject(new ProtocolMismatch(PROTOCOL_VERSION, typeof version === 'number' ? version : null))
    }
    socket.onclose = () => reject(new Error('the connection to the Stridescope server closed before it greeted this page'))
  })
}

/** One message off the socket: a binary frame is an 'f64' window (../../../shared/binary-frame), decoded here or by the socket worker. */
export function decodeServerMessage(data: SocketData): ServerMessage {
  if (typeof data === 'string') return JSON.parse(data) as ServerMessage
  return data instanceof ArrayBuffer ? decodeBinaryResponse(data) : data
}

function wrap(socket: SocketTransport): Api {
  let nextId = 1
  const pending = new Map<number, Pending>()
  const listeners = new Map<EventName, Set<(p: unknown) => void>>()

  socket.onmessage = (data) => {
    let msg: ServerMessage
    try {
      msg = decodeServerMessage(data)
    } catch {
      return
    }
    if (msg.type === 'response') {
      if (msg.id === null) return
      const p = pending.get(msg.id)
      if (!p) return
      pending.delete(msg.id)
      p.resolve(msg.ok ? { ok: true, result: msg.result as never } : { ok: false, error: msg.error })
    } else if (msg.type === 'event') {
      for (const l of listeners.get(msg.event) ?? []) l(msg.payload)
    }
  }
  socket.onclose = () => {
    for (const p of pending.values()) p.reject(new Error('the connection to the Stridescope server closed'))
    pending.clear()
  }

  const invoke: Invoke = (method, params) =>
    new Promise((resolve, reject) => {
      const id = nextId++
      const text = JSON.stringify({ type: 'request', id, method, params })
      // The server closes a socket that sends more than its cap; refuse here instead, with the reason.
      const bytes = new TextEncoder().encode(text).length
      if (bytes > MAX_MESSAGE_BYTES) {
        reject(new Error(`the ${method} request is ${bytes} bytes; the server takes at most ${MAX_MESSAGE_BYTES} bytes in one message`))
        return
      }
      pending.set(id, { resolve: resolve as Pending['resolve'], reject })
      if (!socket.send(text)) {
        pending.delete(id)
        reject(new Error('the connection to the Stridescope server is closed'))
      }
    })

  const subscribe: Subscribe = <E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void) => {
    const set = listeners.get(event) ?? new Set()
    listeners.set(event, set)
    const l = listener as (p: unknown) => void
    set.add(l)
    return () => set.delete(l)
  }
  return createApi(invoke, subscribe)
}
