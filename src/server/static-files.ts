// Serves the built renderer (out/renderer) read-only. Paths are resolved inside
// the root and anything that escapes it (by `..` or by a symlink), or is not a regular file, is a 404.
import { createReadStream, realpathSync, statSync } from 'node:fs'
import type { ServerResponse } from 'node:http'
import { extname, join, normalize, resolve, sep } from 'node:path'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8'
}

/** The file under `root` for a URL path, or null when it is outside root or missing. */
export function resolveStatic(root: string, urlPath: string): string | null {
  let decoded: string
  try {
    decoded = decodeURIComponent(urlPath)
  } catch {
    return null
  }
  if (decoded.includes('\0')) return null
  const rel = decoded === '/' || decoded === '' ? 'index.html' : normalize(decoded).replace(/^([/\\])+/, '')
  const base = resolve(root)
  const file = resolve(join(base, rel))
  if (file !== base && !file.startsWith(base + sep)) return null
  // A symlink inside the folder may point anywhere: what is served is the real file, and it
  // must itself lie inside the real folder.
  let real: string
  let realBase: string
  try {
    real = realpathSync(file)
    realBase = realpathSync(base)
  } catch {
    return null
  }
  if (!real.startsWith(realBase + sep) || !statSync(real).isFile()) return null
  return real
}

export function sendFile(res: ServerResponse, file: string, headers: Record<string, string>): void {
  res.writeHead(200, {
    ...headers,
    'Content-Type': TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
    'Content-Length': String(statSync(file).size),
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-store'
  })
  createReadStream(file).pipe(res)
}
