// Browser mode: the built renderer over HTTP and the session's handlers over a
// WebSocket, on 127.0.0.1 only, behind a random token (see ./security.ts).
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Duplex } from 'node:stream'
import { WebSocketServer, type WebSocket } from 'ws'
import type { SessionService } from '../session'
import { MAX_MESSAGE_BYTES } from '../shared/protocol'
import { browserModeCsp, requestAllowed, upgradeAllowed, type Access } from './security'
import { send, serveSocket } from './socket'
import { resolveStatic, sendFile } from './static-files'
import { newToken, tokenCookieName, tokenMatches } from './token'
import { ATTACH_PATH, handleAttach } from './attach-endpoint'
import { writeRuntimeFile, type RuntimeFile } from './runtime-file'

export interface ServerOptions {
  /** The session's requests and events (in a worker thread in the app; in-process in tests). */
  session: SessionService
  /** Folder with the built renderer (index.html, assets/). */
  rendererDir: string
  /** 0 picks a free port. */
  port?: number
  /** Fixed token (tests); a random one otherwise. */
  token?: string
  /** Write the runtime file that the `stridescope` Python package looks for (./runtime-file.ts). */
  advertise?: boolean
}

export interface RunningServer {
  url: string
  port: number
  token: string
  close(): Promise<void>
}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const token = options.token ?? newToken()
  const access: Access = { token, port: 0 }
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES })
  const sockets = new Set<WebSocket>()
  // Per socket, the revision of the last workspace event sent to it (a run's reply then leaves that snapshot out).
  const sentRevision = new WeakMap<WebSocket, number>()

  const http = createServer((req, res) => {
    if (req.method === 'POST' && new URL(req.url ?? '/', 'http://127.0.0.1').pathname === ATTACH_PATH) {
      handleAttach(req, res, access.token, access.port, options.session)
    } else handleHttp(req, res, access, options.rendererDir)
  })
  http.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    // A peer that resets mid-handshake must not take the process down (ws adds its own handler once upgraded).
    socket.on('error', () => socket.destroy())
    if (!upgradeAllowed(req, access)) {
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Length: 0\r\n\r\n')
      return
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      sockets.add(ws)
      ws.on('close', () => sockets.delete(ws))
      serveSocket(ws, options.session, () => sentRevision.get(ws))
    })
  })

  const offWorkspace = options.session.on('workspace', (payload) => {
    for (const ws of sockets) {
      send(ws, { type: 'event', event: 'workspace', payload })
      sentRevision.set(ws, payload.revision)
    }
  })
  const offProgress = options.session.on('progress', (payload) => {
    for (const ws of sockets) send(ws, { type: 'event', event: 'progress', payload })
  })

  await new Promise<void>((resolve, reject) => {
    http.once('error', reject)
    http.listen(options.port ?? 0, '127.0.0.1', () => resolve())
  })
  access.port = (http.address() as AddressInfo).port
  const runtimeFile: RuntimeFile | null = options.advertise ? writeRuntimeFile({ port: access.port, token, kind: 'serve' }) : null

  return {
    url: `http://127.0.0.1:${access.port}/?token=${token}`,
    port: access.port,
    token,
    close: async () => {
      runtimeFile?.remove()
      offWorkspace()
      offProgress()
      for (const ws of sockets) ws.terminate()
      wss.close()
      http.closeAllConnections()
      await new Promise<void>((resolve) => http.close(() => resolve()))
    }
  }
}

function handleHttp(req: IncomingMessage, res: ServerResponse, access: Access, rendererDir: string): void {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain' }).end('method not allowed\n')
    return
  }
  if (!requestAllowed(req, access)) {
    res.writeHead(403, { 'Content-Type': 'text/plain; charset=utf-8' })
    res.end('403 Forbidden: open the URL that `stridescope serve` printed (it carries the access token).\n')
    return
  }
  const url = new URL(req.url ?? '/', 'http://127.0.0.1')
  const headers: Record<string, string> = {
    'Content-Security-Policy': browserModeCsp(access.port),
    'Referrer-Policy': 'no-referrer',
    'X-Frame-Options': 'DENY'
  }
  // The page's own assets do not carry ?token=: a valid token in the query sets an
  // HttpOnly, same-site cookie that authorises them (and the WebSocket) from then on.
  if (tokenMatches(access.token, url.searchParams.get('token'))) {
    headers['Set-Cookie'] = `${tokenCookieName(access.port)}=${access.token}; HttpOnly; SameSite=Strict; Path=/`
  }
  const file = resolveStatic(rendererDir, url.pathname)
  if (!file) {
    const missingApp = url.pathname === '/'
    res.writeHead(missingApp ? 503 : 404, { ...headers, 'Content-Type': 'text/plain; charset=utf-8' })
    res.end(
      missingApp
        ? `The renderer is not built (no index.html in ${rendererDir}). Run \`npx electron-vite build\`.\n`
        : '404 Not Found\n'
    )
    return
  }
  sendFile(res, file, headers)
}
