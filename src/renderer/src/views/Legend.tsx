// The colour legend of the logical view: the ramp with the window's range.
import { formatValue, ramp_css, NAN_RGB } from '../model/colormap'
import type { DTypeName } from '../model/types'

export interface LegendProps {
  dtype: DTypeName
  min: number
  max: number
  complex: boolean
  loading: number | null // fraction loaded, or null when done
  hoverText: string | null
}

export function Legend({ dtype, min, max, complex, loading, hoverText }: LegendProps): React.JSX.Element {
  const stops = [0, 0.25, 0.5, 0.75, 1].map((t) => `${ramp_css(t)} ${t * 100}%`).join(', ')
  const nan = `rgb(${NAN_RGB.map((c) => Math.round(c * 255)).join(',')})`
  const has = Number.isFinite(min) && Number.isFinite(max)
  return (
    <div className="legend" data-testid="legend">
      <span className="legend-label">{complex ? '|value|' : 'value'}</span>
      <span data-testid="legend-min">{has ? formatValue(min, dtype) : '–'}</span>
      <span className="legend-ramp" style={{ background: `linear-gradient(90deg, ${stops})` }} />
      <span data-testid="legend-max">{has ? formatValue(max, dtype) : '–'}</span>
      <span className="legend-swatch" style={{ background: nan }} title="NaN" /> <span className="legend-label">nan</span>
      {loading !== null && <span className="legend-loading">loading {Math.round(loading * 100)}%</span>}
      {hoverText && <code className="legend-hover" data-testid="hover-value">{hoverText}</code>}
    </div>
  )
}
