// The memory cap: the workspace header shows each device's live bytes against its cap;
// the person lowers the cpu cap, an array past it fails with NumPy's out-of-memory error
// in the console, the objects made before stay, and the cap survives a reload.
import { expect, test } from './fixtures'

test('the memory cap is shown, set, enforced with NumPy\'s error and kept across a reload', async ({ page, app }) => {
  await page.goto(app.url)
  await expect(page.getByTestId('app')).toHaveAttribute('data-ready', 'true')
  const input = page.locator('[data-testid=console-input] .cm-content')
  const run = async (line: string) => {
    await input.click()
    await page.keyboard.type(line)
    await page.keyboard.press('Enter')
  }
  await run('a = np.ones((1000, 1000))')
  await expect(page.getByTestId('obj-a')).toBeVisible()
  // 8,000,000 bytes live on the cpu, against the default cap (half of RAM); the simulated device is listed too.
  await expect(page.getByTestId('memory-cpu')).toHaveText(/^cpu 7\.63 MiB \/ [\d.]+ GiB$/)
  await expect(page.getByTestId('memory-cuda:0')).toHaveText(/^cuda:0 0 B \/ [\d.]+ GiB$/)

  await page.getByTestId('memory-cap-button').click()
  await page.getByTestId('memory-cap-cpu').fill('16M')
  if (process.env.STRIDESCOPE_SHOTS) {
    for (const [w, h] of [[1440, 900], [1280, 720]]) {
      await page.setViewportSize({ width: w, height: h })
      await page.screenshot({ path: `${process.env.STRIDESCOPE_SHOTS}/memory-cap-form-${w}x${h}.png` })
    }
  }
  await page.getByTestId('memory-cap-save').click()
  await expect(page.getByTestId('memory-cap-form')).toBeHidden()
  await expect(page.getByTestId('memory-cpu')).toHaveText('cpu 7.63 MiB / 16.0 MiB')

  await run('b = np.ones((2000, 1000))')
  const entry = page.getByTestId('console-entry').last()
  await expect(entry).toHaveAttribute('data-error', '_ArrayMemoryError')
  await expect(entry.getByTestId('console-error')).toContainText(
    'numpy._core._exceptions._ArrayMemoryError: Unable to allocate 15.3 MiB for an array with shape (2000, 1000) and data type float64')
  await expect(page.getByTestId('obj-a')).toBeVisible()
  await expect(page.getByTestId('obj-b')).toHaveCount(0)
  await expect(page.getByTestId('memory-cpu')).toHaveText('cpu 7.63 MiB / 16.0 MiB')
  if (process.env.STRIDESCOPE_SHOTS) {
    for (const [w, h] of [[1440, 900], [1280, 720]]) {
      await page.setViewportSize({ width: w, height: h })
      await page.screenshot({ path: `${process.env.STRIDESCOPE_SHOTS}/memory-cap-${w}x${h}.png` })
    }
  }

  // As after a restart: the session forgets the cap; the window gives it back from its settings.
  await app.request('setMemoryCaps', { cpu: null, cuda: null })
  await page.reload()
  await expect(page.getByTestId('app')).toHaveAttribute('data-ready', 'true')
  await expect(page.getByTestId('memory-cpu')).toHaveText('cpu 7.63 MiB / 16.0 MiB')
})
