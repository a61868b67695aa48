// The memory view's meshes: the block's bytes as a wall of cells (one
// DataTexture, one draw call), each object's footprint in its own colour, the
// selected object's stride walk as a line with jumps arched over the wall,
// its storage offset marked, and the hovered bytes outlined.
import * as THREE from 'three'
import { coverage, type Coverage } from '../model/footprint'

export interface WallObject {
  id: number
  color: string
  itemsize: number
  base0: number            // byte of element 0 from the block base
  offsets: Float64Array    // byte of each element from the block base, C order
}

export interface WallSpec {
  blockBytes: number
  unitBytes: number
  objects: WallObject[]
  selectedId: number | null
  storageStarts: number[]  // byte offsets where each storage of the block begins (boundaries)
  dark: boolean
}

const WALK_LIMIT = 4096
// Shared by every wall: the hover cover of one cell and its outline.
const hoverPlane = new THREE.PlaneGeometry(0.96, 0.96)
const hoverEdges = new THREE.EdgesGeometry(hoverPlane)

export class MemoryContent {
  readonly group = new THREE.Group()
  readonly cov: Coverage
  readonly cols: number
  readonly rows: number
  readonly center: THREE.Vector3
  readonly size: THREE.Vector3
  private readonly tex: THREE.DataTexture
  private readonly plane: THREE.Mesh
  private readonly hoverBoxes: THREE.Mesh[] = []
  private readonly hoverMat = new THREE.LineBasicMaterial({ color: 0xffffff, depthTest: false })
  private readonly hoverFill = new THREE.MeshBasicMaterial({ color: 0xffffff, transparent: true, opacity: 0.45, depthTest: false })
  private readonly disposables: Array<{ dispose(): void }> = []
  offsetMarker: THREE.Vector3 | null = null

  constructor(readonly spec: WallSpec) {
    this.cov = coverage(spec.blockBytes, spec.objects, spec.unitBytes)
    this.cols = wallColumns(this.cov.cells)
    this.rows = Math.ceil(this.cov.cells / this.cols)
    this.center = new THREE.Vector3((this.cols - 1) / 2, -(this.rows - 1) / 2, 0)
    this.size = new THREE.Vector3(this.cols, this.rows, 1)

    const data = new Uint8Array(this.cols * this.rows * 4)
    this.tex = new THREE.DataTexture(data, this.cols, this.rows, THREE.RGBAFormat)
    this.tex.magFilter = THREE.NearestFilter
    this.tex.minFilter = THREE.NearestFilter
    this.tex.generateMipmaps = false
    this.tex.colorSpace = THREE.SRGBColorSpace
    this.paint()
    const geom = new THREE.PlaneGeometry(this.cols, this.rows)
    const mat = new THREE.MeshBasicMaterial({ map: this.tex })
    this.plane = new THREE.Mesh(geom, mat)
    this.plane.position.copy(this.center)
    this.group.add(this.plane)
    this.disposables.push(geom, mat, this.tex)
    this.buildGrid()
    this.buildWalk()
  }

  /** Cell → world position of its centre. */
  cellPos(c: number, z = 0): THREE.Vector3 {
    return new THREE.Vector3(c % this.cols, -Math.floor(c / this.cols), z)
  }

  private paint(): void {
    const { spec, cov } = this
    const data = this.tex.image.data as Uint8Array
    const selIdx = spec.objects.findIndex((o) => o.id === spec.selectedId)
    const colors = spec.objects.map((o) => new THREE.Color(o.color))
    const base = spec.dark ? [0x2a, 0x2f, 0x38] : [0xd8, 0xdc, 0xe2]
    const gap = spec.dark ? [0x5a, 0x22, 0x28] : [0xf0, 0xb4, 0xb4]
    const sel = selIdx >= 0 ? spec.objects[selIdx] : null
    // The selected object's extent: cells inside it that it does not touch are its gaps.
    let lo = Infinity, hi = -Infinity
    if (sel) for (let i = 0; i < sel.offsets.length; i++) { lo = Math.min(lo, sel.offsets[i]); hi = Math.max(hi, sel.offsets[i] + sel.itemsize) }
    const loC = Math.floor(lo / cov.cellBytes), hiC = Math.ceil(hi / cov.cellBytes)
    const tmp = new THREE.Color()
    for (let c = 0; c < this.cols * this.rows; c++) {
      const row = this.rows - 1 - Math.floor(c / this.cols)
      const o = (row * this.cols + (c % this.cols)) * 4
      let r: number, g: number, b: number
      if (c >= cov.cells) { r = g = b = spec.dark ? 0x16 : 0xf6 }
      else {
        const m = cov.mask[c]
        if (selIdx >= 0 && m & (1 << selIdx)) { tmp.copy(colors[selIdx]) }
        // Bytes the selected object steps over inside its own extent are its gaps, whoever else views them.
        else if (c >= loC && c < hiC) { tmp.setRGB(gap[0] / 255, gap[1] / 255, gap[2] / 255) }
        else if (m) {
          // Other objects' footprints: their colour, muted so the selected one stands out.
          const j = 31 - Math.clz32(m & -m)
          tmp.copy(colors[j]).lerp(new THREE.Color(`rgb(${base.join(',')})`), 0.55)
        } else { tmp.setRGB(base[0] / 255, base[1] / 255, base[2] / 255) }
        r = tmp.r * 255; g = tmp.g * 255; b = tmp.b * 255
      }
      data[o] = r; data[o + 1] = g; data[o + 2] = b; data[o + 3] = 255
    }
    this.tex.needsUpdate = true
  }

  /** Thin separators between cells when they are few enough to see; storage boundaries always. */
  private buildGrid(): void {
    const pts: number[] = []
    if (this.cov.cells <= 4096) {
      for (let x = 0; x <= this.cols; x++) pts.push(x - 0.5, 0.5, 0.01, x - 0.5, -this.rows + 0.5, 0.01)
      for (let y = 0; y <= this.rows; y++) pts.push(-0.5, -y + 0.5, 0.01, this.cols - 0.5, -y + 0.5, 0.01)
    }
    if (pts.length) {
      const g = new THREE.BufferGeometry()
      g.setAttribute('position', new THREE.Float32BufferAttribute(pts, 3))
      const m = new THREE.LineBasicMaterial({ color: this.spec.dark ? 0x14171c : 0xffffff, transparent: true, opacity: 0.6 })
      this.group.add(new THREE.LineSegments(g, m))
      this.disposables.push(g, m)
    }
  }

  /** The stride walk of the selected object: straight steps between neighbours, arches for jumps. */
  private buildWalk(): void {
    const sel = this.spec.objects.find((o) => o.id === this.spec.selectedId)
    if (!sel || sel.offsets.length === 0) return
    const cb = this.cov.cellBytes
    const n = Math.min(sel.offsets.length, WALK_LIMIT)
    const pts: number[] = []
    const jumpPts: number[] = []
    for (let i = 1; i < n; i++) {
      const a = this.cellPos(Math.floor(sel.offsets[i - 1] / cb), 0.05)
      const b = this.cellPos(Math.floor(sel.offsets[i] / cb), 0.05)
      const step = sel.offsets[i] - sel.offsets[i - 1]
      if (step === sel.itemsize || (step > 0 && step < cb)) {
        // The next element in memory: a straight step, except where the wall wraps to its next row.
        if (Math.abs(a.y - b.y) < 0.5) pts.push(a.x, a.y, a.z, b.x, b.y, b.z)
      } else {
        // A jump: an arch whose height grows with the distance it skips.
        const h = Math.min(6, 0.6 + Math.sqrt(a.distanceTo(b)) * 0.6)
        let prev = a
        for (let s = 1; s <= 8; s++) {
          const t = s / 8
          const p = new THREE.Vector3().lerpVectors(a, b, t)
          p.z += 4 * h * t * (1 - t)
          jumpPts.push(prev.x, prev.y, prev.z, p.x, p.y, p.z)
          prev = p
        }
      }
    }
    const add = (arr: number[], color: number): void => {
      if (!arr.length) return
      const g = new THREE.BufferGeometry()
      g.setAttribute('position', new THREE.Float32BufferAttribute(arr, 3))
      const m = new THREE.LineBasicMaterial({ color, depthTest: false, transparent: true, opacity: 0.9 })
      const l = new THREE.LineSegments(g, m)
      l.renderOrder = 5
      this.group.add(l)
      this.disposables.push(g, m)
    }
    add(pts, this.spec.dark ? 0xffffff : 0x1b1f24)
    add(jumpPts, 0xffb000)
    // Storage offset marker: a cone pointing at element 0's first byte.
    const c0 = Math.floor(sel.base0 / cb)
    const cone = new THREE.ConeGeometry(0.25, 0.6, 12)
    const coneMat = new THREE.MeshBasicMaterial({ color: 0xff3b6b })
    const marker = new THREE.Mesh(cone, coneMat)
    const p0 = this.cellPos(c0, 0.6)
    marker.position.set(p0.x, p0.y + 0.75, 0.6)
    marker.rotation.z = Math.PI
    this.group.add(marker)
    this.disposables.push(cone, coneMat)
    this.offsetMarker = p0
  }

  /** Lights the cells of the hovered byte ranges with a translucent cover and an outline. */
  setHover(ranges: Array<[number, number]>): void {
    const cells: number[] = []
    for (const [s, e] of ranges) {
      for (let c = Math.floor(s / this.cov.cellBytes); c * this.cov.cellBytes < e && cells.length < 256; c++) cells.push(c)
    }
    while (this.hoverBoxes.length < cells.length) {
      const cover = new THREE.Mesh(hoverPlane, this.hoverFill)
      cover.renderOrder = 11
      const edge = new THREE.LineSegments(hoverEdges, this.hoverMat)
      edge.renderOrder = 12
      cover.add(edge)
      this.hoverBoxes.push(cover)
      this.group.add(cover)
    }
    this.hoverBoxes.forEach((b, i) => {
      b.visible = i < cells.length
      if (b.visible) b.position.copy(this.cellPos(cells[i], 0.08))
    })
  }

  setHoverColor(color: string): void {
    this.hoverMat.color.set(color)
    this.hoverFill.color.set(color)
  }

  /** Byte range [start, end) of the block under the ray, or null. */
  pick(raycaster: THREE.Raycaster): [number, number] | null {
    const hit = raycaster.intersectObject(this.plane, false)[0]
    if (!hit || !hit.uv) return null
    const col = Math.min(this.cols - 1, Math.floor(hit.uv.x * this.cols))
    const row = Math.min(this.rows - 1, Math.floor((1 - hit.uv.y) * this.rows))
    const c = row * this.cols + col
    if (c >= this.cov.cells) return null
    return [c * this.cov.cellBytes, Math.min(this.spec.blockBytes, (c + 1) * this.cov.cellBytes)]
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose()
    this.hoverMat.dispose()
    this.hoverFill.dispose()
  }
}

/** A wall about twice as wide as tall, in whole powers of two so addresses read easily per row. */
export function wallColumns(cells: number): number {
  const want = Math.sqrt(cells * 2)
  let cols = 8
  while (cols < want && cols < 2048) cols *= 2
  return cols
}
