// What every component reaches through React context: the store, the
// controller, and the registry of 3D views (for PNG export and camera undo).
import { createContext, useContext } from 'react'
import type { Controller } from './controller'
import type { Store } from './store'
import type { ExportCaption } from '../model/exportCaption'

/** The 3D view that last had the pointer: camera undo and PNG export act on it. */
export interface ViewHandle {
  name: string
  toPNG(): string
  undoCamera(): boolean
  redoCamera(): boolean
  resetCamera(): void
  /** Turns the camera around its target by `azimuth` and `polar` radians and draws the frame now. */
  orbit(azimuth: number, polar?: number): void
  /** What the last frame cost: draw calls and triangles. */
  stats(): { calls: number; triangles: number; frames: number }
  /** Canvas position (CSS px) where a byte of the memory block or an element's index is drawn: for tests reading pixels. */
  locate(q: LocateQuery): { x: number; y: number } | null
  /** Title and legend for an exported picture of the view (null when it shows nothing). */
  caption?(): ExportCaption | null
}

/** `at`: a point inside the cell as fractions from its top-left corner (default the centre). */
export type LocateQuery = { byte: number; at?: [number, number] } | { index: number[] }

export class ViewRegistry {
  private views = new Map<string, ViewHandle>()
  active: string | null = null

  register(v: ViewHandle): () => void {
    this.views.set(v.name, v)
    if (!this.active) this.active = v.name
    return () => {
      this.views.delete(v.name)
      if (this.active === v.name) this.active = this.views.keys().next().value ?? null
    }
  }

  get(name: string): ViewHandle | null {
    return this.views.get(name) ?? null
  }

  current(): ViewHandle | null {
    return (this.active && this.views.get(this.active)) || this.views.values().next().value || null
  }
}

export interface AppContext {
  store: Store
  controller: Controller
  views: ViewRegistry
}

export const Ctx = createContext<AppContext | null>(null)

export function useApp(): AppContext {
  const c = useContext(Ctx)
  if (!c) throw new Error('useApp outside <Ctx.Provider>')
  return c
}
