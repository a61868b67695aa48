// The logical view's axis names and tile indices lie inside the view once it is
// framed, at the sizes the app really has (the short logical pane of "Both" at
// 1280x720, a pinned half, a full window): the camera the framing gives is built
// as the view builds it, each label's anchor projected as the label layer does,
// and its box (anchor, slide) must not cross the view's edge.
import { describe, expect, it } from 'vitest'
import * as THREE from 'three'
import { LogicalContent } from '../../../src/renderer/src/views/LogicalContent'
import { makeLayout } from '../../../src/renderer/src/model/gridLayout'
import { AXIS_ALIGN, AXIS_SLIDE, axisLabels, logicalFrame, TILE_ALIGN, TILE_SLIDE, tileLabels } from '../../../src/renderer/src/model/logicalLabels'
import { fitCamera } from '../../../src/renderer/src/model/cameraFit'
import { fitLabel, labelSize, type LabelAlign } from '../../../src/renderer/src/model/labelBox'

/** The glyph box of the labels' 11 px monospace font, rounded up. */
const GLYPH: [number, number] = [6.7, 15]
const sizeOf = (t: string): [number, number] => labelSize(t, GLYPH)

/** An object as the views receive it: shape, strides (elements; C order unless given) and byte strides of float64. */
function strided(shape: number[], given?: number[]): { shape: number[]; strides: number[]; byteStrides: number[]; itemsize: number } {
  const strides: number[] = []
  for (let d = shape.length - 1, s = 1; d >= 0; d--) { strides[d] = given?.[d] ?? s; s *= shape[d] }
  return { shape, strides, byteStrides: strides.map((s) => s * 8), itemsize: 8 }
}

/** Label boxes (CSS px) in a width x height view framed as the logical view frames the object. */
function placedLabels(shape: number[], width: number, height: number, strides?: number[]): Array<{ text: string; x: number; y: number; w: number; h: number }> {
  const L = makeLayout(shape)
  const o = strided(shape, strides)
  const content = new LogicalContent(L)
  const f = logicalFrame(L, o, content, sizeOf)
  content.dispose()
  const camera = new THREE.PerspectiveCamera(40, width / height, 0.1, 100000)
  const fit = fitCamera(f.center, f.size, { width, height, fovDeg: camera.fov }, f.tilt, f.margins)
  camera.position.copy(fit.position)
  camera.near = fit.near
  camera.far = fit.far
  camera.lookAt(fit.target)
  camera.updateProjectionMatrix()
  camera.updateMatrixWorld()
  const out: Array<{ text: string; x: number; y: number; w: number; h: number }> = []
  const put = (pos: readonly [number, number, number], texts: string[], align: LabelAlign, slide?: 'x' | 'y'): void => {
    // Projected as SceneView.project does, placed as LabelLayer.place does.
    const v = new THREE.Vector3(...pos).project(camera)
    out.push(fitLabel(((v.x + 1) / 2) * width, ((1 - v.y) / 2) * height, texts, GLYPH, align, slide, width, height))
  }
  for (const a of axisLabels(L, o)) put(a.pos, [a.text, a.short], AXIS_ALIGN[a.axis], AXIS_SLIDE[a.axis])
  for (const t of tileLabels(L, 16)) put(t.pos, [t.text], TILE_ALIGN, TILE_SLIDE)
  return out
}

// Sizes of the logical view's canvas: "Both" at 1280x720 and 1440x900, a pinned half, the view alone.
const VIEWS: Array<[number, number]> = [[665, 110], [825, 200], [330, 110], [1100, 640], [500, 60]]

describe('logical view framing keeps axis names and tile indices inside the view', () => {
  const cases: Array<[string, number[], number[]?]> = [
    ['a tall strided 2-D view (x[::3, ::-2].T of 1000 x 1000)', [500, 334], [-2, 3000]],
    ['1000 x 1000', [1000, 1000]],
    ['a small matrix (cubes)', [3, 4]],
    ['a wide row-major matrix', [4, 300]],
    ['one long row (wrapped)', [1000000]],
    ['a 3-D block (cubes, tilted)', [4, 5, 6]],
    ['a permuted rank-4 array of 12,000 elements (tiles)', [2, 40, 50, 3], [6000, 50, 1, 2000]],
    ['a rank-4 array in cubes (tiles, tilted)', [2, 3, 4, 5]]
  ]
  for (const [what, shape, strides] of cases) {
    it(what, () => {
      for (const [w, h] of VIEWS) {
        for (const l of placedLabels(shape, w, h, strides)) {
          // Wider than the view: nothing can hold it; the case list keeps to views where they fit.
          if (l.w > w) continue
          const where = `${l.text} at ${l.x.toFixed(1)},${l.y.toFixed(1)} (${l.w.toFixed(0)}x${l.h}) in ${w}x${h}`
          expect(l.y, where).toBeGreaterThanOrEqual(-0.5)
          expect(l.y + l.h, where).toBeLessThanOrEqual(h + 0.5)
          expect(l.x, where).toBeGreaterThanOrEqual(-0.5)
          expect(l.x + l.w, where).toBeLessThanOrEqual(w + 0.5)
        }
      }
    })
  }

  it('keeps the box itself unchanged where no label stands beside it', () => {
    const L = makeLayout([])
    const content = new LogicalContent(L)
    const f = logicalFrame(L, strided([]), content, sizeOf)
    expect(f.margins).toEqual({ left: 0, top: 0 })
    expect(f.size.toArray()).toEqual(content.size.toArray())
    content.dispose()
  })
})
