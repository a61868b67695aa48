// How browser mode's socket is reached: a WebSocket owned by a worker
// (../workers/socket.worker.ts) when the page can start one, else one on the
// page's own thread. Chromium reads an incoming message into the thread that
// owns the socket a chunk per task, so on a busy page an 8 MB value window
// waits behind every long task (React commits, building the views) and streams
// in only while the page is idle; in a worker it arrives while the page works,
// and is handed over whole (text as a string, a binary frame decoded there, the
// buffer of its values moved, not copied). Both give the host the same small surface.
import type { BinaryResponse } from '../../../shared/binary-frame'

/**
 * One message off the socket: text, a binary frame, or (from the worker) a binary
 * frame already decoded (../../../shared/binary-frame), its values' buffer moved.
 */
export type SocketData = string | ArrayBuffer | BinaryResponse

/** What the page and the socket worker say to each other. */
export type ToSocketWorker = { type: 'connect'; urls: string[] } | { type: 'send'; text: string }
export type FromSocketWorker =
  | { type: 'open' }
  | { type: 'failed' }
  | { type: 'message'; data: SocketData }
  | { type: 'close' }

export interface SocketTransport {
  /** Sends one text message; false when the socket is not open. */
  send(text: string): boolean
  /** Closes the socket for good: nothing more is sent or received (onclose is not called). */
  close(): void
  onmessage: (data: SocketData) => void
  onclose: () => void
}

/** Opens the first of `urls` that accepts, trying each in turn (the worker does the same in its thread). */
export function openPageSocket(urls: string[]): Promise<SocketTransport> {
  return new Promise((resolve, reject) => {
    const tryAt = (k: number): void => {
      const ws = new WebSocket(urls[k])
      ws.binaryType = 'arraybuffer'
      let opened = false
      const t: SocketTransport = {
        send: (text) => {
          if (ws.readyState !== WebSocket.OPEN) return false
          ws.send(text)
          return true
        },
        close: () => {
          ws.onmessage = ws.onclose = null
          ws.close()
        },
        onmessage: () => {},
        onclose: () => {}
      }
      ws.onmessage = (ev) => t.onmessage(ev.data as string | ArrayBuffer)
      ws.onclose = () => { if (opened) t.onclose() }
      ws.onopen = () => {
        opened = true
        resolve(t)
      }
      ws.onerror = () => {
        if (opened) return
        if (k + 1 < urls.length) tryAt(k + 1)
        else reject(new Error(`could not connect to the Stridescope server at ${urls.join(' or ')}`))
      }
    }
    tryAt(0)
  })
}

/**
 * The socket in a worker. Rejects with `WORKER_UNAVAILABLE` when the worker itself
 * cannot run (the caller then opens the socket on the page), and with the server's
 * refusal when no URL accepts.
 */
export const WORKER_UNAVAILABLE = 'the socket worker could not start'

export function openWorkerSocket(urls: string[], worker: Worker): Promise<SocketTransport> {
  return new Promise((resolve, reject) => {
    let open = false
    let closed = false
    const t: SocketTransport = {
      send: (text) => {
        if (!open || closed) return false
        worker.postMessage({ type: 'send', text } satisfies ToSocketWorker)
        return true
      },
      close: () => {
        closed = true
        worker.terminate() // its socket goes with it
      },
      onmessage: () => {},
      onclose: () => {}
    }
    const close = (): void => {
      if (closed) return
      closed = true
      worker.terminate()
      t.onclose()
    }
    worker.onmessage = (e: MessageEvent<FromSocketWorker>) => {
      const m = e.data
      if (m.type === 'message') {
        if (!closed) t.onmessage(m.data)
      } else if (m.type === 'open') {
        open = true
        resolve(t)
      } else if (m.type === 'failed') {
        worker.terminate()
        reject(new Error(`could not connect to the Stridescope server at ${urls.join(' or ')}`))
      } else if (m.type === 'close') close()
    }
    worker.onerror = (e) => {
      e.preventDefault()
      if (open) close()
      else {
        worker.terminate()
        reject(new Error(WORKER_UNAVAILABLE))
      }
    }
    worker.postMessage({ type: 'connect', urls } satisfies ToSocketWorker)
  })
}
