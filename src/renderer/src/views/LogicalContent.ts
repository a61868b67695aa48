// The logical view's meshes: a field of cubes (one mesh, one draw call) for
// small objects, one textured plane per slice (one DataTexture, one draw call
// each) for large ones. Cube and texel picks map back to index tuples.
import * as THREE from 'three'
import { cellOf, cellPosition, indexOfCell, layoutExtent, pixelCell, type GridLayout } from '../model/gridLayout'
import { unravel } from '../model/address'
import { colorOf, colorWords, type ValueRange } from '../model/colormap'
import { cellMapOf, runsOf, type CellMap } from './cellMap'
import { CubeField } from './CubeField'

const NEUTRAL = new THREE.Color(0x556070)
const scratchColor = new THREE.Color()
const rgb: [number, number, number] = [0, 0, 0]

/**
 * What a slice shows until its values come: one neutral texel (RGBA 55 60 70 ff),
 * shared by every slice and never disposed, so a new result uploads no texture until
 * it has values to show (a slice's own texture, 4 MB for 1000², is uploaded once, coloured).
 */
const neutralTexel = (() => {
  const t = new THREE.DataTexture(new Uint8Array([0x55, 0x60, 0x70, 0xff]), 1, 1, THREE.RGBAFormat)
  t.magFilter = THREE.NearestFilter
  t.minFilter = THREE.NearestFilter
  t.generateMipmaps = false
  t.colorSpace = THREE.SRGBColorSpace
  t.needsUpdate = true
  return t
})()

export class LogicalContent {
  readonly group = new THREE.Group()
  readonly mode: 'cubes' | 'slices'
  readonly center: THREE.Vector3
  readonly size: THREE.Vector3
  private readonly map: CellMap
  private cubes: CubeField | null = null
  private slices: Array<{ mesh: THREE.Mesh; tex: THREE.DataTexture; tile: number; z: number }> = []
  private readonly highlights: THREE.LineSegments[] = []
  private arrowLines: THREE.LineSegments | null = null
  private readonly highlightMat = new THREE.LineBasicMaterial({ color: 0xffffff, depthTest: false, transparent: true })
  private readonly linkedMat = new THREE.LineBasicMaterial({ color: 0xff5cf0, depthTest: false, transparent: true })

  constructor(readonly layout: GridLayout) {
    this.map = cellMapOf(layout)
    const ext = layoutExtent(layout)
    this.center = new THREE.Vector3((ext.w - 1) / 2, -(ext.h - 1) / 2, -ext.d / 2 + 0.5)
    this.size = new THREE.Vector3(ext.w, ext.h, ext.d)
    this.mode = layout.mosaic ? 'slices' : 'cubes'
    if (this.mode === 'cubes') this.buildCubes()
    else this.buildSlices()
  }

  get count(): number {
    return this.map.count
  }

  /** Slice (tile·nz + z) of each element in C order. */
  get sliceOf(): Uint32Array {
    return this.map.slice
  }

  /** One arrow per dim from element 0 (straight, with a head), drawn over the cells. */
  setArrows(arrows: ReadonlyArray<{ from: [number, number, number]; to: [number, number, number] }>, color: string): void {
    if (this.arrowLines) { this.group.remove(this.arrowLines); this.arrowLines.geometry.dispose(); (this.arrowLines.material as THREE.Material).dispose() }
    const pts: number[] = []
    const lift = this.mode === 'slices' ? 0.02 : 0.6
    for (const a of arrows) {
      const p = new THREE.Vector3(a.from[0], a.from[1], a.from[2] + lift), q = new THREE.Vector3(a.to[0], a.to[1], a.to[2] + lift)
      pts.push(p.x, p.y, p.z, q.x, q.y, q.z)
      const dir = q.clone().sub(p)
      if (dir.lengthSq() === 0) continue
      dir.normalize()
      const side = new THREE.Vector3(-dir.y, dir.x, 0)
      if (side.lengthSq() < 1e-6) side.set(1, 0, 0)
      for (const sgn of [1, -1]) {
        const h = q.clone().addScaledVector(dir, -0.35).addScaledVector(side, sgn * 0.22)
        pts.push(q.x, q.y, q.z, h.x, h.y, h.z)
      }
    }
    const g = new THREE.BufferGeometry()
    g.setAttribute('position', new THREE.Float32BufferAttribute(pts, 3))
    this.arrowLines = new THREE.LineSegments(g, new THREE.LineBasicMaterial({ color, depthTest: false, transparent: true }))
    this.arrowLines.renderOrder = 9
    this.group.add(this.arrowLines)
  }

  private buildCubes(): void {
    const L = this.layout
    // Cube f is element f in C order, so a picked cube unravels straight to its index.
    const centers = new Float32Array(this.map.count * 3)
    for (let f = 0; f < this.map.count; f++) {
      const s = this.map.slice[f]
      const p = this.map.pixel[f]
      const cell = pixelCell(L, p % L.cols, Math.floor(p / L.cols))!
      centers.set(cellPosition(L, Math.floor(s / L.nz), s % L.nz, cell.y, cell.x), 3 * f)
    }
    this.cubes = new CubeField(this.map.count, centers)
    for (let f = 0; f < this.map.count; f++) this.cubes.setColor(f, NEUTRAL.r, NEUTRAL.g, NEUTRAL.b)
    this.cubes.commit()
    this.group.add(this.cubes.mesh)
  }

  private buildSlices(): void {
    const L = this.layout
    const geom = new THREE.PlaneGeometry(L.cols, L.rows)
    for (let tile = 0; tile < L.tiles; tile++) {
      for (let z = 0; z < L.nz; z++) {
        // The slice's own texels are made with its first values (see neutralTexel).
        const tex = new THREE.DataTexture(null, L.cols, L.rows, THREE.RGBAFormat)
        tex.magFilter = THREE.NearestFilter
        tex.minFilter = THREE.NearestFilter
        tex.generateMipmaps = false
        tex.colorSpace = THREE.SRGBColorSpace
        const mat = new THREE.MeshBasicMaterial({ map: neutralTexel, side: THREE.DoubleSide })
        const mesh = new THREE.Mesh(geom, mat)
        const [x0, y0, zz] = cellPosition(L, tile, z, 0, 0)
        // The plane's centre sits in the middle of the slice picture; cell (0,0) is its top-left texel.
        mesh.position.set(x0 + (L.cols - 1) / 2, y0 - (L.rows - 1) / 2, zz)
        mesh.userData = { tile, z }
        this.slices.push({ mesh, tex, tile, z })
        this.group.add(mesh)
      }
    }
  }

  /**
   * A slice's texels (RGBA, rows bottom-up), made the first time they are asked for: neutral,
   * unless the caller is about to colour every one of them.
   */
  private texels(s: { tex: THREE.DataTexture }, neutral = true): Uint8Array {
    let d = s.tex.image.data as Uint8Array | null
    if (!d) {
      d = new Uint8Array(this.layout.cols * this.layout.rows * 4)
      // Neutral: RGBA 55 60 70 ff, one 32-bit word per texel (little-endian).
      if (neutral) new Uint32Array(d.buffer).fill(0xff706055)
      s.tex.image.data = d
    }
    return d
  }

  /** Shows each slice's own texture (uploaded once, now) in place of the neutral texel. */
  private showTexels(slices: Iterable<{ mesh: THREE.Mesh; tex: THREE.DataTexture }>): void {
    for (const s of slices) {
      s.tex.needsUpdate = true
      const mat = s.mesh.material as THREE.MeshBasicMaterial
      // The same program either way (a map, no other change): swapping it compiles nothing.
      if (mat.map !== s.tex) mat.map = s.tex
    }
  }

  private painted: { values: Float64Array; range: ValueRange; perSlice?: readonly ValueRange[] } | null = null

  /** Lightens the given elements (C-order flat indices) towards white by `amount` (0 restores them): a write flash. */
  flash(flat: readonly number[], amount: number): void {
    const p = this.painted
    if (!p) return
    const L = this.layout
    const touched = new Set<number>()
    for (const f of flat) {
      if (f >= this.map.count) continue
      colorOf(p.values[f], p.perSlice ? p.perSlice[this.map.slice[f]] : p.range, rgb)
      for (let k = 0; k < 3; k++) rgb[k] += (1 - rgb[k]) * amount
      if (this.cubes) {
        scratchColor.setRGB(rgb[0], rgb[1], rgb[2], THREE.SRGBColorSpace)
        this.cubes.setColor(f, scratchColor.r, scratchColor.g, scratchColor.b)
      } else {
        const s = this.slices[this.map.slice[f]]
        const px = this.map.pixel[f]
        const o = ((L.rows - 1 - Math.floor(px / L.cols)) * L.cols + (px % L.cols)) * 4
        const d = this.texels(s)
        d[o] = rgb[0] * 255; d[o + 1] = rgb[1] * 255; d[o + 2] = rgb[2] * 255
        touched.add(this.map.slice[f])
      }
    }
    if (this.cubes) this.cubes.commit()
    this.showTexels([...touched].map((t) => this.slices[t]))
  }

  /** Colours every cell from values in the object's C order (each slice on its own range when `perSlice` is given). */
  setValues(values: Float64Array, range: ValueRange, perSlice?: readonly ValueRange[]): void {
    this.painted = { values, range, perSlice }
    const n = Math.min(values.length, this.map.count)
    const rangeAt = (f: number): ValueRange => perSlice ? perSlice[this.map.slice[f]] : range
    if (this.cubes) {
      for (let f = 0; f < n; f++) {
        colorOf(values[f], rangeAt(f), rgb)
        // The ramp is in sRGB; vertex colours are linear.
        scratchColor.setRGB(rgb[0], rgb[1], rgb[2], THREE.SRGBColorSpace)
        this.cubes.setColor(f, scratchColor.r, scratchColor.g, scratchColor.b)
      }
      this.cubes.commit()
      return
    }
    const L = this.layout
    const { cols, rows } = L
    // Every texel holds an element and every element has its value: no texel stays neutral.
    const whole = n === this.map.count && this.map.count === this.slices.length * cols * rows
    // Per slice, its texels as 32-bit words (RGBA bytes, little-endian); colours as colorOf gives them,
    // each channel's byte the same truncation of channel × 255 a Uint8Array store makes.
    const words = this.slices.map((s) => new Uint32Array(this.texels(s, !whole).buffer))
    const { slice, pixel } = this.map
    // Runs of elements drawn side by side in one texel row (the last dim, in a plain layout) are
    // coloured straight into the texture in one call each (see colorWords); the map's runs are
    // found once per map (runsOf), else here.
    const runs = runsOf(this.map, cols)
    if (runs) {
      for (let r = 0; r < runs.length; r += 4) {
        const f = runs[r], s = runs[r + 2], p = runs[r + 3]
        if (f >= n) break
        const k = Math.min(runs[r + 1], n - f)
        const y = (p / cols) | 0, x = p - y * cols
        colorWords(values, f, k, perSlice ? perSlice[s] : range, words[s], (rows - 1 - y) * cols + x)
      }
      this.showTexels(this.slices)
      return
    }
    let f = 0
    while (f < n) {
      const s = slice[f], p = pixel[f]
      const y = (p / cols) | 0, x = p - y * cols
      let k = 1
      while (k < cols - x && f + k < n && slice[f + k] === s && pixel[f + k] === p + k) k++
      // DataTexture row 0 is the bottom of the plane: flip rows so row 0 of the slice is on top.
      colorWords(values, f, k, perSlice ? perSlice[s] : range, words[s], (rows - 1 - y) * cols + x)
      f += k
    }
    this.showTexels(this.slices)
  }

  /** The index tuple under the ray, or null. */
  pick(raycaster: THREE.Raycaster): number[] | null {
    if (this.cubes) {
      const f = this.cubes.pick(raycaster)
      return f === null ? null : unravel(f, this.layout.shape)
    }
    const hits = raycaster.intersectObjects(this.slices.map((s) => s.mesh), false)
    const hit = hits[0]
    if (!hit || !hit.uv) return null
    const L = this.layout
    const col = Math.min(L.cols - 1, Math.floor(hit.uv.x * L.cols))
    const row = Math.min(L.rows - 1, Math.floor((1 - hit.uv.y) * L.rows))
    const cell = pixelCell(L, col, row)
    if (!cell) return null
    const { tile, z } = hit.object.userData as { tile: number; z: number }
    return indexOfCell(L, tile, z, cell.y, cell.x)
  }

  /** Outlines the hovered element and the linked ones (other indices over the same bytes). */
  highlight(main: number[] | null, linked: number[][]): void {
    const all = main ? [main, ...linked] : linked
    while (this.highlights.length < all.length && this.highlights.length < 64) {
      const box = new THREE.LineSegments(new THREE.EdgesGeometry(new THREE.BoxGeometry(1.02, 1.02, 1.02)), this.highlightMat)
      box.renderOrder = 10
      this.highlights.push(box)
      this.group.add(box)
    }
    this.highlights.forEach((box, i) => {
      const idx = all[i]
      box.visible = !!idx
      if (!idx) return
      box.material = i === 0 && main ? this.highlightMat : this.linkedMat
      const cell = cellOf(this.layout, idx)
      box.position.set(...cellPosition(this.layout, cell.tile, cell.z, cell.y, cell.x))
      if (this.mode === 'slices') box.position.z += 0.01
    })
  }

  setHighlightColor(color: string): void {
    this.highlightMat.color.set(color)
  }

  dispose(): void {
    this.cubes?.dispose()
    const geoms = new Set<THREE.BufferGeometry>()
    for (const s of this.slices) {
      s.tex.dispose()
      ;(s.mesh.material as THREE.Material).dispose()
      geoms.add(s.mesh.geometry)
    }
    for (const g of geoms) g.dispose()
    for (const h of this.highlights) h.geometry.dispose()
    if (this.arrowLines) { this.arrowLines.geometry.dispose(); (this.arrowLines.material as THREE.Material).dispose() }
    this.highlightMat.dispose()
    this.linkedMat.dispose()
  }
}
