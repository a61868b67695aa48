// The Stop button: a run that takes longer than a moment shows it; clicking it ends
// the run in KeyboardInterrupt, and what the program made before stays in the workspace.
import { expect, test } from './fixtures'

test('Stop interrupts a runaway loop and keeps the workspace', async ({ page, app }) => {
  await page.goto(app.url)
  await expect(page.getByTestId('app')).toHaveAttribute('data-ready', 'true')
  const input = page.locator('[data-testid=console-input] .cm-content')
  await input.click()
  await page.keyboard.type('kept = np.arange(6)')
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('obj-kept')).toBeVisible()

  await input.click()
  await page.keyboard.type('n = 0')
  await page.keyboard.press('Shift+Enter')
  await page.keyboard.type('while True:')
  await page.keyboard.press('Shift+Enter')
  await page.keyboard.type('n += 1')
  await page.keyboard.press('ControlOrMeta+Enter')
  await expect(page.getByTestId('console-busy')).toBeVisible()
  const stop = page.getByTestId('console-stop')
  await expect(stop).toBeVisible()
  if (process.env.STRIDESCOPE_SHOTS) {
    for (const [w, h] of [[1440, 900], [1280, 720]]) {
      await page.setViewportSize({ width: w, height: h })
      await page.screenshot({ path: `${process.env.STRIDESCOPE_SHOTS}/stop-${w}x${h}.png` })
    }
  }
  await stop.click()
  const entry = page.getByTestId('console-entry').last()
  await expect(entry).toHaveAttribute('data-error', 'KeyboardInterrupt')
  await expect(entry.getByTestId('console-error')).toContainText(/KeyboardInterrupt$/)
  await expect(stop).toBeHidden()
  await expect(page.getByTestId('console-busy')).toBeHidden()
  await expect(page.getByTestId('obj-kept')).toBeVisible()
  if (process.env.STRIDESCOPE_SHOTS) await page.screenshot({ path: `${process.env.STRIDESCOPE_SHOTS}/stopped-1280x720.png` })
})
