// What the selected object's layout costs when walked in logical order, beside
// its contiguous copy: cache lines, pages, bytes used per line, and for CUDA
// tensors the 32 B sectors per warp. Hovering a dim says whether it breaks
// contiguity. The figures come from model/layoutCost, counted in a worker
// (state/layoutCostWorker) so even a 10M-element walk leaves the views alone;
// a new selection cancels the count still running for the old one.
import { useEffect, useState } from 'react'
import { dimSteps, type LayoutCost as Cost } from '../model/layoutCost'
import { CANCELLED, countLayoutCost } from '../state/layoutCostWorker'
import type { ObjectInfo } from '../model/types'

/** Objects with more elements than this are counted once the page is idle. */
const BIG = 1 << 16

function pct(x: number): string {
  return Number.isNaN(x) ? '—' : `${Math.round(x * 100)}%`
}

function count(x: number): string {
  return Number.isNaN(x) ? '—' : x.toLocaleString()
}

export function LayoutCost({ info }: { info: ObjectInfo }): React.JSX.Element | null {
  const [cost, setCost] = useState<{ key: string; cost: Cost | null; error?: string } | null>(null)
  // The count depends on the layout only: a new snapshot of the same layout keeps it.
  const key = `${info.shape}|${info.byteStrides}|${info.itemsize}|${info.dataPtr}`
  const [dimHover, setDimHover] = useState<number | null>(null)
  useEffect(() => {
    if (info.numel === 0) return
    let cancel = (): void => {}
    const start = (): void => {
      const job = countLayoutCost({ shape: info.shape, byteStrides: info.byteStrides, itemsize: info.itemsize, address: BigInt(info.dataPtr) })
      job.done.then((c) => setCost({ key, cost: c }), (e: Error) => { if (e.message !== CANCELLED) setCost({ key, cost: null, error: e.message }) })
      cancel = job.cancel
    }
    // A big walk waits until the page is idle (the views have drawn): on a machine of few cores the
    // worker would otherwise take a core from loading the values and building the walls.
    if (info.numel <= BIG || typeof requestIdleCallback === 'undefined') { start(); return () => cancel() }
    const idle = requestIdleCallback(start, { timeout: 2000 })
    return () => { cancelIdleCallback(idle); cancel() }
  }, [key]) // eslint-disable-line react-hooks/exhaustive-deps
  const steps = dimSteps(info)
  const c = cost && cost.key === key ? cost.cost : null
  const failed = cost && cost.key === key ? cost.error : undefined
  const cuda = info.device.startsWith('cuda')
  const breaker = [...steps].reverse().find((s) => !s.continues)
  return (
    <div className="layout-cost" data-testid="layout-cost">
      <div className="muted small">walked in logical order · this layout vs its contiguous copy</div>
      {c ? (
        <table className="cost-table">
          <thead><tr><td /><td className="muted">layout</td><td className="muted">copy</td></tr></thead>
          <tbody>
            <tr><td>64 B cache lines</td><td data-testid="cost-lines">{count(c.layout.lines)}</td><td className="muted">{count(c.contiguous.lines)}</td></tr>
            <tr><td>4 KiB pages</td><td data-testid="cost-pages">{count(c.layout.pages)}</td><td className="muted">{count(c.contiguous.pages)}</td></tr>
            <tr><td>bytes used per line</td><td data-testid="cost-line-use">{pct(c.layout.lineUse)}</td><td className="muted">{pct(c.contiguous.lineUse)}</td></tr>
            {cuda && <tr title="32 B sectors touched by a warp reading 32 consecutive logical elements (mean; worst in brackets)">
              <td>32 B sectors / warp</td><td data-testid="cost-sectors">{round1(c.layout.sectorsPerWarp)} ({c.layout.worstSectorsPerWarp})</td><td className="muted">{round1(c.contiguous.sectorsPerWarp)}</td></tr>}
          </tbody>
        </table>
      ) : <div className="muted small">{info.numel === 0 ? 'no elements' : failed ? `not counted: ${failed}` : `computing… (walking ${info.numel.toLocaleString()} elements)`}</div>}
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
