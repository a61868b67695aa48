// The op log speaks the program's words, and the central views keep a usable size.
// Each row names one operation as the program wrote it (`np.zeros(...)`, `t.view(...)`,
// `torch.from_numpy(...)`), never an engine step, and its name, kind and why wrap
// between words, never inside one. At 1280x720 and 1440x900 the memory view is large
// enough to read, beside the side panels. Screenshots at both sizes are saved with the test's results.
import type { Locator } from '@playwright/test'
import { expect, test } from './fixtures'
import { consoleRun, open, select } from './fixtures/ui'

const SIZES = [{ width: 1440, height: 900 }, { width: 1280, height: 720 }]

/** The few browser APIs these checks use (the e2e project compiles without the DOM library). */
interface PageText { textContent: string | null }
interface PageGlobals {
  document: {
    createTreeWalker(root: unknown, whatToShow: number): { nextNode(): PageText | null }
    createRange(): { setStart(n: PageText, o: number): void; setEnd(n: PageText, o: number): void; getClientRects(): Iterable<{ top: number; width: number }> }
  }
  getComputedStyle(el: unknown): { wordBreak: string; overflowWrap: string }
}

/**
 * The words of the element's text that the browser laid out across two line boxes. A word is a
 * run of non-space text; the only break allowed inside one is before a name's dot (`torch` /
 * `.from_numpy(...)`), where the op log offers it.
 */
async function splitWords(cell: Locator): Promise<string[]> {
  return cell.evaluate((root) => {
    const w = globalThis as unknown as PageGlobals
    const nodes: { node: PageText; start: number }[] = []
    let text = ''
    const walker = w.document.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */)
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      nodes.push({ node: n, start: text.length })
      text += n.textContent ?? ''
    }
    const at = (i: number): [PageText, number] => {
      let k = nodes.length - 1
      while (k > 0 && nodes[k].start > i) k--
      return [nodes[k].node, i - nodes[k].start]
    }
    const broken: string[] = []
    for (const m of text.matchAll(/\S+/g)) {
      let from = m.index!
      for (const piece of m[0].split(/(?=\.[A-Za-z_])/)) {
        const range = w.document.createRange()
        range.setStart(...at(from))
        range.setEnd(...at(from + piece.length))
        // One line box per piece: a piece split over two lines has rects at two heights.
        const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)))
        if (tops.size > 1) broken.push(piece)
        from += piece.length
      }
    }
    return broken
  })
}

/** The wrapping the browser applies to the element: breaking anywhere inside a word is not allowed. */
async function wrapStyle(cell: Locator): Promise<{ wordBreak: string; overflowWrap: string }> {
  return cell.evaluate((el) => {
    const s = (globalThis as unknown as PageGlobals).getComputedStyle(el)
    return { wordBreak: s.wordBreak, overflowWrap: s.overflowWrap }
  })
}

test.describe('the op log speaks the program\'s words', () => {
  for (const size of SIZES) {
    const at = `${size.width}x${size.height}`
    test(`one row per operation, named as written, nothing broken mid-word at ${at}`, async ({ page, app }, testInfo) => {
      await page.setViewportSize(size)
      await open(page, app.url)
      await consoleRun(page, 'arr = np.arange(12.)')
      await consoleRun(page, 't = torch.from_numpy(arr)')
      await consoleRun(page, 'v = t.view(3, 4)')
      await consoleRun(page, 'r = np.round(arr, 2)')
      await consoleRun(page, 'w = v.T')
      const rows = page.getByTestId('op-row')
      const expected: [string, string, string, string][] = [
        ['arr = np.arange(12.)', 'np.arange(...)', 'alloc', 'new buffer'],
        ['t = torch.from_numpy(arr)', 'torch.from_numpy(...)', 'view', "from_numpy: shares the array's buffer"],
        ['v = t.view(3, 4)', 't.view(...)', 'view', 'view: new shape over the same buffer'],
        ['w = v.T', 'v.T', 'view', 'transpose: strides swapped']
      ]
      for (const [line, name, kind, why] of expected) {
        const row = rows.filter({ hasText: line })
        await expect(row, line).toHaveCount(1)
        await expect(row.getByTestId('op-name')).toHaveText(name)
        await expect(row.getByTestId('op-badge')).toHaveText(kind)
        await expect(row.getByTestId('op-why')).toContainText(why)
      }
      // np.round runs three engine steps (multiply, rint, divide): the user wrote one operation.
      const round = rows.filter({ hasText: 'r = np.round(arr, 2)' })
      await expect(round).toHaveCount(1)
      await expect(round.getByTestId('op-name')).toHaveText('np.round(...)')
      await expect(round.getByTestId('op-badge')).toHaveText('copy')
      // The count is of rows the user sees: five operations, though the engine took seven steps.
      await expect(page.getByTestId('oplog-count')).toHaveText('5 operations')
      // No engine-internal step names anywhere in the log's op column.
      const names = await rows.getByTestId('op-name').allTextContents()
      for (const n of names) expect(n).not.toMatch(/^(create|fromNumpy|viewOfStorage|binary|unary|toDtype|toDevice|setSimulateCuda)$/)

      // Nothing broken inside a word: not by the styles applied, not in the laid-out lines.
      const n = await rows.count()
      for (let i = 0; i < n; i++) {
        for (const id of ['op-name', 'op-badge', 'op-why']) {
          const cell = rows.nth(i).getByTestId(id)
          const style = await wrapStyle(cell)
          expect(style.wordBreak, `${id} word-break`).not.toMatch(/break-all|break-word/)
          expect(style.overflowWrap, `${id} overflow-wrap`).not.toBe('anywhere')
          expect(await splitWords(cell), `${id} of row ${i}: words split over two lines`).toEqual([])
          // Never clipped: the text fits its box (it wraps between words instead).
          expect(await cell.evaluate((el) => el.scrollWidth <= el.clientWidth), `${id} of row ${i} fits`).toBe(true)
        }
      }
      await page.getByTestId('oplog').screenshot({ path: testInfo.outputPath(`oplog-${at}.png`) })

      // Both views at once: the memory wall keeps a usable size beside its controls, and so does the logical view.
      await select(page, 'v')
      const wall = await page.getByTestId('memory-view').locator('.canvas-host').boundingBox()
      const cubes = await page.getByTestId('logical-view').locator('.canvas-host').boundingBox()
      expect(wall!.height, 'memory wall height').toBeGreaterThanOrEqual(130)
      expect(cubes!.height, 'logical view height').toBeGreaterThanOrEqual(130)
      expect(wall!.width, 'memory wall width').toBeGreaterThanOrEqual(600)
      // The caption reads on one line of its own, not squeezed into a column beside the controls.
      const caption = page.getByTestId('memory-caption')
      expect((await caption.boundingBox())!.height, 'caption on one line').toBeLessThan(20)
      await page.screenshot({ path: testInfo.outputPath(`app-${at}.png`) })
    })
  }
})
