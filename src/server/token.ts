// The browser-mode access token: random per server, carried in the printed URL
// (?token=...) and then in an HttpOnly cookie, compared in constant time.
import { randomBytes, timingSafeEqual } from 'node:crypto'

/**
 * The cookie's name includes the port: browsers share cookies across ports of
 * one host, so two servers on 127.0.0.1 would otherwise overwrite each other's.
 */
export function tokenCookieName(port: number): string {
  return `stridescope_token_${port}`
}

export function newToken(): string {
  return randomBytes(24).toString('hex')
}

export function tokenMatches(expected: string, given: string | null | undefined): boolean {
  if (typeof given !== 'string') return false
  const a = Buffer.from(expected)
  const b = Buffer.from(given)
  return a.length === b.length && timingSafeEqual(a, b)
}

/** The value of cookie `name` from a Cookie header, if present. */
export function cookieToken(cookieHeader: string | undefined, name: string): string | null {
  if (!cookieHeader) return null
  for (const part of cookieHeader.split(';')) {
    const eq = part.indexOf('=')
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim()
  }
  return null
}
