// The profiler panel's pure logic: op-log rows profiled and sorted, the timeline
// layout, and the GB/s-vs-size series for the chart. No DOM, no React: unit-tested
// in tests/profiler/panel-model.test.ts.
import { profileRecord } from '../../../profiler/classify'
import { median } from '../../../profiler/stats'
import { OP_KINDS, type DevicePeak, type OpKind, type PeakRef, type ProfiledOp, type SweepRow } from '../../../profiler/types'
import type { OpRecord } from '../../../shared/protocol'

export interface LoggedOp extends ProfiledOp {
  seq: number
  time: number            // wall clock (ms since the epoch) of the run that made it
}

/** A real GPU's transfer peaks as the panel gets them (only the two rates matter here). */
export type DeviceRates = Pick<DevicePeak, 'h2dPinnedGbps' | 'd2hPinnedGbps'>

export function profileLog(ops: readonly OpRecord[], peak: PeakRef, device: DeviceRates | null = null): LoggedOp[] {
  return ops.map((o) => ({ ...profileRecord(o, peak, device), seq: o.seq, time: o.time }))
}

export type SortKey = 'seq' | 'line' | 'op' | 'kind' | 'bytes' | 'seconds' | 'gbps' | 'peakFraction' | 'kernel'
export interface SortState { key: SortKey; dir: 'asc' | 'desc' }

/** A stable sort; missing rates (null) sort last whichever the direction. */
export function sortOps(ops: readonly LoggedOp[], s: SortState): LoggedOp[] {
  const sign = s.dir === 'asc' ? 1 : -1
  return ops
    .map((o, i) => [o, i] as const)
    .sort(([a, ia], [b, ib]) => {
      const x = a[s.key]
      const y = b[s.key]
      if (x === null && y !== null) return 1
      if (y === null && x !== null) return -1
      const c = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y))
      return c !== 0 ? c * sign : ia - ib
    })
    .map(([o]) => o)
}

/** Clicking a column: the same key flips the direction; a new key starts descending for numbers. */
export function nextSort(prev: SortState, key: SortKey): SortState {
  if (prev.key === key) return { key, dir: prev.dir === 'asc' ? 'desc' : 'asc' }
  return { key, dir: key === 'line' || key === 'op' || key === 'kind' || key === 'kernel' ? 'asc' : 'desc' }
}

export interface TimelineBar {
  seq: number
  kind: OpKind
  start: number           // seconds from the first op (engine time, ops back to back)
  seconds: number
  label: string
}

/**
 * Engine time laid end to end: ops run one after another, so each bar starts
 * where the previous ended; the gaps between runs (typing, thinking) are left out.
 */
export function timelineLayout(ops: readonly LoggedOp[]): { bars: TimelineBar[]; total: number } {
  let t = 0
  const bars = ops.map((o) => {
    const bar = { seq: o.seq, kind: o.kind, start: t, seconds: o.seconds, label: `${o.line || o.op} · ${o.kind}` }
    t += o.seconds
    return bar
  })
  return { bars, total: t }
}

export interface ChartSeries {
  op: string               // the sweep op, or the kind for the op log's chart
  label: string
  kind: OpKind
  simulated: boolean
}

/**
 * uPlot's aligned data: x = the sorted distinct sizes (bytes), one y array per
 * sweep op with its median GB/s at each size (null where it did not run or moved
 * nothing: zero-copy conversions have no rate to plot).
 */
export function chartData(rows: readonly SweepRow[]): { series: ChartSeries[]; data: (number | null)[][] } {
  const sizes = [...new Set(rows.map((r) => r.bytes))].sort((a, b) => a - b)
  const ops = [...new Set(rows.map((r) => r.op))]
  const series: ChartSeries[] = []
  const ys: (number | null)[][] = []
  for (const op of ops) {
    const mine = rows.filter((r) => r.op === op)
    if (!mine.some((r) => r.gbps !== null)) continue
    series.push({ op, label: mine[0].label, kind: mine[0].kind, simulated: mine.some((r) => r.simulated) })
    ys.push(sizes.map((b) => mine.find((r) => r.bytes === b)?.gbps ?? null))
  }
  return { series, data: [sizes, ...ys] }
}

/**
 * The op log's chart: x = the distinct sizes copied, one series per kind of
 * operation with the median GB/s of that kind's ops at each size (views and
 * zero-copy conversions move nothing and have no point).
 */
export function logChartData(ops: readonly LoggedOp[]): { series: ChartSeries[]; data: (number | null)[][] } {
  const rated = ops.filter((o) => o.gbps !== null)
  const sizes = [...new Set(rated.map((o) => o.bytes))].sort((a, b) => a - b)
  const series: ChartSeries[] = []
  const ys: (number | null)[][] = []
  for (const kind of OP_KINDS) {
    const mine = rated.filter((o) => o.kind === kind)
    if (mine.length === 0) continue
    series.push({ op: kind, label: kind, kind, simulated: mine.some((o) => o.simulated) })
    ys.push(sizes.map((b) => {
      const at = mine.filter((o) => o.bytes === b).map((o) => o.gbps!)
      return at.length ? median(at) : null
    }))
  }
  return { series, data: [sizes, ...ys] }
}

export const KIND_COLOURS: Record<OpKind, string> = {
  alloc: '#c9a227',
  view: '#8a8f98',
  copy: '#e07b39',
  conversion: '#3b82c4',
  transfer: '#9b59b6',
  write: '#2a9d5b',
}
