// The browser-mode access token: random per server, carried in the printed URL
// (?token=...) and then in an HttpOnly cookie, compared in constant time.
import { randomBytes, timingSafeEqual } from 'node:crypto'

export const TOKEN_COOKIE = 'stridescope_token'

export function newToken(): string {
  return randomBytes(24).toString('hex')
}

export function tokenMatches(expected: string, given: string | null | undefined): boolean {
  if (typeof given !== 'string') return false
  const a = Buffer.from(expected)
  const b = Buffer.from(given)
  return a.length === b.length && timingSafeEqual(a, b)
}

/** The token value from a Cookie header, if present. */
export function cookieToken(cookieHeader: string | undefined): string | null {
  if (!cookieHeader) return null
  for (const part of cookieHeader.split(';')) {
    const eq = part.indexOf('=')
    if (eq > 0 && part.slice(0, eq).trim() === TOKEN_COOKIE) return part.slice(eq + 1).trim()
  }
  return null
}
