// Who may talk to the browser-mode server: only a page this server itself
// served, on loopback. Every HTTP request and WebSocket upgrade must carry the
// token (query or cookie), name this server in Host (against DNS rebinding), and
// WebSocket upgrades must come from this server's own Origin.
import type { IncomingMessage } from 'node:http'
import { contentSecurityPolicy } from '../shared/csp'
import { cookieToken, tokenCookieName, tokenMatches } from './token'

export interface Access {
  token: string
  port: number
}

/** Origins a page served by us can have. */
export function ownOrigins(port: number): string[] {
  return [`http://127.0.0.1:${port}`, `http://localhost:${port}`]
}

export function hostAllowed(req: IncomingMessage, port: number): boolean {
  const host = req.headers.host
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`
}

/** The token the request presents: `?token=` first, else the cookie. */
export function presentedToken(req: IncomingMessage, port: number): string | null {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1')
  return url.searchParams.get('token') ?? cookieToken(req.headers.cookie, tokenCookieName(port))
}

export function requestAllowed(req: IncomingMessage, access: Access): boolean {
  return hostAllowed(req, access.port) && tokenMatches(access.token, presentedToken(req, access.port))
}

/**
 * A WebSocket upgrade is allowed with the token and either no Origin (a
 * non-browser client, which cannot be driven by another site) or our own.
 */
export function upgradeAllowed(req: IncomingMessage, access: Access): boolean {
  const origin = req.headers.origin
  if (origin !== undefined && !ownOrigins(access.port).includes(origin)) return false
  return requestAllowed(req, access)
}

/** The renderer's Content-Security-Policy in browser mode: its own socket may be reached, nothing else. */
export function browserModeCsp(port: number): string {
  return contentSecurityPolicy({ connect: ownOrigins(port).map((o) => o.replace(/^http:/, 'ws:')) })
}
