// The logical view: the selected object's index space as a 3D grid, values as
// colour. Cubes for small objects, texture slices for large ones; values are
// fetched in bounded windows and the frame is drawn only when something changed.
import { useEffect, useMemo, useRef, useState } from 'react'
import * as THREE from 'three'
import { useApp } from '../state/context'
import { useStore } from '../state/store'
import { shownObject, type Hover } from '../state/appState'
import { makeLayout, cellCount } from '../model/gridLayout'
import { formatValue, NAN_RGB } from '../model/colormap'
import { objectTitle } from '../model/exportCaption'
import { LogicalContent } from './LogicalContent'
import { useSceneView } from './useSceneView'
import { loadValues, MAX_DRAWN_VALUES } from '../state/valueLoader'
import { Legend } from './Legend'
import { DimFolder } from './DimFolder'
import { blockOfObject, elementBytes, indicesTouching } from '../state/footprints'
import { primaryName } from '../model/types'
import { AXIS_ALIGN, AXIS_SLIDE, axisLabels, logicalArrows, logicalFrame, scaleRange, sliceRanges, TILE_ALIGN, TILE_SLIDE, tileLabels, type ScaleMode } from '../model/logicalLabels'
import { cellPosition, cellOf } from '../model/gridLayout'
import { unravel } from '../model/address'
import { dimSteps } from '../model/layoutCost'
import { LabelLayer, type Label } from './LabelLayer'
import { DEFAULT_GLYPH, labelSize } from '../model/labelBox'
import { writtenElements } from '../model/writtenCells'
import { animateFlash } from './flashTimer'

function sameShape(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((n, i) => n === b[i])
}

/** Values are written in the cells when the object has at most this many. */
const VALUE_LABELS = 512

const raycaster = new THREE.Raycaster()

export function LogicalView({ pinned = false }: { pinned?: boolean }): React.JSX.Element {
  const suffix = pinned ? '-pinned' : ''
  const { store, controller } = useApp()
  const sel = useStore(store, (s) => shownObject(s, pinned))
  const dims = useStore(store, (s) => (sel ? s.displayDims[sel.info.id] : undefined))
  const revision = useStore(store, (s) => s.workspace.revision)
  const theme = useStore(store, (s) => s.theme)
  const contentRef = useRef<LogicalContent | null>(null)
  const valuesRef = useRef<Float64Array | null>(null)
  const hover = useStore(store, (s) => s.hover)
  const [legend, setLegend] = useState<{ min: number; max: number; loading: number | null; loadedRev: number }>({ min: NaN, max: NaN, loading: null, loadedRev: -1 })
  const legendRef = useRef(legend)
  legendRef.current = legend
  const [scale, setScale] = useState<ScaleMode>('auto')
  const [fixed, setFixed] = useState<{ min: number; max: number }>({ min: 0, max: 1 })
  const labelsRef = useRef<LabelLayer | null>(null)
  const flash = useStore(store, (s) => s.flash)
  // The elements of this object the last writes reached (through it, or any alias over the same bytes).
  const flashed = useMemo(() => (flash && sel ? writtenElements(sel.info, flash.writes) : []), [flash, sel?.info]) // eslint-disable-line react-hooks/exhaustive-deps

  const { ref, view, refit } = useSceneView(`logical${suffix}`, `logical-canvas${suffix}`, {
    onPointer: (ndc) => {
      const c = contentRef.current
      const s = store.get()
      const id = shownObject(s, pinned)?.info.id ?? null
      if (!c || !ndc || !view || id === null) {
        if (s.hover && s.hover.objectId === id) store.dispatch({ type: 'hover', hover: null })
        return
      }
      raycaster.setFromCamera(ndc, view.camera)
      const idx = c.pick(raycaster)
      store.dispatch({ type: 'hover', hover: idx ? { objectId: id, index: idx } : null })
    },
    onClick: (ndc) => {
      const c = contentRef.current
      const s = store.get()
      const id = shownObject(s, pinned)?.info.id ?? null
      if (!c || !view || id === null) return
      raycaster.setFromCamera(ndc, view.camera)
      const idx = c.pick(raycaster)
      if (idx) store.dispatch({ type: 'pick', picked: { objectId: id, index: idx } })
    },
    onAfterRender: () => placeLabels(),
    caption: () => {
      if (!sel || !contentRef.current) return null
      const t = objectTitle(primaryName(sel), sel.info)
      const has = Number.isFinite(legendRef.current.min) && Number.isFinite(legendRef.current.max)
      return {
        title: `${t.title} · logical`,
        subtitle: t.subtitle,
        overlay: labelsRef.current?.snapshot(),
        legend: {
          scale: { label: `${sel.info.dtype.startsWith('complex') ? '|value|' : 'value'}${scale === 'slice' ? ' (each slice its own range)' : ''}`,
            min: has ? formatValue(legendRef.current.min, sel.info.dtype) : '–', max: has ? formatValue(legendRef.current.max, sel.info.dtype) : '–' },
          items: [{ color: `rgb(${NAN_RGB.map((v) => Math.round(v * 255)).join(',')})`, label: 'nan' }]
        }
      }
    },
    locate: (q) => {
      const c = contentRef.current
      if (!('index' in q) || !c) return null
      const cell = cellOf(c.layout, q.index)
      const [x, y, z] = cellPosition(c.layout, cell.tile, cell.z, cell.y, cell.x)
      // The front face of a cube; a slice's texel lies in its plane.
      return new THREE.Vector3(x, y, z + (c.mode === 'cubes' ? 0.43 : 0))
    }
  })

  useEffect(() => {
    const host = ref.current
    if (!host) return
    const l = new LabelLayer(host, 'logical-labels')
    labelsRef.current = l
    return () => { l.dispose(); labelsRef.current = null }
  }, [ref])

  /** Axis names with size and stride, tile indices, stride arrows, and values in the cells of small objects. */
  function placeLabels(): void {
    const c = contentRef.current, layer = labelsRef.current
    if (!layer || !view) return
    if (!c || !sel || c.layout !== layout) { layer.set([]); return }
    const L = c.layout
    const labels: Label[] = []
    const steps = dimSteps(sel.info)
    for (const a of axisLabels(L, sel.info)) {
      labels.push({ key: `axis-${a.axis}`, world: new THREE.Vector3(...a.pos), text: a.text, className: 'axis-label interactive',
        align: AXIS_ALIGN[a.axis], slide: AXIS_SLIDE[a.axis], short: a.short, nudge: a.axis === 'z' ? 'up' : undefined, title: steps[a.dim]?.text, data: { dim: String(a.dim) } })
    }
    for (const t of tileLabels(L)) labels.push({ key: `tile${t.key}`, world: new THREE.Vector3(...t.pos), text: t.text, className: 'tile-label', align: TILE_ALIGN, slide: TILE_SLIDE })
    for (const a of logicalArrows(L, sel.info)) {
      const mid = new THREE.Vector3((a.from[0] + a.to[0]) / 2, (a.from[1] + a.to[1]) / 2, (a.from[2] + a.to[2]) / 2 + 0.6)
      labels.push({ key: `arrow${a.dim}`, world: mid, text: a.label, className: `arrow-label interactive${steps[a.dim]?.continues === false ? ' breaks' : ''}`,
        title: steps[a.dim]?.text, nudge: true, data: { dim: String(a.dim) } })
    }
    const values = valuesRef.current
    if (values && c.count <= VALUE_LABELS) {
      for (let f = 0; f < c.count; f++) {
        const cell = cellOf(L, unravel(f, L.shape))
        // Cubes behind the front layer are hidden by it: their values would read as the front cubes'.
        if (!L.mosaic && cell.z > 0) continue
        const p = cellPosition(L, cell.tile, cell.z, cell.y, cell.x)
        labels.push({ key: `v${f}`, world: new THREE.Vector3(p[0], p[1], p[2] + 0.45), text: formatValue(values[f], sel.info.dtype), className: 'value-label' })
      }
    }
    layer.set(labels)
    layer.place(view)
  }

  const layoutKey = sel ? `${sel.info.id}|${sel.info.shape.join(',')}|${(dims ?? []).join(',')}` : ''
  const layout = useMemo(() => (sel ? makeLayout(sel.info.shape, dims) : null), [layoutKey]) // eslint-disable-line react-hooks/exhaustive-deps
  // What the view draws, known in the render that selects the object: its head and legend rows come in
  // the same commit as the content, so the frame that first draws it has the canvas at its final size.
  const drawable = !!view && !!layout && !!sel && cellCount(layout) > 0 && sel.info.numel <= MAX_DRAWN_VALUES
  const mode = drawable ? (layout.mosaic ? 'slices' : 'cubes') : view && sel ? (sel.info.numel === 0 ? 'empty' : 'too-large') : 'none'

  // Content: rebuilt when the object or its layout changes.
  useEffect(() => {
    if (!view) return
    if (!drawable) {
      view.requestRender()
      return
    }
    const c = new LogicalContent(layout)
    c.setArrows(logicalArrows(layout, sel.info), theme === 'dark' ? '#ffffff' : '#111418')
    contentRef.current = c
    valuesRef.current = null
    view.scene.add(c.group)
    // Framed with room kept above and to the left for the axis names and tile indices (see logicalFrame).
    refit.current = () => {
      const o = shownObject(store.get(), pinned)?.info ?? sel.info
      const f = logicalFrame(layout, o, c, (t) => labelsRef.current?.boxSize(t) ?? labelSize(t, DEFAULT_GLYPH))
      view.frame(f.center, f.size, f.tilt, f.margins)
    }
    refit.current()
    return () => {
      view.scene.remove(c.group)
      view.retire(() => c.dispose())
      contentRef.current = null
      view.requestRender()
    }
  }, [view, layout]) // eslint-disable-line react-hooks/exhaustive-deps

  // Values: refetched whenever the workspace changes (an edit through an alias changes them).
  useEffect(() => {
    const c = contentRef.current
    if (!view || !c || !sel) return
    setLegend((l) => ({ ...l, loading: 0 }))
    const h = loadValues(controller.host, sel.info, (f) => setLegend((l) => ({ ...l, loading: f })), revision)
    h.done.then((values) => {
      if (!values || contentRef.current !== c) return
      valuesRef.current = values
      const r = scaleRange(values, scale, fixed)
      c.setValues(values, r, scale === 'slice' ? sliceRanges(values, c.sliceOf, layout!.tiles * layout!.nz) : undefined)
      view.requestRender()
      setLegend({ min: r.min, max: r.max, loading: null, loadedRev: revision })
    }).catch(() => setLegend((l) => ({ ...l, loading: null })))
    return () => h.cancel()
  }, [view, layout, revision]) // eslint-disable-line react-hooks/exhaustive-deps

  // A write flash on this object's cells, fading out.
  useEffect(() => {
    const c = contentRef.current
    if (!view || !c || !sel || !flash || !flashed.length) return
    return animateFlash(flash, (a) => { c.flash(flashed, a); view.requestRender() })
  }, [flashed, view]) // eslint-disable-line react-hooks/exhaustive-deps

  // A new colour scale recolours the values already fetched.
  useEffect(() => {
    const c = contentRef.current, values = valuesRef.current
    if (!view || !c || !values || !layout) return
    const r = scaleRange(values, scale, fixed)
    c.setValues(values, r, scale === 'slice' ? sliceRanges(values, c.sliceOf, layout.tiles * layout.nz) : undefined)
    setLegend((l) => ({ ...l, min: r.min, max: r.max }))
    view.requestRender()
  }, [scale, fixed.min, fixed.max]) // eslint-disable-line react-hooks/exhaustive-deps

  // Hover (from this view or the memory view): outline the element and every index over the same bytes.
  // Drawn again only when the hover or the content changes (see the memory view's).
  const hoverShown = useRef<{ content: LogicalContent | null; hover: Hover | null }>({ content: null, hover: null })
  useEffect(() => {
    if (!view) return
    const apply = (): void => {
      const c = contentRef.current
      const s = store.get()
      if (!c || !sel || (hoverShown.current.content === c && hoverShown.current.hover === s.hover)) return
      hoverShown.current = { content: c, hover: s.hover }
      const hv = s.hover
      let main: number[] | null = null
      let linked: number[][] = []
      if (hv) {
        const block = blockOfObject(s.workspace, sel.info.id)
        const hoveredObj = s.workspace.objects.find((o) => o.info.id === hv.objectId)
        if (block && hoveredObj && block.objects.includes(hoveredObj)) {
          const bytes = elementBytes(block, hoveredObj, hv.index)
          const same = indicesTouching(block, sel, bytes, 32)
          if (hv.objectId === sel.info.id) {
            main = hv.index
            linked = same.filter((i) => i.some((v, k) => v !== hv.index[k]))
          } else {
            linked = same
          }
        } else if (hoveredObj && hoveredObj !== sel && sameShape(hoveredObj.info.shape, sel.info.shape)) {
          // Another object of the same shape (a compared copy): the same index.
          linked = [hv.index]
        }
      }
      c.highlight(main, linked)
      view.requestRender()
    }
    apply()
    return store.subscribe(apply)
  }, [view, layout, sel, store])

  useEffect(() => {
    if (!view) return
    const dark = theme === 'dark'
    view.setBackground(dark ? '#15181d' : '#f4f5f7')
    contentRef.current?.setHighlightColor(dark ? '#ffffff' : '#000000')
  }, [view, theme, layout])

  const loadedFor = legend.loadedRev === revision && legend.loading === null
  // The hovered element's value, read from the values already fetched for colouring.
  let hoverText: string | null = null
  if (sel && hover && hover.objectId === sel.info.id && valuesRef.current) {
    let flat = 0
    for (let k = 0; k < hover.index.length; k++) flat = flat * sel.info.shape[k] + hover.index[k]
    const v = valuesRef.current[flat]
    if (v !== undefined) hoverText = `${primaryName(sel)}[${hover.index.join(', ')}] = ${formatValue(v, sel.info.dtype)}`
  }
  return (
    <div className="view-pane" data-testid={`logical-view${suffix}`} data-mode={mode} data-cells={layout ? cellCount(layout) : 0}
      data-values-revision={loadedFor ? revision : -1} data-object={sel ? primaryName(sel) : ''}
      data-flash-revision={flash && flashed.length ? flash.revision : -1} data-flashed={flashed.length}>
      <div className="view-head">
        <span className="view-title">Logical view{pinned ? " (pinned)" : ""}</span>
        {sel && <span className="view-sub">{primaryName(sel)} · {sel.info.shape.length ? `[${sel.info.shape.join(', ')}]` : 'scalar'} · {mode === 'cubes' ? 'instanced cubes' : mode === 'slices' ? `${layout!.tiles * layout!.nz} texture slices` : ''}</span>}
        {sel && (mode === 'cubes' || mode === 'slices') && (
          <label className="small">scale
            <select value={scale} onChange={(e) => setScale(e.target.value as ScaleMode)} data-testid="color-scale" title="Colour range: the object's min…max, a fixed range, or each slice's own">
              <option value="auto">auto</option>
              <option value="fixed">fixed</option>
              <option value="slice">per slice</option>
            </select>
            {scale === 'fixed' && <>
              <input className="num" type="number" value={fixed.min} data-testid="scale-min" onChange={(e) => setFixed((f) => ({ ...f, min: Number(e.target.value) }))} />
              <input className="num" type="number" value={fixed.max} data-testid="scale-max" onChange={(e) => setFixed((f) => ({ ...f, max: Number(e.target.value) }))} />
            </>}
          </label>
        )}
        {sel && sel.info.shape.length > 3 && <DimFolder objectId={sel.info.id} shape={sel.info.shape} display={layout!.display} />}
      </div>
      <div className="canvas-host" ref={ref}>
        {!sel && <div className="empty-state" data-testid="logical-empty"><p>Nothing selected. Create an array in the console (<code>a = np.arange(12).reshape(3, 4)</code>) or with <b>New</b>.</p></div>}
        {mode === 'empty' && sel && <div className="empty-state">{primaryName(sel)} has no elements (shape [{sel.info.shape.join(', ')}]).</div>}
        {mode === 'too-large' && sel && <div className="empty-state">{primaryName(sel)} has {sel.info.numel.toLocaleString()} elements: more than the logical view draws ({MAX_DRAWN_VALUES.toLocaleString()}). Slice it to look inside.</div>}
      </div>
      {sel && (mode === 'cubes' || mode === 'slices') && (
        <Legend dtype={sel.info.dtype} min={legend.min} max={legend.max} complex={sel.info.dtype.startsWith('complex')} loading={legend.loading} hoverText={hoverText} />
      )}
    </div>
  )
}
