// A lesson never costs the person their work: starting one asks (saying what
// happens), the lesson runs in a workspace of its own, and leaving it brings back
// the person's objects, values, sharing and console as they were. Reloading the
// page (also in the middle of a lesson) keeps the console transcript. Browser
// mode, read off the page.
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { consoleRun, groupOf, obj, open, ready, valuesShown } from './fixtures/ui'

const LESSON = '06_strides_and_views'

/** What the console shows, entry by entry. */
const transcript = (page: Page): Promise<string[]> => page.getByTestId('console-entry').allInnerTexts()

/** The workspace rows and their storage lines, as the person reads them. */
async function workspaceText(page: Page): Promise<string> {
  return (await page.getByTestId('workspace').locator('.scroll').innerText()).trim()
}

async function presenterAt(page: Page, position: string): Promise<void> {
  await expect(page.getByTestId('presenter')).toHaveAttribute('data-position', position)
  await expect(page.getByTestId('presenter')).toHaveAttribute('data-busy', 'false')
}

/** Types my work: random values, a view sharing a buffer, a line that fails. */
async function myWork(page: Page): Promise<string> {
  await consoleRun(page, 'r = np.random.rand(2, 3)')
  await consoleRun(page, 'a = np.arange(6.0)')
  await consoleRun(page, 't = torch.from_numpy(a)')
  const bad = await consoleRun(page, 'z = np.zeros((2, -1))')
  await expect(bad.getByTestId('console-error')).toContainText('ValueError: negative dimensions are not allowed')
  const printed = await consoleRun(page, 'print(r[0, 0], r[1, 2])')
  return (await printed.getByTestId('console-stdout').innerText()).trim()
}

test.describe('a lesson beside my workspace', () => {
  test('starting a lesson asks; leaving it gives back my objects, values, sharing and console', async ({ page, app }, testInfo) => {
    test.setTimeout(120_000)
    await page.setViewportSize({ width: 1280, height: 720 })
    await open(page, app.url)
    const values = await myWork(page)
    const mine = await workspaceText(page)
    const said = await transcript(page)
    expect(mine).toContain('storage #')

    await page.getByTestId('open-presenter').click()
    await expect(page.getByTestId('presenter-picker-note')).toHaveText('A lesson runs in a workspace of its own; yours comes back when you leave.')
    await page.screenshot({ path: testInfo.outputPath('lesson-picker-1280x720.png') })
    const asked: string[] = []
    page.once('dialog', (d) => { asked.push(d.message()); void d.accept() })
    await page.getByTestId(`lesson-${LESSON}`).click()
    await expect.poll(() => asked.length).toBe(1)
    expect(asked[0]).toBe('Start the lesson? It runs in an empty workspace of its own. Yours (3 objects, 5 lines of history, the console) ' +
      'is put aside and comes back as it was when you leave the lessons.')
    await presenterAt(page, 'intro')

    // Step 1 runs in the lesson's workspace: its t is the lesson's, not mine.
    await page.keyboard.press('ArrowRight')
    await presenterAt(page, 'shown:0')
    await expect(page.getByTestId('presenter-stdout')).toHaveText('(4, 1)\n')
    // The toolbar's reset would forget my put-aside workspace too: it waits until the lesson is left.
    await expect(page.getByTestId('reset')).toBeDisabled()
    // Back to the list and another lesson: no question (the workspace shown is the lesson's).
    await page.getByTestId('presenter-lessons').click()
    await page.getByTestId('lesson-01_tensors_and_arrays').click()
    await presenterAt(page, 'intro')
    expect(asked).toHaveLength(1)

    await page.keyboard.press('Escape')
    await expect(page.getByTestId('presenter')).toHaveCount(0)
    await ready(page)
    // My workspace as it was: same rows, same storage ids, no lesson object.
    await expect.poll(() => workspaceText(page)).toBe(mine)
    await expect(obj(page, 'tt')).toHaveCount(0)
    expect(await transcript(page)).toEqual(said)
    // The views draw my selected object again, with its values.
    await expect(page.getByTestId('inspector').locator('.panel-head')).toContainText('t')
    await valuesShown(page, 't')
    await page.screenshot({ path: testInfo.outputPath('after-lesson-1280x720.png') })
    // Same random values (nothing ran again), and a and t still share their buffer.
    const again = await consoleRun(page, 'print(r[0, 0], r[1, 2])')
    await expect(again.getByTestId('console-stdout')).toHaveText(values)
    const shared = await consoleRun(page, 't[0] = 7; print(a[0])')
    await expect(shared.getByTestId('console-stdout')).toHaveText('7.0')
    await expect(groupOf(page, 'a')).toContainText('t')
  })

  test('reloading the page keeps the console transcript, also in the middle of a lesson', async ({ page, app }) => {
    test.setTimeout(120_000)
    await open(page, app.url)
    await myWork(page)
    const said = await transcript(page)
    expect(said.join('\n')).toContain('ValueError: negative dimensions are not allowed')
    const mine = await workspaceText(page)

    await page.reload()
    await ready(page)
    await expect.poll(() => transcript(page)).toEqual(said)
    // New lines go below, numbered on (no entry replaces an old one).
    await consoleRun(page, 'b = a + 1')
    await expect(page.getByTestId('console-entry')).toHaveCount(said.length + 1)
    const withB = await transcript(page)

    // A reload in the middle of a lesson leaves it: my workspace and console come back.
    await page.getByTestId('open-presenter').click()
    page.once('dialog', (d) => void d.accept())
    await page.getByTestId(`lesson-${LESSON}`).click()
    await presenterAt(page, 'intro')
    await page.keyboard.press('ArrowRight')
    await presenterAt(page, 'shown:0')
    await page.reload()
    await ready(page)
    await expect(page.getByTestId('presenter')).toHaveCount(0)
    await expect(obj(page, 'b')).toBeVisible()
    await expect.poll(() => workspaceText(page)).toContain(mine.split('\n')[0])
    await expect.poll(() => transcript(page)).toEqual(withB)

    // Clearing the console (Ctrl+L) is kept too; a reset session starts with an empty console.
    await page.locator('[data-testid=console-input] .cm-content').click()
    await page.keyboard.press('Control+l')
    await expect(page.getByTestId('console-entry')).toHaveCount(0)
    await consoleRun(page, 'c = 1')
    await page.reload()
    await ready(page)
    await expect.poll(() => transcript(page)).toEqual(['>>> c = 1'])
    await app.request('reset')
    await page.reload()
    await ready(page)
    await expect(page.getByTestId('workspace-empty')).toBeVisible()
    // Only the session's own start-up line (the imports) shows: nothing of the session before.
    await expect.poll(async () => (await transcript(page)).join('\n')).not.toContain('c = 1')
  })

  test('a lesson presented in one window: another window says so, and closing it there stops the lesson, not my work', async ({ page, app }, testInfo) => {
    test.setTimeout(120_000)
    await open(page, app.url)
    await consoleRun(page, 'mine = np.arange(3)')
    await page.getByTestId('open-presenter').click()
    page.once('dialog', (d) => void d.accept())
    await page.getByTestId(`lesson-${LESSON}`).click()
    await presenterAt(page, 'intro')
    await page.keyboard.press('ArrowRight')
    await presenterAt(page, 'shown:0')

    // A second window on the same session opens while the lesson is presented: it leaves the lesson alone, and says so.
    const other = await page.context().newPage()
    await other.setViewportSize({ width: 1280, height: 720 })
    await open(other, app.url)
    const banner = other.getByTestId('lesson-open-banner')
    await expect(banner).toContainText("This workspace is a lesson's (a lesson is open in another window, or was left open). Yours is put aside.")
    await other.screenshot({ path: testInfo.outputPath('lesson-open-elsewhere-1280x720.png') })
    await expect(page.getByTestId('presenter')).toHaveAttribute('data-position', 'shown:0')

    // Closing it from there brings my workspace back; the presenter's next step is refused, not run in my workspace.
    await other.getByTestId('lesson-open-leave').click()
    await expect(banner).toHaveCount(0)
    await expect(obj(other, 'mine')).toBeVisible()
    await page.keyboard.press('ArrowRight')
    await page.keyboard.press('ArrowRight')
    await expect(page.getByTestId('presenter-failure')).toContainText('the lesson was closed (from another window, or a reset): its step did not run, and your workspace is unchanged')
    await expect(obj(other, 'tt')).toHaveCount(0)
    await expect(obj(other, 'mine')).toBeVisible()
    await other.close()
  })
})
