// One three.js canvas with an orbit camera, rendered on demand: a frame is
// drawn only after something asked for one (camera moved, content changed),
// never in a continuous loop. The canvas carries `data-frames` (frames drawn)
// so tests can wait for a state instead of sleeping.
//
// The drawing buffer is as tall as the whole view pane, and frames are drawn
// into the part of it the canvas host shows (viewport and scissor; the rest is
// clipped by the host): the head and legend rows that come and go with a
// selection change the host's height, and resizing a WebGL drawing buffer is a
// synchronous reallocation in the GPU process (tens of ms under SwiftShader,
// over 100 on a loaded machine, on the first result). Only the pane's own size
// (window, splitter) resizes the buffer.
import * as THREE from 'three'
import { OrbitControls } from 'three/examples/jsm/controls/OrbitControls.js'
import type { CameraPose } from '../model/cameraHistory'
import { fitCamera, type FitMargins } from '../model/cameraFit'

export interface SceneViewOptions {
  testId: string
  onCameraChange?: (before: CameraPose, after: CameraPose) => void
  onPointer?: (ndc: THREE.Vector2 | null, ev: PointerEvent | null) => void
  onClick?: (ndc: THREE.Vector2, ev: MouseEvent) => void
  onAfterRender?: () => void
}

export class SceneView {
  readonly renderer: THREE.WebGLRenderer
  readonly scene = new THREE.Scene()
  readonly camera: THREE.PerspectiveCamera
  readonly controls: OrbitControls
  readonly canvas: HTMLCanvasElement
  frames = 0
  private pending = 0
  private readonly resizeObserver: ResizeObserver
  private poseAtStart: CameraPose | null = null
  /** The last framing asked for; kept while the person has not moved the camera, so a resize re-frames. */
  private framing: { center: THREE.Vector3; size: THREE.Vector3; tilt: boolean; margins: FitMargins } | null = null
  private readonly opts: SceneViewOptions
  /** The content taken out last, not yet disposed (see retire). */
  private retired: (() => void) | null = null

  constructor(private readonly container: HTMLElement, opts: SceneViewOptions) {
    this.opts = opts
    this.renderer = new THREE.WebGLRenderer({ antialias: false, alpha: false, powerPreference: 'high-performance' })
    this.renderer.setPixelRatio(Math.min(window.devicePixelRatio || 1, 2))
    this.canvas = this.renderer.domElement
    this.canvas.dataset.testid = opts.testId
    this.canvas.dataset.frames = '0'
    this.canvas.tabIndex = 0
    container.appendChild(this.canvas)

    this.camera = new THREE.PerspectiveCamera(40, 1, 0.1, 100000)
    this.camera.position.set(0, 0, 50)
    this.controls = new OrbitControls(this.camera, this.canvas)
    this.controls.enableDamping = false // damping would need a continuous loop
    this.controls.screenSpacePanning = true
    this.controls.addEventListener('change', () => this.requestRender())
    this.controls.addEventListener('start', () => {
      this.poseAtStart = this.pose()
      this.framing = null
    })
    this.controls.addEventListener('end', () => {
      if (this.poseAtStart) this.opts.onCameraChange?.(this.poseAtStart, this.pose())
      this.poseAtStart = null
    })

    // Every material is unlit (shading is baked into vertex colours): no lights to evaluate per pixel.

    const ndc = new THREE.Vector2()
    const toNdc = (ev: MouseEvent): THREE.Vector2 => {
      // The shown part (the host's box: the canvas runs on below it, clipped).
      const r = this.container.getBoundingClientRect()
      ndc.set(((ev.clientX - r.left) / r.width) * 2 - 1, -((ev.clientY - r.top) / r.height) * 2 + 1)
      return ndc
    }
    this.canvas.addEventListener('pointermove', (ev) => { if (ev.buttons === 0) this.opts.onPointer?.(toNdc(ev), ev) })
    this.canvas.addEventListener('pointerleave', () => this.opts.onPointer?.(null, null))
    let down: { x: number; y: number } | null = null
    this.canvas.addEventListener('pointerdown', (ev) => { down = { x: ev.clientX, y: ev.clientY } })
    this.canvas.addEventListener('click', (ev) => {
      // A click that ended an orbit drag is not a pick.
      if (down && Math.hypot(ev.clientX - down.x, ev.clientY - down.y) > 4) return
      this.opts.onClick?.(toNdc(ev), ev)
    })

    // Arrow keys orbit the focused canvas (the camera change is undoable like a drag).
    this.canvas.addEventListener('keydown', (ev) => {
      const step = ev.shiftKey ? 0.2 : 0.06
      const turn: Record<string, [number, number]> = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, -step], ArrowDown: [0, step] }
      const t = turn[ev.key]
      if (!t) return
      ev.preventDefault()
      ev.stopPropagation()
      const before = this.pose()
      this.orbit(t[0], t[1])
      this.opts.onCameraChange?.(before, this.pose())
    })

    this.resizeObserver = new ResizeObserver(() => this.resize())
    this.resizeObserver.observe(container)
    this.resize()
  }

  setBackground(color: string): void {
    this.scene.background = new THREE.Color(color)
    this.requestRender()
  }

  /**
   * Asks for one frame on the next animation frame (coalesced). The frame takes the host's
   * size as laid out then: rows that came with the same change (a selection's head and
   * legend) are in it, so the resize they cause asks for no second frame (each frame of a
   * WebGL canvas costs the GPU process tens of ms under SwiftShader).
   */
  requestRender = (): void => {
    if (this.pending) return
    this.pending = requestAnimationFrame(() => {
      // Still pending while the size is applied: the re-framing it may do asks for no other frame.
      this.measure()
      this.pending = 0
      this.renderNow()
    })
  }

  /**
   * Disposes content taken out of the scene one content later: three.js deletes a
   * GPU program when the last material using it goes, so disposing at once would
   * make the next content of the same kind compile its shaders again (tens of ms
   * under SwiftShader, on every new result). The one held back keeps them.
   */
  retire(dispose: () => void): void {
    this.retired?.()
    this.retired = dispose
  }

  renderNow(): void {
    this.renderer.render(this.scene, this.camera)
    this.frames++
    this.canvas.dataset.frames = String(this.frames)
    this.opts.onAfterRender?.()
  }

  /** The drawing buffer's size in CSS px (see the top of this file). */
  private buffer = { width: 0, height: 0 }

  /** The canvas host's box as the last resize measured it (see width, height). */
  private shown = { width: 1, height: 1 }

  /**
   * Width and height of what the view shows, in CSS px: the canvas host's box as the
   * viewport and camera have it (measured on resize and as each frame starts), so framing, picks
   * and labels agree with the frame drawn, and reading them forces no layout in the middle of a React commit.
   */
  get width(): number {
    return this.shown.width
  }

  get height(): number {
    return this.shown.height
  }

  /** The host's box changed (or the view starts): applied, and drawn when it differs from the one shown. */
  resize(): void {
    if (this.measure()) this.requestRender()
  }

  /**
   * Reads the host's box (and its pane's height) and, when either differs from what the view has,
   * applies it: drawing buffer, viewport, camera, framing. True when it changed.
   */
  private measure(): boolean {
    const w = Math.max(1, this.container.clientWidth)
    const h = Math.max(1, this.container.clientHeight)
    // As tall as the pane (the host's height is at most that), so rows appearing above or below do not resize it.
    const bufferHeight = Math.max(h, this.container.parentElement?.clientHeight ?? 0)
    if (w === this.shown.width && h === this.shown.height && w === this.buffer.width && bufferHeight === this.buffer.height) return false
    this.shown = { width: w, height: h }
    if (w !== this.buffer.width || bufferHeight !== this.buffer.height) {
      this.renderer.setSize(w, bufferHeight, true)
      this.buffer = { width: w, height: bufferHeight }
    }
    // The top h rows of the buffer (y counts from the bottom); the scissor keeps clears there too.
    this.renderer.setViewport(0, bufferHeight - h, w, h)
    this.renderer.setScissor(0, bufferHeight - h, w, h)
    this.renderer.setScissorTest(true)
    this.camera.aspect = w / h
    this.camera.updateProjectionMatrix()
    if (this.framing) this.frame(this.framing.center, this.framing.size, this.framing.tilt, this.framing.margins)
    return true
  }

  /**
   * Frames a box (centre, size) so all of it is in view, looking down -z with a slight tilt;
   * `margins` keeps that many pixels free on the left and at the top (for a ruler, axis labels).
   */
  frame(center: THREE.Vector3, size: THREE.Vector3, tilt = true, margins: FitMargins = {}): void {
    this.framing = { center: center.clone(), size: size.clone(), tilt, margins }
    const fit = fitCamera(center, size, { width: this.width, height: this.height, fovDeg: this.camera.fov }, tilt, margins)
    this.camera.position.copy(fit.position)
    this.camera.near = fit.near
    this.camera.far = fit.far
    this.camera.updateProjectionMatrix()
    this.controls.target.copy(fit.target)
    this.controls.update()
    this.requestRender()
  }

  pose(): CameraPose {
    const p = this.camera.position, t = this.controls.target
    return { position: [p.x, p.y, p.z], target: [t.x, t.y, t.z], zoom: this.camera.zoom }
  }

  setPose(pose: CameraPose): void {
    this.framing = null
    this.camera.position.set(...pose.position)
    this.controls.target.set(...pose.target)
    this.camera.zoom = pose.zoom
    this.camera.updateProjectionMatrix()
    this.controls.update()
    this.requestRender()
  }

  /** Rotates the camera about the orbit target (keyboard orbit, benchmarks) and draws at once. */
  orbit(azimuth: number, polar = 0): void {
    const offset = this.camera.position.clone().sub(this.controls.target)
    const sph = new THREE.Spherical().setFromVector3(offset)
    sph.theta += azimuth
    sph.phi = Math.min(Math.PI - 0.05, Math.max(0.05, sph.phi + polar))
    offset.setFromSpherical(sph)
    this.camera.position.copy(this.controls.target).add(offset)
    this.camera.lookAt(this.controls.target)
    this.framing = null
    this.renderNow()
  }

  /** The current view as a PNG data URL (drawn now, so the drawing buffer is fresh): the part shown, at device pixels. */
  toPNG(): string {
    this.renderNow()
    const ratio = this.renderer.getPixelRatio()
    const w = Math.round(this.width * ratio), h = Math.round(this.height * ratio)
    const out = document.createElement('canvas')
    out.width = w
    out.height = h
    out.getContext('2d')!.drawImage(this.canvas, 0, 0, w, h, 0, 0, w, h)
    return out.toDataURL('image/png')
  }

  /** Screen position (CSS pixels in the container) of a world point; null when behind the camera. */
  project(p: THREE.Vector3, out: { x: number; y: number }): boolean {
    const v = p.clone().project(this.camera)
    if (v.z > 1 || v.z < -1) return false
    out.x = ((v.x + 1) / 2) * this.width
    out.y = ((1 - v.y) / 2) * this.height
    return true
  }

  dispose(): void {
    if (this.pending) cancelAnimationFrame(this.pending)
    this.retired?.()
    this.retired = null
    this.resizeObserver.disconnect()
    this.controls.dispose()
    this.renderer.dispose()
    this.canvas.remove()
  }
}
