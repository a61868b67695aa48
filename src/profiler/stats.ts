// Median and min–max of repeated timings. The median (not the mean) because
// timing noise is one-sided: a run can be slowed down, never sped up.
import { peakPointAt } from './rates'
import type { DevicePeak, PeakRef, TimingStats } from './types'

export function median(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError('median of no values')
  const s = [...values].sort((a, b) => a - b)
  const mid = s.length >> 1
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2
}

export function timingStats(samples: readonly number[]): TimingStats {
  if (samples.length === 0) throw new RangeError('no samples')
  for (const v of samples) if (!Number.isFinite(v) || v < 0) throw new RangeError(`bad timing sample ${v}`)
  return { n: samples.length, median: median(samples), min: Math.min(...samples), max: Math.max(...samples) }
}

/** GB/s (1e9 bytes per second) for `bytes` in `seconds`; null when nothing moved or no time was measured. */
export function gbps(bytes: number, seconds: number): number | null {
  return bytes > 0 && seconds > 0 && Number.isFinite(seconds) ? bytes / seconds / 1e9 : null
}

/** Spread as a fraction of the median ((max - min) / median): the noise a table shows beside a median. */
export function spread(s: TimingStats): number | null {
  return s.median > 0 ? (s.max - s.min) / s.median : null
}

/**
 * The memcpy peak to compare a copy of `bytes` with: with peaks by size, the one
 * measured at the nearest size (log scale), so a cache-resident copy meets a
 * cache-resident memcpy; a single figure as it is.
 */
export function peakAt(peak: PeakRef, bytes: number): number | null {
  if (typeof peak === 'number') return peak > 0 ? peak : null
  return peakPointAt(peak, bytes)?.gbps ?? null
}

/** rate / peak at that size; null without either. */
export function peakFraction(rate: number | null, peak: PeakRef, bytes: number): number | null {
  const p = peakAt(peak, bytes)
  return rate !== null && p ? rate / p : null
}

/**
 * The peak a copy's rate is a fraction of: a real host<->device transfer against
 * the GPU's pinned transfer peak of that direction (null without one: a PCIe copy
 * is not a memcpy); everything else, simulated transfers included (host memory),
 * against the memcpy peak at its size.
 */
export function rateFraction(rate: number | null, bytes: number, peak: PeakRef,
  transfer: { from: string; to: string } | null, simulated: boolean, device: Pick<DevicePeak, 'h2dPinnedGbps' | 'd2hPinnedGbps'> | null): number | null {
  if (rate === null) return null
  if (transfer && !simulated && transfer.from !== transfer.to) {
    if (!device) return null
    const p = transfer.to.startsWith('cuda') && !transfer.from.startsWith('cuda') ? device.h2dPinnedGbps
      : transfer.from.startsWith('cuda') && !transfer.to.startsWith('cuda') ? device.d2hPinnedGbps : null
    return p ? rate / p : null
  }
  return peakFraction(rate, peak, bytes)
}
