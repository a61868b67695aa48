// The profiler panel in browser mode: the op log profiled (a transpose-contiguous
// is a copy of the full size), a tiny sweep run from the form with its progress,
// the chart and table of results, CSV export that parses back, and cancel.
// A missing panel or profiler backend fails (only a missing Chromium skips, in ./fixtures).
import { readFileSync } from 'node:fs'
import { sweepFromCsv } from '../src/profiler/export'
import type { Locator, Page } from '@playwright/test'
import { expect, test } from './fixtures'

test.beforeEach(async ({ page, app }) => {
  await page.goto(app.url)
  await expect(page.getByTestId('app')).toHaveAttribute('data-ready', 'true')
  // The App shows the panel as a centre view (toolbar tab 'Profiler').
  await page.getByTestId('view-profiler').click()
  await expect(page.getByTestId('profiler-panel')).toBeVisible()
})

/** The sweep tab, with the form that only a backend serving the profiler requests shows. */
async function openSweepTab(page: Page): Promise<Locator> {
  const panel = page.getByTestId('profiler-panel')
  await panel.getByTestId('profiler-tab-sweep').click()
  await expect(panel.getByTestId('profiler-run')).toBeVisible()
  await expect(panel.getByTestId('profiler-no-backend')).toHaveCount(0)
  return panel
}

test('the op log is profiled: a view moves nothing, a transpose-contiguous its full size', async ({ page, app }) => {
  await app.request('run', { code: 'import torch\nt = torch.ones(64, 32)\nv = t.T\nc = v.contiguous()' })
  const panel = page.getByTestId('profiler-panel')
  await panel.getByTestId('profiler-tab-ops').click()
  const copy = panel.locator('[data-testid="profiler-op-row"][data-kind="copy"]')
  await expect(copy).toHaveCount(1)
  await expect(copy).toContainText('8.00 KiB')
  await expect(copy).toContainText('non-contiguous source')
  await expect(panel.locator('[data-testid="profiler-op-row"][data-kind="view"]').first()).toContainText('0 B')
  await expect(panel.getByTestId('profiler-timeline-bar').first()).toBeAttached()
  await expect(panel.getByTestId('profiler-log-chart')).toHaveAttribute('data-series', '2') // two kinds wrote bytes: alloc (torch.ones) and copy
  // Sorting by bytes puts the 8 KiB rows (the new buffer and its copy) first, the view last.
  await panel.getByTestId('profiler-sort-bytes').click()
  await expect(panel.getByTestId('profiler-op-table')).toHaveAttribute('data-sort', 'bytes:desc')
  await expect(panel.getByTestId('profiler-op-row').first()).toContainText('8.00 KiB')
  await expect(panel.getByTestId('profiler-op-row').last()).toHaveAttribute('data-kind', 'view')
})

test('a tiny sweep runs from the form, plots, and exports CSV that parses back', async ({ page }) => {
  const panel = await openSweepTab(page)
  for (const id of ['tensor', 'contiguous_T']) await panel.getByTestId(`profiler-op-${id}`).uncheck()
  await panel.getByTestId('profiler-op-clone').check()
  await panel.getByTestId('profiler-op-cuda_pinned').check() // the fixture turns the simulated cuda:0 on
  await panel.getByTestId('profiler-sizes').fill('4K,64K')
  await panel.getByTestId('profiler-repeats').fill('3')
  await panel.getByTestId('profiler-run').click()
  await expect(panel.getByTestId('profiler-sweep-row')).toHaveCount(4)
  await expect(panel.getByTestId('profiler-progress')).toHaveAttribute('aria-valuenow', '100')
  await expect(panel.locator('[data-testid="profiler-sweep-row"][data-op="cuda_pinned"]').first()).toContainText('simulated')
  await expect(panel.getByTestId('profiler-chart')).toHaveAttribute('data-series', '2')
  await expect(panel.locator('.uplot')).toBeVisible()

  const [download] = await Promise.all([page.waitForEvent('download'), panel.getByTestId('profiler-export-csv').click()])
  const rows = sweepFromCsv(readFileSync((await download.path())!, 'utf8'))
  expect(rows.map((r) => `${r.op}:${r.bytes}`)).toEqual(['clone:4096', 'clone:65536', 'cuda_pinned:4096', 'cuda_pinned:65536'])
  expect(rows.every((r) => r.seconds.n === 3 && r.bytesMoved === r.bytes)).toBe(true)
  // NumPy's timing beside the engine's, in the table and the CSV (or the caption says why it was not timed).
  const caption = await panel.getByTestId('profiler-sweep-table').locator('caption').innerText()
  expect(caption).toMatch(/NumPy (\S+ timed in the same run|not timed: )/)
  if (caption.includes('timed in the same run')) {
    const clones = panel.locator('[data-testid="profiler-sweep-row"][data-op="clone"]')
    for (const cell of await clones.getByTestId('profiler-numpy-median').all()) await expect(cell).toHaveText(/\d (ns|µs|ms)/)
    expect(rows.filter((r) => r.op === 'clone').every((r) => r.numpy?.expr === 'a.copy()' && r.numpy.seconds.n === 3)).toBe(true)
  }
  await page.setViewportSize({ width: 1440, height: 900 })
  await panel.getByTestId('profiler-sweep-table').scrollIntoViewIfNeeded()
  await page.screenshot({ path: test.info().outputPath('profiler-sweep-1440x900.png') })
})

test('a running sweep can be cancelled', async ({ page }) => {
  const panel = await openSweepTab(page)
  await panel.getByTestId('profiler-sizes').fill('1K,2K,4K,8K,16K,32K,64K,128K,256K,512K,1M,2M')
  await panel.getByTestId('profiler-repeats').fill('200')
  await panel.getByTestId('profiler-run').click()
  await expect(panel.getByTestId('profiler-progress')).toHaveAttribute('data-running', 'true')
  await panel.getByTestId('profiler-cancel').click()
  await expect(panel.getByTestId('profiler-sweep-table')).toHaveAttribute('data-cancelled', 'true')
  expect(await panel.getByTestId('profiler-sweep-row').count()).toBeLessThan(36)
})

test('the profiler agrees with itself: a named peak, small ops with digits, no 0 tick, no unexplained row above 100%', async ({ page, app }) => {
  await app.request('run', { code: 'import numpy as np\na = np.arange(6.0)\nb = a[::2].copy()\nc = np.ones((512, 512)).T.copy()' })
  const panel = page.getByTestId('profiler-panel')
  await panel.getByTestId('profiler-tab-ops').click()
  // The header names what each peak measured: its buffer size and whether it ran in cache.
  await expect(panel.getByTestId('profiler-peak')).toContainText(/memcpy peak [\d.]+ GB\/s \(\d+[KM], out of cache\) · [\d.]+ GB\/s \(\d+[KM], in cache\)/)
  // A 24-byte copy keeps its digits: neither "0.00" GB/s nor "0%" of the peak.
  const small = panel.locator('[data-testid="profiler-op-row"][data-kind="copy"]').filter({ hasText: 'a[::2].copy()' })
  await expect(small).toHaveCount(1)
  const cells = await small.locator('td.num').allInnerTexts()
  expect(cells.join(' | ')).not.toMatch(/(^|\| )0\.00( |$)|(^|\| )0%/)
  // Every row above 100% of its peak says why, under the figure.
  for (const cell of await panel.getByTestId('profiler-peak-cell').all()) {
    const pct = Number.parseFloat(await cell.innerText())
    if (pct > 100) await expect(cell.getByTestId('profiler-above-peak')).toBeVisible()
  }
  // The log axis of GB/s labels no tick "0".
  const chart = panel.getByTestId('profiler-log-chart')
  await expect(chart).toHaveAttribute('data-y-ticks', /\d/)
  expect((await chart.getAttribute('data-y-ticks'))!.split(' ')).not.toContain('0')
  await page.setViewportSize({ width: 1440, height: 900 })
  await page.screenshot({ path: test.info().outputPath('profiler-1440x900.png') })
})
