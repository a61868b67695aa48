// A two-part split with a draggable divider (mouse or keyboard arrows); the
// first part's size is kept per pane id across reloads.
import { useEffect, useRef, useState } from 'react'

interface Props {
  id: string
  dir: 'row' | 'column'        // row: side by side; column: stacked
  initial: number              // first part's size in px (negative: the second part's size)
  min?: number
  children: [React.ReactNode, React.ReactNode]
}

export function SplitPane({ id, dir, initial, min = 120, children }: Props): React.JSX.Element {
  const key = `stridescope.split.${id}`
  const [size, setSize] = useState<number>(() => Number(localStorage.getItem(key)) || initial)
  const box = useRef<HTMLDivElement>(null)
  useEffect(() => { localStorage.setItem(key, String(size)) }, [key, size])

  const total = (): number => (box.current ? (dir === 'row' ? box.current.clientWidth : box.current.clientHeight) : 1000)
  // Negative sizes measure the second part, so a bottom/right panel keeps its size when the window grows.
  const first = (s: number): number => (s >= 0 ? s : total() + s)
  const clamp = (px: number): number => Math.max(min, Math.min(total() - min, px))
  const setFirst = (px: number): void => setSize(initial >= 0 ? clamp(px) : -(total() - clamp(px)))

  const onDown = (e: React.PointerEvent): void => {
    e.preventDefault()
    const start = dir === 'row' ? e.clientX : e.clientY
    const from = first(size)
    const move = (ev: PointerEvent): void => setFirst(from + (dir === 'row' ? ev.clientX : ev.clientY) - start)
    const up = (): void => { window.removeEventListener('pointermove', move); window.removeEventListener('pointerup', up) }
    window.addEventListener('pointermove', move)
    window.addEventListener('pointerup', up)
  }
  const onKey = (e: React.KeyboardEvent): void => {
    const step = e.shiftKey ? 64 : 16
    if (e.key === (dir === 'row' ? 'ArrowLeft' : 'ArrowUp')) setFirst(first(size) - step)
    else if (e.key === (dir === 'row' ? 'ArrowRight' : 'ArrowDown')) setFirst(first(size) + step)
    else return
    e.preventDefault()
  }
  const basis = size >= 0 ? `${size}px` : `calc(100% - ${-size}px)`
  return (
    <div className={`split split-${dir}`} ref={box}>
      <div className="split-a" style={{ flexBasis: basis }}>{children[0]}</div>
      <div className="split-handle" role="separator" aria-orientation={dir === 'row' ? 'vertical' : 'horizontal'} tabIndex={0}
        onPointerDown={onDown} onKeyDown={onKey} data-testid={`split-${id}`} />
      <div className="split-b">{children[1]}</div>
    </div>
  )
}
