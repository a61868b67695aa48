// Every control fits: at 1440x900 and 1280x720 each inspector action tab shows its
// controls and its Run buttons without scrolling inside the inspector. Screenshots at
// both sizes are saved with the test's results.
import type { Locator } from '@playwright/test'
import { expect, test } from './fixtures'
import { consoleRun, open, select } from './fixtures/ui'

/** True when the element lies wholly inside the visible box of its scrolling panel, with the panel scrolled to the top. */
async function inView(panel: Locator, el: Locator): Promise<boolean> {
  const p = await panel.boundingBox()
  const b = await el.boundingBox()
  if (!p || !b) return false
  return b.y >= p.y - 0.5 && b.y + b.height <= p.y + p.height + 0.5 && b.x >= p.x - 0.5 && b.x + b.width <= p.x + p.width + 0.5
}

const SIZES = [{ width: 1440, height: 900 }, { width: 1280, height: 720 }]
const TABS = ['view', 'convert', 'copy', 'device', 'edit', 'delete']

test.describe('every control fits', () => {
  for (const size of SIZES) {
    test(`inspector actions at ${size.width}x${size.height}`, async ({ page, app }, testInfo) => {
      await page.setViewportSize(size)
      await open(page, app.url)
      await consoleRun(page, 't = torch.arange(12.).reshape(3, 4)')
      await select(page, 't')
      const panel = page.getByTestId('inspector')
      for (const tab of TABS) {
        await page.getByTestId(`tab-${tab}`).click()
        await panel.evaluate((el) => { el.scrollTop = 0 })
        const buttons = panel.locator('.actions button:visible, .actions select:visible, .actions input:visible')
        const n = await buttons.count()
        expect(n, `${tab} has controls`).toBeGreaterThan(0)
        for (let i = 0; i < n; i++) {
          const b = buttons.nth(i)
          expect(await inView(panel, b), `${tab}: "${(await b.textContent()) ?? ''}" is visible without scrolling`).toBe(true)
        }
        await page.screenshot({ path: testInfo.outputPath(`inspector-${tab}-${size.width}x${size.height}.png`) })
      }
    })
  }
})
