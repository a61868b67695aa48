// Browser mode: the same Api as the Electron preload, over a WebSocket to
// `stridescope serve`. The page is served at http://127.0.0.1:PORT/?token=...;
// the socket goes to the same origin with the same token.
import { createApi, type Api, type Invoke, type Subscribe } from '../../../shared/api'
import { MAX_MESSAGE_BYTES, type EventName, type EventPayload, type Method, type Reply, type ServerMessage } from '../../../shared/protocol'
import { decodeBinaryResponse } from '../../../shared/binary-frame'
import { socketUrls } from './socketUrls'

type Pending = { resolve: (r: Reply<Method>) => void; reject: (e: Error) => void }


export function connectWebSocket(pageUrl: string): Promise<Api> {
  const urls = socketUrls(pageUrl)
  return new Promise((resolveApi, rejectApi) => {
    const tryAt = (k: number): void => {
      const ws = new WebSocket(urls[k])
      let opened = false
      ws.onopen = () => {
        opened = true
        resolveApi(wrap(ws))
      }
      ws.onerror = () => {
        if (opened) return
        if (k + 1 < urls.length) tryAt(k + 1)
        else rejectApi(new Error(`could not connect to the Stridescope server at ${urls.join(' or ')}`))
      }
    }
    tryAt(0)
  })
}

function wrap(ws: WebSocket): Api {
  let nextId = 1
  const pending = new Map<number, Pending>()
  const listeners = new Map<EventName, Set<(p: unknown) => void>>()

  // An 'f64' window comes as one binary frame; its doubles are read in place (../../../shared/binary-frame).
  ws.binaryType = 'arraybuffer'
  ws.onmessage = (ev) => {
    let msg: ServerMessage
    try {
      msg = ev.data instanceof ArrayBuffer ? decodeBinaryResponse(ev.data) : (JSON.parse(String(ev.data)) as ServerMessage)
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
  ws.onclose = () => {
    for (const p of pending.values()) p.reject(new Error('the connection to the Stridescope server closed'))
    pending.clear()
  }

  const invoke: Invoke = (method, params) =>
    new Promise((resolve, reject) => {
      if (ws.readyState !== WebSocket.OPEN) {
        reject(new Error('the connection to the Stridescope server is closed'))
        return
      }
      const id = nextId++
      const text = JSON.stringify({ type: 'request', id, method, params })
      // The server closes a socket that sends more than its cap; refuse here instead, with the reason.
      const bytes = new TextEncoder().encode(text).length
      if (bytes > MAX_MESSAGE_BYTES) {
        reject(new Error(`the ${method} request is ${bytes} bytes; the server takes at most ${MAX_MESSAGE_BYTES} bytes in one message`))
        return
      }
      pending.set(id, { resolve: resolve as Pending['resolve'], reject })
      ws.send(text)
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
