// The renderer's scenarios, end to end: every step goes through the UI (forms,
// buttons, the console) to the real session and back. Tests wait on state the
// page exposes (data-ready, data-revision, data-values-revision, test ids),
// never on time. The same scenarios run in browser mode (Chromium) and, where
// the binary exists, in Electron.
import type { Page } from '@playwright/test'
import { electronTest, expect, test } from './fixtures'
import { consoleRun, createWithForm, groupOf, obj, open, pixelVariance, ready, select, valuesShown } from './fixtures/ui'

// ---------- scenarios ----------

const scenarios: Record<string, (page: Page) => Promise<void>> = {
  async 'create an array from the form'(page) {
    await createWithForm(page, { lib: 'np', fill: 'arange', dtype: 'float32', shape: '3, 4', name: 'a' })
    await expect(page.getByTestId('console-entry').last()).toContainText('a = np.arange(12, dtype=np.float32).reshape((3, 4))')
    await expect(page.getByTestId('insp-kind')).toHaveText('numpy.ndarray')
    await expect(page.getByTestId('insp-shape')).toHaveText('(3, 4)')
    await expect(page.getByTestId('insp-byte-strides')).toHaveText('(16, 4)')
    await valuesShown(page, 'a')
    await expect(page.getByTestId('logical-view')).toHaveAttribute('data-mode', 'cubes')
    await expect(page.getByTestId('logical-view')).toHaveAttribute('data-cells', '12')
    await expect(page.getByTestId('legend-min')).toHaveText('0')
    await expect(page.getByTestId('legend-max')).toHaveText('11')
  },

  async 'from_numpy shares the array\'s memory'(page) {
    await createWithForm(page, { lib: 'np', fill: 'arange', dtype: 'float64', shape: '2, 3', name: 'a' })
    const ptr = await page.getByTestId('insp-data-ptr').textContent()
    await page.getByTestId('tab-convert').click()
    await page.getByTestId('out-name').fill('t')
    await page.getByTestId('convert-from_numpy').click()
    await expect(obj(page, 't')).toBeVisible()
    await expect(page.getByTestId('insp-kind')).toHaveText('torch.Tensor')
    await expect(page.getByTestId('insp-strides')).toHaveText('(3, 1)')
    await expect(page.getByTestId('insp-data-ptr')).toHaveText(ptr!)
    // One memory block holds both: the same bytes, seen by two libraries.
    await expect(groupOf(page, 'a')).toHaveCount(1)
    await expect(groupOf(page, 'a').getByTestId('obj-t')).toBeVisible()
    await expect(page.getByTestId('op-row').first().getByTestId('op-badge')).toHaveText('view')
  },

  async 'editing an element changes the object that shares it'(page) {
    await consoleRun(page, 'a = np.arange(12, dtype=np.float32).reshape(3, 4)')
    await consoleRun(page, 't = torch.from_numpy(a)')
    await select(page, 't')
    await valuesShown(page, 't')
    await expect(page.getByTestId('legend-max')).toHaveText('11')
    await select(page, 'a')
    await page.getByTestId('tab-edit').click()
    await page.getByTestId('edit-index').fill('1, 2')
    await page.getByTestId('edit-value').fill('99')
    await expect(page.getByTestId('object-actions').getByTestId('line-preview')).toHaveText('a[1, 2] = 99')
    await page.getByTestId('run-edit').click()
    await expect(page.getByTestId('action-ok')).toBeVisible()
    await select(page, 't')
    await valuesShown(page, 't')
    await expect(page.getByTestId('legend-max')).toHaveText('99')
  },

  async 'transpose shows swapped strides in the inspector'(page) {
    await createWithForm(page, { lib: 'torch', fill: 'arange', dtype: 'float32', shape: '3, 4', name: 't' })
    await expect(page.getByTestId('insp-strides')).toHaveText('(4, 1)')
    await page.getByTestId('tab-view').click()
    await page.getByTestId('view-op').selectOption('transpose')
    await page.getByTestId('view-arg1').fill('0')
    await page.getByTestId('view-arg2').fill('1')
    await page.getByTestId('out-name').fill('b')
    await expect(page.getByTestId('object-actions').getByTestId('line-preview')).toHaveText('b = t.transpose(0, 1)')
    await page.getByTestId('run-view').click()
    await expect(obj(page, 'b')).toBeVisible()
    await expect(page.getByTestId('insp-shape')).toHaveText('(4, 3)')
    await expect(page.getByTestId('insp-strides')).toHaveText('(1, 4)')
    await expect(page.getByTestId('insp-byte-strides')).toHaveText('(4, 16)')
    await expect(page.getByTestId('insp-flags').locator('.flag.on', { hasText: 'C_CONTIGUOUS' })).toHaveCount(0)
    await expect(groupOf(page, 't').getByTestId('obj-b')).toBeVisible()
  },

  async 'as_strided says before it runs what the engine would raise'(page) {
    await consoleRun(page, 't = torch.arange(3.)')
    await select(page, 't')
    await page.getByTestId('tab-view').click()
    await page.getByTestId('view-op').selectOption('as_strided')
    await page.getByTestId('view-arg1').fill('4')
    await page.getByTestId('view-arg2').fill('1')
    await page.getByTestId('view-arg3').fill('0')
    // The engine's own message (a dry run through the session), as running the line would raise it.
    await expect(page.getByTestId('live-check')).toHaveText(
      'would raise RuntimeError: setStorage: sizes [4], strides [1], storage offset 0, and itemsize 4 requiring a storage size of 16 are out of bounds for storage of size 12')
    await expect(page.getByTestId('run-view')).toBeDisabled()
    await page.getByTestId('view-arg1').fill('3')
    await expect(page.getByTestId('live-check')).toHaveCount(0)
    await expect(page.getByTestId('run-view')).toBeEnabled()
    // The dry run made nothing: the only objects are those the console made.
    await expect(page.getByTestId('workspace').locator('[data-testid^="obj-"]')).toHaveCount(1)
  },

  async 'contiguous() of a transposed view makes a new storage'(page) {
    await consoleRun(page, 't = torch.arange(12.).reshape(3, 4)')
    await consoleRun(page, 'b = t.t()')
    await select(page, 'b')
    await page.getByTestId('tab-copy').click()
    await page.getByTestId('out-name').fill('c')
    await page.getByTestId('copy-contiguous').click()
    await expect(obj(page, 'c')).toBeVisible()
    await expect(page.getByTestId('insp-strides')).toHaveText('(3, 1)')
    // c is in a memory block of its own; b stays with t.
    await expect(groupOf(page, 'c').getByTestId('obj-b')).toHaveCount(0)
    await expect(groupOf(page, 'b').getByTestId('obj-t')).toBeVisible()
    const row = page.getByTestId('op-row').filter({ hasText: 'c = b.contiguous()' }).first()
    await expect(row).toHaveAttribute('data-copied', 'true')
    await expect(row.getByTestId('op-badge')).toHaveText('copy')
  },

  async 'numpy() on a simulated cuda tensor shows the error and the fix'(page) {
    await createWithForm(page, { lib: 'torch', fill: 'ones', dtype: 'float32', shape: '2, 3', name: 'g', device: 'cuda:0' })
    await expect(page.getByTestId('insp-device')).toContainText('cuda:0')
    await expect(page.getByTestId('insp-device')).toContainText('simulated')
    await page.getByTestId('tab-convert').click()
    await page.getByTestId('out-name').fill('n')
    await page.getByTestId('convert-numpy').click()
    await expect(page.getByTestId('action-error-text')).toHaveText(
      "TypeError: can't convert cuda:0 device type tensor to numpy. Use Tensor.cpu() to copy the tensor to host memory first.")
    await expect(page.getByTestId('action-error-hint')).toContainText('.cpu()')
    await expect(obj(page, 'n')).toHaveCount(0)
  },

  async 'console round trip: output, errors as Python prints them, history'(page) {
    await consoleRun(page, 'x = np.arange(5)')
    await expect(obj(page, 'x')).toBeVisible()
    const out = await consoleRun(page, 'print(x * 2)')
    await expect(out.getByTestId('console-stdout')).toHaveText('[0 2 4 6 8]')
    const err = await consoleRun(page, 'x[7]')
    await expect(err).toHaveAttribute('data-error', 'IndexError')
    await expect(err.getByTestId('console-error')).toContainText('IndexError: index 7 is out of bounds for axis 0 with size 5')
    await expect(err.getByTestId('console-error')).toContainText('Traceback (most recent call last):')
    // Up brings the last line back; Enter runs it again.
    await page.locator('[data-testid=console-input] .cm-content').click()
    await page.keyboard.press('ArrowUp')
    await expect(page.locator('[data-testid=console-input] .cm-content')).toHaveText('x[7]')
    await page.keyboard.press('ArrowUp')
    await expect(page.locator('[data-testid=console-input] .cm-content')).toHaveText('print(x * 2)')
  },

  async 'the 3D views draw: canvases are not blank, small objects as cubes and 1M elements as texture slices'(page) {
    await consoleRun(page, 'c = torch.rand(16, 16, 16)')
    await select(page, 'c')
    await valuesShown(page, 'c')
    await expect(page.getByTestId('logical-view')).toHaveAttribute('data-mode', 'cubes')
    const logical = page.getByTestId('logical-canvas')
    await expect(logical).not.toHaveAttribute('data-frames', '0')
    expect(await pixelVariance(page, logical)).toBeGreaterThan(20)
    expect(await pixelVariance(page, page.getByTestId('memory-canvas'))).toBeGreaterThan(20)
    await consoleRun(page, 'big = torch.rand(100, 100, 100)')
    await select(page, 'big')
    await valuesShown(page, 'big')
    await expect(page.getByTestId('logical-view')).toHaveAttribute('data-mode', 'slices')
    await expect(page.getByTestId('logical-view')).toHaveAttribute('data-cells', '1000000')
    expect(await pixelVariance(page, logical)).toBeGreaterThan(20)
  }
}

const browserOnly: Record<string, (page: Page) => Promise<void>> = {
  async 'keyboard shortcuts, themes and PNG export'(page) {
    await consoleRun(page, 'm = np.arange(6.).reshape(2, 3)')
    // Single keys are shortcuts only outside text fields: leave the editor.
    await page.locator('[data-testid=console-input] .cm-content').blur()
    const theme = await page.locator('html').getAttribute('data-theme')
    await page.keyboard.press('t')
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme === 'dark' ? 'light' : 'dark')
    await page.keyboard.press('2')
    await expect(page.getByTestId('memory-view')).toBeVisible()
    await expect(page.getByTestId('logical-view')).toHaveCount(0)
    await page.keyboard.press('3')
    await expect(page.getByTestId('logical-view')).toBeVisible()
    await page.keyboard.press('?')
    await expect(page.getByTestId('help-dialog')).toBeVisible()
    await page.keyboard.press('Escape')
    await expect(page.getByTestId('help-dialog')).toHaveCount(0)
    await valuesShown(page, 'm')
    const download = page.waitForEvent('download')
    await page.getByTestId('export-png').click()
    const file = await (await download).createReadStream()
    const chunks: Buffer[] = []
    for await (const c of file) chunks.push(c as Buffer)
    const png = Buffer.concat(chunks)
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG')
    expect(png.length).toBeGreaterThan(1000)
  }
}

// ---------- registration: browser mode, then Electron ----------

test.describe('renderer in browser mode', () => {
  for (const [name, run] of Object.entries({ ...scenarios, ...browserOnly })) {
    test(name, async ({ page, app }) => {
      await open(page, app.url)
      await run(page)
    })
  }
})

electronTest.describe('renderer in Electron', () => {
  for (const [name, run] of Object.entries(scenarios)) {
    electronTest(name, async ({ electronPage }) => {
      await open(electronPage)
      await run(electronPage)
    })
  }
})
