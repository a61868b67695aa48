// A sort is one row of the op log, named as the program wrote it, with what the engine's sort
// kernel really did: np.sort a new array (copy), a.sort() a write into the array it sorted,
// t.sort() new values and indices. Screenshots at both sizes are saved with the test's results.
import { expect, test } from './fixtures'
import { consoleRun, open } from './fixtures/ui'

const SIZES = [{ width: 1440, height: 900 }, { width: 1280, height: 720 }]

test.describe('the op log of sorting', () => {
  for (const size of SIZES) {
    const at = `${size.width}x${size.height}`
    test(`one row per sort, its kernel's own words, at ${at}`, async ({ page, app }, testInfo) => {
      await page.setViewportSize(size)
      await open(page, app.url)
      await consoleRun(page, 'a = np.array([[3., 1., 2.], [0., 5., 4.]])')
      await consoleRun(page, 'b = a.T')
      await consoleRun(page, 's = np.sort(b, axis=0)')
      await consoleRun(page, 'a.sort()')
      await consoleRun(page, 't = torch.tensor([3., 1., 2.])')
      await consoleRun(page, 'v, i = t.sort(descending=True)')
      const rows = page.getByTestId('op-row')
      const expected: [string, string, string][] = [
        ['s = np.sort(b, axis=0)', 'np.sort(...)', "np.sort result: a new array in the input's memory order"],
        ['a.sort()', 'a.sort(...)', 'ndarray.sort: sorted in place along axis 1'],
        ['v, i = t.sort(descending=True)', 't.sort(...)', 'torch.sort result: new values and int64 indices tensors'],
      ]
      for (const [line, name, why] of expected) {
        const row = rows.filter({ hasText: line })
        await expect(row, line).toHaveCount(1)
        await expect(row.getByTestId('op-name')).toHaveText(name)
        await expect(row.getByTestId('op-badge')).toHaveText('copy')
        await expect(row.getByTestId('op-why')).toContainText(why)
      }
      // Two arrays made, one view, three sorts: nothing of the sort's insides.
      await expect(page.getByTestId('oplog-count')).toHaveText('6 operations')
      await page.getByTestId('oplog').screenshot({ path: testInfo.outputPath(`oplog-sort-${at}.png`) })
    })
  }
})
