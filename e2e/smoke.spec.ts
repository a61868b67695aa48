// Smoke test of the shell: browser mode serves the app with the token and
// refuses without it; the Electron window opens where Electron exists.
import { electronTest, expect, test } from './fixtures'

test('the app loads with the token and talks to the session', async ({ page, app }) => {
  // Watch the page's own WebSocket: the session's events must reach it.
  const socketOpened = page.waitForEvent('websocket')
  const response = await page.goto(app.url)
  expect(response?.status()).toBe(200)
  expect(response?.headers()['content-security-policy']).toContain("default-src 'self'")
  await expect(page).toHaveTitle(/Stridescope/)
  const socket = await socketOpened
  expect(socket.url()).toMatch(new RegExp(`^ws://127\\.0\\.0\\.1:${app.port}/`))
  // A line run by another client of the same session reaches the page as a workspace
  // event. Plain Python, so this does not depend on the native engine.
  const event = socket.waitForEvent('framereceived', {
    predicate: (f) => typeof f.payload === 'string' && f.payload.includes('"event":"workspace"') && f.payload.includes('smoke_answer')
  })
  const reply = (await app.request('run', { code: 'smoke_answer = 6 * 7\nprint(smoke_answer)' })) as { stdout: string }
  expect(reply.stdout).toBe('42\n')
  await event
})

test('requests without the token are refused', async ({ page, app }) => {
  const response = await page.goto(`${app.origin}/`)
  expect(response?.status()).toBe(403)
  const asset = await page.request.get(`${app.origin}/index.html`, { failOnStatusCode: false })
  expect(asset.status()).toBe(403)
})

test('a WebSocket without the token is refused, even from the app page', async ({ page, app }) => {
  await page.goto(app.url)
  // The cookie set by the tokened page authorises same-origin sockets; a socket
  // to a different origin (localhost vs 127.0.0.1 is another origin) without a token is refused.
  const opened = await page.evaluate(
    (port) =>
      new Promise<boolean>((resolve) => {
        const ws = new WebSocket(`ws://localhost:${port}/ws`)
        ws.onopen = () => resolve(true)
        ws.onerror = () => resolve(false)
      }),
    app.port
  )
  expect(opened).toBe(false)
})

electronTest('the Electron window opens on the app', async ({ electronPage }) => {
  await expect(electronPage).toHaveTitle(/Stridescope/)
  const exposed = await electronPage.evaluate(() => Object.keys((globalThis as unknown as { stridescope: object }).stridescope).sort())
  expect(exposed).toContain('run')
  expect(exposed).not.toContain('invoke')
})
