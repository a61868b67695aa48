// Room for labels drawn beside a framed box (a view's axis names, tile indices):
// the box grows to take in each label's anchor point, and the labels whose anchors
// lie on its top or left edge say how many pixels the framing keeps free there, so
// the camera fit leaves them inside the view instead of cut by its edge.
import * as THREE from 'three'
import { anchoredBox, type LabelAlign } from './labelBox'
import type { FitMargins } from './cameraFit'

export interface FramedLabel { pos: readonly [number, number, number]; text: string; align: LabelAlign }

/** Gap kept between a label and the view's edge (CSS px). */
const EDGE_GAP = 2

export function frameWithLabels(center: THREE.Vector3, size: THREE.Vector3, labels: readonly FramedLabel[],
  sizeOf: (text: string) => [number, number]): { center: THREE.Vector3; size: THREE.Vector3; margins: FitMargins } {
  const min = center.clone().addScaledVector(size, -0.5)
  const max = center.clone().addScaledVector(size, 0.5)
  for (const l of labels) {
    min.min(new THREE.Vector3(...l.pos))
    max.max(new THREE.Vector3(...l.pos))
  }
  // Only anchors on the grown box's edge push the box inward; one inside it has the box's own margin.
  const eps = 1e-6
  let left = 0, top = 0
  for (const l of labels) {
    const [bw, bh] = sizeOf(l.text)
    const at = anchoredBox(0, 0, bw, bh, l.align)
    if (l.pos[0] <= min.x + eps) left = Math.max(left, -at.x + EDGE_GAP)
    if (l.pos[1] >= max.y - eps) top = Math.max(top, -at.y + EDGE_GAP)
  }
  return {
    center: min.clone().add(max).multiplyScalar(0.5),
    size: max.clone().sub(min),
    margins: { left, top }
  }
}
