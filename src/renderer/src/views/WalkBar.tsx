// The stride walk, animated: steps through a small object's elements in
// logical (C) order. Each step is the hover of that element, so the memory
// view and the logical view light the same element together.
import { useEffect, useRef, useState } from 'react'
import { useApp } from '../state/context'
import { unravel } from '../model/address'

/** Objects with more elements than this get no walk (a walk of more steps says nothing a colour does not). */
export const WALK_LIMIT = 4096
/** A whole walk takes about this long at most, so big walks do not crawl. */
const WALK_SECONDS = 12

/** Steps the memory view draws its trail through (the current one and those before it). */
export const TRAIL_STEPS = 8

export function WalkBar({ objectId, shape, onStep }: { objectId: number; shape: number[]; onStep?: (step: number | null) => void }): React.JSX.Element | null {
  const { store } = useApp()
  let numel = 1
  for (const n of shape) numel *= n
  const [step, setStep] = useState<number | null>(null)
  const [playing, setPlaying] = useState(false)
  const stepRef = useRef(step)
  stepRef.current = step

  // Each step shows itself as the hovered element in both views.
  useEffect(() => {
    onStep?.(step)
    if (step === null) return
    store.dispatch({ type: 'hover', hover: { objectId, index: unravel(step, shape) } })
  }, [step]) // eslint-disable-line react-hooks/exhaustive-deps
  useEffect(() => () => onStep?.(null), []) // eslint-disable-line react-hooks/exhaustive-deps

  useEffect(() => {
    if (!playing) return
    const perSecond = Math.max(4, numel / WALK_SECONDS)
    let last = performance.now()
    let acc = 0
    let raf = requestAnimationFrame(function tick(now) {
      acc += ((now - last) / 1000) * perSecond
      last = now
      if (acc >= 1) {
        const k = Math.floor(acc)
        acc -= k
        const next = (stepRef.current ?? -1) + k
        if (next >= numel) { setStep(numel - 1); setPlaying(false); return }
        setStep(next)
      }
      raf = requestAnimationFrame(tick)
    })
    return () => cancelAnimationFrame(raf)
  }, [playing, numel])

  if (numel > WALK_LIMIT || numel === 0) return null
  const idx = step === null ? null : unravel(step, shape)
  return (
    <div className="walk-bar" data-testid="walk-bar">
      <button data-testid="walk-play" onClick={() => {
        if (!playing && (step === null || step >= numel - 1)) setStep(0)
        setPlaying(!playing)
      }} title="Walk the elements in logical order">{playing ? '❚❚ pause' : '▶ walk'}</button>
      <input type="range" min={0} max={numel - 1} value={step ?? 0} data-testid="walk-scrub" aria-label="walk step"
        onChange={(e) => { setPlaying(false); setStep(Number(e.target.value)) }} />
      <span className="small mono" data-testid="walk-step">{idx ? `step ${step! + 1} / ${numel} · [${idx.join(', ')}]` : `${numel} steps in logical order`}</span>
    </div>
  )
}
