// Device lanes: host memory and each device side by side, every memory block
// in the lane of its device, and the latest copies between devices drawn as
// arrows from the op log's transfers.
import { useApp } from '../state/context'
import { useStore } from '../state/store'
import { blocksOf } from '../state/footprints'
import { objectColor } from '../model/storageGroups'
import { formatBytes, formatSeconds, formatRate } from '../model/format'
import { primaryName } from '../model/types'

const SHOWN_TRANSFERS = 8

export function DeviceLanes(): React.JSX.Element {
  const { store } = useApp()
  const workspace = useStore(store, (s) => s.workspace)
  const selectedId = useStore(store, (s) => s.selectedId)
  const blocks = blocksOf(workspace)
  const names = workspace.objects.map(primaryName)
  const lanes = workspace.devices.map((d) => d.name)
  for (const b of blocks) if (!lanes.includes(b.device)) lanes.push(b.device)
  const label = (name: string): string => workspace.devices.find((d) => d.name === name)?.label ?? name
  const transfers = workspace.ops.filter((o) => o.transfer).slice(-SHOWN_TRANSFERS)
  const laneX = (dev: string): number => ((Math.max(0, lanes.indexOf(dev)) + 0.5) / lanes.length) * 100

  return (
    <div className="view-pane lanes" data-testid="device-lanes">
      <div className="view-head"><span className="view-title">Device lanes</span>
        <span className="view-sub">{workspace.simulateCuda ? 'simulated CUDA device on' : 'CPU only (turn on the simulated CUDA device to move tensors)'}</span></div>
      <div className="lane-row">
        {lanes.map((dev) => {
          const mine = blocks.filter((b) => b.device === dev)
          const total = mine.reduce((a, b) => a + b.nbytes, 0)
          return (
            <div key={dev} className="lane" data-testid={`lane-${dev}`}>
              <div className="lane-head">{label(dev)}<span className="muted"> · {formatBytes(total)}</span></div>
              {mine.length === 0 && <div className="muted small">no storages</div>}
              {mine.map((b) => (
                <div key={b.key} className={b.objects.some((o) => o.info.id === selectedId) ? 'lane-block on' : 'lane-block'}
                  style={{ minHeight: `${Math.min(120, 18 + 6 * Math.log2(1 + b.nbytes))}px` }}
                  onClick={() => store.dispatch({ type: 'select', id: b.objects[0].info.id })}>
                  <div className="small">{formatBytes(b.nbytes)}{b.pinned ? ' · pinned' : ''}{b.simulated ? ' · simulated' : ''}</div>
                  <div>{b.objects.map((o) => (
                    <span key={o.info.id} className="tag"><span className="swatch" style={{ background: objectColor(primaryName(o), names) }} />{o.names.join(' = ')}</span>
                  ))}</div>
                </div>
              ))}
            </div>
          )
        })}
      </div>
      <div className="transfers" data-testid="transfers">
        {transfers.length === 0 && <div className="muted small">No copies between devices yet: try <code>t.cuda()</code> or <code>t.cpu()</code>.</div>}
        {transfers.map((o) => {
          const x1 = laneX(o.transfer!.from), x2 = laneX(o.transfer!.to)
          return (
            <div key={o.seq} className="transfer" data-testid="transfer">
              <svg viewBox="0 0 100 10" preserveAspectRatio="none" className="transfer-arrow">
                <line x1={x1} y1={5} x2={x2} y2={5} />
                <polygon points={x2 > x1 ? `${x2},5 ${x2 - 1.5},2 ${x2 - 1.5},8` : `${x2},5 ${x2 + 1.5},2 ${x2 + 1.5},8`} />
              </svg>
              <div className="small transfer-label">
                <code>{o.line.trim()}</code> · {o.transfer!.from} → {o.transfer!.to} · {formatBytes(o.bytes)}
                {o.transfer!.pinned ? ' · pinned' : ' · pageable'} · {formatSeconds(o.seconds)} {formatRate(o.bytes, o.seconds)}
              </div>
            </div>
          )
        })}
      </div>
    </div>
  )
}
