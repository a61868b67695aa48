// Browser mode's WebSocket, owned off the page's thread (why: ../host/socketTransport.ts).
// Opens the first URL that accepts; every message it receives goes to the page
// whole and once: text as it came, a binary frame (a value window) with its
// buffer transferred. The page's text goes out as it is; nothing is parsed here.
import type { FromSocketWorker, ToSocketWorker } from '../host/socketTransport'

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
    post({ type: 'message', data }, typeof data === 'string' ? [] : [data])
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
