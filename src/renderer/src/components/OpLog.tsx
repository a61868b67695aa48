// The operation log: every engine operation with its Python line, what it
// did, a view-or-copy badge, bytes copied, engine time and kernel.
import { useApp } from '../state/context'
import { useStore } from '../state/store'
import { formatBytes, formatRate, formatSeconds } from '../model/format'
import type { OpRecord } from '../model/types'

/** What an op did to memory: a new buffer, bytes copied, or a view of existing bytes. */
function opKind(o: OpRecord): 'alloc' | 'copy' | 'view' {
  if (o.kernel === 'alloc') return 'alloc'
  return o.copied ? 'copy' : 'view'
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
  const rows = ops.slice(-300).reverse()
  return (
    <div className="panel oplog" data-testid="oplog">
      <div className="panel-head">Operation log <span className="muted small">{total} operations{total > rows.length ? ` (newest ${rows.length})` : ''}</span></div>
      <div className="scroll">
        {rows.length === 0 ? <div className="empty-state small">Operations appear here with what they cost: views are free, copies move bytes.</div> : (
          <table>
            <colgroup><col style={{ width: '34%' }} /><col style={{ width: '13%' }} /><col style={{ width: '17%' }} /><col style={{ width: '52px' }} /><col style={{ width: '68px' }} /><col style={{ width: '72px' }} /></colgroup>
            <thead><tr><th>line</th><th>op</th><th>result</th><th></th><th>bytes</th><th>time</th></tr></thead>
            {/* One tbody per operation: its figures, then a full-width line with the kernel and why (never clipped). */}
            {rows.map((o) => (
              <tbody key={o.seq} data-testid="op-row" data-copied={o.copied} data-op={o.op}>
                <tr>
                  <td><code title={o.line.trim()}>{o.line.trim()}</code></td>
                  <td className="op-name">{o.op}</td>
                  <td className="small" data-testid="op-result">{resultOf(o.resultId)}</td>
                  <td><span className={`badge ${opKind(o)}`} data-testid="op-badge" title={o.reason ?? ''}>{opKind(o)}</span></td>
                  <td className="num">{opKind(o) === 'view' ? '0 B' : formatBytes(o.bytes)}</td>
                  <td className="num" title={formatRate(o.bytes, o.seconds)}>{formatSeconds(o.seconds)}</td>
                </tr>
                <tr className="op-why-row">
                  <td colSpan={6} className="small kernel" data-testid="op-why">
                    <span className="muted">{o.kernel}</span>{o.reason ? <> · {o.reason}</> : null}
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
