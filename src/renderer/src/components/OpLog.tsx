// The operation log: one row per operation the program wrote (model/opRows), with its
// Python line, the operation in the program's words, an alloc/copy/view badge, bytes,
// engine time, and under it the kernels and why.
import { useApp } from '../state/context'
import { useStore } from '../state/store'
import { count, formatBytes, formatRate, formatSeconds } from '../model/format'
import { opRows } from '../model/opRows'

/** Break opportunities after each `.` of a dotted name, so `torch.from_numpy(...)` wraps between names, never inside one. */
function dotted(name: string): React.ReactNode[] {
  return name.split(/(?=\.[A-Za-z_])/).flatMap((part, i) => (i === 0 ? [part] : [<wbr key={i} />, part]))
}

export function OpLog(): React.JSX.Element {
  const { store } = useApp()
  const ops = useStore(store, (s) => s.workspace.ops)
  const total = useStore(store, (s) => s.workspace.opsTotal)
  const objects = useStore(store, (s) => s.workspace.objects)
  // What an op produced: the live object's names and shape, or a note when it is gone or unnamed.
  const resultOf = (id: number | null | undefined): string => {
    if (id === null || id === undefined) return ''
    const o = objects.find((x) => x.info.id === id)
    return o ? `${o.names.join(' = ') || `#${id}`} [${o.info.shape.join(', ')}]` : `#${id} (freed)`
  }
  const steps = ops.slice(-300)
  const rows = opRows(steps).reverse()
  // `total` counts engine steps since the session began; the snapshot carries the newest of them.
  const whole = total === steps.length
  return (
    <div className="panel oplog" data-testid="oplog">
      <div className="panel-head">Operation log <span className="muted small" data-testid="oplog-count">{whole ? count(rows.length, 'operation') : `newest ${rows.length} operations of ${total} engine steps`}</span></div>
      <div className="scroll">
        {rows.length === 0 ? <div className="empty-state small">Operations appear here with what they cost: views are free, copies move bytes.</div> : (
          <table>
            <colgroup><col style={{ width: '22%' }} /><col style={{ width: '30%' }} /><col style={{ width: '14%' }} /><col style={{ width: '52px' }} /><col style={{ width: '68px' }} /><col style={{ width: '72px' }} /></colgroup>
            <thead><tr><th>line</th><th>op</th><th>result</th><th></th><th>bytes</th><th>time</th></tr></thead>
            {/* One tbody per operation: its figures, then a full-width line with the kernel and why (never clipped). */}
            {rows.map((o) => (
              <tbody key={o.seq} data-testid="op-row" data-copied={o.copied} data-op={o.op}>
                <tr>
                  <td><code title={o.line.trim()}>{o.line.trim()}</code></td>
                  <td className="op-name" data-testid="op-name" title={o.name}><code>{dotted(o.name)}</code></td>
                  <td className="small" data-testid="op-result" title={resultOf(o.resultId)}>{resultOf(o.resultId)}</td>
                  <td><span className={`badge ${o.kind}`} data-testid="op-badge" title={o.why}>{o.kind}</span></td>
                  <td className="num">{o.kind === 'view' ? '0 B' : formatBytes(o.bytes)}</td>
                  <td className="num" title={formatRate(o.bytes, o.seconds)}>{formatSeconds(o.seconds)}</td>
                </tr>
                <tr className="op-why-row">
                  <td colSpan={6} className="small kernel" data-testid="op-why" title={[o.kernels, o.why].filter(Boolean).join(' · ')}>
                    <span className="muted">{o.kernels}</span>{o.why ? <> · {o.why}</> : null}
                    {o.transfer ? <span className="muted"> · {o.transfer.from}→{o.transfer.to}{o.transfer.pinned ? ' pinned' : ''}</span> : null}
                  </td>
                </tr>
              </tbody>
            ))}
          </table>
        )}
      </div>
    </div>
  )
}
