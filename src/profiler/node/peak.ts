// This machine's memcpy peak: the ceiling a copy's GB/s is compared with.
// Measured once (copying between two already-touched buffers, so page faults do
// not count) at a few sizes, because
// a copy that fits in cache runs several times faster than one from DRAM: a
// 1 MiB copy is compared with the 1 MiB memcpy, not the 64 MiB one. A peak is a
// ceiling, so each size's figure is its fastest run (STREAM's "best rate"): on a
// loaded machine the median measures the load, the best run the memory.
// Cached as JSON in
// $XDG_CACHE_HOME/stridescope/peak.json (default ~/.cache/...). `remeasure`
// forces a new measurement; a cache from another host or CPU is ignored.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { cpus, homedir, hostname } from 'node:os'
import { dirname, join } from 'node:path'
import { gbps, timingStats } from '../stats'
import type { PeakPoint, TimingStats } from '../types'

export type { PeakPoint }

/** Sizes the peak is measured at: L1/L2-resident, L2/L3, beyond L3, far beyond. */
export const PEAK_SIZES = [64 << 10, 1 << 20, 16 << 20, 64 << 20]

export interface PeakRecord {
  version: 3
  method: string            // how it was measured, printed beside the number
  bytes: number
  gbps: number              // fastest run at the largest size (DRAM to DRAM): the headline figure
  gbpsMedian: number        // the median run at that size, for the noise
  points: PeakPoint[]       // fastest run at each of PEAK_SIZES (up to `bytes`), ascending
  gbpsMin: number
  gbpsMax: number
  repeats: number
  measuredAt: string        // ISO time
  host: string
  cpu: string
}

export interface PeakOptions {
  remeasure?: boolean
  cacheFile?: string        // tests point this at a temporary directory
  bytes?: number            // largest buffer (default 64 MiB: far beyond the caches)
  repeats?: number
}

export function peakCacheFile(env: NodeJS.ProcessEnv = process.env): string {
  const base = env.XDG_CACHE_HOME && env.XDG_CACHE_HOME.startsWith('/') ? env.XDG_CACHE_HOME : join(homedir(), '.cache')
  return join(base, 'stridescope', 'peak.json')
}

const machine = () => ({ host: hostname(), cpu: cpus()[0]?.model ?? 'unknown' })

/**
 * Median seconds of one copy of `bytes` between two typed arrays:
 * TypedArray.prototype.set of a same-type, non-overlapping source is one memmove
 * in V8, i.e. libc's memcpy. Small copies are batched so each sample lasts long
 * enough for the clock.
 */
function memcpySamples(bytes: number, repeats: number): number[] {
  const src = new Uint8Array(bytes).fill(1) // fill touches every page of both buffers
  const dst = new Uint8Array(bytes).fill(2)
  const batch = Math.max(1, Math.floor((4 << 20) / bytes))
  for (let i = 0; i < 2 * batch; i++) dst.set(src) // warm-up
  const samples: number[] = []
  for (let i = 0; i < Math.max(3, repeats); i++) {
    const t0 = process.hrtime.bigint()
    for (let j = 0; j < batch; j++) dst.set(src)
    samples.push(Number(process.hrtime.bigint() - t0) / 1e9 / batch)
  }
  if (dst[bytes - 1] !== 1) throw new Error('memcpy peak: the copy did not happen')
  return samples
}

export function measureMemcpyPeak(bytes = 64 << 20, repeats = 9): PeakRecord {
  if (!Number.isSafeInteger(bytes) || bytes < 4096) throw new RangeError('peak buffer must be at least 4 KiB')
  const sizes = [...PEAK_SIZES.filter((b) => b < bytes), bytes]
  const stats: TimingStats[] = sizes.map((b) => timingStats(memcpySamples(b, repeats)))
  const points = sizes.map((b, i) => ({ bytes: b, gbps: gbps(b, stats[i].min)! }))
  const s = stats[stats.length - 1]
  return {
    version: 3,
    method: `memcpy between touched buffers, fastest of ${s.n} runs at each of ${sizes.map((b) => `${b >> 10} KiB`).join(', ')}`,
    bytes,
    gbps: gbps(bytes, s.min)!,
    gbpsMedian: gbps(bytes, s.median)!,
    gbpsMin: gbps(bytes, s.max)!,
    gbpsMax: gbps(bytes, s.min)!,
    points,
    repeats: s.n,
    measuredAt: new Date().toISOString(),
    ...machine(),
  }
}

/** Reads a cached peak; null when absent, unreadable, malformed or from another machine. */
export function readPeakCache(file: string): PeakRecord | null {
  let data: unknown
  try {
    data = JSON.parse(readFileSync(file, 'utf8'))
  } catch {
    return null
  }
  const p = data as Partial<PeakRecord>
  const m = machine()
  const ok = p && p.version === 3 && typeof p.gbps === 'number' && Number.isFinite(p.gbps) && p.gbps > 0 &&
    Array.isArray(p.points) && p.points.length > 0 && p.points.every((q) => q && q.bytes > 0 && Number.isFinite(q.gbps) && q.gbps > 0) &&
    typeof p.method === 'string' && p.host === m.host && p.cpu === m.cpu
  return ok ? (p as PeakRecord) : null
}

/** The cached peak, or a fresh measurement (written to the cache; a write failure is not fatal). */
export function memcpyPeak(opts: PeakOptions = {}): PeakRecord & { cached: boolean } {
  const file = opts.cacheFile ?? peakCacheFile()
  if (!opts.remeasure) {
    const hit = readPeakCache(file)
    if (hit) return { ...hit, cached: true }
  }
  const rec = measureMemcpyPeak(opts.bytes, opts.repeats)
  try {
    mkdirSync(dirname(file), { recursive: true })
    writeFileSync(file, JSON.stringify(rec, null, 2) + '\n')
  } catch {
    // A read-only home still gets a number, just not a cached one.
  }
  return { ...rec, cached: false }
}
