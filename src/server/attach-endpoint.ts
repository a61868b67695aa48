// POST /api/attach: where the `stridescope` Python package sends the arrays and
// tensors of the user's program (src/shared/attach-protocol.ts). Loopback only;
// the caller presents the app's token as `Authorization: Bearer ...` (read from
// the runtime file, ./runtime-file.ts); browsers are refused outright (any
// request with an Origin), so no web page can post here. The body is bounded,
// parsed, then validated again by the session like any request.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { MAX_ATTACH_BODY_BYTES } from '../shared/attach-protocol'
import type { SessionService } from '../session'
import { hostAllowed } from './security'
import { newToken, tokenMatches } from './token'

export const ATTACH_PATH = '/api/attach'

function reply(res: ServerResponse, status: number, body: unknown, close = false): void {
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
    ...(close ? { Connection: 'close' } : {})
  })
  res.end(JSON.stringify(body) + '\n')
}

/** Answers, then drops the connection without reading the rest of an oversized body. */
function refuseTooLarge(req: IncomingMessage, res: ServerResponse, what: string): void {
  res.on('finish', () => req.destroy())
  reply(res, 413, { ok: false, error: `${what} exceeds the limit of ${MAX_ATTACH_BODY_BYTES} bytes` }, true)
}

function bearer(req: IncomingMessage): string | null {
  const h = req.headers.authorization
  return typeof h === 'string' && h.startsWith('Bearer ') ? h.slice('Bearer '.length).trim() : null
}

/** Handles one POST to ATTACH_PATH. */
export function handleAttach(req: IncomingMessage, res: ServerResponse, token: string, port: number, session: SessionService): void {
  if (req.headers.origin !== undefined || !hostAllowed(req, port)) {
    reply(res, 403, { ok: false, error: 'attach requests come from the stridescope Python package, not from web pages' })
    req.resume()
    return
  }
  if (!tokenMatches(token, bearer(req))) {
    reply(res, 401, { ok: false, error: "wrong or missing token (the package reads it from the app's runtime file)" })
    req.resume()
    return
  }
  if (!/^application\/json\b/.test(req.headers['content-type'] ?? '')) {
    reply(res, 415, { ok: false, error: 'send application/json' })
    req.resume()
    return
  }
  const declared = Number(req.headers['content-length'] ?? 0)
  if (declared > MAX_ATTACH_BODY_BYTES) {
    refuseTooLarge(req, res, `a message of ${declared} bytes`)
    return
  }
  const chunks: Buffer[] = []
  let size = 0
  let refused = false
  req.on('data', (chunk: Buffer) => {
    if (refused) return
    size += chunk.length
    if (size > MAX_ATTACH_BODY_BYTES) {
      refused = true
      refuseTooLarge(req, res, 'the message')
      return
    }
    chunks.push(chunk)
  })
  req.on('error', () => undefined) // a sender that vanishes mid-message leaves nothing behind
  req.on('end', () => {
    if (refused) return
    let message: unknown
    try {
      message = JSON.parse(Buffer.concat(chunks).toString('utf8'))
    } catch (e) {
      reply(res, 400, { ok: false, error: `not JSON: ${(e as Error).message}` })
      return
    }
    void session.request('attach', message).then((r) => {
      if (r.ok) reply(res, 200, { ok: true, result: r.result })
      else reply(res, r.error.code === 'internal' ? 500 : 400, { ok: false, error: r.error.message })
    })
  })
}

/**
 * A loopback listener with the attach endpoint only, for the Electron app
 * (browser mode's server has the endpoint beside its page).
 */
export async function startAttachListener(session: SessionService): Promise<{ port: number; token: string; close(): Promise<void> }> {
  const token = newToken()
  let port = 0
  const http = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname
    if (req.method === 'POST' && path === ATTACH_PATH) handleAttach(req, res, token, port, session)
    else reply(res, 404, { ok: false, error: 'not found' })
  })
  await new Promise<void>((resolve, reject) => {
    http.once('error', reject)
    http.listen(0, '127.0.0.1', () => resolve())
  })
  port = (http.address() as AddressInfo).port
  return {
    port,
    token,
    close: () => new Promise<void>((resolve) => { http.closeAllConnections(); http.close(() => resolve()) })
  }
}
