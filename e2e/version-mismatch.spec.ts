// A page left open across an update meets a server of another protocol version: the
// real server's hello is rewritten on its way to the page to name a newer or an older
// version. The page stops before reading anything else and says, in full and in view,
// which side is older and to reload. Playwright routes only the page's own sockets,
// so here the page may not start its socket worker and opens the socket itself
// (its fallback); the check of the hello is the same for both (greeted, unit-tested
// in tests/renderer/host/greeting.test.ts).
import { test, expect } from './fixtures'
import { ready } from './fixtures/ui'
import { PROTOCOL_VERSION } from '../src/shared/protocol'

for (const [server, age] of [[PROTOCOL_VERSION + 1, 'an older'], [PROTOCOL_VERSION - 1, 'a newer']] as const) {
  test(`a server of protocol ${server}: the page says it is from ${age} Stridescope and reads nothing more`, async ({ page, app }, testInfo) => {
    const afterHello: string[] = []
    await page.addInitScript(() => Object.defineProperty(globalThis, 'Worker', { value: undefined }))
    await page.routeWebSocket((url) => url.protocol === 'ws:', (ws) => {
      const real = ws.connectToServer()
      real.onMessage((m) => {
        const hello = typeof m === 'string' && m.startsWith('{"type":"hello"')
        if (hello) ws.send(JSON.stringify({ type: 'hello', version: server }))
        else {
          afterHello.push(typeof m === 'string' ? m.slice(0, 40) : `${m.length} bytes`)
          ws.send(m)
        }
      })
      ws.onMessage((m) => real.send(m))
    })
    await page.goto(app.url)
    const message = page.getByTestId('version-mismatch')
    await expect(message).toBeVisible()
    await expect(message).toContainText(`This page is from ${age} Stridescope than the server it is connected to`)
    await expect(message).toContainText("Reload the page to get the server's version.")
    await expect(message).toContainText(`(Page protocol ${PROTOCOL_VERSION}, server protocol ${server}.)`)
    await expect(page.getByRole('button', { name: 'Reload the page' })).toBeVisible()
    // the page asked nothing of the server: it got no answer to read
    expect(afterHello).toEqual([])
    await expect(page.getByTestId('app')).toHaveCount(0)

    for (const size of [{ width: 1440, height: 900 }, { width: 1280, height: 720 }]) {
      await page.setViewportSize(size)
      const box = (await message.boundingBox())!
      expect(box.x).toBeGreaterThanOrEqual(0)
      expect(box.y).toBeGreaterThanOrEqual(0)
      expect(box.x + box.width).toBeLessThanOrEqual(size.width)
      expect(box.y + box.height).toBeLessThanOrEqual(size.height)
      // every line wraps inside the box: nothing is cut
      expect(await message.evaluate((el) => el.scrollWidth <= el.clientWidth && el.scrollHeight <= el.clientHeight)).toBe(true)
      await page.screenshot({ path: testInfo.outputPath(`version-mismatch-${server}-${size.width}x${size.height}.png`) })
    }
  })
}

test('a server of this protocol version: the page greets it and works as before', async ({ page, app }) => {
  await page.goto(app.url)
  await ready(page)
  await expect(page.getByTestId('version-mismatch')).toHaveCount(0)
})
