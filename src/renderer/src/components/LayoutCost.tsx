// What the selected object's layout costs when walked in logical order, beside
// its contiguous copy: cache lines, pages, bytes used per line, and for CUDA
// tensors the 32 B sectors per warp. Hovering a dim says whether it breaks
// contiguity. The figures come from model/layoutCost; computed after the
// views have drawn, so a big object does not delay them.
import { useEffect, useState } from 'react'
import { elementOffsets } from '../model/footprint'
import { dimSteps, layoutCost, type LayoutCost as Cost } from '../model/layoutCost'
import { MAX_FOOTPRINT } from '../state/footprints'
import type { ObjectInfo } from '../model/types'

function pct(x: number): string {
  return `${Math.round(x * 100)}%`
}

export function LayoutCost({ info }: { info: ObjectInfo }): React.JSX.Element | null {
  const [cost, setCost] = useState<{ id: ObjectInfo; cost: Cost } | null>(null)
  const [dimHover, setDimHover] = useState<number | null>(null)
  useEffect(() => {
    if (info.numel === 0 || info.numel > MAX_FOOTPRINT) return
    // Big objects wait until the views have had their turn (their values load and walls build first).
    const t = setTimeout(() => {
      setCost({ id: info, cost: layoutCost(elementOffsets(info, 0), info.itemsize, BigInt(info.dataPtr)) })
    }, info.numel > 65536 ? 1500 : 0)
    return () => clearTimeout(t)
  }, [info])
  const steps = dimSteps(info)
  const c = cost && cost.id === info ? cost.cost : null
  const cuda = info.device.startsWith('cuda')
  const breaker = [...steps].reverse().find((s) => !s.continues)
  return (
    <div className="layout-cost" data-testid="layout-cost">
      <div className="muted small">walked in logical order · this layout vs its contiguous copy</div>
      {c ? (
        <table className="cost-table">
          <thead><tr><td /><td className="muted">layout</td><td className="muted">copy</td></tr></thead>
          <tbody>
            <tr><td>64 B cache lines</td><td data-testid="cost-lines">{c.layout.lines.toLocaleString()}</td><td className="muted">{c.contiguous.lines.toLocaleString()}</td></tr>
            <tr><td>4 KiB pages</td><td data-testid="cost-pages">{c.layout.pages.toLocaleString()}</td><td className="muted">{c.contiguous.pages.toLocaleString()}</td></tr>
            <tr><td>bytes used per line</td><td data-testid="cost-line-use">{pct(c.layout.lineUse)}</td><td className="muted">{pct(c.contiguous.lineUse)}</td></tr>
            {cuda && <tr title="32 B sectors touched by a warp reading 32 consecutive logical elements (mean; worst in brackets)">
              <td>32 B sectors / warp</td><td data-testid="cost-sectors">{round1(c.layout.sectorsPerWarp)} ({c.layout.worstSectorsPerWarp})</td><td className="muted">{round1(c.contiguous.sectorsPerWarp)}</td></tr>}
          </tbody>
        </table>
      ) : <div className="muted small">{info.numel > MAX_FOOTPRINT ? 'too many elements to count' : info.numel === 0 ? 'no elements' : 'counting…'}</div>}
      <div className="dim-steps">
        {steps.map((s) => (
          <span key={s.dim} className={s.continues ? 'chip' : 'chip breaks'} data-testid={`cost-dim-${s.dim}`}
            onMouseEnter={() => setDimHover(s.dim)} onMouseLeave={() => setDimHover(null)} title={s.text}>d{s.dim}</span>
        ))}
        <span className="small" data-testid="cost-dim-text">{dimHover !== null ? steps[dimHover].text : breaker ? `d${breaker.dim} breaks contiguity (hover a dim)` : 'contiguous in C order'}</span>
      </div>
    </div>
  )
}

function round1(x: number): string {
  return Number.isInteger(x) ? String(x) : x.toFixed(1)
}
