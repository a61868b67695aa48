// Teaching mode end to end, in browser mode: open the lesson list, present the
// GPU lesson (on the simulated cuda:0, which the presenter says), walk every
// step with the keyboard, stop at the quiz step's question before the reveal,
// go back, restart and leave. The steps' printed output, read off the page,
// must be the lesson's expected real-Python output.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { electronTest, expect, test } from './fixtures'
import { consoleRun } from './fixtures/ui'

const LESSON = '04_the_gpu_rule'
const expected = readFileSync(join(__dirname, '..', 'tests', 'lessons', 'expected', `${LESSON}.out`), 'utf8')

const presenter = (page: Page) => page.getByTestId('presenter')

/** Waits until the presenter sits at `position` with the session caught up. */
async function at(page: Page, position: string): Promise<void> {
  await expect(presenter(page)).toHaveAttribute('data-position', position)
  await expect(presenter(page)).toHaveAttribute('data-busy', 'false')
}

/** The output shown for the current step, once it has run ('' when it printed nothing). */
async function shownOutput(page: Page): Promise<string> {
  await expect(page.getByTestId('presenter-output')).toHaveAttribute('data-state', 'done')
  const stdout = page.getByTestId('presenter-stdout')
  return (await stdout.count()) ? (await stdout.textContent()) ?? '' : ''
}

/** The scenario, from an app that is open and ready; the same in browser mode and in Electron. */
async function presentGpuLesson(page: Page): Promise<void> {
  await expect(page.getByTestId('app')).toHaveAttribute('data-ready', 'true')
  // Something of the person's own, put aside while the lesson runs and back after it.
  await consoleRun(page, 'mine = np.arange(3)')
  page.once('dialog', (d) => void d.accept())
  // The app mounts the presenter behind this toolbar button (src/renderer/src/presenter/index.tsx says how).
  await expect(page.getByTestId('open-presenter'), 'the app shows no "open-presenter" button: PresenterView is not mounted').toBeVisible()
  await page.getByTestId('open-presenter').click()
  await expect(page.getByTestId('presenter-picker')).toBeVisible()
  await expect(page.getByTestId(/^lesson-\d\d_/)).toHaveCount(9)
  await page.getByTestId(`lesson-${LESSON}`).click()

  await at(page, 'intro')
  await expect(page.getByTestId('presenter-title')).toHaveText('the GPU rule')
  // Where no real GPU answers, the lesson runs on the simulated cuda:0 and the presenter says so, once.
  const realGpu = await page.evaluate(() => {
    const app = (globalThis as unknown as { __stridescope: { store: { get(): { workspace: { devices: { type: string; simulated: boolean }[] } } } } }).__stridescope
    return app.store.get().workspace.devices.some((d) => d.type === 'cuda' && !d.simulated)
  })
  await expect(page.getByTestId('presenter-simulated-note')).toHaveCount(realGpu ? 0 : 1)
  if (!realGpu) await expect(page.getByTestId('presenter-simulated-note')).toContainText('simulated')

  const printed: string[] = []
  // Step 1: a tensor moved to the device.
  await page.keyboard.press('ArrowRight')
  await at(page, 'shown:0')
  await expect(page.getByTestId('presenter-code')).toContainText('t = torch.arange(6, dtype=torch.float32).cuda()')
  printed.push(await shownOutput(page))
  await expect(page.getByTestId('presenter-effect').filter({ hasText: 'transfer cpu → cuda:0: 24 B copied' })).toHaveCount(1)
  await expect(page.getByTestId('device-lanes')).toBeVisible()

  // Step 2 is a quiz: the question first, no output until the next key.
  await page.keyboard.press(' ')
  await at(page, 'question:1')
  await expect(page.getByTestId('presenter-question')).toContainText('What happens when we ask a cuda tensor for a NumPy array?')
  await expect(page.getByTestId('presenter-output')).toHaveCount(0)
  await expect(presenter(page)).toHaveAttribute('data-ran', '1')
  await page.keyboard.press('ArrowRight')
  await at(page, 'shown:1')
  printed.push(await shownOutput(page))
  expect(printed[1]).toContain("TypeError: can't convert cuda:0 device type tensor to numpy.")

  // Back to the question: the session is replayed to before the quiz step.
  await page.keyboard.press('ArrowLeft')
  await at(page, 'question:1')
  await expect(presenter(page)).toHaveAttribute('data-ran', '1')
  await page.keyboard.press('ArrowRight')
  await at(page, 'shown:1')

  // The remaining steps, through the button as well as the keys.
  await page.getByTestId('presenter-next').click()
  await at(page, 'shown:2')
  printed.push(await shownOutput(page))
  await expect(page.getByTestId('presenter-effect').filter({ hasText: 'transfer cuda:0 → cpu' })).toHaveCount(1)
  for (const step of [3, 4, 5]) {
    await page.keyboard.press('ArrowRight')
    await at(page, `shown:${step}`)
    printed.push(await shownOutput(page))
    // `a[0] = 42` writes 4 bytes into the host copy, and only there.
    if (step === 3) await expect(page.getByTestId('presenter-effect').filter({ hasText: /^4 B written into storage #\d+ \(seen by .*a/ })).toHaveCount(1)
  }
  expect(printed.join('')).toBe(expected)

  await page.keyboard.press('ArrowRight')
  await at(page, 'end')
  await expect(page.getByTestId('presenter-end')).toBeVisible()

  // Restart: the intro again, and the session back to nothing run.
  await page.keyboard.press('r')
  await at(page, 'intro')
  await expect(presenter(page)).toHaveAttribute('data-ran', '0')
  await page.keyboard.press('ArrowRight')
  await at(page, 'shown:0')
  expect(await shownOutput(page)).toBe(printed[0])

  // Esc leaves teaching mode; the workspace is the person's again (the lesson's objects were its own).
  await page.keyboard.press('Escape')
  await expect(presenter(page)).toHaveCount(0)
  await expect(page.getByTestId('obj-t')).toHaveCount(0)
  await expect(page.getByTestId('obj-mine')).toBeVisible()
}

const SCENARIO = 'presents a lesson step by step: predict pause, effects, back, restart, exit'

test(SCENARIO, async ({ page, app }) => {
  // Every step runs in the real session; the last one moves 64 MiB each way on the simulated device.
  test.setTimeout(180_000)
  // The session starts without the simulated device: the presenter turns it on for a cuda lesson.
  await app.request('setSimulateCuda', { on: false })
  await page.goto(app.url)
  await presentGpuLesson(page)
})

electronTest(`${SCENARIO} (Electron)`, async ({ electronPage }) => {
  electronTest.setTimeout(180_000)
  await presentGpuLesson(electronPage)
})
