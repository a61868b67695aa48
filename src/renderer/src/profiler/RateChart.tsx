// GB/s against size (uPlot, log-log): one line per swept operation, or, for the
// op log, one series of points per kind of operation. Zero-copy conversions move
// no bytes and so have no line; simulated transfers say "simulated" in their label.
import { useEffect, useRef } from 'react'
import uPlot from 'uplot'
import 'uplot/dist/uPlot.min.css'
import { formatGbps, logTickLabels } from '../../../profiler/rates'
import { formatSize } from '../../../profiler/sizes'
import { KIND_COLOURS, type ChartSeries } from './model'

const PALETTE = ['#e07b39', '#3b82c4', '#9b59b6', '#2a9d5b', '#c0392b', '#16a085', '#d4ac0d', '#7f8c8d', '#8e44ad', '#2c3e50']

interface Props {
  series: ChartSeries[]
  data: (number | null)[][]
  /** Points only, coloured by kind (the op log); else lines per op (a sweep). */
  byKind?: boolean
  testId?: string
  empty: string
}

export function RateChart({ series, data, byKind = false, testId = 'profiler-chart', empty }: Props): React.JSX.Element {
  const host = useRef<HTMLDivElement>(null)
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
        {
          label: 'GB/s (median)',
          size: 64, // room for 0.0001 beside the axis label
          // The labels drawn are kept on the host too, so a check can read what the canvas shows.
          values: (_u, ticks) => { const l = logTickLabels(ticks); el.dataset.yTicks = l.filter(Boolean).join(' '); return l },
        },
      ],
      series: [
        { label: 'size', value: (_u, v) => (v == null ? '—' : formatSize(v)) },
        ...series.map((s, i) => ({
          label: byKind ? `${s.kind}${s.simulated ? ' (simulated)' : ''}` : `${s.label} (${s.kind}${s.simulated ? ', simulated' : ''})`,
          stroke: byKind ? KIND_COLOURS[s.kind] : PALETTE[i % PALETTE.length],
          width: byKind ? 0 : 2,
          points: { show: true, size: byKind ? 7 : 5 },
          ...(byKind ? { paths: () => null } : {}),
          spanGaps: false,
          value: (_u: uPlot, v: number | null) => (v == null ? '—' : `${formatGbps(v)} GB/s`),
        })),
      ],
    }, data as uPlot.AlignedData, el)
    const resize = new ResizeObserver(() => plot.setSize({ width: Math.max(320, el.clientWidth), height: 260 }))
    resize.observe(el)
    return () => { resize.disconnect(); plot.destroy() }
  }, [JSON.stringify(data), series.map((s) => s.label).join('|')]) // eslint-disable-line react-hooks/exhaustive-deps
  if (series.length === 0) {
    return <div className="empty-state small" data-testid={`${testId}-empty`}>{empty}</div>
  }
  return <div ref={host} className="profiler-chart" data-testid={testId} data-series={series.length} />
}
