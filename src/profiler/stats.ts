// Median and min–max of repeated timings. The median (not the mean) because
// timing noise is one-sided: a run can be slowed down, never sped up.
import type { TimingStats } from './types'

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
