// The renderer's Content-Security-Policy, one definition for both front-ends:
// Electron main sets it on every response, the browser-mode server on every page.
// Nothing is loaded from outside the app; only the given socket origins may be
// reached. `devScripts` allows Vite's inline dev preamble (dev server only).

export function contentSecurityPolicy(options: { connect?: string[]; devScripts?: boolean } = {}): string {
  return [
    "default-src 'self'",
    options.devScripts ? "script-src 'self' 'unsafe-inline'" : "script-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "worker-src 'self' blob:",
    ["connect-src 'self'", ...(options.connect ?? [])].join(' '),
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'none'"
  ].join('; ')
}
