// The sweep as a text table for the terminal: median and min–max for every
// figure (never a single run), rates beside this machine's memcpy peak, NumPy's
// equivalent and the ratio when it ran, "simulated" beside a simulated transfer.
import { formatGbps, formatPercent, formatRatio } from './rates'
import { formatSize } from './sizes'
import type { SweepResult, SweepRow } from './types'

export function formatSeconds(s: number): string {
  if (s < 1e-6) return `${(s * 1e9).toFixed(0)} ns`
  if (s < 1e-3) return `${(s * 1e6).toFixed(s < 1e-5 ? 2 : 1)} µs`
  if (s < 1) return `${(s * 1e3).toFixed(s < 1e-2 ? 2 : 1)} ms`
  return `${s.toFixed(2)} s`
}

const f2 = formatGbps

function cells(r: SweepRow): string[] {
  if (r.skipped !== null) return [r.label, formatSize(r.bytes), r.kind, `skipped: ${r.skipped}`, '', '', '', '', '', '']
  const rate = r.gbps === null ? '— (no copy)' : `${f2(r.gbps)} (${f2(r.gbpsMin)}–${f2(r.gbpsMax)})${r.simulated ? ' simulated' : ''}`
  const np = r.numpy
  return [
    r.label, formatSize(r.bytes), r.kind, r.copied ? `${r.kernel}` : `${r.kernel} (no copy)`,
    formatSeconds(r.seconds.median), `${formatSeconds(r.seconds.min)}–${formatSeconds(r.seconds.max)}`, rate,
    formatPercent(r.peakFraction),
    np ? `${formatSeconds(np.seconds.median)} ${np.expr}` : '—',
    np?.ratio ? `${formatRatio(np.ratio)}×` : '—',
  ]
}

export function sweepTable(result: SweepResult): string {
  const head = ['operation', 'size', 'kind', 'kernel', 'median', 'min–max', 'GB/s median (min–max)', '%peak', 'NumPy median', 'NumPy/ours']
  const body = result.rows.map(cells)
  const width = head.map((h, j) => Math.max(h.length, ...body.map((b) => b[j].length)))
  const numeric = new Set([1, 4, 5, 7, 9])
  const line = (c: string[]) => c.map((v, j) => (numeric.has(j) ? v.padStart(width[j]) : v.padEnd(width[j]))).join('  ').trimEnd()
  const out = [line(head), ...body.map(line)]
  const n = result.rows.find((r) => r.skipped === null)?.repeats
  out.push('')
  out.push(`${n ? `medians of ${n} timed runs after ${result.spec.warmup} warm-up runs; ` : ''}seconds are the engine's own (OpReport.seconds).`)
  out.push('NumPy/ours > 1: the engine is faster. A "simulated" transfer is a host memcpy, not a GPU transfer.')
  if (result.cancelled) out.push('the sweep was cancelled: the table holds the cells finished before that.')
  return out.join('\n') + '\n'
}
