// What the app says is true: the operation log, the names of shared memory, the
// fixes it suggests and the errors it prints read as what happened, in words a
// user checks against NumPy, PyTorch and CPython. Browser mode, through the UI.
import { expect, test } from './fixtures'
import { consoleRun, groupOf, open } from './fixtures/ui'

test.describe('what the app says is true', () => {
  test('the op log calls an allocation an allocation and says why for every row', async ({ page, app }) => {
    await open(page, app.url)
    await consoleRun(page, 'z = np.zeros((1000, 1000))')
    const rows = page.getByTestId('op-row')
    const alloc = rows.filter({ hasText: 'z = np.zeros((1000, 1000))' })
    await expect(alloc).toHaveCount(1)
    await expect(alloc.getByTestId('op-badge')).toHaveText('alloc')
    await expect(alloc.locator('td.num').first()).toHaveText('7.63 MiB')
    await expect(alloc.getByTestId('op-why')).toContainText('new buffer, filled with zeros')
    await consoleRun(page, 'zt = z.T')
    const view = rows.filter({ hasText: 'zt = z.T' })
    await expect(view.getByTestId('op-badge')).toHaveText('view')
    await expect(view.getByTestId('op-why')).toContainText('transpose: strides swapped')
    // Reading elements and a no-op dtype step add no rows of their own.
    await consoleRun(page, 'print(z[0, 1], z[1, 2])')
    await expect(rows.filter({ hasText: 'print(z[0, 1], z[1, 2])' })).toHaveCount(2)
    await consoleRun(page, 'tc = torch.ones(3).cuda()')
    await consoleRun(page, 'u = tc.to("cpu", non_blocking=True)')
    await expect(rows.filter({ hasText: 'u = tc.to("cpu", non_blocking=True)' })).toHaveCount(1)
    await expect(page.locator('[data-testid=op-row][data-op=setSimulateCuda]')).toHaveCount(0)
    // The why cell is never clipped: its text fits its box.
    const cell = view.getByTestId('op-why')
    const fits = await cell.evaluate((el) => el.scrollWidth <= el.clientWidth)
    expect(fits).toBe(true)
  })

  test('sharing is named as sharing, one buffer with one id', async ({ page, app }) => {
    await open(page, app.url)
    await consoleRun(page, 'arr = np.zeros(6)')
    await consoleRun(page, 't = torch.from_numpy(arr)')
    await consoleRun(page, 'b = t.numpy()')
    const group = groupOf(page, 'arr')
    await expect(group.getByTestId('obj-t')).toBeVisible()
    await expect(group.getByTestId('obj-b')).toBeVisible()
    await expect(group.getByTestId('group-storage')).toHaveText(/^48 B · storage #\d+$/)
  })

  test('the fix for numpy() on a cuda tensor names that tensor', async ({ page, app }) => {
    await open(page, app.url)
    await consoleRun(page, 'tc = torch.ones(3).cuda()')
    const entry = await consoleRun(page, 'h = tc.numpy()')
    await expect(entry.getByTestId('console-error')).toContainText("TypeError: can't convert cuda:0 device type tensor to numpy.")
    await expect(entry).toContainText('Suggested fix: copy it to host memory first: tc.cpu().numpy()')
  })

  test('syntax errors read as CPython prints them, caret line included', async ({ page, app }) => {
    await open(page, app.url)
    const unclosed = await consoleRun(page, 'x = (1, 2')
    await expect(unclosed.getByTestId('console-error')).toHaveText('  File "<stdin>", line 1\n    x = (1, 2\n        ^\nSyntaxError: \'(\' was never closed')
    const quote = await consoleRun(page, "s = 'abc")
    await expect(quote.getByTestId('console-error')).toContainText('SyntaxError: unterminated string literal (detected at line 1)')
    await expect(page.getByTestId('obj-s')).toHaveCount(0)
  })

  test('the create form says why a shape is invalid', async ({ page, app }) => {
    await open(page, app.url)
    await page.getByTestId('create-shape').fill('3, -4')
    await expect(page.getByTestId('create-why')).toHaveText('size -4 is negative: every size is 0 or more')
    await page.getByTestId('create-shape').fill('3, x')
    await expect(page.getByTestId('create-why')).toHaveText("'x' is not a size: a shape is whole numbers separated by commas, e.g. 3, 4")
    await expect(page.getByTestId('create-run')).toBeDisabled()
    await page.getByTestId('create-shape').fill('3, 4')
    await expect(page.getByTestId('create-why')).toHaveCount(0)
  })
})
