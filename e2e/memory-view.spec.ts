// The memory and logical views at real sizes, end to end in browser mode:
// canvas pixels are read back and compared with the colour the layout says a
// cell must have (the colormap colour of the logical element stored there,
// neutral grey for gaps); labels, row widths, layout costs and the walk are
// read from the page. Screenshots of a permuted 4-D tensor, a step slice and
// an expanded tensor are saved with the test's output (test-results/).
/* eslint-disable @typescript-eslint/no-explicit-any -- page functions run in the browser; this file is type-checked without the DOM library */
import type { Page, TestInfo } from '@playwright/test'
import { expect, test } from './fixtures'
import { logicalT, rampBytes, wallColors } from '../src/renderer/src/model/cellFacts'

async function run(page: Page, code: string): Promise<void> {
  const err = await page.evaluate((c) => (globalThis as any).__stridescope.controller.runAction(c), code)
  expect(err).toBeNull()
  await expect(page.getByTestId('app')).toHaveAttribute('data-ready', 'true')
}

/** Where the view draws a byte of the block or an element (CSS px in the page), after the view has settled. */
async function locate(page: Page, view: 'memory' | 'logical', q: { byte: number; at?: [number, number] } | { index: number[] }): Promise<{ x: number; y: number }> {
  const canvas = page.getByTestId(`${view}-canvas`)
  const box = (await canvas.boundingBox())!
  const p = await page.evaluate(([v, qq]) => (globalThis as any).__stridescope.views.get(v as string)!.locate(qq), [view, q] as const)
  expect(p, `${view} view draws ${JSON.stringify(q)}`).not.toBeNull()
  return { x: box.x + p!.x, y: box.y + p!.y }
}

/** RGB of the page's pixel at (x, y), read from a screenshot (what the person sees). */
async function pixel(page: Page, at: { x: number; y: number }): Promise<[number, number, number]> {
  const png = await page.screenshot({ clip: { x: Math.round(at.x) - 1, y: Math.round(at.y) - 1, width: 3, height: 3 } })
  return page.evaluate(async (b64) => {
    const w = globalThis as unknown as { Image: new () => any; document: any } // eslint-disable-line @typescript-eslint/no-explicit-any
    const img = new w.Image()
    img.src = `data:image/png;base64,${b64}`
    await img.decode()
    const c = w.document.createElement('canvas')
    c.width = img.width
    c.height = img.height
    const g = c.getContext('2d')
    g.drawImage(img, 0, 0)
    const d = g.getImageData(1, 1, 1, 1).data
    return [d[0], d[1], d[2]] as [number, number, number]
  }, png.toString('base64'))
}

function near(got: number[], want: number[], tol = 3): boolean {
  return got.every((v, i) => Math.abs(v - want[i]) <= tol)
}

/** Where a view (by registered name, e.g. 'logical-pinned') draws something, in page CSS px. */
async function locateIn(page: Page, name: string, canvasId: string, q: { byte: number; at?: [number, number] } | { index: number[] }): Promise<{ x: number; y: number }> {
  const box = (await page.getByTestId(canvasId).boundingBox())!
  const p = await page.evaluate(([v, qq]) => (globalThis as any).__stridescope.views.get(v as string)!.locate(qq), [name, q] as const)
  expect(p, `${name} draws ${JSON.stringify(q)}`).not.toBeNull()
  return { x: box.x + p!.x, y: box.y + p!.y }
}

const brightness = (rgb: number[]): number => rgb[0] + rgb[1] + rgb[2]

/** Waits until the memory view has drawn the current workspace for `name`. */
async function memoryShows(page: Page, name: string): Promise<void> {
  await expect(page.getByTestId('inspector').locator('.panel-head')).toContainText(name)
  await expect(page.getByTestId('memory-legend')).toContainText(name)
  await expect(page.getByTestId('memory-canvas')).not.toHaveAttribute('data-frames', '0')
  // Two animation frames: the last React update has reached the canvas.
  await page.evaluate(() => new Promise((r) => (globalThis as any).requestAnimationFrame(() => (globalThis as any).requestAnimationFrame(r))))
}

async function shots(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  for (const [w, h] of [[1440, 900], [1280, 720]]) {
    await page.setViewportSize({ width: w, height: h })
    await page.evaluate(() => new Promise((r) => (globalThis as any).requestAnimationFrame(() => (globalThis as any).requestAnimationFrame(r))))
    await page.screenshot({ path: testInfo.outputPath(`${name}-${w}x${h}.png`) })
  }
}

async function theme(page: Page): Promise<'dark' | 'light'> {
  return (await page.locator('html').getAttribute('data-theme')) === 'light' ? 'light' : 'dark'
}

test.describe('memory view at real sizes', () => {
  test.beforeEach(async ({ page, app }) => {
    await page.setViewportSize({ width: 1440, height: 900 })
    await page.goto(app.url)
    await expect(page.getByTestId('app')).toHaveAttribute('data-ready', 'true')
    await page.getByTestId('view-memory').click()
  })

  test('a permuted 4-D tensor: each memory cell has the colour of the logical element stored there', async ({ page }, testInfo) => {
    await run(page, 'k = torch.arange(4096.).reshape(8, 8, 8, 8).permute(3, 1, 2, 0)')
    await memoryShows(page, 'k')
    const shape = [8, 8, 8, 8]
    const byteStrides = [4, 256, 32, 2048]
    const byteOf = (f: number): number => {
      let b = 0
      for (let d = 3, r = f; d >= 0; d--) { b += (r % shape[d]) * byteStrides[d]; r = Math.floor(r / shape[d]) }
      return b
    }
    // Elements below the first rows (the arrows' labels sit over the top rows).
    for (const f of [1, 9, 100, 777, 2049, 3001, 4095]) {
      const got = await pixel(page, await locate(page, 'memory', { byte: byteOf(f), at: [0.6, 0.6] }))
      expect(near(got, rampBytes(f / 4095)), `element ${f}: ${got} vs ${rampBytes(f / 4095)}`).toBe(true)
    }
    // Colour by the coordinate along d1: the cell of element f shows index f's d1 coordinate.
    await page.getByTestId('color-by').selectOption('dim1')
    await memoryShows(page, 'k')
    for (const f of [64 + 3, 7 * 64 + 5, 1234, 4095]) {
      const got = await pixel(page, await locate(page, 'memory', { byte: byteOf(f), at: [0.6, 0.6] }))
      expect(near(got, rampBytes(logicalT(f, shape, { kind: 'dim', dim: 1 }))), `element ${f} by d1`).toBe(true)
    }
    // One arrow per dim, labelled with its byte stride; the dims that break contiguity marked.
    const arrows = page.getByTestId('memory-labels').locator('.arrow-label')
    await expect(arrows).toHaveText(['d0: +4 B', 'd1: +256 B', 'd2: +32 B', 'd3: +2048 B'])
    await expect(arrows.filter({ hasText: 'd3' })).toHaveClass(/breaks/)
    await expect(arrows.filter({ hasText: 'd3' })).toHaveAttribute('title', 'd3 breaks contiguity: a step moves +2048 B, a contiguous layout would move +4 B')
    // The ruler: byte offset and hex address of row starts.
    const base = BigInt(await page.evaluate(() => (globalThis as any).__stridescope.store.get().workspace.objects[0].info.storage.dataPtr))
    await expect(page.getByTestId('memory-labels').locator('.ruler-label').first()).toHaveText(new RegExp(`^\\s*\\+0 0x${base.toString(16)}$`))
    // Row width: a 64 B cache line per row (repeated across the row to keep the rows bounded).
    await page.getByTestId('row-width').selectOption('line')
    await expect(page.getByTestId('memory-caption')).toContainText('64 B cache line')
    const rowBytes = Number(await page.getByTestId('memory-view').getAttribute('data-row-bytes'))
    expect(rowBytes % 64).toBe(0)
    await page.getByTestId('row-width').selectOption('dim1')
    await expect(page.getByTestId('memory-view')).toHaveAttribute('data-row-bytes', '256')
    await page.getByTestId('row-width').selectOption('auto')
    await page.getByTestId('color-by').selectOption('flat')
    await memoryShows(page, 'k')
    await shots(page, testInfo, 'memory-permuted-4d')
  })

  test('stride arrow labels stay wholly inside the memory view at 1280x720 with both views shown', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 720 })
    await page.getByTestId('view-split').click()
    await run(page, 'x = np.arange(2*3*40*50, dtype=np.float32).reshape(2, 3, 40, 50)\ny = x.transpose(0, 2, 1, 3)')
    await page.getByTestId('obj-y').click()
    await memoryShows(page, 'y')
    const arrows = page.getByTestId('memory-labels').locator('.arrow-label')
    await expect(arrows).toHaveText(['d0: +24000 B', 'd1: +200 B', 'd2: +8000 B', 'd3: +4 B'])
    // Nudged clear of each other, none may be pushed past the view's top edge (it was cut in half).
    const outside = async (): Promise<string[]> => {
      const layer = (await page.getByTestId('memory-labels').boundingBox())!
      const boxes = await arrows.evaluateAll((els) => els.filter((e) => (e as any).style.display !== 'none')
        .map((e) => { const r = e.getBoundingClientRect(); return { text: e.textContent, top: r.top, bottom: r.bottom } }))
      return boxes.filter((b) => b.top < layer.y - 0.5 || b.bottom > layer.y + layer.height + 0.5).map((b) => `${b.text} at ${b.top}..${b.bottom}`)
    }
    await expect.poll(outside).toEqual([])
    await expect(arrows.filter({ visible: true })).toHaveCount(4)
  })

  test('the logical view\'s axis names lie wholly inside it at 1280x720 with both views shown (a tall strided 2-D view)', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 720 })
    await page.getByTestId('view-split').click()
    await run(page, 'x = np.arange(1000000.).reshape(1000, 1000)\ny = x[::3, ::-2].T')
    await page.getByTestId('obj-y').click()
    await memoryShows(page, 'y')
    const axes = page.getByTestId('logical-labels').locator('.axis-label')
    // The framing keeps room above the block for d1's name (its top was cut by the view's edge).
    await expect(axes).toHaveText(['d1 · 334 · stride 3000 el = 24000 B →', 'd0 · 500 · stride -2 el = -16 B ↓'])
    const outside = async (): Promise<string[]> => {
      const layer = (await page.getByTestId('logical-labels').boundingBox())!
      const boxes = await axes.evaluateAll((els) => els.filter((e) => (e as any).style.display !== 'none')
        .map((e) => { const r = e.getBoundingClientRect(); return { text: e.textContent, left: r.left, top: r.top, right: r.right, bottom: r.bottom } }))
      return boxes.filter((b) => b.top < layer.y - 0.5 || b.bottom > layer.y + layer.height + 0.5 || b.left < layer.x - 0.5 || b.right > layer.x + layer.width + 0.5)
        .map((b) => `${b.text} at ${b.left},${b.top}..${b.right},${b.bottom}`)
    }
    await expect.poll(outside).toEqual([])
    await expect(axes.filter({ visible: true })).toHaveCount(2)
  })

  test('a step slice: its elements on the ramp, the bytes it skips neutral grey, both sharers listed', async ({ page }, testInfo) => {
    await run(page, 'a = np.arange(64.)')
    await run(page, 's = a[1::3]')
    await memoryShows(page, 's')
    await expect(page.getByTestId('sharer')).toHaveText(['a', 's'])
    for (const f of [0, 10, 20]) {
      const got = await pixel(page, await locate(page, 'memory', { byte: (1 + 3 * f) * 8, at: [0.3, 0.7] }))
      expect(near(got, rampBytes(f / 20)), `s[${f}]`).toBe(true)
    }
    const gap = wallColors((await theme(page)) === 'dark').gap
    for (const b of [2 * 8, 3 * 8, 59 * 8]) {
      // The grid line is at the cell edge; its centre is the gap colour (a's outline runs only along the wall's edge).
      expect(near(await pixel(page, await locate(page, 'memory', { byte: b, at: [0.3, 0.7] })), gap), `gap byte ${b}`).toBe(true)
    }
    // s reaches each of its bytes once (a's outline says a reaches them too): nothing is counted.
    await expect(page.getByTestId('memory-labels').locator('.count-label')).toHaveCount(0)
    await shots(page, testInfo, 'memory-step-slice')
  })

  test('an expanded tensor: bytes reached more than once are hatched and counted', async ({ page }, testInfo) => {
    await run(page, 'r = torch.arange(6.)')
    await run(page, 'e = r.expand(4, 6)')
    await memoryShows(page, 'e')
    // e reaches each byte 4 times (r's outline marks r's once): the cells and the legend say ×4.
    await expect(page.getByTestId('memory-labels').locator('.count-label')).toHaveText(Array(6).fill('×4'))
    await expect(page.getByTestId('memory-legend')).toContainText('reached more than once (up to ×4)')
    await expect(page.getByTestId('memory-labels').locator('.arrow-label')).toHaveText(['d0: +0 B (repeats)', 'd1: +4 B'])
    await shots(page, testInfo, 'memory-expanded')
  })

  test('layout cost: a channels_last-like walk on CUDA touches 8x the sectors per warp of its copy', async ({ page }) => {
    await run(page, "x = torch.arange(2*64*8*8., device='cuda').reshape(2, 64, 8, 8).permute(0, 2, 3, 1)")
    await memoryShows(page, 'x')
    await expect(page.getByTestId('cost-lines')).toHaveText('512')
    await expect(page.getByTestId('cost-sectors')).toHaveText('32 (32)')
    await expect(page.getByTestId('layout-cost')).toContainText('4') // the copy: 32 floats = 4 sectors
    await page.getByTestId('cost-dim-3').hover()
    await expect(page.getByTestId('cost-dim-text')).toHaveText('d3 breaks contiguity: a step moves +256 B, a contiguous layout would move +4 B')
    await page.getByTestId('cost-dim-0').hover()
    await expect(page.getByTestId('cost-dim-text')).toContainText('d0 steps +16384 B')
  })

  test('layout cost of a 6.4M-element channels_last walk (past the old 4M-element limit), counted in a worker', async ({ page }) => {
    await run(page, 'small = torch.zeros(3)')
    await memoryShows(page, 'small')
    await expect(page.getByTestId('cost-lines')).toHaveText('1')
    await run(page, 'big = torch.zeros(8, 64, 112, 112).permute(0, 2, 3, 1)')
    await expect(page.getByTestId('inspector').locator('.panel-head')).toContainText('big')
    // Every line of the storage is fetched once and used whole; pages alike.
    await expect(page.getByTestId('cost-lines')).toHaveText((8 * 64 * 112 * 112 * 4 / 64).toLocaleString('en-US'), { timeout: 30_000 })
    await expect(page.getByTestId('cost-pages')).toHaveText((8 * 64 * 112 * 112 * 4 / 4096).toLocaleString('en-US'))
    await expect(page.getByTestId('cost-line-use')).toHaveText('100%')
  })

  test('the walk steps through elements in logical order, lighting the same element in both views, with a trail', async ({ page }, testInfo) => {
    await page.getByTestId('view-split').click()
    await run(page, 'b = torch.arange(12.).reshape(3, 4).T')
    await memoryShows(page, 'b')
    // Steps 5 and 6 are b[1, 1] (byte 20) and b[1, 2] (byte 36): the trail runs between their cells.
    const p20 = await locate(page, 'memory', { byte: 20 }), p36 = await locate(page, 'memory', { byte: 36 })
    const between = { x: (p20.x * 3 + p36.x) / 4, y: (p20.y * 3 + p36.y) / 4 }
    const before = await pixel(page, between)
    await page.getByTestId('walk-scrub').fill('5')
    await expect(page.getByTestId('walk-step')).toHaveText('step 6 / 12 · [1, 2]')
    await page.evaluate(() => new Promise((r) => (globalThis as any).requestAnimationFrame(() => (globalThis as any).requestAnimationFrame(r))))
    const onTrail = await pixel(page, between)
    expect(near(onTrail, before, 40), `trail ${onTrail} over ${before}`).toBe(false)
    await page.screenshot({ path: testInfo.outputPath('walk-trail-1440x900.png') })
    // b[1, 2] is t[2, 1]: byte 36 of the block.
    await expect(page.getByTestId('memory-hover')).toContainText('bytes 36…39')
    await expect(page.getByTestId('hover-value')).toHaveText('b[1, 2] = 9')
    await page.getByTestId('walk-play').click()
    await expect(page.getByTestId('walk-step')).toHaveText('step 12 / 12 · [3, 2]', { timeout: 20_000 })
  })

  test('a console line redraws a view only when what it shows changed: one frame of the wall for a new result, none for print(1)', async ({ page }) => {
    // Each frame of a WebGL canvas costs the GPU process tens of ms under SwiftShader.
    await page.getByTestId('view-split').click()
    const frames = (): Promise<number[]> => page.evaluate(() => ['memory-canvas', 'logical-canvas']
      .map((id) => Number((globalThis as any).document.querySelector(`[data-testid=${id}]`).dataset.frames)))
    const valuesAtRevision = async (name: string): Promise<void> => {
      const view = page.getByTestId('logical-view')
      await expect(view).toHaveAttribute('data-object', name)
      await expect(view).toHaveAttribute('data-values-revision', (await page.getByTestId('app').getAttribute('data-revision'))!)
    }
    await run(page, 'x = np.zeros((1000, 1000))')
    await memoryShows(page, 'x')
    await valuesAtRevision('x')
    const [wall] = await frames()
    // Nothing x's wall shows changed (the logical view fetches x's values at the new revision and may draw them).
    await run(page, 'print(1)')
    await valuesAtRevision('x')
    await memoryShows(page, 'x')
    expect((await frames())[0]).toBe(wall)
    // A new result: its wall is drawn once, with the head and legend rows it brings already laid out.
    await run(page, 'y = np.zeros((300, 300))')
    await memoryShows(page, 'y')
    await valuesAtRevision('y')
    expect((await frames())[0]).toBe(wall + 1)
  })

  test('logical view labels: axes with size and stride, tiles with leading indices, values in small objects, colour scales', async ({ page }) => {
    await page.getByTestId('view-logical').click()
    await run(page, 'a = np.arange(24.).reshape(2, 3, 4)')
    const view = page.getByTestId('logical-view')
    await expect(view).toHaveAttribute('data-object', 'a')
    const rev = await page.getByTestId('app').getAttribute('data-revision')
    await expect(view).toHaveAttribute('data-values-revision', rev!)
    const labels = page.getByTestId('logical-labels')
    await expect(labels.locator('.axis-label')).toHaveText(['d2 · 4 · stride 1 el = 8 B →', 'd1 · 3 · stride 4 el = 32 B ↓', 'd0 · 2 · stride 12 el = 96 B ↗'])
    // The front layer (a[0]) writes its values in its cubes.
    await expect(labels.locator('.value-label')).toHaveCount(12)
    await expect(labels.locator('.value-label').first()).toHaveText('0')
    await page.getByTestId('color-scale').selectOption('fixed')
    await page.getByTestId('scale-max').fill('100')
    await expect(page.getByTestId('legend-max')).toHaveText('100')
    await page.getByTestId('color-scale').selectOption('slice')
    await expect(page.getByTestId('legend-max')).toHaveText('23')
    await run(page, 'q = torch.zeros(2, 3, 4, 5)')
    await expect(view).toHaveAttribute('data-object', 'q')
    await expect(labels.locator('.tile-label').first()).toHaveText('[0, :, :, :]')
    // A thin block in two tiles (the permute of a rank-4 array): the depth axis's name moves up clear of the
    // top axis's name instead of being hidden under it.
    await run(page, 'p = np.arange(12000, dtype=np.float32).reshape(2, 3, 40, 50).transpose(0, 2, 3, 1)')
    await expect(view).toHaveAttribute('data-object', 'p')
    await expect(labels.locator('.axis-label').filter({ visible: true }))
      .toHaveText(['d3 · 3 · stride 2000 el = 8000 B →', 'd2 · 50 · stride 1 el = 4 B ↓', 'd1 · 40 · stride 50 el = 200 B ↗'])
  })

  test('a write flashes the changed cell in the alias, in both views, and not in the clone', async ({ page }) => {
    await page.getByTestId('view-split').click()
    await run(page, 'a = np.arange(12, dtype=np.float32).reshape(3, 4)')
    await run(page, 't = torch.from_numpy(a)')
    await run(page, 'c = t.clone()')
    const revisionShown = async (name: string): Promise<void> => {
      const rev = await page.getByTestId('app').getAttribute('data-revision')
      await expect(page.getByTestId('logical-view')).toHaveAttribute('data-object', name)
      await expect(page.getByTestId('logical-view')).toHaveAttribute('data-values-revision', rev!)
    }
    await page.getByTestId('obj-t').click()
    await revisionShown('t')
    await memoryShows(page, 't')
    await run(page, 'a[1, 2] = 99')
    const rev = await page.getByTestId('app').getAttribute('data-revision')
    await expect(page.getByTestId('logical-view')).toHaveAttribute('data-flash-revision', rev!)
    await expect(page.getByTestId('logical-view')).toHaveAttribute('data-flashed', '1')
    await expect(page.getByTestId('memory-view')).toHaveAttribute('data-flashed-bytes', '4')
    // The flashed cell (t[1, 2]: flat 6, byte 24) is lighter than its colour at rest.
    const lit = await pixel(page, await locate(page, 'memory', { byte: 24, at: [0.6, 0.6] }))
    const rest = rampBytes(6 / 11)
    expect(lit.reduce((x, y) => x + y, 0), `flashed ${lit} vs ${rest}`).toBeGreaterThan(rest.reduce((x, y) => x + y, 0) + 30)
    // The clone has its own bytes: a write through a does not reach it.
    await page.getByTestId('obj-c').click()
    await revisionShown('c')
    await memoryShows(page, 'c')
    await run(page, 'a[0, 1] = -5')
    await revisionShown('c')
    await expect(page.getByTestId('logical-view')).toHaveAttribute('data-flashed', '0')
    await expect(page.getByTestId('memory-view')).toHaveAttribute('data-flashed-bytes', '0')
    expect(near(await pixel(page, await locate(page, 'memory', { byte: 4, at: [0.6, 0.6] })), rampBytes(1 / 11))).toBe(true)
  })

  test('writes through a mask, an index list and np.put flash exactly the elements they reached, in an alias', async ({ page }) => {
    await page.getByTestId('view-split').click()
    await run(page, 'a = np.arange(12, dtype=np.float32).reshape(3, 4)')
    await run(page, 't = torch.from_numpy(a)')
    await page.getByTestId('obj-t').click()
    await memoryShows(page, 't')
    const flashed = async (code: string, elements: number): Promise<void> => {
      await run(page, code)
      const rev = await page.getByTestId('app').getAttribute('data-revision')
      await expect(page.getByTestId('logical-view')).toHaveAttribute('data-flash-revision', rev!)
      await expect(page.getByTestId('logical-view')).toHaveAttribute('data-flashed', String(elements))
      await expect(page.getByTestId('memory-view')).toHaveAttribute('data-flashed-bytes', String(4 * elements))
    }
    await flashed('a[a % 5 == 0] = -1', 3)            // a[0, 0], a[1, 1], a[2, 2]
    await flashed('a[[0, -1], 1:3] = 7', 4)           // rows 0 and 2, columns 1 and 2
    await flashed('np.put(a, [1, 1, -1], 8)', 2)      // flat 1 (twice) and 11
    await flashed('t.masked_fill_(t > 7.5, 0)', 3)    // the 8s: a[0, 1] and a[2, 3] (put), a[2, 0] (from arange)
  })

  test('a write to bytes the selection skips flashes them on the wall, and in a pinned alias that is not selected', async ({ page }) => {
    await page.getByTestId('view-split').click()
    await run(page, 'a = np.arange(12, dtype=np.float32).reshape(3, 4)')
    await run(page, 'u = torch.from_numpy(a).T')     // an alias over the same bytes (a storage of its own), transposed
    await page.getByTestId('pin-toggle').click()
    await run(page, 'e = a[:, ::2]')                  // selected: reaches columns 0 and 2 only
    await expect(page.getByTestId('compare')).toBeVisible()
    await expect(page.getByTestId('logical-view-pinned')).toHaveAttribute('data-object', 'u')
    await expect(page.getByTestId('logical-view')).toHaveAttribute('data-object', 'e')
    const rev0 = await page.getByTestId('app').getAttribute('data-revision')
    await expect(page.getByTestId('logical-view-pinned')).toHaveAttribute('data-values-revision', rev0!)
    await expect(page.getByTestId('memory-view').getByTestId('memory-legend')).toContainText('e')
    await expect(page.getByTestId('memory-canvas')).not.toHaveAttribute('data-frames', '0')
    await page.evaluate(() => new Promise((r) => (globalThis as any).requestAnimationFrame(() => (globalThis as any).requestAnimationFrame(r))))
    // a[1, 1] is byte 20 of the block: a gap of e; u[1, 1] in the pinned logical view.
    const wallAt = await locate(page, 'memory', { byte: 20, at: [0.6, 0.6] })
    // Off the cell's centre, where its value is written.
    const uCentre = await locateIn(page, 'logical-pinned', 'logical-canvas-pinned', { index: [1, 1] })
    const uAt = { x: uCentre.x - 9, y: uCentre.y + 9 }
    const wallRest = await pixel(page, wallAt), uRest = await pixel(page, uAt)
    await run(page, 'a[1, 1] = 5')                    // the same value: no snapshot diff would see it; the op record does
    const rev = await page.getByTestId('app').getAttribute('data-revision')
    await expect(page.getByTestId('memory-view')).toHaveAttribute('data-flash-revision', rev!)
    await expect(page.getByTestId('memory-view')).toHaveAttribute('data-flashed-bytes', '4')
    await expect(page.getByTestId('logical-view')).toHaveAttribute('data-flashed', '0')
    await expect(page.getByTestId('logical-view-pinned')).toHaveAttribute('data-flashed', '1')
    const wallLit = await pixel(page, wallAt), uLit = await pixel(page, uAt)
    expect(brightness(wallLit), `wall ${wallLit} vs ${wallRest}`).toBeGreaterThan(brightness(wallRest) + 30)
    expect(brightness(uLit), `u[1, 1] ${uLit} vs ${uRest}`).toBeGreaterThan(brightness(uRest) + 30)
  })

  test('PNG export carries the title (name, shape, dtype, strides), the legend and the colour scale', async ({ page }, testInfo) => {
    await run(page, 'k = torch.arange(4096.).reshape(8, 8, 8, 8).permute(3, 1, 2, 0)')
    await memoryShows(page, 'k')
    const download = page.waitForEvent('download')
    await page.getByTestId('export-png').click()
    const file = testInfo.outputPath('export-memory-permuted-4d.png')
    await (await download).saveAs(file)
    const { readFileSync } = await import('node:fs')
    const png = readFileSync(file)
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG')
    // Width and height from the IHDR chunk: the view as shown (its canvas host: the canvas runs on below it,
    // clipped) plus the title band (3 lines or more) and the legend band.
    const canvas = (await page.getByTestId('memory-view').locator('.canvas-host').boundingBox())!
    expect(png.readUInt32BE(20)).toBeGreaterThanOrEqual(Math.round(canvas.height) + 64 + 30)
    expect(png.readUInt32BE(16)).toBeGreaterThanOrEqual(Math.round(canvas.width))
  })

  test('compare: a pinned object beside the selection, hover linked between them', async ({ page }, testInfo) => {
    await page.getByTestId('view-split').click()
    await run(page, 't = torch.arange(12.).reshape(3, 4)')
    await run(page, 'x = t.T')
    await page.getByTestId('pin-toggle').click()
    await run(page, 'c = x.contiguous()')
    await expect(page.getByTestId('compare')).toBeVisible()
    await expect(page.getByTestId('logical-view-pinned')).toHaveAttribute('data-object', 'x')
    await expect(page.getByTestId('logical-view')).toHaveAttribute('data-object', 'c')
    const rev = await page.getByTestId('app').getAttribute('data-revision')
    await expect(page.getByTestId('logical-view')).toHaveAttribute('data-values-revision', rev!)
    // Hover c[1, 2] in the selection's logical view: the pinned x shows its own element [1, 2] (t[2, 1]).
    const at = await locate(page, 'logical', { index: [1, 2] })
    await page.mouse.move(at.x, at.y)
    await expect(page.getByTestId('memory-view-pinned').getByTestId('memory-hover')).toContainText('x[1, 2]')
    await expect(page.getByTestId('memory-view-pinned').getByTestId('memory-hover')).toContainText('t[2, 1]')
    await expect(page.getByTestId('memory-view').getByTestId('memory-hover')).toContainText('c[1, 2]')
    await page.screenshot({ path: testInfo.outputPath('compare-x-and-contiguous-1440x900.png') })
    await page.getByTestId('obj-x').click()
    await page.getByTestId('pin-toggle').click()
    await expect(page.getByTestId('compare')).toHaveCount(0)
  })

  test('compare at real sizes: a rank-4 permuted 1.6M tensor beside its contiguous copy, hover card clear of the walls', async ({ page }, testInfo) => {
    test.setTimeout(120_000)
    await page.getByTestId('view-split').click()
    await run(page, 'x = torch.arange(8*64*56*56.).reshape(8, 64, 56, 56).permute(0, 2, 3, 1)')
    await page.getByTestId('pin-toggle').click()
    await run(page, 'c = x.contiguous()')
    await expect(page.getByTestId('compare')).toBeVisible()
    await expect(page.getByTestId('memory-view').getByTestId('memory-legend')).toContainText('c')
    for (const [w, h] of [[1440, 900], [1280, 720]]) {
      await page.setViewportSize({ width: w, height: h })
      for (const pane of ['memory-view', 'memory-view-pinned']) {
        const canvas = page.getByTestId(pane).locator('canvas')
        const box = (await canvas.boundingBox())!
        // Each wall gets a usable share of the window.
        expect(box.height, `${pane} at ${w}x${h}`).toBeGreaterThanOrEqual(h * 0.2)
        expect(box.width).toBeGreaterThanOrEqual(w * 0.2)
      }
      // Hover the middle of the selection's wall: the card stays off both walls.
      const name = 'memory'
      const p = await locate(page, name as 'memory', { byte: 8 * 64 * 56 * 56 * 2 })
      await page.mouse.move(p.x, p.y)
      const card = page.getByTestId('memory-view').getByTestId('memory-hover')
      await expect(card).toContainText('c[')
      const [wx, wy, ww, wh] = (await card.getAttribute('data-wall-rect'))!.split(',').map(Number)
      const wall = { x: wx, y: wy, width: ww, height: wh }
      const cb = (await card.boundingBox())!
      const cv = (await page.getByTestId('memory-view').locator('canvas').boundingBox())!
      const overlap = Math.max(0, Math.min(cb.x + cb.width, cv.x + wall.x + wall.width) - Math.max(cb.x, cv.x + wall.x)) *
        Math.max(0, Math.min(cb.y + cb.height, cv.y + wall.y + wall.height) - Math.max(cb.y, cv.y + wall.y))
      expect(overlap / (cb.width * cb.height), `card ${JSON.stringify(cb)} over wall ${JSON.stringify(wall)} at ${w}x${h}`).toBeLessThan(0.25)
      // ...and inside the pane, where it can be read.
      expect(cb.x, `card ${JSON.stringify(cb)} in ${JSON.stringify(cv)}`).toBeGreaterThanOrEqual(cv.x)
      expect(cb.y).toBeGreaterThanOrEqual(cv.y)
      expect(cb.x + cb.width).toBeLessThanOrEqual(cv.x + cv.width + 1)
      expect(cb.y + cb.height).toBeLessThanOrEqual(cv.y + cv.height + 1)
      await page.screenshot({ path: testInfo.outputPath(`compare-permuted-1.6M-${w}x${h}.png`) })
    }
  })
})
