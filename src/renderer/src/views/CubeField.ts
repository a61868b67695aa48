// Many small cubes as ONE static mesh (one draw call), each cube coloured on
// its own, picked back by triangle index.
//
// NOTE (measured here, headless Chromium + SwiftShader): an InstancedMesh of
// 4,096 boxes drew at 3.7 fps where these same boxes merged into one indexed
// mesh drew at 16.9 fps in the same run (and 512 instanced boxes took ~22 ms a
// frame): the software rasterizer pays per instance, not per vertex. On a real
// GPU both are trivial, so the merged mesh is the one path. Colours change in
// place (one attribute upload); positions never change after construction.
import * as THREE from 'three'

const CUBE = 0.86
const VERTS = 24  // BoxGeometry: 4 vertices per face, so each face keeps its own shade
// Cubes buried at least this many neighbours deep on every side that faces the
// eye are not drawn (see cullFor). The lattice: 1 apart in x and y, 1.25 in z.
const DEPTH = 2
const Z_STEP = 1.25

// Per-vertex shade of the unit cube's faces (top light, sides darker): an unlit
// material still reads as 3D without per-pixel lighting.
const box = new THREE.BoxGeometry(CUBE, CUBE, CUBE)
const boxPos = box.getAttribute('position').array as Float32Array
const boxIdx = box.getIndex()!.array as ArrayLike<number>
const boxShade = (() => {
  const n = box.getAttribute('normal')
  const out = new Float32Array(VERTS)
  for (let i = 0; i < VERTS; i++) {
    const nx = n.getX(i), ny = n.getY(i), nz = n.getZ(i)
    out[i] = ny > 0.5 ? 1.0 : ny < -0.5 ? 0.55 : nz > 0.5 ? 0.86 : nx !== 0 ? 0.7 : 0.6
  }
  return out
})()

export class CubeField {
  readonly mesh: THREE.Mesh
  private readonly colors: Float32Array
  private readonly centers: Float32Array
  private readonly index: Uint16Array | Uint32Array
  /** `runs[6i+f]`: occupied neighbours in a row beyond cube i's face f (capped at DEPTH). */
  private readonly runs: Uint8Array
  private readonly lastEye = new THREE.Vector3(NaN, NaN, NaN)
  private readonly geometry = new THREE.BufferGeometry()
  private readonly material = new THREE.MeshBasicMaterial({ vertexColors: true })

  /** `centers[3i..3i+2]` is cube i's centre. */
  constructor(readonly count: number, centers: Float32Array) {
    this.centers = centers
    const pos = new Float32Array(count * VERTS * 3)
    this.colors = new Float32Array(count * VERTS * 3)
    const index = count * VERTS > 65535 ? new Uint32Array(count * boxIdx.length) : new Uint16Array(count * boxIdx.length)
    for (let i = 0; i < count; i++) {
      const cx = centers[3 * i], cy = centers[3 * i + 1], cz = centers[3 * i + 2]
      const v0 = i * VERTS
      for (let j = 0; j < VERTS; j++) {
        const o = (v0 + j) * 3
        pos[o] = boxPos[3 * j] + cx
        pos[o + 1] = boxPos[3 * j + 1] + cy
        pos[o + 2] = boxPos[3 * j + 2] + cz
      }
      const i0 = i * boxIdx.length
      for (let k = 0; k < boxIdx.length; k++) index[i0 + k] = boxIdx[k] + v0
    }
    this.runs = neighbourRuns(count, centers)
    this.geometry.setAttribute('position', new THREE.BufferAttribute(pos, 3))
    const color = new THREE.BufferAttribute(this.colors, 3)
    color.setUsage(THREE.DynamicDrawUsage)
    this.geometry.setAttribute('color', color)
    this.index = index
    const indexAttr = new THREE.BufferAttribute(index, 1)
    indexAttr.setUsage(THREE.DynamicDrawUsage)
    this.geometry.setIndex(indexAttr)
    this.geometry.computeBoundingSphere()
    this.geometry.computeBoundingBox()
    this.mesh = new THREE.Mesh(this.geometry, this.material)
    // Before each frame, keep only the faces that face the camera.
    this.mesh.onBeforeRender = (_r, _s, camera) => this.cullFor(camera.position)
  }

  /**
   * Index only the faces turned towards `eye` (at most 3 of 6 per cube): the
   * software rasterizer shades every indexed vertex before it culls back
   * faces, so this halves its vertex work. Rebuilt only when the eye moved.
   *
   * Cubes with at least DEPTH neighbours in a row beyond every face turned to
   * the eye are skipped: they lie behind DEPTH layers of cubes, and only thin
   * slivers of them could show through two layers of gaps (< 1% of the pixels
   * change in a 16x16x16 orbit). Measured here (headless Chromium +
   * SwiftShader): the cube view's own cost is per triangle, not per pixel
   * (halving the canvas resolution barely changed it; the 24,576 camera-facing
   * triangles of a 16x16x16 cube took ~25 ms, a hidden mesh ~0), so drawing
   * only the outer two layers (~5-8k triangles) is what brings the frame time
   * down; the index upload per orbit step is small next to it.
   */
  cullFor(eye: THREE.Vector3): void {
    if (eye.equals(this.lastEye)) return
    this.lastEye.copy(eye)
    const h = CUBE / 2
    const c = this.centers
    const out = this.index
    let n = 0
    let changed = false
    for (let i = 0; i < this.count; i++) {
      const dx = eye.x - c[3 * i], dy = eye.y - c[3 * i + 1], dz = eye.z - c[3 * i + 2]
      const v0 = i * VERTS
      // BoxGeometry's faces in order: +x, -x, +y, -y, +z, -z (4 vertices, 6 indices each).
      let faces = 0
      let buried = true
      for (let f = 0; f < 6; f++) {
        const d = f < 2 ? dx : f < 4 ? dy : dz
        if (!((f & 1) ? -d > h : d > h)) continue
        faces |= 1 << f
        if (this.runs[6 * i + f] < DEPTH) buried = false
      }
      if (buried) continue
      for (let f = 0; f < 6; f++) {
        if (!(faces & (1 << f))) continue
        for (let k = 6 * f; k < 6 * f + 6; k++, n++) {
          const v = boxIdx[k] + v0
          if (out[n] !== v) { out[n] = v; changed = true }
        }
      }
    }
    // Orbiting rarely moves the eye across a face's plane: most steps leave
    // the index as it was, and then nothing is re-uploaded.
    if (!changed && n === this.geometry.drawRange.count) return
    const attr = this.geometry.getIndex()!
    attr.needsUpdate = true
    attr.clearUpdateRanges()
    attr.addUpdateRange(0, n)
    this.geometry.setDrawRange(0, n)
  }

  /** Sets cube i's colour (linear RGB); call commit() once after a batch. */
  setColor(i: number, r: number, g: number, b: number): void {
    const c = this.colors
    let o = i * VERTS * 3
    for (let j = 0; j < VERTS; j++, o += 3) {
      const k = boxShade[j]
      c[o] = r * k
      c[o + 1] = g * k
      c[o + 2] = b * k
    }
  }

  commit(): void {
    this.geometry.getAttribute('color').needsUpdate = true
  }

  /** The cube under the ray, or null. */
  pick(raycaster: THREE.Raycaster): number | null {
    const hit = raycaster.intersectObject(this.mesh, false)[0]
    // The hit triangle's first vertex says which cube it belongs to (triangle numbers change with culling).
    return hit && hit.face ? Math.floor(hit.face.a / VERTS) : null
  }

  dispose(): void {
    this.geometry.dispose()
    this.material.dispose()
  }
}

/** For each cube and face (+x, -x, +y, -y, +z, -z), how many lattice neighbours in a row lie beyond it, capped at DEPTH. */
function neighbourRuns(count: number, centers: Float32Array): Uint8Array {
  const OFF = 1 << 15
  const key = (x: number, y: number, z: number): number => ((x + OFF) * 65536 + (y + OFF)) * 65536 + (z + OFF)
  const cells = new Set<number>()
  const lat = new Int32Array(count * 3)
  for (let i = 0; i < count; i++) {
    const x = Math.round(centers[3 * i]), y = Math.round(centers[3 * i + 1]), z = Math.round(centers[3 * i + 2] / Z_STEP)
    lat[3 * i] = x; lat[3 * i + 1] = y; lat[3 * i + 2] = z
    cells.add(key(x, y, z))
  }
  const runs = new Uint8Array(count * 6)
  for (let i = 0; i < count; i++) {
    for (let f = 0; f < 6; f++) {
      const ax = f >> 1, step = f & 1 ? -1 : 1
      const p = [lat[3 * i], lat[3 * i + 1], lat[3 * i + 2]]
      let r = 0
      while (r < DEPTH) {
        p[ax] += step
        if (!cells.has(key(p[0], p[1], p[2]))) break
        r++
      }
      runs[6 * i + f] = r
    }
  }
  return runs
}
