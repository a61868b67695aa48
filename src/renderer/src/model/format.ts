// Human-readable sizes and times for the inspector and the op log.

/** `1 object`, `2 objects`: a count with its noun, singular for exactly one. */
export function count(n: number, what: string): string {
  return `${n} ${what}${n === 1 ? '' : 's'}`
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`
  const units = ['KiB', 'MiB', 'GiB', 'TiB']
  let v = n / 1024
  let i = 0
  while (v >= 1024 && i < units.length - 1) { v /= 1024; i++ }
  return `${v < 10 ? v.toFixed(2) : v < 100 ? v.toFixed(1) : Math.round(v)} ${units[i]}`
}

export function formatSeconds(s: number): string {
  if (s < 1e-6) return `${Math.round(s * 1e9)} ns`
  if (s < 1e-3) return `${(s * 1e6).toFixed(s < 1e-5 ? 2 : 1)} µs`
  if (s < 1) return `${(s * 1e3).toFixed(s < 1e-2 ? 2 : 1)} ms`
  return `${s.toFixed(2)} s`
}

/** Throughput of a copy, or '' when nothing was copied or no time was measured. */
export function formatRate(bytes: number, seconds: number): string {
  // Tiny copies are dominated by call overhead: a rate would say nothing about bandwidth.
  if (bytes < 65536 || !(seconds > 0)) return ''
  const gbs = bytes / seconds / 1e9
  return gbs >= 1 ? `${gbs.toFixed(1)} GB/s` : `${(gbs * 1e3).toFixed(0)} MB/s`
}
