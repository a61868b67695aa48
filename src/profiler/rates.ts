// How the profiler writes rates, fractions of a peak and the peak itself, in
// one place for the panel, its chart and the terminal table: small operations
// keep their significant digits (never "0.00 GB/s" or "0%"), a row above its
// peak says why, and each peak names what was measured.
import { formatSize } from './sizes'
import type { PeakPoint, PeakRef } from './types'

/** A copy at or below this size is taken to run in cache (PEAK_SIZES: 64 KiB and 1 MiB are; 16 and 64 MiB are not). */
export const IN_CACHE_BYTES = 1 << 20

/** GB/s with three significant digits at any magnitude: 38.4, 2.41, 0.00412. */
export function formatGbps(v: number | null): string {
  if (v === null || !Number.isFinite(v)) return '—'
  if (v >= 100) return v.toFixed(0)
  if (v >= 10) return v.toFixed(1)
  if (v >= 1) return v.toFixed(2)
  return v > 0 ? v.toPrecision(3) : '0'
}

/** A fraction of a peak as a percentage that never rounds a real rate to "0%". */
export function formatPercent(fraction: number | null): string {
  if (fraction === null || !Number.isFinite(fraction)) return '—'
  const p = fraction * 100
  if (p >= 10) return `${p.toFixed(0)}%`
  if (p >= 1) return `${p.toFixed(1)}%`
  if (p >= 0.01) return `${p.toPrecision(2)}%`
  return p > 0 ? '<0.01%' : '0%'
}

/** The memcpy point a copy of `bytes` is compared with: the one measured at the nearest size (log scale). */
export function peakPointAt(peak: PeakRef, bytes: number): PeakPoint | null {
  if (peak === null || typeof peak === 'number' || peak.length === 0 || !(bytes > 0)) return null
  let best = peak[0]
  for (const p of peak) if (Math.abs(Math.log2(p.bytes / bytes)) < Math.abs(Math.log2(best.bytes / bytes))) best = p
  return best
}

export const cacheWord = (bytes: number): string => (bytes <= IN_CACHE_BYTES ? 'in cache' : 'out of cache')

/** "memcpy of 1 MiB, in cache, 38.4 GB/s": what a peak point is. */
export function describePeakPoint(p: PeakPoint): string {
  return `memcpy of ${formatSize(p.bytes)}, ${cacheWord(p.bytes)}, ${formatGbps(p.gbps)} GB/s`
}

/**
 * The panel header's peak line: the out-of-cache figure (the largest buffer) and
 * the fastest in-cache one, each with its buffer size, so a row's rate can be read
 * against the peak it is compared with.
 */
export function peakHeadline(points: readonly PeakPoint[]): string {
  if (points.length === 0) return 'memcpy peak: not measured'
  const sorted = [...points].sort((a, b) => a.bytes - b.bytes)
  const out = sorted[sorted.length - 1]
  const inCache = sorted.filter((p) => p.bytes <= IN_CACHE_BYTES)
  const fastIn = inCache.length ? inCache.reduce((a, b) => (b.gbps > a.gbps ? b : a)) : null
  const head = `memcpy peak ${formatGbps(out.gbps)} GB/s (${formatSize(out.bytes)}, ${cacheWord(out.bytes)})`
  return fastIn && fastIn !== out ? `${head} · ${formatGbps(fastIn.gbps)} GB/s (${formatSize(fastIn.bytes)}, in cache)` : head
}

/**
 * Why a row's rate is above the peak it is compared with, or null when it is not.
 * A peak is the fastest memcpy measured at one size; a copy whose size lies between
 * two measured sizes, or that found its source still in cache, can beat it.
 */
export function abovePeakReason(fraction: number | null, bytes: number, peak: PeakRef, simulated: boolean): string | null {
  if (fraction === null || !(fraction > 1)) return null
  const p = peakPointAt(peak, bytes)
  const against = p ? `the ${describePeakPoint(p)}` : 'the memcpy peak'
  const sim = simulated ? 'a simulated transfer is a host memcpy; ' : ''
  const cached = p && bytes <= IN_CACHE_BYTES ? 'its source was still in cache from the line before' : 'its buffers were warmer than the measured ones'
  return `above ${against}: ${sim}${cached}`
}

/**
 * Tick labels of a log axis: the tick's value to three significant digits without
 * trailing zeros (0.001, 0.01, 10), never "0" (uPlot passes null for ticks it leaves unlabelled).
 */
export function logTickLabels(ticks: readonly (number | null)[]): string[] {
  return ticks.map((t) => (t == null || !(t > 0) || !Number.isFinite(t) ? '' : String(Number(t.toPrecision(3)))))
}

/** NumPy's time over ours, as the terminal and the panel write it: 1.3, 0.42, 12.5. */
export function formatRatio(r: number): string {
  return r >= 10 ? r.toFixed(1) : r.toPrecision(2)
}
