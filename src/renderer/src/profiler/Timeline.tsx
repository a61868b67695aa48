// The timeline: each operation a bar as long as its engine time, end to end in
// the order they ran, coloured by kind (SVG: a few hundred rects, no canvas code).
import { formatSeconds } from '../model/format'
import { KIND_COLOURS, timelineLayout, type LoggedOp } from './model'
import { OP_KINDS } from '../../../profiler/types'

const WIDTH = 1000
const HEIGHT = 28

export function Timeline({ ops }: { ops: LoggedOp[] }): React.JSX.Element {
  const { bars, total } = timelineLayout(ops)
  const scale = total > 0 ? WIDTH / total : 0
  return (
    <div className="profiler-timeline" data-testid="profiler-timeline" data-bars={bars.length}>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} preserveAspectRatio="none" width="100%" height={HEIGHT} role="img"
        aria-label={`timeline of ${bars.length} operations, ${formatSeconds(total)} of engine time`}>
        {bars.map((b) => (
          <rect key={b.seq} data-testid="profiler-timeline-bar" data-kind={b.kind} x={b.start * scale} y={4}
            width={Math.max(1, b.seconds * scale)} height={HEIGHT - 8} fill={KIND_COLOURS[b.kind]}>
            <title>{`${b.label} · ${formatSeconds(b.seconds)}`}</title>
          </rect>
        ))}
      </svg>
      <div className="small muted">
        {formatSeconds(total)} of engine time over {bars.length} operations, end to end ·{' '}
        {OP_KINDS.map((k) => <span key={k} className="legend-item"><span className="swatch" style={{ background: KIND_COLOURS[k] }} /> {k} </span>)}
      </div>
    </div>
  )
}
