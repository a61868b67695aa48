// Where the browser-mode socket lives: the same origin as the page, with the
// page's token (the server also accepts its cookie). The page's own path is
// tried first, then /ws.

export function socketUrls(pageUrl: string): string[] {
  const u = new URL(pageUrl)
  const scheme = u.protocol === 'https:' ? 'wss:' : 'ws:'
  const token = u.searchParams.get('token')
  const q = token === null ? '' : `?token=${encodeURIComponent(token)}`
  return [`${scheme}//${u.host}/${q}`, `${scheme}//${u.host}/ws${q}`]
}
