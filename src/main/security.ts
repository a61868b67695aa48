// Electron hardening beyond the window's webPreferences: a CSP on every
// response, no permissions, no navigation away from the app, no new windows,
// no <webview>. See https://www.electronjs.org/docs/latest/tutorial/security.
import { app, session, shell, type WebContents } from 'electron'
import { contentSecurityPolicy } from '../shared/csp'
import { rendererUrl } from './window'

/** True for a URL that is the app's own renderer (dev server or the built files). */
export function isAppUrl(url: string): boolean {
  const dev = rendererUrl()
  if (dev) return new URL(url).origin === new URL(dev).origin
  return url.startsWith('file://')
}

export function applySessionSecurity(): void {
  const dev = rendererUrl()
  const csp = contentSecurityPolicy(
    dev ? { devScripts: true, connect: [new URL(dev).origin.replace(/^http/, 'ws')] } : {}
  )
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [csp] } })
  })
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false))
  session.defaultSession.setPermissionCheckHandler(() => false)
}

function guardContents(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url) || url !== contents.getURL()) event.preventDefault()
  })
  contents.on('will-redirect', (event) => event.preventDefault())
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(({ url }) => {
    // Links to documentation open in the user's browser, never inside the app.
    if (url.startsWith('https://')) void shell.openExternal(url)
    return { action: 'deny' }
  })
}

export function guardAllContents(): void {
  app.on('web-contents-created', (_event, contents) => guardContents(contents))
}
