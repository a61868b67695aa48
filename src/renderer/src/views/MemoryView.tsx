// The memory view: the selected object's memory block (its storage and every
// storage over the same bytes) as a wall of cells coloured by the logical
// position of the element stored there; every sharer outlined in its own
// colour; bytes reached more than once hatched and counted; one arrow per dim
// from element 0; an address ruler on the rows; an animated walk in logical
// order for small objects. Hovering a cell lights the element in the logical
// view and in every alias.
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react'
import * as THREE from 'three'
import { useApp } from '../state/context'
import { useStore } from '../state/store'
import { shownObject, type Hover } from '../state/appState'
import { MemoryContent, type WallObject } from './MemoryContent'
import { useSceneView } from './useSceneView'
import { blockOfObject, elementBytes, indicesTouching, offsetsOf } from '../state/footprints'
import { byteOffsetInBlock } from '../model/storageGroups'
import { hex } from '../model/address'
import { primaryName, type ObjectEntry } from '../model/types'
import { count, formatBytes } from '../model/format'
import { cContiguous, wallColors, type ColorBy } from '../model/cellFacts'
import { blockColors } from '../model/storageGroups'
import { objectTitle } from '../model/exportCaption'
import { rowLabel, type RowChoice } from '../model/wallShape'
import { dimSteps } from '../model/layoutCost'
import { ramp_css } from '../model/colormap'
import { LabelLayer, type Label } from './LabelLayer'
import { TRAIL_STEPS, WalkBar } from './WalkBar'
import { animateFlash } from './flashTimer'
import { unravel } from '../model/address'
import { writtenRanges } from '../model/writtenCells'
import { placeCard, type Rect } from '../model/cardPlace'

const raycaster = new THREE.Raycaster()
/** Pixels kept free left of the wall for the address ruler (offset and address; offset only in a narrow pane). */
const RULER_PX = 150
const RULER_PX_NARROW = 72
/** Panes narrower than this (compare mode) keep the ruler to byte offsets. */
const NARROW_PX = 600
/** Height of an arrow label above its bow (px), kept clear of the hover card. */
const ARROW_LABEL_PX = 22
/** Cells are counted (×N) only when the wall is this small and a cell this big on screen. */
const COUNT_LABEL_CELLS = 4096
const COUNT_LABEL_PX = 24

export function MemoryView({ pinned = false }: { pinned?: boolean }): React.JSX.Element {
  const suffix = pinned ? '-pinned' : ''
  const { store } = useApp()
  const sel = useStore(store, (s) => shownObject(s, pinned))
  const workspace = useStore(store, (s) => s.workspace)
  const unit = useStore(store, (s) => s.unit)
  const theme = useStore(store, (s) => s.theme)
  const contentRef = useRef<MemoryContent | null>(null)
  const labelsRef = useRef<LabelLayer | null>(null)
  const fitKey = useRef('')
  const [rowChoice, setRowChoice] = useState<RowChoice>('auto')
  const [colorBy, setColorBy] = useState<ColorBy>({ kind: 'flat' })
  const [wall, setWall] = useState<{ cols: number; rows: number; cellBytes: number; label: string; rowBytes: number; repeat: number; unitBytes: number } | null>(null)
  const hover = useStore(store, (s) => s.hover)
  const block = sel ? blockOfObject(workspace, sel.info.id) : undefined
  // Each sharer in its workspace colour (distinct within the block).
  const colorsKey = block ? `${block.objects.map(primaryName).join('\u0000')}|${workspace.objects.map(primaryName).join('\u0000')}|${theme}` : ''
  const sharerColors = useMemo(() => block ? blockColors(block.objects.map(primaryName), workspace.objects.map(primaryName), theme === 'dark') : [], [colorsKey]) // eslint-disable-line react-hooks/exhaustive-deps
  const rank = sel?.info.shape.length ?? 0

  // Choices that no longer fit the selection fall back to the defaults.
  const rowOk = rowChoice === 'auto' || rowChoice === 'line' || rowChoice === 'page' || Number(rowChoice.slice(3)) < rank
  const row: RowChoice = rowOk ? rowChoice : 'auto'
  const by: ColorBy = colorBy.kind === 'dim' && colorBy.dim >= rank ? { kind: 'flat' } : colorBy

  const { ref, view, refit } = useSceneView(`memory${suffix}`, `memory-canvas${suffix}`, {
    onPointer: (ndc) => {
      const c = contentRef.current
      if (!c || !ndc || !view || !block || !sel) return
      raycaster.setFromCamera(ndc, view.camera)
      const range = c.pick(raycaster)
      if (!range) {
        store.dispatch({ type: 'hover', hover: null })
        return
      }
      // The element under the pointer: the selected object's if it has one there, else any alias's.
      const seen = block.objects.map((o) => ({ o, indices: indicesTouching(block, o, range, 1) }))
      const mine = seen.find((x) => x.o.info.id === sel.info.id && x.indices.length) ?? seen.find((x) => x.indices.length)
      store.dispatch({ type: 'hover', hover: mine ? { objectId: mine.o.info.id, index: mine.indices[0] } : null })
    },
    onAfterRender: () => { placeLabels(); placeHoverCard() },
    caption: () => {
      const c = contentRef.current
      if (!c || !sel || !block) return null
      const t = objectTitle(primaryName(sel), sel.info)
      const flatEnd = c.spec.colorBy.kind === 'flat' ? sel.info.numel - 1 : (sel.info.shape[c.spec.colorBy.dim] ?? 1) - 1
      return {
        title: `${t.title} · memory`,
        subtitle: `${t.subtitle} · block ${hex(block.base)} ${formatBytes(block.nbytes)} · row ${formatBytes(c.shape.rowBytes)} · cell ${c.shape.cellBytes} B`,
        overlay: labelsRef.current?.snapshot(),
        legend: {
          scale: { label: c.spec.colorBy.kind === 'flat' ? 'flat index' : `index along d${c.spec.colorBy.dim}`, min: '0', max: String(flatEnd) },
          items: [
            ...block.objects.map((o, j) => ({ color: c.spec.objects[j]?.color ?? '#888', label: o.names.join(' = ') || `#${o.info.id}`, outline: true })),
            { color: `rgb(${wallColors(c.spec.dark).gap.join(',')})`, label: 'gap' },
            { color: 'transparent', label: 'reached more than once', hatch: true }
          ]
        }
      }
    },
    locate: (q) => {
      const c = contentRef.current
      if (!('byte' in q) || !c) return null
      const [fx, fy] = q.at ?? [0.5, 0.5]
      return c.bytePos(q.byte).add(new THREE.Vector3(fx - 0.5, 0.5 - fy, 0))
    }
  })

  // The wall depends on the layout of the objects over the block, not on the snapshot they came
  // in: a console line that leaves them as they were (print(1), a name bound elsewhere) keeps the
  // wall built, instead of laying out and uploading every cell again.
  const wallKey = block && sel
    ? [block.key, block.nbytes, sel.info.id, unit, theme, row, by.kind === 'dim' ? by.dim : -1,
        ...block.objects.map((o, j) => `${o.info.id}:${o.info.itemsize}:${byteOffsetInBlock(block, o)}:${o.info.shape.join(',')}:${o.info.byteStrides.join(',')}:${sharerColors[j]}`)].join('|')
    : ''
  const spec = useMemo(() => {
    if (!block || !sel) return null
    const dark = theme === 'dark'
    const objects: WallObject[] = block.objects.map((o: ObjectEntry, j) => ({
      id: o.info.id,
      color: sharerColors[j],
      itemsize: o.info.itemsize,
      base0: byteOffsetInBlock(block, o),
      offsets: offsetsOf(block, o),
      contiguous: cContiguous(o.info.shape, o.info.byteStrides, o.info.itemsize)
    }))
    return {
      blockBytes: block.nbytes,
      unitBytes: unit === 'bytes' ? 1 : sel.info.itemsize,
      rowChoice: row,
      colorBy: by,
      objects,
      selectedId: sel.info.id,
      selected: { shape: sel.info.shape, byteStrides: sel.info.byteStrides, itemsize: sel.info.itemsize },
      dark
    }
  }, [wallKey]) // eslint-disable-line react-hooks/exhaustive-deps

  // The label layer lives over the canvas for as long as the view does.
  useEffect(() => {
    const host = ref.current
    if (!host) return
    const l = new LabelLayer(host, 'memory-labels')
    labelsRef.current = l
    return () => { l.dispose(); labelsRef.current = null }
  }, [ref])

  /** Arrow labels, the element-0 mark, the address ruler for the rows in view, and ×N counts when cells are big. */
  function placeLabels(): void {
    const c = contentRef.current, layer = labelsRef.current
    if (!c || !layer || !view || !block) { layer?.set([]); return }
    const labels: Label[] = []
    const steps = c.spec.selected ? dimSteps(c.spec.selected) : []
    for (const a of c.arrows) {
      const st = steps[a.dim]
      labels.push({ key: `arrow${a.dim}`, world: c.arrowTip(a), text: a.label, align: 'above',
        className: `arrow-label interactive${st && !st.continues ? ' breaks' : ''}`, title: st?.text, data: { dim: String(a.dim) }, nudge: true })
    }
    // Ruler: every row when rows are tall enough, else every 2^k-th.
    const p0 = { x: 0, y: 0 }, p1 = { x: 0, y: 0 }
    if (view.project(new THREE.Vector3(-0.5, 0, 0), p0) && view.project(new THREE.Vector3(-0.5, -Math.max(1, c.rows - 1), 0), p1)) {
      const pxPerRow = Math.abs(p1.y - p0.y) / Math.max(1, c.rows - 1)
      let step = 1
      while (step * pxPerRow < 15 && step < c.rows) step *= 2
      const h = view.height
      const narrow = view.width < NARROW_PX
      const first = Math.max(0, Math.floor(-p0.y / pxPerRow / step) * step)
      const last = Math.min(c.rows - 1, Math.ceil((h - p0.y) / pxPerRow))
      for (let r = first, n = 0; r <= last && n < 120; r += step, n++) {
        const t = rowLabel(r, c.shape.rowBytes, block.base)
        const row: Label = { key: `row${r}`, world: new THREE.Vector3(-0.7, -r, 0), text: narrow ? t.offset : `${t.offset.padStart(8)} ${t.address}`, align: 'right', className: 'ruler-label' }
        // The first row's address is the block's base: it goes before the arrow labels, which make way for it.
        if (r === 0) labels.unshift(row)
        else labels.push(row)
      }
      if (c.shape.cells <= COUNT_LABEL_CELLS && pxPerRow >= COUNT_LABEL_PX) {
        for (let cell = 0; cell < c.shape.cells; cell++) {
          // How many of the selected view's elements sit on the cell: the hatch's count (the
          // legend's "up to ×N"); other objects over it are told by their outlines.
          const k = c.facts.selfCount[cell]
          if (k >= 2) labels.push({ key: `n${cell}`, world: c.cellPos(cell).add(new THREE.Vector3(0.22, 0.22, 0)), text: `×${k}`, className: 'count-label', data: { cell: String(cell) } })
        }
      }
    }
    layer.set(labels)
    layer.place(view)
  }

  useEffect(() => {
    if (!view || !spec) {
      labelsRef.current?.set([])
      view?.requestRender()
      return
    }
    const c = new MemoryContent(spec)
    c.setHoverColor(spec.dark ? '#ffffff' : '#000000')
    contentRef.current = c
    view.scene.add(c.group)
    setWall({ cols: c.cols, rows: c.rows, cellBytes: c.shape.cellBytes, label: c.shape.label, rowBytes: c.shape.rowBytes, repeat: c.shape.repeat, unitBytes: c.shape.unitBytes })
    // Framed with the arrows' bows above the top row and room for the ruler on the left.
    const head = c.arrowHeadroom()
    refit.current = () => view.frame(c.center.clone().setY(c.center.y + head / 2), c.size.clone().setY(c.size.y + head), false,
      { left: view.width < NARROW_PX ? RULER_PX_NARROW : RULER_PX })
    // Re-frame only when the wall itself changed (another block, cell size or row width), not on every edit.
    const key = `${block?.key}|${spec.unitBytes}|${c.cols}|${c.rows}`
    if (fitKey.current !== key) {
      refit.current()
      fitKey.current = key
    }
    view.setBackground(spec.dark ? '#15181d' : '#f4f5f7')
    view.requestRender()
    return () => {
      view.scene.remove(c.group)
      view.retire(() => c.dispose())
      contentRef.current = null
    }
  }, [view, spec]) // eslint-disable-line react-hooks/exhaustive-deps

  // A write flash: the written bytes light up on the wall (every alias over them shares the cells).
  const flash = useStore(store, (s) => s.flash)
  const flashRanges = useMemo(() => (flash && block ? writtenRanges(flash.writes, block.device, block.base, block.nbytes) : []), [flash, block])
  const flashBytes = flashRanges.reduce((n, [s, e]) => n + e - s, 0)
  useEffect(() => {
    const c = contentRef.current
    if (!view || !c || !block || !flash || !flashRanges.length) return
    c.setFlash(flashRanges, 1)
    return animateFlash(flash, (a) => { c.setFlash([], a); view.requestRender() })
  }, [flashRanges, view, spec]) // eslint-disable-line react-hooks/exhaustive-deps

  // The walk's trail through its last steps (drawn on the wall; no React render per step).
  const walkStep = useRef<number | null>(null)
  const drawTrail = (): void => {
    const c = contentRef.current, step = walkStep.current
    if (!c || !view) return
    const o = sel && block ? block.objects.find((x) => x.info.id === sel.info.id) : undefined
    const bytes: number[] = []
    if (o && block && step !== null) {
      for (let k = Math.max(0, step - TRAIL_STEPS + 1); k <= step; k++) {
        const [s, e] = elementBytes(block, o, unravel(k, o.info.shape))
        bytes.push((s + e - 1) / 2)
      }
    }
    c.setTrail(bytes)
    view.requestRender()
  }
  useEffect(drawTrail, [view, spec]) // eslint-disable-line react-hooks/exhaustive-deps

  // Linked hover: the hovered element's bytes, outlined once per alias that reaches them. Drawn
  // again only when the hover or the wall changes (a frame of a WebGL canvas costs the GPU process
  // tens of ms under SwiftShader; other store changes, a console line, need none).
  const hoverShown = useRef<{ content: MemoryContent | null; hover: Hover | null }>({ content: null, hover: null })
  useEffect(() => {
    if (!view) return
    const apply = (): void => {
      const c = contentRef.current
      const s = store.get()
      if (!c || !block || (hoverShown.current.content === c && hoverShown.current.hover === s.hover)) return
      hoverShown.current = { content: c, hover: s.hover }
      const o = hoverSource(s.hover, block, sel, s.workspace.objects)
      c.setHover(o && s.hover ? [elementBytes(block, o, s.hover.index)] : [])
      view.requestRender()
    }
    apply()
    return store.subscribe(apply)
  }, [view, spec, block, store])

  // The hovered element's bytes (hovered here or in the logical view), seen through every object over them.
  let hoverInfo: Array<{ name: string; color: string; indices: number[][] }> | null = null
  let hoverBytes: [number, number] | null = null
  const hovered = hover && block ? hoverSource(hover, block, sel, workspace.objects) : undefined
  const dark = theme === 'dark'
  if (hover && block && hovered) {
    const bytes = elementBytes(block, hovered, hover.index)
    hoverBytes = bytes
    hoverInfo = block.objects
      .map((o, j) => ({ name: primaryName(o), color: sharerColors[j], indices: indicesTouching(block, o, bytes, 4) }))
      .filter((x) => x.indices.length > 0)
  }
  // The hover card sits in the free space around the wall (projected as drawn now), not on it:
  // placed after each render of the view (camera moves, resizes) with its size measured once per
  // content change, so a frame reads no layout.
  const cardRef = useRef<HTMLDivElement>(null)
  const cardSize = useRef<{ width: number; height: number } | null>(null)
  const hoverBytesRef = useRef(hoverBytes)
  hoverBytesRef.current = hoverBytes
  function placeHoverCard(): void {
    const el = cardRef.current, c = contentRef.current
    if (!el || !c || !view) return
    cardSize.current ??= { width: el.offsetWidth, height: el.offsetHeight }
    const at = (p: THREE.Vector3): { x: number; y: number } | null => { const o = { x: 0, y: 0 }; return view.project(p, o) ? o : null }
    const pts = c.corners().map(at).filter((p): p is { x: number; y: number } => p !== null)
    let rect: Rect | null = null
    if (pts.length) {
      const xs = pts.map((p) => p.x), ys = pts.map((p) => p.y)
      const x = Math.min(...xs), y = Math.min(...ys)
      // The arrow labels sit above their bows' tops: one label's height more.
      rect = { x, y: y - ARROW_LABEL_PX, width: Math.max(...xs) - x, height: Math.max(...ys) - y + ARROW_LABEL_PX }
    }
    const hb = hoverBytesRef.current
    const pointer = hb ? at(c.bytePos(hb[0])) : null
    const pos = placeCard({ width: view.width, height: view.height }, cardSize.current, rect, pointer)
    const left = `${Math.round(pos.left)}px`, top = `${Math.round(pos.top)}px`
    if (el.style.left !== left) el.style.left = left
    if (el.style.top !== top) el.style.top = top
    el.dataset.wallRect = rect ? [rect.x, rect.y, rect.width, rect.height].map(Math.round).join(',') : ''
  }
  useLayoutEffect(() => {
    cardSize.current = null
    placeHoverCard()
  })
  const cellBytes = wall?.cellBytes ?? (spec?.unitBytes ?? 1)
  const numel = sel?.info.numel ?? 0
  const maxSelf = useMemo(() => {
    const c = contentRef.current
    if (!c) return 0
    let m = 0
    for (let i = 0; i < c.facts.selfCount.length; i++) if (c.facts.selfCount[i] > m) m = c.facts.selfCount[i]
    return m
  }, [wall, spec]) // eslint-disable-line react-hooks/exhaustive-deps
  const rampStops = [0, 0.25, 0.5, 0.75, 1].map((t) => `${ramp_css(t)} ${t * 100}%`).join(', ')
  return (
    <div className="view-pane" data-testid={`memory-view${suffix}`} data-block={block?.key ?? ''} data-objects={block?.objects.length ?? 0}
      data-flash-revision={flash && flashBytes ? flash.revision : -1} data-flashed-bytes={flashBytes}
      data-cols={wall?.cols ?? 0} data-rows={wall?.rows ?? 0} data-cell-bytes={cellBytes} data-row-bytes={wall?.rowBytes ?? 0}>
      <div className="view-head">
        <span className="view-title">Memory view{pinned ? " (pinned)" : ""}</span>
        {block && (
          <span className="view-sub own-line" data-testid="memory-caption" title={`base ${hex(block.base)}`}>
            {block.device}{block.simulated ? ' (simulated)' : ''}{block.pinned ? ' · pinned' : ''} · base {hex(block.base)} · {formatBytes(block.nbytes)} ·
            {' '}{count(block.storages.length, 'storage')} · cell {cellBytes} B
            {wall ? ` · row ${formatBytes(wall.rowBytes)} (${wall.repeat > 1 ? `${wall.repeat} × ${formatBytes(wall.unitBytes)} ` : ''}${wall.label})` : ''}
          </span>
        )}
        <span className="seg" role="group" aria-label="wall unit">
          <button className={unit === 'elements' ? 'on' : ''} onClick={() => store.dispatch({ type: 'unit', unit: 'elements' })} data-testid="unit-elements">elements</button>
          <button className={unit === 'bytes' ? 'on' : ''} onClick={() => store.dispatch({ type: 'unit', unit: 'bytes' })} data-testid="unit-bytes">bytes</button>
        </span>
        {sel && (
          <label className="small">row
            <select value={row} onChange={(e) => setRowChoice(e.target.value as RowChoice)} data-testid="row-width" title="Bytes per row of the wall">
              <option value="auto">auto (innermost run)</option>
              <option value="line">64 B cache line</option>
              <option value="page">4 KiB page</option>
              {sel.info.shape.map((n, d) => <option key={d} value={`dim${d}`}>d{d} stride ({sel.info.byteStrides[d]} B)</option>)}
            </select>
          </label>
        )}
        {sel && (
          <label className="small">colour
            <select value={by.kind === 'flat' ? 'flat' : `dim${by.dim}`} data-testid="color-by" title="What a cell's colour says about the element stored there"
              onChange={(e) => setColorBy(e.target.value === 'flat' ? { kind: 'flat' } : { kind: 'dim', dim: Number(e.target.value.slice(3)) })}>
              <option value="flat">logical index</option>
              {sel.info.shape.map((n, d) => <option key={d} value={`dim${d}`}>index along d{d}</option>)}
            </select>
          </label>
        )}
      </div>
      <div className="canvas-host" ref={ref}>
        {!sel && <div className="empty-state" data-testid="memory-empty">Select an object to see its storage.</div>}
        {hoverInfo && hoverInfo.length > 0 && (
          <div className="hover-card" data-testid="memory-hover" ref={cardRef}>
            {hoverBytes && block && <div className="muted small">bytes {hoverBytes[0]}…{hoverBytes[1] - 1}<span className="card-address"> · {hex(block.base + BigInt(hoverBytes[0]))}</span></div>}
            {hoverInfo.map((h) => (
              <div key={h.name}><span className="swatch" style={{ background: h.color }} />{h.name}[{h.indices.map((i) => i.join(', ')).join('] ' + h.name + '[')}]</div>
            ))}
          </div>
        )}
      </div>
      {sel && numel > 0 && <WalkBar key={sel.info.id} objectId={sel.info.id} shape={sel.info.shape}
        onStep={(s) => { walkStep.current = s; drawTrail() }} />}
      {block && sel && (
        <div className="legend" data-testid="memory-legend">
          <span className="legend-item" title="Cell colour: the logical position of the selected object's element stored there">
            {by.kind === 'flat' ? `${primaryName(sel)} flat index 0` : `d${by.dim} index 0`}
            <span className="legend-ramp" style={{ background: `linear-gradient(90deg, ${rampStops})` }} />
            {by.kind === 'flat' ? numel - 1 : (sel.info.shape[by.dim] ?? 1) - 1}
          </span>
          {block.objects.map((o, j) => (
            <span key={o.info.id} className={o.info.id === sel.info.id ? 'legend-item on' : 'legend-item'} data-testid="sharer">
              <span className="swatch outline" style={{ borderColor: sharerColors[j] }} />{o.names.join(' = ')}
            </span>
          ))}
          <span className="legend-item legend-key"><span className="swatch gap" />gap (skipped)</span>
          <span className="legend-item legend-key" title="Bytes one view reaches more than once (stride 0, overlapping windows)"><span className="swatch hatch" />reached more than once{maxSelf > 1 ? ` (up to ×${maxSelf})` : ''}</span>
        </div>
      )}
    </div>
  )
}

/**
 * Whose element a hover names on this wall: the hovered object when it views
 * this block; else, when a compared object of the same shape is hovered
 * elsewhere, this view's own object at that index.
 */
function hoverSource(hover: { objectId: number; index: number[] } | null, block: { objects: ObjectEntry[] }, own: ObjectEntry | null,
  all: readonly ObjectEntry[]): ObjectEntry | undefined {
  if (!hover) return undefined
  const here = block.objects.find((x) => x.info.id === hover.objectId)
  if (here) return here
  const other = all.find((x) => x.info.id === hover.objectId)
  const same = other && own && other.info.shape.length === own.info.shape.length && other.info.shape.every((n, i) => n === own.info.shape[i])
  return same ? block.objects.find((x) => x.info.id === own.info.id) : undefined
}
