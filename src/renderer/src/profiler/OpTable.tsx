// The operation log as a sortable table: kind, whether and why bytes were
// copied, bytes, engine time, GB/s and % of this machine's memcpy peak.
import { useMemo, useState } from 'react'
import { formatBytes, formatSeconds } from '../model/format'
import { abovePeakReason, formatGbps, formatPercent } from '../../../profiler/rates'
import type { PeakRef } from '../../../profiler/types'
import { nextSort, sortOps, type LoggedOp, type SortKey, type SortState } from './model'

const COLUMNS: [SortKey, string][] = [
  ['seq', '#'], ['line', 'line'], ['op', 'op'], ['kind', 'kind'], ['bytes', 'bytes moved'], ['seconds', 'time'],
  ['gbps', 'GB/s'], ['peakFraction', '% of peak at size'], ['kernel', 'kernel / why'],
]

export function OpTable({ ops, peak = null }: { ops: LoggedOp[]; peak?: PeakRef }): React.JSX.Element {
  const [sort, setSort] = useState<SortState>({ key: 'seq', dir: 'desc' })
  const rows = useMemo(() => sortOps(ops, sort), [ops, sort])
  if (ops.length === 0) {
    return <div className="empty-state small" data-testid="profiler-op-empty">Run some Python: every operation appears here with what it cost.</div>
  }
  return (
    <table className="profiler-table" data-testid="profiler-op-table" data-sort={`${sort.key}:${sort.dir}`}>
      <thead>
        <tr>
          {COLUMNS.map(([key, label]) => (
            <th key={key} aria-sort={sort.key === key ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none'}>
              <button type="button" className="link" data-testid={`profiler-sort-${key}`} onClick={() => setSort((s) => nextSort(s, key))}>
                {label}{sort.key === key ? (sort.dir === 'asc' ? ' ▲' : ' ▼') : ''}
              </button>
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((o) => (
          <tr key={o.seq} data-testid="profiler-op-row" data-kind={o.kind} data-copied={o.copied} data-seq={o.seq}>
            <td className="num">{o.seq}</td>
            <td><code>{o.line.trim()}</code></td>
            <td>{o.op}</td>
            <td><span className={`badge kind-${o.kind}`}>{o.kind}</span>{o.simulated ? <span className="badge simulated" title="the simulated cuda device: host memory">simulated</span> : null}</td>
            <td className="num">{formatBytes(o.bytes)}</td>
            <td className="num">{formatSeconds(o.seconds)}</td>
            <td className="num">{formatGbps(o.gbps)}{o.simulated && o.gbps !== null ? ' (simulated)' : ''}</td>
            <PeakCell fraction={o.peakFraction} reason={abovePeakReason(o.peakFraction, o.bytes, peak, o.simulated)} />
            <td className="small">
              {o.kernel}
              {o.causes.length ? <span className="muted"> · {o.causes.join(', ')}</span> : null}
              {o.transfer ? <span className="muted"> · {o.transfer.from}→{o.transfer.to} {o.transfer.pinned ? 'pinned' : 'pageable'}</span> : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

/** A row's % of peak; above 100% it says why, in a line under the figure. */
export function PeakCell({ fraction, reason }: { fraction: number | null; reason: string | null }): React.JSX.Element {
  return (
    <td className="num" data-testid="profiler-peak-cell">
      {formatPercent(fraction)}
      {reason ? <div className="small muted above-peak" data-testid="profiler-above-peak">{reason}</div> : null}
    </td>
  )
}
