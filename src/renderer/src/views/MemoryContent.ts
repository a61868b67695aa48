// The memory view's meshes: the block's bytes as a wall of cells drawn by one
// shader over two textures (one draw call at any size): each cell's colour
// (the selected object's logical position on the ramp, gaps neutral, other
// sharers dimmed) and its facts (which sharers reach it, how often). The
// shader outlines every sharer's footprint in its own colour, hatches bytes
// one view reaches more than once, and draws the cell grid and row-unit
// separators when cells are big enough to see. Stride arrows per dim from
// element 0; the walked or hovered element outlined. Layout facts come from
// model/ (wallShape, cellFacts); nothing here decides what a cell means.
import * as THREE from 'three'
import { cellColors, cellFacts, cellInfo, hexRgb, type CellFacts, type ColorBy } from '../model/cellFacts'
import { strideArrows, wallShape, type RowChoice, type StridedLike, type StrideArrow, type WallShape } from '../model/wallShape'

export interface WallObject {
  id: number
  color: string            // outline colour
  itemsize: number
  base0: number            // byte of element 0 from the block base
  offsets: Float64Array    // byte of each element from the block base, C order
  /** Element f at offsets[0] + f × itemsize, known from the strides (model/cellFacts cContiguous). */
  contiguous?: boolean
}

export interface WallSpec {
  blockBytes: number
  unitBytes: number
  rowChoice: RowChoice
  colorBy: ColorBy
  objects: WallObject[]
  selectedId: number | null
  /** The selected object's shape and strides (row widths, arrows, colours by position). */
  selected: StridedLike | null
  dark: boolean
}

const MAX_SHARERS = 8
/**
 * The facts texture (sharer bits, counts, flash) stands in as this one texel until the shader
 * reads it: outlines need cells of 5 px or more, flashes a write. A big wall seen whole has
 * sub-pixel cells, so its facts are neither laid out nor uploaded until a zoom or a flash
 * needs them. Shared by every wall, never disposed.
 */
const noInfo = (() => {
  const t = new THREE.DataTexture(new Uint8Array(4), 1, 1, THREE.RGBAFormat)
  t.magFilter = THREE.NearestFilter
  t.minFilter = THREE.NearestFilter
  t.generateMipmaps = false
  t.needsUpdate = true
  return t
})()
/** Cells this many px wide or more read the facts texture (the shader's outlines start at 5). */
const INFO_CELL_PX = 4
// Shared by every wall: the hover cover of one cell and its outline.
const hoverPlane = new THREE.PlaneGeometry(0.96, 0.96)
const hoverEdges = new THREE.EdgesGeometry(hoverPlane)

const vertexShader = /* glsl */ `
out vec2 vUv;
void main() {
  vUv = uv;
  gl_Position = projectionMatrix * modelViewMatrix * vec4(position, 1.0);
}`

const fragmentShader = /* glsl */ `
precision highp float;
precision highp int;
in vec2 vUv;
uniform sampler2D uColor;
uniform sampler2D uInfo;
uniform vec2 uSize;
uniform vec3 uPalette[${MAX_SHARERS}];
uniform float uUnitCols;
uniform vec3 uGrid;
uniform vec3 uHatch;
uniform float uFlash;
int maskAt(ivec2 c) {
  if (c.x < 0 || c.y < 0 || c.x >= int(uSize.x) || c.y >= int(uSize.y)) return 0;
  return int(texelFetch(uInfo, c, 0).r * 255.0 + 0.5);
}
void main() {
  vec2 g = vec2(vUv.x * uSize.x, (1.0 - vUv.y) * uSize.y);
  ivec2 cell = clamp(ivec2(floor(g)), ivec2(0), ivec2(uSize) - 1);
  vec2 fr = g - vec2(cell);
  vec2 px = max(fwidth(g), vec2(1e-6));
  float cellPx = 1.0 / max(px.x, px.y);
  // The colour through mipmaps: exact texels when cells are big, averaged (and cache-friendly) when small.
  vec4 cs = texture(uColor, vec2(vUv.x, 1.0 - vUv.y));
  vec3 col = cs.rgb;
  // Alpha below 1: one view reaches these bytes more than once (stride 0, overlapping windows). Screen-space hatching.
  if (cs.a < 0.9 && fract((gl_FragCoord.x + gl_FragCoord.y) / 8.0) < 0.4) col = mix(col, uHatch, 0.55);
  if (cellPx >= 6.0) {
    // Cell grid.
    if (fr.x < px.x || fr.y < px.y) col = mix(col, uGrid, 0.45);
  }
  if (cellPx >= 2.0 && uUnitCols > 0.0 && mod(float(cell.x), uUnitCols) < 0.5 && cell.x > 0 && fr.x < 1.5 * px.x) col = uGrid;
  if (cellPx >= 5.0 || uFlash > 0.0) {
    vec4 info = texelFetch(uInfo, cell, 0);
    int mask = int(info.r * 255.0 + 0.5);
    if (cellPx >= 5.0 && mask != 0) {
      int mL = maskAt(cell + ivec2(-1, 0)), mR = maskAt(cell + ivec2(1, 0));
      int mU = maskAt(cell + ivec2(0, -1)), mD = maskAt(cell + ivec2(0, 1));
      float w = max(1.5 * px.x, 0.07);
      for (int j = 0; j < ${MAX_SHARERS}; j++) {
        int bit = 1 << j;
        if ((mask & bit) == 0) continue;
        // Each sharer's outline sits at its own inset, so nested footprints stay apart.
        float a = float(j) * w;
        bool edge = ((mL & bit) == 0 && fr.x >= a && fr.x < a + w) || ((mR & bit) == 0 && fr.x <= 1.0 - a && fr.x > 1.0 - a - w)
          || ((mU & bit) == 0 && fr.y >= a && fr.y < a + w) || ((mD & bit) == 0 && fr.y <= 1.0 - a && fr.y > 1.0 - a - w);
        if (edge) col = uPalette[j];
      }
    }
    col = mix(col, vec3(1.0), uFlash * info.a);
  }
  gl_FragColor = vec4(col, 1.0);
}`

export class MemoryContent {
  readonly group = new THREE.Group()
  readonly shape: WallShape
  readonly facts: CellFacts
  readonly cols: number
  readonly rows: number
  readonly center: THREE.Vector3
  readonly size: THREE.Vector3
  readonly arrows: StrideArrow[]
  private readonly colorTex: THREE.DataTexture
  /** The facts texture, made when first needed (see noInfo). */
  private infoTex: THREE.DataTexture | null = null
  readonly material: THREE.ShaderMaterial
  private readonly plane: THREE.Mesh
  private readonly hoverBoxes: THREE.Mesh[] = []
  private readonly hoverMat = new THREE.LineBasicMaterial({ color: 0xffffff, depthTest: false })
  private readonly hoverFill = new THREE.MeshBasicMaterial({ color: 0xffffff, transparent: true, opacity: 0.35, depthTest: false })
  private readonly disposables: Array<{ dispose(): void }> = []
  private trail: THREE.Mesh | null = null
  private readonly trailMat = new THREE.MeshBasicMaterial({ vertexColors: true, transparent: true, depthTest: false, side: THREE.DoubleSide })

  constructor(readonly spec: WallSpec) {
    const selIdx = spec.objects.findIndex((o) => o.id === spec.selectedId)
    const sel = selIdx >= 0 ? spec.objects[selIdx] : null
    this.shape = wallShape(spec.blockBytes, spec.unitBytes, spec.rowChoice, spec.selected)
    const { cols, rows, cells, cellBytes } = this.shape
    this.cols = cols
    this.rows = rows
    this.facts = cellFacts(cells, cellBytes, spec.objects, selIdx)
    this.center = new THREE.Vector3((cols - 1) / 2, -(rows - 1) / 2, 0)
    this.size = new THREE.Vector3(cols, rows, 1)

    const palette = spec.objects.map((o) => hexRgb(o.color))
    const rgba = cellColors(this.facts, cols, rows, spec.selected?.shape ?? [], spec.colorBy, palette, spec.dark)
    this.colorTex = dataTexture(rgba, cols, rows)
    this.colorTex.generateMipmaps = true
    this.colorTex.minFilter = THREE.LinearMipmapLinearFilter
    const pal = Array.from({ length: MAX_SHARERS }, (_, j) => new THREE.Color().setRGB(...(palette[j] ?? [0, 0, 0]).map((v) => v / 255) as [number, number, number], THREE.LinearSRGBColorSpace))
    this.material = new THREE.ShaderMaterial({
      vertexShader, fragmentShader,
      uniforms: {
        uColor: { value: this.colorTex }, uInfo: { value: noInfo }, uSize: { value: new THREE.Vector2(cols, rows) },
        uPalette: { value: pal }, uUnitCols: { value: this.shape.repeat > 1 ? Math.round(this.shape.unitBytes / cellBytes) : 0 },
        uGrid: { value: spec.dark ? new THREE.Color(0.08, 0.09, 0.11) : new THREE.Color(1, 1, 1) },
        uHatch: { value: spec.dark ? new THREE.Color(1, 1, 1) : new THREE.Color(0, 0, 0) },
        uFlash: { value: 0 }
      }
    })
    const geom = new THREE.PlaneGeometry(cols, rows)
    this.plane = new THREE.Mesh(geom, this.material)
    this.plane.position.copy(this.center)
    this.group.add(this.plane)
    this.disposables.push(geom, this.material, this.colorTex)
    // Before each draw: the facts texture once cells are big enough on screen for the shader to read it.
    this.plane.onBeforeRender = (renderer, _scene, camera) => {
      if (!this.infoTex && this.cellPixels(renderer, camera) >= INFO_CELL_PX) this.info()
    }
    this.arrows = sel && spec.selected ? strideArrows(spec.selected, sel.base0) : []
    this.buildArrows()
  }

  /** Cell → world position of its centre. */
  cellPos(c: number, z = 0): THREE.Vector3 {
    return new THREE.Vector3(c % this.cols, -Math.floor(c / this.cols), z)
  }

  /** World position of a byte (its cell's centre). */
  bytePos(b: number, z = 0): THREE.Vector3 {
    return this.cellPos(Math.floor(b / this.shape.cellBytes), z)
  }

  /** The corners of what the wall draws (its cells and the stride arrows' bows above them), in world space. */
  corners(): THREE.Vector3[] {
    const top = 0.5 + this.arrowHeadroom(), left = -0.5, right = this.cols - 0.5, bottom = -(this.rows - 0.5)
    return [new THREE.Vector3(left, top, 0), new THREE.Vector3(right, top, 0), new THREE.Vector3(left, bottom, 0), new THREE.Vector3(right, bottom, 0)]
  }

  /** Where an arrow's label goes: the top of its bow. */
  arrowTip(a: StrideArrow): THREE.Vector3 {
    return this.arrowCurve(a).getPoint(0.5)
  }

  /** How far the arrows rise above the wall's top row (cells), for framing. */
  arrowHeadroom(): number {
    let top = 0
    for (const a of this.arrows) top = Math.max(top, this.arrowCurve(a).getPoint(0.5).y + 1)
    return top
  }

  private arrowCurve(a: StrideArrow): THREE.QuadraticBezierCurve3 {
    const p = this.bytePos(a.fromByte, 0.1), q = this.bytePos(a.toByte, 0.1)
    const d = p.distanceTo(q)
    // Bowed above the row: arrows along the row stay visible; a stride 0 is a small loop.
    const mid = new THREE.Vector3().lerpVectors(p, q, 0.5)
    mid.y += d === 0 ? 1.2 : Math.min(0.5 * d + 1.2, Math.max(3, this.rows * 0.4))
    if (d === 0) { mid.x += 0.6; q.x += 0.01 }
    return new THREE.QuadraticBezierCurve3(p, mid, q)
  }

  private buildArrows(): void {
    if (!this.arrows.length) return
    const pts: number[] = []
    for (const a of this.arrows) {
      const curve = this.arrowCurve(a)
      const s = curve.getPoints(16)
      for (let i = 1; i < s.length; i++) pts.push(s[i - 1].x, s[i - 1].y, s[i - 1].z, s[i].x, s[i].y, s[i].z)
      // Arrow head: two short strokes back from the tip along the curve's last direction.
      const tip = s[s.length - 1]
      const dir = new THREE.Vector3().subVectors(tip, s[s.length - 2]).normalize()
      const side = new THREE.Vector3(-dir.y, dir.x, 0)
      const len = 0.45
      for (const sgn of [1, -1]) {
        const h = tip.clone().addScaledVector(dir, -len).addScaledVector(side, sgn * len * 0.6)
        pts.push(tip.x, tip.y, tip.z, h.x, h.y, h.z)
      }
    }
    const g = new THREE.BufferGeometry()
    g.setAttribute('position', new THREE.Float32BufferAttribute(pts, 3))
    const m = new THREE.LineBasicMaterial({ color: this.spec.dark ? 0xffffff : 0x111418, depthTest: false, transparent: true, opacity: 0.95 })
    const l = new THREE.LineSegments(g, m)
    l.renderOrder = 5
    this.group.add(l)
    this.disposables.push(g, m)
  }

  /** Lights the cells of the hovered byte ranges with a translucent cover and an outline. */
  setHover(ranges: Array<[number, number]>): void {
    const cells: number[] = []
    for (const [s, e] of ranges) {
      for (let c = Math.floor(s / this.shape.cellBytes); c * this.shape.cellBytes < e && cells.length < 256; c++) cells.push(c)
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

  /**
   * The walk's trail: a ribbon through the cells of its last steps (byte offsets, oldest
   * first), fading towards the oldest, so the stride pattern shows while the walk plays or
   * is scrubbed. Steps in the same cell add no segment.
   */
  setTrail(bytes: readonly number[]): void {
    if (this.trail) {
      this.group.remove(this.trail)
      this.trail.geometry.dispose()
      this.trail = null
    }
    const pts = bytes.map((b) => this.bytePos(b, 0.12))
    const pos: number[] = [], col: number[] = []
    const rgb = this.spec.dark ? [1, 0.84, 0.3] : [0.75, 0.2, 0.05]
    const half = 0.11
    for (let i = 1; i < pts.length; i++) {
      const p = pts[i - 1], q = pts[i]
      const d = new THREE.Vector3().subVectors(q, p)
      if (d.lengthSq() === 0) continue
      d.normalize()
      const n = new THREE.Vector3(-d.y, d.x, 0).multiplyScalar(half)
      const a0 = 0.15 + 0.8 * ((i - 1) / (pts.length - 1)), a1 = 0.15 + 0.8 * (i / (pts.length - 1))
      const quad = [[p, n, a0], [p, n.clone().negate(), a0], [q, n, a1], [q, n.clone().negate(), a1]] as const
      for (const k of [0, 1, 2, 2, 1, 3]) {
        const [c, off, alpha] = quad[k]
        pos.push(c.x + off.x, c.y + off.y, c.z)
        col.push(rgb[0], rgb[1], rgb[2], alpha)
      }
    }
    if (!pos.length) return
    const g = new THREE.BufferGeometry()
    g.setAttribute('position', new THREE.Float32BufferAttribute(pos, 3))
    g.setAttribute('color', new THREE.Float32BufferAttribute(col, 4))
    this.trail = new THREE.Mesh(g, this.trailMat)
    this.trail.renderOrder = 10
    this.group.add(this.trail)
  }

  /** The facts texture, laid out and set on the wall the first time it is asked for. */
  private info(): THREE.DataTexture {
    if (!this.infoTex) {
      this.infoTex = dataTexture(cellInfo(this.facts, this.cols, this.rows), this.cols, this.rows)
      this.material.uniforms.uInfo.value = this.infoTex
      this.disposables.push(this.infoTex)
    }
    return this.infoTex
  }

  /** Whether the facts texture is made (a test's view of the lazy upload). */
  get hasInfo(): boolean {
    return this.infoTex !== null
  }

  /** The largest width of a cell on screen, in drawing-buffer px, at the wall's corners and centre. */
  private cellPixels(renderer: THREE.WebGLRenderer, camera: THREE.Camera): number {
    const vp = renderer.getCurrentViewport(scratchViewport)
    let most = 0
    for (const [x, y] of [[0, 0], [this.cols - 1, 0], [0, 1 - this.rows], [this.cols - 1, 1 - this.rows], [(this.cols - 1) / 2, (1 - this.rows) / 2]]) {
      const a = scratchA.set(x - 0.5, y, 0).project(camera), b = scratchB.set(x + 0.5, y, 0).project(camera)
      if (Math.abs(a.z) > 1 || Math.abs(b.z) > 1) continue
      most = Math.max(most, Math.hypot((b.x - a.x) * vp.z, (b.y - a.y) * vp.w) / 2)
    }
    return most
  }

  /** Marks cells to flash (by byte ranges) and sets how bright the flash is now (0..1). */
  setFlash(ranges: Array<[number, number]>, amount: number): void {
    if (!ranges.length && amount === 0 && !this.infoTex) return // nothing flashed, nothing to clear
    const infoTex = this.info()
    const data = infoTex.image.data as Uint8Array
    if (ranges.length) {
      for (let c = 0; c < this.shape.cells; c++) data[c * 4 + 3] = 0
      for (const [s, e] of ranges) {
        for (let c = Math.floor(s / this.shape.cellBytes); c * this.shape.cellBytes < e && c < this.shape.cells; c++) data[c * 4 + 3] = 255
      }
      infoTex.needsUpdate = true
    }
    this.material.uniforms.uFlash.value = amount
  }

  /** Byte range [start, end) of the block under the ray, or null. */
  pick(raycaster: THREE.Raycaster): [number, number] | null {
    const hit = raycaster.intersectObject(this.plane, false)[0]
    if (!hit || !hit.uv) return null
    const col = Math.min(this.cols - 1, Math.floor(hit.uv.x * this.cols))
    const row = Math.min(this.rows - 1, Math.floor((1 - hit.uv.y) * this.rows))
    const c = row * this.cols + col
    if (c >= this.shape.cells) return null
    return [c * this.shape.cellBytes, Math.min(this.spec.blockBytes, (c + 1) * this.shape.cellBytes)]
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose()
    this.hoverMat.dispose()
    this.hoverFill.dispose()
    this.trail?.geometry.dispose()
    this.trailMat.dispose()
  }
}

const scratchViewport = new THREE.Vector4()
const scratchA = new THREE.Vector3()
const scratchB = new THREE.Vector3()

function dataTexture(data: Uint8Array, w: number, h: number): THREE.DataTexture {
  const t = new THREE.DataTexture(data, w, h, THREE.RGBAFormat)
  t.magFilter = THREE.NearestFilter
  t.minFilter = THREE.NearestFilter
  t.generateMipmaps = false
  t.needsUpdate = true
  return t
}
