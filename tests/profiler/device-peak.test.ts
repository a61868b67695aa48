// Device transfer peaks: measured only on a real GPU (never on the simulated
// device, whose moves are host memcpy), cached per host; the measuring path
// itself runs here on the simulated device when a test asks for it explicitly.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { hostname, tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { loadAddon } from '../../src/engine/load'
import { devicePeak, devicePeakCacheFile, measureDevicePeak } from '../../src/profiler/node/device-peak'
import { cudaState } from '../../src/profiler/node/device-moves'

const dir = mkdtempSync(join(tmpdir(), 'ss-device-peak-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('device peak cache file', () => {
  it('sits beside peak.json', () => {
    expect(devicePeakCacheFile({ XDG_CACHE_HOME: '/c' })).toBe('/c/stridescope/device-peak.json')
  })
})

describe('device transfer peaks', () => {
  afterAll(() => loadAddon().setSimulateCuda(false))

  it('the simulated device has none (its moves are host memcpy); a cached simulated record is not used', (ctx) => {
    cudaState(true)
    if (!cudaState(false).simulated) {
      console.log('[tests/profiler/device-peak] simulated-device check skipped: a real GPU answers here')
      ctx.skip()
    }
    expect(measureDevicePeak(1 << 20, 3)).toBeNull()
    const file = join(dir, 'device-peak.json')
    writeFileSync(file, JSON.stringify({ version: 1, device: 'cuda:0', simulated: true, bytes: 1, repeats: 3, h2dPinnedGbps: 9, d2hPinnedGbps: 9, method: '', measuredAt: '', host: hostname() }))
    expect(devicePeak({ cacheFile: file })).toBeNull()
  })

  it('measures pinned H2D and D2H (exercised on the simulated device when asked)', () => {
    cudaState(true)
    const p = measureDevicePeak(1 << 20, 3, true)!
    expect(p).toMatchObject({ device: 'cuda:0', bytes: 1 << 20, repeats: 3 })
    expect(p.h2dPinnedGbps).toBeGreaterThan(0)
    expect(p.d2hPinnedGbps).toBeGreaterThan(0)
    expect(p.method).toMatch(/fastest of 3/)
  })
})
