// GB/s against operand size, one line per swept operation (uPlot, log-log).
// Zero-copy conversions move no bytes and so have no line; simulated transfers
// say "simulated" in their legend label.
import { useEffect, useRef } from 'react'
import uPlot from 'uplot'
import 'uplot/dist/uPlot.min.css'
import type { SweepRow } from '../../../profiler/types'
import { formatSize } from '../../../profiler/sizes'
import { chartData } from './model'

const PALETTE = ['#e07b39', '#3b82c4', '#9b59b6', '#2a9d5b', '#c0392b', '#16a085', '#d4ac0d', '#7f8c8d', '#8e44ad', '#2c3e50']

export function RateChart({ rows }: { rows: SweepRow[] }): React.JSX.Element {
  const host = useRef<HTMLDivElement>(null)
  const { series, data } = chartData(rows)
  useEffect(() => {
    const el = host.current
    if (!el || series.length === 0) return
    const plot = new uPlot({
      width: Math.max(320, el.clientWidth || 640),
      height: 260,
      scales: { x: { time: false, distr: 3, log: 2 }, y: { distr: 3 } },
      axes: [
        // Log scales pass null for ticks they leave unlabelled.
        { label: 'operand size', space: 40, values: (_u, ticks) => ticks.map((t) => (t == null ? '' : formatSize(t))) },
        { label: 'GB/s (median)' },
      ],
      series: [
        { label: 'size', value: (_u, v) => (v == null ? '—' : formatSize(v)) },
        ...series.map((s, i) => ({
          label: `${s.label} (${s.kind}${s.simulated ? ', simulated' : ''})`,
          stroke: PALETTE[i % PALETTE.length],
          width: 2,
          points: { show: true },
          spanGaps: false,
          value: (_u: uPlot, v: number | null) => (v == null ? '—' : `${v.toFixed(2)} GB/s`),
        })),
      ],
    }, data as uPlot.AlignedData, el)
    const resize = new ResizeObserver(() => plot.setSize({ width: Math.max(320, el.clientWidth), height: 260 }))
    resize.observe(el)
    return () => { resize.disconnect(); plot.destroy() }
  }, [JSON.stringify(data), series.map((s) => s.label).join('|')]) // eslint-disable-line react-hooks/exhaustive-deps
  if (series.length === 0) {
    return <div className="empty-state small" data-testid="profiler-chart-empty">Run a sweep with copying operations to plot GB/s against size.</div>
  }
  return <div ref={host} className="profiler-chart" data-testid="profiler-chart" data-series={series.length} />
}
