// Text over a 3D view: DOM labels pinned to world points, re-placed after
// every frame (the view draws on demand, so this runs only when something
// moved). Labels that would overlap one placed before them are hidden, so
// the first ones given win: callers list the important labels first.
import type * as THREE from 'three'
import type { SceneView } from './SceneView'
import { DEFAULT_GLYPH, fitLabel, labelSize, type LabelAlign } from '../model/labelBox'

export interface Label {
  key: string
  world: THREE.Vector3
  text: string
  className?: string
  title?: string
  /** Anchor: which point of the label box sits on the projected world point. */
  align?: LabelAlign
  /**
   * On overlap, try a few places above and below (and one label-width right) instead of hiding;
   * 'up': only places straight above (a label beside a block's top edge, where below are cells).
   */
  nudge?: boolean | 'up'
  /**
   * Slides along this screen direction to stay inside the layer: for a label naming a whole
   * axis, drawn beside it (an axis name above the top row slides sideways, never down over cells).
   */
  slide?: 'x' | 'y'
  /** A shorter text shown instead where the layer's edge would cut `text`. */
  short?: string
  /** Extra data attributes for tests (data-<name>). */
  data?: Record<string, string>
}

export interface PlacedLabel { x: number; y: number; w: number; h: number; text: string; boxed: boolean }

export class LabelLayer {
  readonly el: HTMLDivElement
  private labels: Label[] = []
  private readonly nodes = new Map<string, HTMLDivElement>()
  private readonly scratch = { x: 0, y: 0 }
  /** Where the last place() put each shown label (CSS px in the layer), for exports. */
  private shown: PlacedLabel[] = []
  /**
   * What each node shows now: DOM writes happen only on change (place() runs every frame).
   * `given` is the label's text as last set, `text` the one shown (it, or its short form).
   */
  private readonly state = new Map<string, { cls: string; given: string; text: string; shown: boolean; transform: string }>()
  /** Monospace glyph box, measured once: label sizes are estimated from their text, never read back per frame. */
  private glyph: [number, number] | null = null
  private width = 0
  private height = 0
  private readonly resize: ResizeObserver

  constructor(host: HTMLElement, testId: string) {
    this.el = document.createElement('div')
    this.el.className = 'label-layer'
    this.el.dataset.testid = testId
    host.appendChild(this.el)
    this.resize = new ResizeObserver(() => { this.width = this.el.clientWidth; this.height = this.el.clientHeight })
    this.resize.observe(this.el)
  }

  set(labels: Label[]): void {
    this.labels = labels
    const keep = new Set(labels.map((l) => l.key))
    for (const [k, n] of this.nodes) if (!keep.has(k)) { n.remove(); this.nodes.delete(k); this.state.delete(k) }
    for (const l of labels) {
      let n = this.nodes.get(l.key)
      let st = this.state.get(l.key)
      if (!n || !st) {
        n = document.createElement('div')
        n.style.display = 'none'
        this.nodes.set(l.key, n)
        this.el.appendChild(n)
        st = { cls: '', given: '', text: '', shown: false, transform: '' }
        this.state.set(l.key, st)
      }
      const cls = `label ${l.className ?? ''}`
      if (st.cls !== cls) { n.className = cls; st.cls = cls }
      if (st.given !== l.text) { n.textContent = l.text; st.given = l.text; st.text = l.text }
      if (l.title !== undefined && n.title !== l.title) n.title = l.title
      if (l.data) for (const [k, v] of Object.entries(l.data)) if (n.dataset[k] !== v) n.dataset[k] = v
    }
  }

  /** A label's box (CSS px) as place() estimates it. */
  boxSize(text: string): [number, number] {
    return labelSize(text, this.glyphSize())
  }

  private glyphSize(): [number, number] {
    if (!this.glyph) {
      const probe = document.createElement('div')
      probe.className = 'label'
      probe.textContent = '0000000000'
      this.el.appendChild(probe)
      const w = probe.offsetWidth, h = probe.offsetHeight
      probe.remove()
      if (w > 0) this.glyph = [(w - 6) / 10, h]
      if (!this.width) { this.width = this.el.clientWidth; this.height = this.el.clientHeight }
    }
    return this.glyph ?? [...DEFAULT_GLYPH]
  }

  /** Projects every label; hides those off screen or overlapping an earlier one. */
  place(view: SceneView): void {
    const w = this.width, h = this.height
    const glyph = this.glyphSize()
    const placed: Array<[number, number, number, number]> = []
    this.shown = []
    for (const l of this.labels) {
      const n = this.nodes.get(l.key)!
      const st = this.state.get(l.key)!
      const hide = (): void => { if (st.shown) { n.style.display = 'none'; st.shown = false } }
      if (!view.project(l.world, this.scratch)) { hide(); continue }
      const a = l.align ?? 'center'
      const fit = fitLabel(this.scratch.x, this.scratch.y, l.short ? [l.text, l.short] : [l.text], glyph, a, l.slide, w, h)
      const bw = fit.w, bh = fit.h
      let x = fit.x, y = fit.y
      const off = x + bw < 0 || y + bh < 0 || x > w || y > h
      const inside = (xx: number, yy: number): boolean => xx >= 0 && yy >= 0 && xx + bw <= w && yy + bh <= h
      const hits = (xx: number, yy: number): boolean => placed.some(([px, py, pw, ph]) => xx < px + pw && px < xx + bw && yy < py + ph && py < yy + bh)
      // A nudgeable label also moves when the layer's edge would cut it.
      let hit = hits(x, y) || (!!l.nudge && !off && !inside(x, y))
      // Nudged places, nearest first, alternating up and down; a label above its point goes
      // up first (down is over the thing it labels, and over the ruler's first row); then the
      // same places one label-width to the right. Only places wholly inside the layer.
      const steps: number[] = []
      for (let k = 1; k <= 4; k++) steps.push(-k, k)
      if (a === 'above') steps.sort((p, q) => (p < 0 ? 0 : 1) - (q < 0 ? 0 : 1))
      const tries: Array<[number, number]> = l.nudge === 'up' ? steps.filter((k) => k < 0).map((k): [number, number] => [0, k])
        : [...steps.map((k): [number, number] => [0, k]), [1, 0], ...steps.map((k): [number, number] => [1, k])]
      for (const [i, k] of tries) {
        if (!hit || !l.nudge) break
        const xx = x + i * (bw + 4), yy = y + k * (bh + 1)
        if (inside(xx, yy) && !hits(xx, yy)) { x = xx; y = yy; hit = false }
      }
      // Cut by the edge where it stands but clear of every other label: it stays there.
      if (hit && l.nudge && !hits(x, y)) hit = false
      if (off || hit) { hide(); continue }
      placed.push([x, y, bw, bh])
      if (st.text !== fit.text) { n.textContent = fit.text; st.text = fit.text }
      this.shown.push({ x, y, w: bw, h: bh, text: fit.text, boxed: /arrow-label|axis-label/.test(l.className ?? '') })
      const t = `translate(${Math.round(x)}px, ${Math.round(y)}px)`
      if (st.transform !== t) { n.style.transform = t; st.transform = t }
      if (!st.shown) { n.style.display = ''; st.shown = true }
    }
  }

  /** The labels as last placed, and the layer's size (CSS px). */
  snapshot(): { labels: PlacedLabel[]; width: number; height: number } {
    return { labels: this.shown, width: this.width || this.el.clientWidth, height: this.height || this.el.clientHeight }
  }

  dispose(): void {
    this.resize.disconnect()
    this.el.remove()
    this.nodes.clear()
  }
}
