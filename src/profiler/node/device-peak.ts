// Host<->device transfer peaks, measured on a real GPU only: a PCIe/NVLink copy
// is compared with these, never with host memcpy. (A simulated device's moves
// are host memcpy, so they are compared with the memcpy peak instead.)
// Pinned H2D and D2H of 256 MiB, fastest of several runs of the whole op through
// the engine; cached per host and device in $XDG_CACHE_HOME/stridescope/device-peak.json.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { hostname } from 'node:os'
import { dirname, join } from 'node:path'
import * as engine from '../../engine'
import { cudaState, pinMemory, toCpuNonBlocking, toCuda } from './device-moves'
import { peakCacheFile } from './peak'
import { gbps, timingStats } from '../stats'
import type { DevicePeak } from '../types'

export function devicePeakCacheFile(env: NodeJS.ProcessEnv = process.env): string {
  return join(dirname(peakCacheFile(env)), 'device-peak.json')
}

/** Fastest of `repeats` runs of `move`, in seconds of the engine's op. */
function fastest(move: () => engine.EngineObject, repeats: number): number {
  move().dispose() // warm-up: first-touch, driver set-up
  const samples: number[] = []
  for (let i = 0; i < repeats; i++) {
    const y = move()
    samples.push(engine.lastReport().seconds)
    y.dispose()
  }
  return timingStats(samples).min
}

/**
 * Measures cuda:0 now. Null when no real GPU answers; `allowSimulated` (tests
 * only) measures the simulated device, labelled as such.
 */
export function measureDevicePeak(bytes = 256 << 20, repeats = 5, allowSimulated = false): DevicePeak | null {
  const cuda = cudaState(false)
  if (!cuda.usable || (cuda.simulated && !allowSimulated)) return null
  const host = engine.ones('tensor', [Math.floor(bytes / 4)], 'float32')
  const pinned = pinMemory(host)
  const dev = toCuda(pinned)
  try {
    const h2d = fastest(() => toCuda(pinned), repeats)
    const d2h = fastest(() => toCpuNonBlocking(dev), repeats)
    return {
      version: 1, device: 'cuda:0', simulated: cuda.simulated, bytes, repeats,
      h2dPinnedGbps: gbps(bytes, h2d)!, d2hPinnedGbps: gbps(bytes, d2h)!,
      method: `pinned ${bytes >> 20} MiB t.cuda() and t.to('cpu', non_blocking=True), fastest of ${repeats} (whole op)`,
      measuredAt: new Date().toISOString(), host: hostname(),
    }
  } finally {
    for (const x of [dev, pinned, host]) x.dispose()
  }
}

function readCache(file: string): DevicePeak | null {
  try {
    const p = JSON.parse(readFileSync(file, 'utf8')) as Partial<DevicePeak>
    const ok = p.version === 1 && p.host === hostname() && p.simulated === false &&
      typeof p.h2dPinnedGbps === 'number' && p.h2dPinnedGbps > 0 && typeof p.d2hPinnedGbps === 'number' && p.d2hPinnedGbps > 0
    return ok ? (p as DevicePeak) : null
  } catch {
    return null
  }
}

/** The cached device peak, or a fresh one on a real GPU; null without one. */
export function devicePeak(opts: { remeasure?: boolean; cacheFile?: string } = {}): DevicePeak | null {
  const file = opts.cacheFile ?? devicePeakCacheFile()
  if (!opts.remeasure) {
    const hit = readCache(file)
    if (hit) return hit
  }
  const rec = measureDevicePeak()
  if (!rec) return null
  try {
    mkdirSync(dirname(file), { recursive: true })
    writeFileSync(file, JSON.stringify(rec, null, 2) + '\n')
  } catch {
    // not cached, still used
  }
  return rec
}
