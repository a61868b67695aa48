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

test.describe('nothing is hidden in a panel', () => {
  for (const size of SIZES) {
    const at = `${size.width}x${size.height}`
    test(`the as_strided error and the Run button at ${at}`, async ({ page, app }, testInfo) => {
      await page.setViewportSize(size)
      await open(page, app.url)
      await consoleRun(page, 't = torch.arange(12.).reshape(3, 4)')
      await select(page, 't')
      const panel = page.getByTestId('inspector')
      await page.getByTestId('tab-view').click()
      await page.getByTestId('view-op').selectOption('as_strided')
      // Bad input: a window that reaches past the 48 bytes of t's storage.
      await page.getByTestId('view-arg1').fill('10, 10')
      await page.getByTestId('view-arg2').fill('1, 1')
      const check = page.getByTestId('live-check')
      await expect(check).toHaveText('would raise RuntimeError: setStorage: sizes [10, 10], strides [1, 1], storage offset 0, and itemsize 4 ' +
        'requiring a storage size of 76 are out of bounds for storage of size 48')
      await panel.evaluate((el) => { el.scrollTop = 0 })
      expect(await inView(panel, check), 'the whole error is visible without scrolling').toBe(true)
      expect(await inView(panel, page.getByTestId('run-view')), 'Run is visible without scrolling').toBe(true)
      await expect(page.getByTestId('run-view')).toBeDisabled()
      await page.screenshot({ path: testInfo.outputPath(`as-strided-error-${at}.png`) })
    })

    test(`every lesson step's code is whole and in view at ${at}`, async ({ page, app }, testInfo) => {
      test.setTimeout(180_000)
      await page.setViewportSize(size)
      await open(page, app.url)
      await page.getByTestId('open-presenter').click()
      for (const lesson of ['06_strides_and_views', '09_misconceptions']) {
        await page.getByTestId(`lesson-${lesson}`).click()
        const presenter = page.getByTestId('presenter')
        await expect(presenter).toHaveAttribute('data-position', 'intro')
        while (await presenter.getAttribute('data-position') !== 'end') {
          await page.keyboard.press('ArrowRight')
          await expect(presenter).toHaveAttribute('data-busy', 'false')
          const position = await presenter.getAttribute('data-position')
          if (position === 'end') break
          const code = page.getByTestId('presenter-code')
          // Not cut: no part to scroll to sideways, and the whole block inside the text column as shown.
          const cut = await code.evaluate((el) => el.scrollWidth - el.clientWidth)
          expect(cut, `${lesson} ${position}: the code is wider than its box`).toBeLessThanOrEqual(0)
          const column = page.locator('.presenter-text')
          await column.evaluate((el) => { el.scrollTop = 0 })
          expect(await inView(column, code), `${lesson} ${position}: the code is in view without scrolling`).toBe(true)
          if (lesson === '06_strides_and_views' && position === 'shown:5') {
            await expect(code).toContainText('strides=(8, 8)')
            await page.screenshot({ path: testInfo.outputPath(`lesson6-step6-${at}.png`) })
          }
        }
        await page.getByTestId('presenter-lessons').click()
      }
    })
  }

  test('the workspace list can grow: a divider moved by mouse or keys, kept across a reload', async ({ page, app }, testInfo) => {
    await page.setViewportSize({ width: 1280, height: 720 })
    await open(page, app.url)
    await consoleRun(page, Array.from({ length: 12 }, (_, i) => `x${i} = np.zeros(${i + 1})`).join('; '))
    await expect(page.getByTestId('obj-x11')).toBeAttached()
    const list = page.getByTestId('workspace-list')
    const handle = page.getByTestId('split-workspace-form')
    /** How many object rows the list shows whole, scrolled to the top. */
    const rowsShown = async (): Promise<number> => {
      await list.evaluate((el) => { el.scrollTop = 0 })
      let n = 0
      for (const row of await list.locator('[data-testid^=obj-]').all()) if (await inView(list, row)) n++
      return n
    }
    const rowsBefore = await rowsShown()
    await expect(handle).toHaveAttribute('aria-label', 'Resize: the workspace list and the New form')
    const before = (await list.boundingBox())!.height
    // Keyboard: focus the divider, move it down.
    await handle.focus()
    for (let i = 0; i < 4; i++) await page.keyboard.press('Shift+ArrowDown')
    await expect.poll(async () => (await list.boundingBox())!.height).toBeGreaterThan(before + 100)
    // Bad input: far past the end, the form keeps its minimum and stays usable.
    await page.keyboard.press('End')
    for (let i = 0; i < 5; i++) await page.keyboard.press('Shift+ArrowDown')
    const form = page.getByTestId('create-form')
    expect((await form.boundingBox())!.height).toBeGreaterThanOrEqual(71)
    await expect(page.getByTestId('create-toggle')).toBeVisible()
    // Mouse: drag it back up a little.
    const h = (await handle.boundingBox())!
    await page.mouse.move(h.x + h.width / 2, h.y + h.height / 2)
    await page.mouse.down()
    await page.mouse.move(h.x + h.width / 2, h.y - 40, { steps: 4 })
    await page.mouse.up()
    const grown = (await list.boundingBox())!.height
    expect(grown).toBeGreaterThan(before + 60)
    expect(await rowsShown(), 'more of the workspace is in view').toBeGreaterThan(rowsBefore)
    await page.screenshot({ path: testInfo.outputPath('workspace-list-grown-1280x720.png') })
    // A reload keeps the size.
    await page.reload()
    await open(page)
    await expect.poll(async () => Math.round((await list.boundingBox())!.height)).toBe(Math.round(grown))
    // Folding the form gives the list the whole panel; unfolding brings the divider back where it was.
    await page.getByTestId('create-toggle').click()
    await expect(handle).toHaveCount(0)
    expect((await list.boundingBox())!.height).toBeGreaterThan(grown)
    await page.getByTestId('create-toggle').click()
    await expect.poll(async () => Math.round((await list.boundingBox())!.height)).toBe(Math.round(grown))
    // In a bigger window the divider keeps the form's size; the list takes the rest.
    await page.setViewportSize({ width: 1440, height: 900 })
    await expect.poll(async () => (await list.boundingBox())!.height).toBeGreaterThan(grown + 100)
    await page.screenshot({ path: testInfo.outputPath('workspace-list-1440x900.png') })
  })
})
