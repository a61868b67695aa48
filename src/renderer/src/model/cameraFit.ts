// Where a view's camera stands to frame a box: all of the box in view with a
// margin, looking down -z (with a slight tilt for 3-D blocks), and bands of
// pixels kept free on the left and at the top for labels drawn beside the box
// (a ruler, an axis name), so that no label is cut by the view's edge.
import * as THREE from 'three'

/** Pixels kept free beside the box, in the view's CSS px. */
export interface FitMargins { left?: number; top?: number }

export interface CameraFit {
  position: THREE.Vector3
  target: THREE.Vector3
  near: number
  far: number
}

/** The box fills this share of the view's free part along its tighter side. */
export const FIT_FILL = 0.8

/**
 * The camera pose that frames a box (centre, size) in a view of width x height CSS px
 * with a vertical field of view of fovDeg, keeping the margins free.
 */
export function fitCamera(center: THREE.Vector3, size: THREE.Vector3, view: { width: number; height: number; fovDeg: number },
  tilt: boolean, margins: FitMargins = {}): CameraFit {
  const { width: w, height: h } = view
  const left = Math.min(Math.max(0, margins.left ?? 0), w / 2)
  const top = Math.min(Math.max(0, margins.top ?? 0), h / 2)
  const tanHalf = Math.tan((view.fovDeg * Math.PI) / 360)
  // World units per pixel at the box's plane: the box fills FIT_FILL of the part the margins leave.
  const perPx = Math.max(size.y / (h - top), size.x / (w - left), 1 / h) / FIT_FILL
  // The distance at which the view's height spans perPx * h world units.
  const span = (perPx * h) / 2 / tanHalf
  const dist = span + size.z
  const dir = tilt ? new THREE.Vector3(0.35, 0.3, 1).normalize() : new THREE.Vector3(0, 0, 1)
  // Look at a point left of and above the box's centre, so the box sits centred in the free part.
  const target = center.clone()
  target.x -= (left / 2) * perPx
  target.y += (top / 2) * perPx
  return {
    position: target.clone().addScaledVector(dir, dist),
    target,
    near: Math.max(0.01, dist / 1000),
    far: dist * 20 + size.length() * 4
  }
}
