// A two-part split with a draggable divider (mouse, or the keyboard on the
// focused divider: arrows move it 16 px, Shift+arrows 64 px, Home/End to either
// end); the first part's size is kept per pane id across reloads, and a size
// saved in a bigger window is held inside this one (each part keeps `min`).
import { useEffect, useRef, useState } from 'react'
import { loadPref, savePref } from '../state/prefs'

interface Props {
  id: string
  dir: 'row' | 'column'        // row: side by side; column: stacked
  initial: number              // first part's size in px (negative: the second part's size)
  min?: number
  /** What the divider resizes, for screen readers ("workspace list and New form"). */
  label?: string
  children: [React.ReactNode, React.ReactNode]
}

export const splitKey = (id: string): string => `stridescope.split.${id}`
/** The divider's thickness (.split-handle in app.css): the second part's minimum excludes it. */
const HANDLE = 5

export function SplitPane({ id, dir, initial, min = 120, label, children }: Props): React.JSX.Element {
  const key = splitKey(id)
  const [size, setSize] = useState<number>(() => Number(loadPref(key)) || initial)
  const box = useRef<HTMLDivElement>(null)
  const [total, setTotal] = useState(0)
  useEffect(() => { savePref(key, String(size)) }, [key, size])
  // The box's length, for the divider's reported position (and a window that is resized).
  useEffect(() => {
    const el = box.current
    if (!el || typeof ResizeObserver === 'undefined') return
    const measure = (): void => setTotal(dir === 'row' ? el.clientWidth : el.clientHeight)
    measure()
    const ro = new ResizeObserver(measure)
    ro.observe(el)
    return () => ro.disconnect()
  }, [dir])

  const length = (): number => (box.current ? (dir === 'row' ? box.current.clientWidth : box.current.clientHeight) : 1000)
  // Negative sizes measure the second part, so a bottom/right panel keeps its size when the window grows.
  const first = (s: number): number => (s >= 0 ? s : length() + s)
  const clamp = (px: number): number => Math.max(min, Math.min(length() - min - HANDLE, px))
  const setFirst = (px: number): void => setSize(initial >= 0 ? clamp(px) : -(length() - clamp(px)))

  const onDown = (e: React.PointerEvent): void => {
    e.preventDefault()
    const start = dir === 'row' ? e.clientX : e.clientY
    const from = clamp(first(size))
    const move = (ev: PointerEvent): void => setFirst(from + (dir === 'row' ? ev.clientX : ev.clientY) - start)
    const up = (): void => { window.removeEventListener('pointermove', move); window.removeEventListener('pointerup', up) }
    window.addEventListener('pointermove', move)
    window.addEventListener('pointerup', up)
  }
  const onKey = (e: React.KeyboardEvent): void => {
    const step = e.shiftKey ? 64 : 16
    const at = clamp(first(size))
    if (e.key === (dir === 'row' ? 'ArrowLeft' : 'ArrowUp')) setFirst(at - step)
    else if (e.key === (dir === 'row' ? 'ArrowRight' : 'ArrowDown')) setFirst(at + step)
    else if (e.key === 'Home') setFirst(min)
    else if (e.key === 'End') setFirst(length() - min - HANDLE)
    else return
    e.preventDefault()
  }
  // Held inside the box by CSS, so a saved size never pushes a part out of a smaller window.
  const wanted = size >= 0 ? `${size}px` : `calc(100% - ${-size}px)`
  const basis = `clamp(${min}px, ${wanted}, calc(100% - ${min + HANDLE}px))`
  const now = total ? Math.round(Math.max(min, Math.min(total - min - HANDLE, size >= 0 ? size : total + size))) : undefined
  return (
    <div className={`split split-${dir}`} ref={box}>
      <div className="split-a" style={{ flexBasis: basis }}>{children[0]}</div>
      <div className="split-handle" role="separator" aria-orientation={dir === 'row' ? 'vertical' : 'horizontal'} tabIndex={0}
        aria-label={label ? `Resize: ${label}` : undefined} aria-valuemin={min} aria-valuemax={total ? total - min - HANDLE : undefined} aria-valuenow={now}
        title={label ? `Drag, or focus and use the arrow keys, to resize: ${label}` : undefined}
        onPointerDown={onDown} onKeyDown={onKey} data-testid={`split-${id}`} />
      <div className="split-b">{children[1]}</div>
    </div>
  )
}
