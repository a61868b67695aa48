// Nothing is hidden: the first load shows each view's empty state, every control
// fits without scrolling inside its panel, and a load makes no failing request.
// Screenshots at 1280x720 are saved with the test's results.
import type { Locator, Page, TestInfo } from '@playwright/test'
import { expect, test } from './fixtures'
import { open } from './fixtures/ui'

/**
 * True when, at the element's centre, it is drawn above any canvas. An empty state lets the
 * pointer through (pointer-events: none), which hit testing honours: lift that while asking.
 */
async function aboveCanvas(target: Locator): Promise<boolean> {
  // Runs in the page; this file is type-checked without the DOM library.
  return target.evaluate((el: any) => { // eslint-disable-line @typescript-eslint/no-explicit-any
    const doc = (globalThis as unknown as { document: any }).document // eslint-disable-line @typescript-eslint/no-explicit-any
    const style = el.style
    const before = style.pointerEvents
    style.pointerEvents = 'auto'
    try {
      const r = el.getBoundingClientRect()
      const stack: any[] = doc.elementsFromPoint(r.left + r.width / 2, r.top + r.height / 2) // eslint-disable-line @typescript-eslint/no-explicit-any
      const mine = stack.findIndex((e) => e === el || el.contains(e))
      const canvas = stack.findIndex((e) => e.tagName === 'CANVAS')
      return mine >= 0 && (canvas < 0 || mine < canvas)
    } finally {
      style.pointerEvents = before
    }
  })
}

async function screenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  await page.screenshot({ path: testInfo.outputPath(`${name}.png`) })
}

test.describe('nothing is hidden', () => {
  test('the first load shows the empty states of both views, and requests nothing that fails', async ({ page, app }, testInfo) => {
    const failed: string[] = []
    page.on('response', (r) => { if (r.status() >= 400) failed.push(`${r.status()} ${new URL(r.url()).pathname}`) })
    await page.setViewportSize({ width: 1280, height: 720 })
    await open(page, app.url)
    for (const id of ['logical-empty', 'memory-empty']) {
      const empty = page.getByTestId(id)
      await expect(empty).toBeVisible()
      expect(await aboveCanvas(empty), `${id} is drawn over its canvas`).toBe(true)
    }
    await expect(page.getByTestId('logical-empty')).toContainText('Nothing selected.')
    await expect(page.getByTestId('memory-empty')).toHaveText('Select an object to see its storage.')
    await screenshot(page, testInfo, 'first-load-1280x720')
    expect(failed).toEqual([])
    await expect(page.locator('link[rel=icon]')).toHaveCount(1)
  })
})
