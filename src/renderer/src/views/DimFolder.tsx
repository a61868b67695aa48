// For ranks above 3: which dims are drawn as the block's axes (up to three);
// the others are folded into tiles.
import { useApp } from '../state/context'

export function DimFolder({ objectId, shape, display }: { objectId: number; shape: number[]; display: number[] }): React.JSX.Element {
  const { store } = useApp()
  const toggle = (d: number): void => {
    // Adding a dim drops the outermost shown one; a shown dim stays until another replaces it.
    if (display.includes(d)) return
    let next = [...display, d]
    if (next.length > 3) next = next.slice(1)
    store.dispatch({ type: 'displayDims', objectId, dims: [...next].sort((a, b) => a - b) })
  }
  return (
    <span className="dim-folder" data-testid="dim-folder" title="Dims drawn as axes (at most 3); the rest are folded into tiles">
      axes:
      {shape.map((n, d) => (
        <button key={d} className={display.includes(d) ? 'chip on' : 'chip'} data-testid={`dim-${d}`} onClick={() => toggle(d)}
          aria-pressed={display.includes(d)}>
          d{d}={n}
        </button>
      ))}
    </span>
  )
}
