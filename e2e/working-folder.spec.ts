// The working folder in the console's title: it shows where the programs' relative file paths
// resolve; in browser mode a click opens a path field that the backend checks (a missing folder
// is refused with the reason and nothing changes); once set, np.save('x.npy') typed in the
// console lands in the new folder, and an absolute path typed there is taken as typed.
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { expect, test } from './fixtures'
import { ROOT } from './fixtures/renderer-build'

test('the working folder is shown, checked, changed, and used by typed lines', async ({ page, app }) => {
  const top = fs.mkdtempSync(path.join(os.tmpdir(), 'stridescope-e2e-folder-'))
  const chosen = path.join(top, 'experiments', 'run-3')
  fs.mkdirSync(chosen, { recursive: true })
  try {
    await page.goto(app.url)
    await expect(page.getByTestId('app')).toHaveAttribute('data-ready', 'true')
    const button = page.getByTestId('working-folder-button')
    // serve's default: the folder it was started in (here the repository)
    await expect(button).toHaveAttribute('title', new RegExp(`^Working folder: ${ROOT.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\n`))

    await button.click()
    const input = page.getByTestId('working-folder-input')
    await input.fill(path.join(top, 'missing'))
    await page.getByTestId('working-folder-save').click()
    await expect(page.getByTestId('working-folder-why')).toHaveText(`no such folder: "${path.join(top, 'missing')}"`)
    await expect(input).toHaveAttribute('aria-invalid', 'true')
    if (process.env.STRIDESCOPE_SHOTS) {
      for (const [w, h] of [[1440, 900], [1280, 720]]) {
        await page.setViewportSize({ width: w, height: h })
        await page.screenshot({ path: `${process.env.STRIDESCOPE_SHOTS}/working-folder-refused-${w}x${h}.png` })
      }
    }

    await input.fill(chosen)
    await page.getByTestId('working-folder-save').click()
    await expect(page.getByTestId('working-folder-form')).toBeHidden()
    await expect(button).toHaveText(chosen.length <= 36 ? chosen : '…/experiments/run-3')
    await expect(button).toHaveAttribute('title', new RegExp(`^Working folder: ${chosen}\\n`))

    const editor = page.locator('[data-testid=console-input] .cm-content')
    const typed = path.join(top, 'typed.npy')
    for (const line of ["np.save('x.npy', np.arange(3))", `np.save('${typed}', np.arange(2))`]) {
      await editor.click()
      await page.keyboard.type(line)
      await page.keyboard.press('Enter')
    }
    await expect(page.getByTestId('console-entry')).toHaveCount(3) // the imports, then the two lines
    await expect(page.getByTestId('console-entry').last()).not.toHaveAttribute('data-error', /.+/)
    expect(fs.existsSync(path.join(chosen, 'x.npy'))).toBe(true)
    expect(fs.existsSync(typed)).toBe(true)
    if (process.env.STRIDESCOPE_SHOTS) {
      for (const [w, h] of [[1440, 900], [1280, 720]]) {
        await page.setViewportSize({ width: w, height: h })
        await page.screenshot({ path: `${process.env.STRIDESCOPE_SHOTS}/working-folder-${w}x${h}.png` })
      }
    }
  } finally {
    await app.request('setWorkingFolder', { path: ROOT })
    fs.rmSync(top, { recursive: true, force: true })
  }
})
