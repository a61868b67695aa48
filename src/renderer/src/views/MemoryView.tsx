// The memory view: the selected object's memory block (its storage and every
// storage over the same bytes) as a wall of cells; every object viewing it in
// its own colour, the selected one's stride walk, gaps and offset marked.
// Hovering a cell lights the element in the logical view and in every alias.
import { useEffect, useMemo, useRef, useState } from 'react'
import * as THREE from 'three'
import { useApp } from '../state/context'
import { useStore } from '../state/store'
import { selectedObject } from '../state/appState'
import { MemoryContent, type WallObject } from './MemoryContent'
import { useSceneView } from './useSceneView'
import { blockOfObject, elementBytes, indicesTouching, offsetsOf } from '../state/footprints'
import { byteOffsetInBlock } from '../model/storageGroups'
import { objectColor } from '../model/storageGroups'
import { hex } from '../model/address'
import { primaryName, type ObjectEntry } from '../model/types'
import { formatBytes } from '../model/format'

const raycaster = new THREE.Raycaster()

export function MemoryView(): React.JSX.Element {
  const { store } = useApp()
  const sel = useStore(store, selectedObject)
  const workspace = useStore(store, (s) => s.workspace)
  const unit = useStore(store, (s) => s.unit)
  const theme = useStore(store, (s) => s.theme)
  const contentRef = useRef<MemoryContent | null>(null)
  const fitKey = useRef('')
  const [wall, setWall] = useState<{ cols: number; cellBytes: number } | null>(null)
  const hover = useStore(store, (s) => s.hover)
  const names = useMemo(() => workspace.objects.map(primaryName), [workspace])
  const block = sel ? blockOfObject(workspace, sel.info.id) : undefined

  const { ref, view, refit } = useSceneView('memory', 'memory-canvas', {
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
    }
  })

  const spec = useMemo(() => {
    if (!block || !sel) return null
    const objects: WallObject[] = block.objects.map((o: ObjectEntry) => ({
      id: o.info.id,
      color: objectColor(primaryName(o), names),
      itemsize: o.info.itemsize,
      base0: byteOffsetInBlock(block, o),
      offsets: offsetsOf(block, o)
    }))
    return {
      blockBytes: block.nbytes,
      unitBytes: unit === 'bytes' ? 1 : sel.info.itemsize,
      objects,
      selectedId: sel.info.id,
      storageStarts: block.storages.map((s) => Number(BigInt(s.dataPtr) - block.base)),
      dark: theme === 'dark'
    }
  }, [block, sel, unit, theme, names])

  useEffect(() => {
    if (!view || !spec) {
      view?.requestRender()
      return
    }
    const c = new MemoryContent(spec)
    c.setHoverColor(spec.dark ? '#ffffff' : '#000000')
    contentRef.current = c
    view.scene.add(c.group)
    setWall({ cols: c.cols, cellBytes: c.cov.cellBytes })
    refit.current = () => view.frame(c.center, c.size, false)
    // Re-frame only when the wall itself changed (another block or cell size), not on every edit.
    const key = `${block?.key}|${spec.unitBytes}|${c.cols}`
    if (fitKey.current !== key) {
      refit.current()
      fitKey.current = key
    }
    view.setBackground(spec.dark ? '#15181d' : '#f4f5f7')
    view.requestRender()
    return () => {
      view.scene.remove(c.group)
      c.dispose()
      contentRef.current = null
    }
  }, [view, spec]) // eslint-disable-line react-hooks/exhaustive-deps

  // Linked hover: the hovered element's bytes, outlined once per alias that reaches them.
  useEffect(() => {
    if (!view) return
    const apply = (): void => {
      const c = contentRef.current
      const s = store.get()
      if (!c || !block) return
      const hv = s.hover
      const o = hv ? block.objects.find((x) => x.info.id === hv.objectId) : undefined
      c.setHover(o && hv ? [elementBytes(block, o, hv.index)] : [])
      view.requestRender()
    }
    apply()
    return store.subscribe(apply)
  }, [view, spec, block, store])

  // The hovered element's bytes (hovered here or in the logical view), seen through every object over them.
  let hoverInfo: Array<{ name: string; color: string; indices: number[][] }> | null = null
  let hoverBytes: [number, number] | null = null
  const hovered = hover && block ? block.objects.find((o) => o.info.id === hover.objectId) : undefined
  if (hover && block && hovered) {
    const bytes = elementBytes(block, hovered, hover.index)
    hoverBytes = bytes
    hoverInfo = block.objects
      .map((o) => ({ name: primaryName(o), color: objectColor(primaryName(o), names), indices: indicesTouching(block, o, bytes, 4) }))
      .filter((x) => x.indices.length > 0)
  }
  const cellBytes = wall?.cellBytes ?? (spec?.unitBytes ?? 1)
  const cols = wall?.cols ?? 0
  return (
    <div className="view-pane" data-testid="memory-view" data-block={block?.key ?? ''} data-objects={block?.objects.length ?? 0}>
      <div className="view-head">
        <span className="view-title">Memory view</span>
        {block && (
          <span className="view-sub" data-testid="memory-caption">
            {block.device}{block.simulated ? ' (simulated)' : ''}{block.pinned ? ' · pinned' : ''} · base {hex(block.base)} · {formatBytes(block.nbytes)} ·
            {' '}{block.storages.length} storage{block.storages.length === 1 ? '' : 's'} · cell {cellBytes} B{cols ? ` · row ${cols * cellBytes} B` : ''}
          </span>
        )}
        <span className="seg" role="group" aria-label="wall unit">
          <button className={unit === 'elements' ? 'on' : ''} onClick={() => store.dispatch({ type: 'unit', unit: 'elements' })} data-testid="unit-elements">elements</button>
          <button className={unit === 'bytes' ? 'on' : ''} onClick={() => store.dispatch({ type: 'unit', unit: 'bytes' })} data-testid="unit-bytes">bytes</button>
        </span>
      </div>
      <div className="canvas-host" ref={ref}>
        {!sel && <div className="empty-state">Select an object to see its storage.</div>}
        {hoverInfo && hoverInfo.length > 0 && (
          <div className="hover-card" data-testid="memory-hover">
            {hoverBytes && block && <div className="muted small">bytes {hoverBytes[0]}…{hoverBytes[1] - 1} · {hex(block.base + BigInt(hoverBytes[0]))}</div>}
            {hoverInfo.map((h) => (
              <div key={h.name}><span className="swatch" style={{ background: h.color }} />{h.name}[{h.indices.map((i) => i.join(', ')).join('] ' + h.name + '[')}]</div>
            ))}
          </div>
        )}
      </div>
      {block && (
        <div className="legend" data-testid="memory-legend">
          {block.objects.map((o) => (
            <span key={o.info.id} className={o.info.id === sel?.info.id ? 'legend-item on' : 'legend-item'}>
              <span className="swatch" style={{ background: objectColor(primaryName(o), names) }} />{o.names.join(' = ')}
            </span>
          ))}
          <span className="legend-item"><span className="swatch gap" />gap (skipped)</span>
          <span className="legend-item"><span className="swatch offset" />storage offset</span>
          <span className="legend-item"><span className="swatch jump" />stride jump</span>
        </div>
      )}
    </div>
  )
}
