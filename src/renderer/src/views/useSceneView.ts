// A SceneView bound to a React element, with camera undo/redo and a handle in
// the view registry (PNG export, camera undo act on the view last pointed at).
import { useEffect, useRef, useState } from 'react'
import type * as THREE from 'three'
import { SceneView } from './SceneView'
import { emptyCameraHistory, record, redo, undo, type CameraHistory } from '../model/cameraHistory'
import { useApp, type LocateQuery } from '../state/context'
import type { ExportCaption } from '../model/exportCaption'

export interface SceneHooks {
  onPointer?: (ndc: THREE.Vector2 | null) => void
  onClick?: (ndc: THREE.Vector2) => void
  onAfterRender?: () => void
  /** World point drawn for a byte or an index (see ViewHandle.locate). */
  locate?: (q: LocateQuery) => THREE.Vector3 | null
  caption?: () => ExportCaption | null
}

export function useSceneView(name: string, testId: string, hooks: SceneHooks): {
  ref: React.RefObject<HTMLDivElement | null>
  view: SceneView | null
  refit: React.MutableRefObject<() => void>
} {
  const ref = useRef<HTMLDivElement>(null)
  const [view, setView] = useState<SceneView | null>(null)
  const hooksRef = useRef(hooks)
  hooksRef.current = hooks
  const refit = useRef<() => void>(() => {})
  const { views } = useApp()

  useEffect(() => {
    const el = ref.current
    if (!el) return
    let cam: CameraHistory = emptyCameraHistory
    const v = new SceneView(el, {
      testId,
      onCameraChange: (before, after) => { cam = record(cam, before, after) },
      onPointer: (ndc) => { views.active = name; hooksRef.current.onPointer?.(ndc) },
      onClick: (ndc) => hooksRef.current.onClick?.(ndc),
      onAfterRender: () => hooksRef.current.onAfterRender?.()
    })
    const unregister = views.register({
      name,
      toPNG: () => v.toPNG(),
      undoCamera: () => {
        const r = undo(cam, v.pose())
        cam = r.history
        if (r.pose) v.setPose(r.pose)
        return !!r.pose
      },
      redoCamera: () => {
        const r = redo(cam, v.pose())
        cam = r.history
        if (r.pose) v.setPose(r.pose)
        return !!r.pose
      },
      orbit: (azimuth, polar) => v.orbit(azimuth, polar),
      caption: () => hooksRef.current.caption?.() ?? null,
      locate: (q) => {
        const p = hooksRef.current.locate?.(q)
        const out = { x: 0, y: 0 }
        return p && v.project(p, out) ? out : null
      },
      stats: () => ({ calls: v.renderer.info.render.calls, triangles: v.renderer.info.render.triangles, frames: v.frames }),
      resetCamera: () => {
        const before = v.pose()
        refit.current()
        cam = record(cam, before, v.pose())
      }
    })
    setView(v)
    return () => {
      unregister()
      v.dispose()
      setView(null)
    }
  }, [name, testId, views])

  return { ref, view, refit }
}
