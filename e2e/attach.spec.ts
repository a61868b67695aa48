// Attach: arrays of a real NumPy program, sent by the stridescope package
// (python/), appear under their process with NumPy's own strides and
// addresses, grouped by buffer, read-only; "Copy into the engine" recreates one.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test } from './fixtures'
import { ROOT } from './fixtures/renderer-build'

function numpyMissing(): string | null {
  const r = spawnSync('python3', ['-c', 'import numpy'], { encoding: 'utf8' })
  return r.error ? 'python3 is not installed' : r.status !== 0 ? 'python3 has no NumPy' : null
}

const PROGRAM = `
import json, numpy as np, stridescope
a = np.arange(24, dtype=np.float32).reshape(4, 6)
aT = a.T
step = a[::2, 1::2]
other = np.ones((3, 3))
stridescope.show(a, aT, step, other)
stridescope.flush()
print(json.dumps({k: [list(v.strides), hex(v.__array_interface__['data'][0])] for k, v in dict(a=a, aT=aT, step=step).items()}))
`

function runProgram(url: string): { strides: Record<string, [number[], string]>; pid: number } {
  const dir = mkdtempSync(join(tmpdir(), 'stridescope-e2e-'))
  try {
    writeFileSync(join(dir, 'train.py'), PROGRAM)
    const r = spawnSync('python3', [join(dir, 'train.py')], {
      encoding: 'utf8', env: { ...process.env, PYTHONPATH: join(ROOT, 'python'), STRIDESCOPE_URL: url }, timeout: 60_000
    })
    if (r.status !== 0 || r.stderr) throw new Error(`the program failed: ${r.stderr}`)
    return { strides: JSON.parse(r.stdout), pid: r.pid! }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

test('a NumPy program\'s arrays appear under their process with their real layout', async ({ page, app }, testInfo) => {
  const missing = numpyMissing()
  if (missing) {
    console.log(`[e2e] skip "${testInfo.title}": ${missing}`)
    test.skip(true, missing)
  }
  await page.setViewportSize({ width: 1440, height: 900 })
  await page.goto(app.url)
  const facts = runProgram(app.url)
  const proc = page.getByTestId('attached-process')
  await expect(proc).toHaveCount(1)
  await expect(proc).toContainText(`python ${facts.pid}: train.py`)
  // a, its transpose and its step slice view one buffer; `other` has its own.
  const groups = proc.getByTestId('storage-group')
  await expect(groups).toHaveCount(2)
  const shared = groups.filter({ has: page.getByTestId('obj-aT') })
  await expect(shared.getByTestId('obj-a')).toHaveCount(1)
  await expect(shared.getByTestId('obj-step')).toHaveCount(1)
  await expect(shared.getByTestId('obj-other')).toHaveCount(0)

  for (const name of ['aT', 'step'] as const) {
    await proc.getByTestId(`obj-${name}`).click()
    const [strides, ptr] = facts.strides[name]
    await expect(page.getByTestId('insp-byte-strides')).toHaveText(`(${strides.join(', ')})`)
    await expect(page.getByTestId('insp-data-ptr')).toContainText(ptr.replace(/^0x/, ''))
    await expect(page.getByTestId('insp-origin')).toContainText('attached · read-only')
  }
  await page.screenshot({ path: testInfo.outputPath('attach-1440x900.png') })
  await page.setViewportSize({ width: 1280, height: 720 })
  await page.screenshot({ path: testInfo.outputPath('attach-1280x720.png') })

  // No action may change the program's memory; one recreates it in the engine.
  await expect(page.getByTestId('object-actions')).toHaveCount(0)
  await page.getByTestId('attached-copy-name').fill('step_copy')
  await page.getByTestId('attached-copy').click()
  // The new engine object is selected, as after any action that makes one.
  await expect(page.getByTestId('obj-step_copy')).toHaveCount(1)
  await expect(page.locator('.inspector .panel-head')).toContainText('step_copy')
  await expect(page.getByTestId('insp-byte-strides')).toHaveText(`(${facts.strides.step[0].join(', ')})`)
  await expect(page.getByTestId('insp-origin')).toHaveCount(0)
})
