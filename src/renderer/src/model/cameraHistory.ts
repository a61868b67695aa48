// Undo/redo of camera (layout) changes: each finished orbit or zoom pushes the
// pose it started from; nothing in the workspace is ever undone here.

export interface CameraPose {
  position: [number, number, number]
  target: [number, number, number]
  zoom: number
}

export interface CameraHistory {
  past: CameraPose[]
  future: CameraPose[]
}

export const emptyCameraHistory: CameraHistory = { past: [], future: [] }
const LIMIT = 100

function same(a: CameraPose, b: CameraPose): boolean {
  const eq = (x: number[], y: number[]): boolean => x.every((v, i) => Math.abs(v - y[i]) < 1e-6)
  return eq(a.position, b.position) && eq(a.target, b.target) && Math.abs(a.zoom - b.zoom) < 1e-6
}

/** Records a change from `before` to the current pose; a change that moved nothing is not recorded. */
export function record(h: CameraHistory, before: CameraPose, after: CameraPose): CameraHistory {
  if (same(before, after)) return h
  return { past: [...h.past, before].slice(-LIMIT), future: [] }
}

export function undo(h: CameraHistory, current: CameraPose): { history: CameraHistory; pose: CameraPose | null } {
  const pose = h.past[h.past.length - 1]
  if (!pose) return { history: h, pose: null }
  return { history: { past: h.past.slice(0, -1), future: [current, ...h.future] }, pose }
}

export function redo(h: CameraHistory, current: CameraPose): { history: CameraHistory; pose: CameraPose | null } {
  const pose = h.future[0]
  if (!pose) return { history: h, pose: null }
  return { history: { past: [...h.past, current], future: h.future.slice(1) }, pose }
}
