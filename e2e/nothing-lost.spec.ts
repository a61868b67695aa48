// Nothing is lost: switching the simulated device, opening files and loading tensors
// keep the user's workspace as it was, and say what changed. Browser mode, through the UI.
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { expect, test } from './fixtures'
import { consoleRun, obj, open, select } from './fixtures/ui'

const FIXTURES = resolve(__dirname, '..', 'tests', 'fixtures', 'files')

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
    await page.getByTestId('toggle-sim-cuda').click()
    await expect(obj(page, 'tc')).toHaveCount(0)
    expect(asked[0]).toContain('tc lives on it and will be removed')
    await expect(page.getByTestId('console-note').last()).toHaveText('# simulated CUDA device off: tc removed (their memory was on it)')
    await expect(obj(page, 'r')).toBeVisible()
    await select(page, 'r')
    await expect(page.getByTestId('insp-data-ptr')).toHaveText(ptr!)
    await expect((await consoleRun(page, 'print(float(r[0, 0]))')).getByTestId('console-stdout')).toHaveText(value!)
    // On again: the device is back and nothing else changed.
    // A controlled box: it shows the session's answer, which comes back a moment after the click.
    await page.getByTestId('toggle-sim-cuda').click()
    await expect(page.getByTestId('toggle-sim-cuda')).toBeChecked()
    await select(page, 'r')
    await expect(page.getByTestId('insp-data-ptr')).toHaveText(ptr!)
    const moved = await consoleRun(page, 'd = r.copy()')
    await expect(moved).toHaveAttribute('data-error', '')
  })

  test('opening a file never shadows a name; a failed open clears the table', async ({ page, app }) => {
    const dir = mkdtempSync(join(tmpdir(), 'stridescope-e2e-'))
    try {
      const file = join(dir, 'bool.npy')
      copyFileSync(join(FIXTURES, 'v1_bool.npy'), file)
      await open(page, app.url)
      await page.getByTestId('open-file-path').fill(file)
      await page.getByTestId('open-file-path').press('Enter')
      await expect(page.getByTestId('file-code')).toContainText(`bool_npy = np.load('${file}')`)
      await expect(page.getByTestId('file-table')).toContainText('bool_npy')
      await expect(obj(page, 'bool_npy')).toBeVisible()
      const made = await consoleRun(page, 'z = np.zeros(3, dtype=bool)')
      await expect(made).toHaveAttribute('data-error', '')
      await expect(obj(page, 'z')).toBeVisible()
      // A file that fails to open shows its error and no table (not the previous file's).
      const junk = join(dir, 'junk.npy')
      writeFileSync(junk, '\x93NUMPY\x01\x00garbage')
      await page.getByTestId('open-file-path').fill(junk)
      await page.getByTestId('open-file-path').press('Enter')
      await expect(page.getByTestId('file-error')).toBeVisible()
      await expect(page.getByTestId('file-table')).toHaveCount(0)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  test('a .safetensors whose int64 tensor is unaligned opens, and the op log says it was copied', async ({ page, app }) => {
    const dir = mkdtempSync(join(tmpdir(), 'stridescope-e2e-'))
    try {
      const header = JSON.stringify({ small: { dtype: 'U8', shape: [6], data_offsets: [0, 6] }, big: { dtype: 'I64', shape: [2], data_offsets: [6, 22] } })
      const len = Buffer.alloc(8)
      len.writeBigUInt64LE(BigInt(header.length))
      const data = Buffer.alloc(22)
      data.writeBigInt64LE(7n, 6)
      const file = join(dir, 'model.safetensors')
      writeFileSync(file, Buffer.concat([len, Buffer.from(header), data]))
      await open(page, app.url)
      await page.getByTestId('open-file-path').fill(file)
      await page.getByTestId('open-file-path').press('Enter')
      await expect(page.getByTestId('file-table')).toContainText('model_big')
      await expect(page.getByTestId('file-error')).toHaveCount(0)
      await expect(obj(page, 'model_big')).toBeVisible()
      const row = page.getByTestId('op-row').filter({ hasText: 'unaligned in the file' })
      await expect(row.getByTestId('op-badge')).toHaveText('copy')
      await expect(row.getByTestId('op-why')).toContainText('copied into an aligned buffer')
      await expect((await consoleRun(page, 'print(model_big.tolist())')).getByTestId('console-stdout')).toHaveText('[7, 0]')
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  test('starting a lesson asks first, saying the workspace is put aside', async ({ page, app }) => {
    await open(page, app.url)
    await consoleRun(page, 'mine = np.arange(3)')
    await page.getByTestId('open-presenter').click()
    const asked: string[] = []
    page.once('dialog', (d) => { asked.push(d.message()); void d.dismiss() })
    await page.getByTestId(/^lesson-\d\d_/).first().click()
    await expect.poll(() => asked.length).toBe(1)
    expect(asked[0]).toBe('Start the lesson? It runs in an empty workspace of its own. Yours (1 object, 1 line of history, the console) ' +
      'is put aside and comes back as it was when you leave the lessons.')
    // Declined: the list stays and the workspace keeps its object.
    await expect(page.getByTestId('presenter-picker')).toBeVisible()
    await page.getByTestId('presenter-exit').click()
    await expect(obj(page, 'mine')).toBeVisible()
  })
})
