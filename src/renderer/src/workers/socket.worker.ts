// Browser mode's WebSocket, owned off the page's thread (why: ../host/socketTransport.ts).
// Opens the first URL that accepts; every message it receives goes to the page
// whole and once: text as it came, a binary frame (a value window) decoded here,
// its values left in the type they crossed in (the page widens them, as it does
// those Electron IPC brings: ../../../shared/binary-frame) and the frame's buffer
// transferred. The page's text goes out as it is.
import type { FromSocketWorker, ToSocketWorker } from '../host/socketTransport'
import { decodeBinaryResponse } from '../../../shared/binary-frame'

// A worker's postMessage (the DOM lib types `self` as a window).
const post = (m: FromSocketWorker, transfer: Transferable[] = []): void => (self as unknown as Worker).postMessage(m, transfer)
let ws: WebSocket | null = null

function connect(urls: string[], k: number): void {
  const s = new WebSocket(urls[k])
  s.binaryType = 'arraybuffer'
  let opened = false
  s.onopen = () => {
    opened = true
    ws = s
    post({ type: 'open' })
  }
  s.onmessage = (ev) => {
    const data = ev.data as string | ArrayBuffer
    if (typeof data === 'string') return post({ type: 'message', data })
    let decoded
    try {
      decoded = decodeBinaryResponse(data)
    } catch {
      return post({ type: 'message', data }, [data]) // not a window frame: the page reports it as it would its own
    }
    post({ type: 'message', data: decoded }, [decoded.result.f64.buffer as ArrayBuffer])
  }
  s.onerror = () => {
    if (opened) return
    if (k + 1 < urls.length) connect(urls, k + 1)
    else post({ type: 'failed' })
  }
  s.onclose = () => { if (opened) post({ type: 'close' }) }
}

self.onmessage = (e: MessageEvent<ToSocketWorker>): void => {
  const m = e.data
  if (m.type === 'connect' && !ws) connect(m.urls, 0)
  else if (m.type === 'send' && ws?.readyState === WebSocket.OPEN) ws.send(m.text)
}
