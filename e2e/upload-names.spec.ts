// Opening a file from the file dialog (an upload in browser mode) names the file by
// its own name everywhere the person reads it: the loading lines, the table, the op
// log, the exported script and errors; never the app's private temp folder.
import { readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { resolve } from 'node:path'
import { expect, test } from './fixtures'
import { consoleRun, obj, open } from './fixtures/ui'

const FIXTURES = resolve(__dirname, '..', 'tests', 'fixtures', 'files')

test('an uploaded file is named by its own name, in the code, the log, the script and errors', async ({ page, app }, testInfo) => {
  await open(page, app.url)
  await page.getByTestId('open-file-input').setInputFiles({ name: 'my weights.npy', mimeType: 'application/octet-stream', buffer: readFileSync(resolve(FIXTURES, 'v1_int16.npy')) })
  await expect(page.getByTestId('file-code')).toHaveText("import numpy as np\nmy_weights = np.load('my weights.npy')")
  await expect(page.getByTestId('file-table').locator('.panel-head')).toContainText('my weights.npy · npy')
  await expect(page.getByTestId('toggle-file-table')).toHaveText('hide my weights.npy')
  await expect(obj(page, 'my_weights')).toBeVisible()
  await expect(page.getByTestId('oplog')).toContainText("np.load('my weights.npy')")
  for (const size of [{ width: 1280, height: 720 }, { width: 1440, height: 900 }]) {
    await page.setViewportSize(size)
    await page.screenshot({ path: testInfo.outputPath(`upload-${size.width}x${size.height}.png`) })
  }
  // A line typed later reads the same file under the same name (NumPy: [[0 1 -2] [3 -4 5]].sum() == 3).
  const typed = await consoleRun(page, "print(np.load('my weights.npy').sum())")
  await expect(typed.getByTestId('console-stdout')).toHaveText('3')
  const script = (await app.request('exportScript')) as { script: string }
  expect(script.script).toContain("my_weights = np.load('my weights.npy')")

  // Bad input: a damaged upload says what is wrong with the file, by its name, and shows no table.
  await page.getByTestId('open-file-input').setInputFiles({ name: 'broken.npy', mimeType: 'application/octet-stream', buffer: Buffer.from('\x93NUMPY\x01\x00garbage') })
  await expect(page.getByTestId('file-error')).toBeVisible()
  await expect(page.getByTestId('file-table')).toHaveCount(0)
  await page.screenshot({ path: testInfo.outputPath('upload-error-1440x900.png') })
  const shown = await page.locator('body').innerText()
  expect(shown).not.toContain('stridescope-files-')
  expect(shown).not.toContain(tmpdir() + '/')
  expect(script.script).not.toContain('stridescope-files-')
})
