// This machine's memcpy peak: the ceiling a copy's GB/s is compared with.
// Measured once (copying between two already-touched buffers, so page faults do
// not count; the median of several runs after warm-ups) and cached as JSON in
// $XDG_CACHE_HOME/stridescope/peak.json (default ~/.cache/...). `remeasure`
// forces a new measurement; a cache from another host or CPU is ignored.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { cpus, homedir, hostname } from 'node:os'
import { dirname, join } from 'node:path'
import { gbps, timingStats } from './stats'
import type { TimingStats } from './types'

export interface PeakRecord {
  version: 1
  method: string            // how it was measured, printed beside the number
  bytes: number
  gbps: number              // median
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
  bytes?: number            // buffer size (default 64 MiB: far beyond the caches)
  repeats?: number
}

export function peakCacheFile(env: NodeJS.ProcessEnv = process.env): string {
  const base = env.XDG_CACHE_HOME && env.XDG_CACHE_HOME.startsWith('/') ? env.XDG_CACHE_HOME : join(homedir(), '.cache')
  return join(base, 'stridescope', 'peak.json')
}

const machine = () => ({ host: hostname(), cpu: cpus()[0]?.model ?? 'unknown' })

/**
 * Copies `bytes` between two typed arrays: TypedArray.prototype.set of a
 * same-type, non-overlapping source is one memmove in V8, i.e. libc's memcpy.
 */
export function measureMemcpyPeak(bytes = 64 << 20, repeats = 9): PeakRecord {
  if (!Number.isSafeInteger(bytes) || bytes < 4096) throw new RangeError('peak buffer must be at least 4 KiB')
  const src = new Uint8Array(bytes).fill(1) // fill touches every page of both buffers
  const dst = new Uint8Array(bytes).fill(2)
  for (let i = 0; i < 2; i++) dst.set(src) // warm-up
  const samples: number[] = []
  for (let i = 0; i < Math.max(3, repeats); i++) {
    const t0 = process.hrtime.bigint()
    dst.set(src)
    samples.push(Number(process.hrtime.bigint() - t0) / 1e9)
  }
  if (dst[bytes - 1] !== 1) throw new Error('memcpy peak: the copy did not happen')
  const s: TimingStats = timingStats(samples)
  return {
    version: 1,
    method: `memcpy of ${bytes >> 20} MiB between touched buffers, median of ${s.n}`,
    bytes,
    gbps: gbps(bytes, s.median)!,
    gbpsMin: gbps(bytes, s.max)!,
    gbpsMax: gbps(bytes, s.min)!,
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
  const ok = p && p.version === 1 && typeof p.gbps === 'number' && Number.isFinite(p.gbps) && p.gbps > 0 &&
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
