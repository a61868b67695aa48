// Nothing is lost: switching the simulated device, opening files and loading tensors
// keep the user's workspace as it was, and say what changed. Browser mode, through the UI.
import { expect, test } from './fixtures'
import { consoleRun, obj, open, select } from './fixtures/ui'

test.describe('nothing is lost', () => {
  test('turning the simulated device off asks, removes only its objects and keeps the rest as they were', async ({ page, app }) => {
    await open(page, app.url)
    await consoleRun(page, 'r = np.random.rand(3, 3)')
    await consoleRun(page, 'tc = torch.ones(4).cuda()')
    const value = await (await consoleRun(page, 'print(float(r[0, 0]))')).getByTestId('console-stdout').textContent()
    await select(page, 'r')
    const ptr = await page.getByTestId('insp-data-ptr').textContent()
    const asked: string[] = []
    page.once('dialog', (d) => { asked.push(d.message()); void d.accept() })
    await page.getByTestId('toggle-sim-cuda').uncheck()
    await expect(obj(page, 'tc')).toHaveCount(0)
    expect(asked[0]).toContain('tc lives on it and will be removed')
    await expect(page.getByTestId('console-note').last()).toHaveText('# simulated CUDA device off: tc removed (their memory was on it)')
    await expect(obj(page, 'r')).toBeVisible()
    await select(page, 'r')
    await expect(page.getByTestId('insp-data-ptr')).toHaveText(ptr!)
    await expect((await consoleRun(page, 'print(float(r[0, 0]))')).getByTestId('console-stdout')).toHaveText(value!)
    // On again: the device is back and nothing else changed.
    await page.getByTestId('toggle-sim-cuda').check()
    await expect(page.getByTestId('toggle-sim-cuda')).toBeChecked()
    await select(page, 'r')
    await expect(page.getByTestId('insp-data-ptr')).toHaveText(ptr!)
    const moved = await consoleRun(page, 'd = r.copy()')
    await expect(moved).toHaveAttribute('data-error', '')
  })
})
