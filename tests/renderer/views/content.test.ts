// The 3D content without a canvas: three.js meshes, raycast picking and
// colours are plain objects, so the mapping from what is drawn back to an
// index tuple (or a byte range) is tested here.
import { describe, expect, it } from 'vitest'
import * as THREE from 'three'
import { LogicalContent } from '../../../src/renderer/src/views/LogicalContent'
import { MemoryContent } from '../../../src/renderer/src/views/MemoryContent'
import { cellPosition, makeLayout } from '../../../src/renderer/src/model/gridLayout'
import { cellMapOf, runsOf } from '../../../src/renderer/src/views/cellMap'
import { elementOffsets } from '../../../src/renderer/src/model/footprint'
import { colorOf, rangeOf } from '../../../src/renderer/src/model/colormap'

/** A ray straight down -z through world point (x, y). */
function rayAt(x: number, y: number): THREE.Raycaster {
  return new THREE.Raycaster(new THREE.Vector3(x, y, 100), new THREE.Vector3(0, 0, -1))
}

describe('logical view content', () => {
  it('small objects are cubes: the cube under the ray is its element', () => {
    const L = makeLayout([3, 4])
    const c = new LogicalContent(L)
    expect(c.mode).toBe('cubes')
    for (const idx of [[0, 0], [1, 2], [2, 3]]) {
      const [x, y] = cellPosition(L, 0, 0, idx[0], idx[1])
      expect(c.pick(rayAt(x, y))).toEqual(idx)
    }
    expect(c.pick(rayAt(-5, 5))).toBeNull()
    c.dispose()
  })

  it('large objects are texture slices side by side; a texel maps back to its index', () => {
    const L = makeLayout([3, 80, 90])
    const c = new LogicalContent(L)
    c.group.updateMatrixWorld(true) // a render does this in the app
    expect(c.mode).toBe('slices')
    expect(c.group.children.length).toBe(3) // one plane (one draw call) per slice
    for (const idx of [[0, 0, 0], [1, 40, 7], [2, 79, 89]]) {
      const [x, y] = cellPosition(L, 0, idx[0], idx[1], idx[2])
      expect(c.pick(rayAt(x, y))).toEqual(idx)
    }
    c.dispose()
  })

  it('colours follow the values: low and high ends of the ramp differ, texels in C order', () => {
    const L = makeLayout([2, 100, 100])
    const c = new LogicalContent(L)
    const values = new Float64Array(20000).map((_, i) => i)
    c.setValues(values, rangeOf(values))
    const planes = c.group.children as THREE.Mesh[]
    const tex = (m: THREE.Mesh): Uint8Array => ((m.material as THREE.MeshBasicMaterial).map as THREE.DataTexture).image.data as Uint8Array
    // Element [0, 0, 0] is the top-left texel of slice 0: DataTexture rows run bottom-up.
    const first = tex(planes[0]).subarray((99 * 100) * 4, (99 * 100) * 4 + 3)
    const last = tex(planes[1]).subarray(99 * 4, 99 * 4 + 3)
    expect(Array.from(first)).not.toEqual(Array.from(last))
    expect(first[2]).toBeGreaterThan(first[1]) // the low end is blue-violet
    expect(last[0]).toBeGreaterThan(200)       // the high end is yellow
    c.dispose()
  })
})

describe('cell map runs', () => {
  it('cover every element once, in order, each run side by side in one texel row of one slice; none where runs are short', () => {
    const layouts = [makeLayout([3, 80, 90]), makeLayout([2, 3, 4, 5]), makeLayout([1000]), makeLayout([40, 30], [1, 0]), makeLayout([7, 6, 5], [2, 1, 0])]
    let some = 0, none = 0
    for (const L of layouts) {
      const map = cellMapOf(L)
      const runs = runsOf(map, L.cols)
      if (!runs) { none++; continue }
      some++
      let next = 0
      for (let r = 0; r < runs.length; r += 4) {
        const [f, k, sl, p] = [runs[r], runs[r + 1], runs[r + 2], runs[r + 3]]
        expect(f).toBe(next)
        expect(Math.floor(p / L.cols)).toBe(Math.floor((p + k - 1) / L.cols))
        for (let j = 0; j < k; j++) expect([map.slice[f + j], map.pixel[f + j]]).toEqual([sl, p + j])
        next = f + k
      }
      expect(next).toBe(map.count)
      expect(runsOf(map, L.cols)).toBe(runs) // found once per map
    }
    expect(some).toBeGreaterThan(0)
    expect(none).toBeGreaterThan(0) // short runs: setValues walks the map itself
  })

  it('short runs (no runs kept) colour every texel as long ones do: colorOf of its element', () => {
    const L = makeLayout([300, 300, 4])
    expect(runsOf(cellMapOf(L), L.cols)).toBeNull()
    const c = new LogicalContent(L)
    expect(c.mode).toBe('slices')
    const values = new Float64Array(360_000).map((_, i) => Math.sin(i))
    const r = rangeOf(values)
    c.setValues(values, r)
    const planes = c.group.children.filter((o): o is THREE.Mesh => o instanceof THREE.Mesh)
    const map = cellMapOf(L)
    const rgb: [number, number, number] = [0, 0, 0]
    for (let f = 0; f < 360_000; f += 97) {
      const data = ((planes[map.slice[f]].material as THREE.MeshBasicMaterial).map as THREE.DataTexture).image.data as Uint8Array
      const p = map.pixel[f], o = ((L.rows - 1 - Math.floor(p / L.cols)) * L.cols + (p % L.cols)) * 4
      colorOf(values[f], r, rgb)
      expect(Array.from(data.subarray(o, o + 4))).toEqual([...rgb.map((v) => Math.trunc(v * 255)), 255])
    }
    c.dispose()
  })
})

describe('logical view slices: neutral until values, then each texel exactly its value\'s colour', () => {
  it('no slice texture is made before values; after them every texel is colorOf × 255, truncated, on the flipped row', () => {
    const L = makeLayout([3, 80, 90])
    const c = new LogicalContent(L)
    expect(c.mode).toBe('slices')
    const planes = c.group.children.filter((o): o is THREE.Mesh => o instanceof THREE.Mesh)
    const maps = planes.map((m) => (m.material as THREE.MeshBasicMaterial).map as THREE.DataTexture)
    // One shared neutral texel: nothing large to upload while the values are on their way.
    expect(maps.every((t) => t === maps[0] && t.image.width === 1 && t.image.height === 1)).toBe(true)
    expect(Array.from(maps[0].image.data as Uint8Array)).toEqual([0x55, 0x60, 0x70, 0xff])
    const values = new Float64Array(21600).map((_, i) => (i % 7 === 3 ? NaN : i === 5 ? Infinity : i === 6 ? -Infinity : Math.sin(i) * 100))
    const range = rangeOf(values)
    c.setValues(values, range)
    const rgb: [number, number, number] = [0, 0, 0]
    const bytes = new Uint8Array(3)
    for (let f = 0; f < 21600; f++) {
      const [z, y, x] = [Math.floor(f / 7200), Math.floor(f / 90) % 80, f % 90]
      const tex = (planes[z].material as THREE.MeshBasicMaterial).map as THREE.DataTexture
      expect(tex.image.width).toBe(90)
      const o = ((79 - y) * 90 + x) * 4
      colorOf(values[f], range, rgb)
      bytes[0] = rgb[0] * 255; bytes[1] = rgb[1] * 255; bytes[2] = rgb[2] * 255
      expect(Array.from((tex.image.data as Uint8Array).subarray(o, o + 4))).toEqual([...bytes, 255])
    }
    // Each slice on its own range.
    const per = [0, 1, 2].map((z) => rangeOf(values.subarray(z * 7200, (z + 1) * 7200)))
    c.setValues(values, range, per)
    for (let f = 0; f < 21600; f += 7) {
      const [z, y, x] = [Math.floor(f / 7200), Math.floor(f / 90) % 80, f % 90]
      const tex = (planes[z].material as THREE.MeshBasicMaterial).map as THREE.DataTexture
      const o = ((79 - y) * 90 + x) * 4
      colorOf(values[f], per[z], rgb)
      bytes[0] = rgb[0] * 255; bytes[1] = rgb[1] * 255; bytes[2] = rgb[2] * 255
      expect(Array.from((tex.image.data as Uint8Array).subarray(o, o + 4))).toEqual([...bytes, 255])
    }
    c.dispose()
  })

  it('a folded rank-4 layout (tiles, wrapped rows): every element lands on its cell map texel, coloured', () => {
    for (const shape of [[4, 3, 40, 50], [2, 3, 5, 1200]]) {
      const L = makeLayout(shape)
      const c = new LogicalContent(L)
      expect(c.mode).toBe('slices')
      const n = shape.reduce((a, b) => a * b, 1)
      const values = new Float64Array(n).map((_, i) => Math.cos(i * 0.37))
      const range = rangeOf(values)
      c.setValues(values, range)
      const map = cellMapOf(L)
      const planes = c.group.children.filter((o): o is THREE.Mesh => o instanceof THREE.Mesh)
      const rgb: [number, number, number] = [0, 0, 0]
      const bytes = new Uint8Array(3)
      for (let f = 0; f < n; f += 3) {
        const p = map.pixel[f]
        const o = ((L.rows - 1 - Math.floor(p / L.cols)) * L.cols + (p % L.cols)) * 4
        const d = ((planes[map.slice[f]].material as THREE.MeshBasicMaterial).map as THREE.DataTexture).image.data as Uint8Array
        colorOf(values[f], range, rgb)
        bytes[0] = rgb[0] * 255; bytes[1] = rgb[1] * 255; bytes[2] = rgb[2] * 255
        expect(Array.from(d.subarray(o, o + 4)), `${shape} element ${f}`).toEqual([...bytes, 255])
      }
      c.dispose()
    }
  })

  it('a flash before any values leaves the slices neutral; after values it lightens only the written texel', () => {
    const L = makeLayout([150, 120])
    const c = new LogicalContent(L)
    expect(c.mode).toBe('slices')
    c.flash([0], 1)
    const plane = c.group.children.find((o): o is THREE.Mesh => o instanceof THREE.Mesh)!
    expect(((plane.material as THREE.MeshBasicMaterial).map as THREE.DataTexture).image.width).toBe(1)
    const values = new Float64Array(18000).fill(0)
    c.setValues(values, rangeOf(values))
    const d = ((plane.material as THREE.MeshBasicMaterial).map as THREE.DataTexture).image.data as Uint8Array
    const before = Array.from(d.subarray(149 * 120 * 4, 149 * 120 * 4 + 4))
    c.flash([0], 1)
    expect(Array.from(d.subarray(149 * 120 * 4, 149 * 120 * 4 + 4))).toEqual([255, 255, 255, 255])
    expect(Array.from(d.subarray(149 * 120 * 4 + 4, 149 * 120 * 4 + 8))).toEqual(before)
    c.dispose()
  })
})

describe('memory wall content', () => {
  it('picks the byte range of the cell under the ray and marks the selected object\'s cells', () => {
    // a: float32 [2, 3] over 24 bytes; t = a.T (same bytes); s = a[:, ::2] skips bytes 4..8 and 16..20.
    const a = elementOffsets({ shape: [2, 3], byteStrides: [12, 4] }, 0)
    const s = elementOffsets({ shape: [2, 2], byteStrides: [12, 8] }, 0)
    const wall = new MemoryContent({
      blockBytes: 24, unitBytes: 4, selectedId: 2, dark: true, rowChoice: 'auto', colorBy: { kind: 'flat' },
      selected: { shape: [2, 2], byteStrides: [12, 8], itemsize: 4 },
      objects: [{ id: 1, color: '#4e9af1', itemsize: 4, base0: 0, offsets: a }, { id: 2, color: '#f28e2b', itemsize: 4, base0: 0, offsets: s }]
    })
    wall.group.updateMatrixWorld(true)
    expect(wall.shape.cells).toBe(6)
    const at = (c: number): [number, number] | null => {
      const p = wall.cellPos(c)
      return wall.pick(rayAt(p.x, p.y))
    }
    expect(at(0)).toEqual([0, 4])
    expect(at(5)).toEqual([20, 24])
    expect(Array.from(wall.facts.mask)).toEqual([3, 1, 3, 3, 1, 3])
    // The selected slice's cells hold its flat indices; the byte it skips is its gap.
    expect(Array.from(wall.facts.logical)).toEqual([0, -1, 1, 2, -1, 3])
    expect(wall.arrows.map((a) => a.label)).toEqual(['d0: +12 B', 'd1: +8 B'])
    wall.dispose()
  })
})

describe('memory wall facts texture', () => {
  it('is made only once a draw shows cells big enough for the shader to read it, or a flash needs it', () => {
    const n = 1 << 16
    const offsets = elementOffsets({ shape: [n], byteStrides: [8] }, 0)
    const wall = (): MemoryContent => new MemoryContent({
      blockBytes: n * 8, unitBytes: 8, selectedId: 1, dark: true, rowChoice: 'auto', colorBy: { kind: 'flat' },
      selected: { shape: [n], byteStrides: [8], itemsize: 8 }, objects: [{ id: 1, color: '#4e9af1', itemsize: 8, base0: 0, offsets, contiguous: true }]
    })
    const w = wall()
    w.group.updateMatrixWorld(true)
    const plane = w.group.children[0] as THREE.Mesh
    // A 800 x 600 px viewport; the camera looks straight down at the wall's centre.
    const renderer = { getCurrentViewport: (v: THREE.Vector4) => v.set(0, 0, 800, 600) } as unknown as THREE.WebGLRenderer
    const cameraAt = (distance: number): THREE.PerspectiveCamera => {
      const cam = new THREE.PerspectiveCamera(40, 800 / 600, 0.1, 1e6)
      cam.position.set(w.center.x, w.center.y, distance)
      cam.lookAt(w.center)
      cam.updateMatrixWorld(true)
      return cam
    }
    const draw = (cam: THREE.Camera): void => plane.onBeforeRender(renderer, new THREE.Scene(), cam, plane.geometry, plane.material as THREE.Material, new THREE.Group())
    // The whole wall in view: a cell is a fraction of a pixel.
    draw(cameraAt(w.cols * 1.5))
    expect(w.hasInfo).toBe(false)
    // Close up: a cell is tens of px.
    draw(cameraAt(20))
    expect(w.hasInfo).toBe(true)
    expect((w.material.uniforms.uInfo.value as THREE.DataTexture).image.width).toBe(w.cols)
    w.dispose()
    // A flash makes it at any size, with the written cells marked.
    const f = wall()
    f.setFlash([], 0)
    expect(f.hasInfo).toBe(false)
    f.setFlash([[8, 16]], 1)
    expect(f.hasInfo).toBe(true)
    const data = (f.material.uniforms.uInfo.value as THREE.DataTexture).image.data as Uint8Array
    expect([data[3], data[7], data[11]]).toEqual([0, 255, 0])
    f.dispose()
  })
})

describe('cube field face culling', () => {
  it('indexes only the faces turned towards the eye', async () => {
    const { CubeField } = await import('../../../src/renderer/src/views/CubeField')
    const field = new CubeField(2, new Float32Array([0, 0, 0, 5, 0, 0]))
    expect(field.mesh.geometry.getIndex()!.count).toBe(72) // built with all 6 faces
    field.cullFor(new THREE.Vector3(0, 0, 10))
    // Cube 0 shows +z only; cube 1 (to the right of the eye) shows +z and -x.
    expect(field.mesh.geometry.drawRange.count).toBe(6 + 12)
    field.cullFor(new THREE.Vector3(10, 10, 10))
    expect(field.mesh.geometry.drawRange.count).toBe(18 + 18)
    // Picking still finds the visible cube.
    field.mesh.updateMatrixWorld(true)
    expect(field.pick(new THREE.Raycaster(new THREE.Vector3(5, 0, 100), new THREE.Vector3(0, 0, -1)))).toBe(1)
    field.dispose()
  })

  it('skips cubes buried two layers deep on every side facing the eye', async () => {
    const { CubeField } = await import('../../../src/renderer/src/views/CubeField')
    // A 5x5x5 block on the layout's lattice (1 apart in x and y, 1.25 in z).
    const N = 5
    const centers = new Float32Array(N * N * N * 3)
    const id = (x: number, y: number, z: number): number => (z * N + y) * N + x
    for (let z = 0; z < N; z++) for (let y = 0; y < N; y++) for (let x = 0; x < N; x++) centers.set([x, -y, -z * 1.25], 3 * id(x, y, z))
    const field = new CubeField(N * N * N, centers)
    const drawn = (): Set<number> => {
      const idx = field.mesh.geometry.getIndex()!.array
      const s = new Set<number>()
      for (let k = 0; k < field.mesh.geometry.drawRange.count; k++) s.add(Math.floor(idx[k] / 24))
      return s
    }
    // Eye far out on the +x, +y (up), +z diagonal: faces +x, +y, +z of every cube face it.
    field.cullFor(new THREE.Vector3(100, 100, 100))
    const d = drawn()
    // A cube is drawn when fewer than 2 neighbours in a row lie beyond one of those faces.
    let expected = 0
    for (let z = 0; z < N; z++) for (let y = 0; y < N; y++) for (let x = 0; x < N; x++) {
      const near = N - 1 - x < 2 || y < 2 || z < 2 // +x run, +y run (up = smaller y), +z run (towards z = 0)
      expect(d.has(id(x, y, z))).toBe(near)
      if (near) expected++
    }
    expect(d.size).toBe(expected)
    expect(d.size).toBeLessThan(N * N * N)
    expect(field.mesh.geometry.drawRange.count).toBe(expected * 18)
    // Looking straight down -z, only the front two layers are drawn; picking finds the front cube.
    field.cullFor(new THREE.Vector3(2, -2, 100))
    const front = drawn()
    for (const i of front) expect(Math.floor(i / (N * N))).toBeLessThan(2)
    field.mesh.updateMatrixWorld(true)
    expect(field.pick(new THREE.Raycaster(new THREE.Vector3(2, -2, 100), new THREE.Vector3(0, 0, -1)))).toBe(id(2, 2, 0))
    field.dispose()
  })
})
