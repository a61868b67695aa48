// Text over a 3D view: DOM labels pinned to world points, re-placed after
// every frame (the view draws on demand, so this runs only when something
// moved). Labels that would overlap one placed before them are hidden, so
// the first ones given win: callers list the important labels first.
import type * as THREE from 'three'
import type { SceneView } from './SceneView'

export interface Label {
  key: string
  world: THREE.Vector3
  text: string
  className?: string
  title?: string
  /** Anchor: which point of the label box sits on the projected world point. */
  align?: 'center' | 'left' | 'right' | 'above' | 'below'
  /** On overlap, try a few places below instead of hiding. */
  nudge?: boolean
  /** Extra data attributes for tests (data-<name>). */
  data?: Record<string, string>
}

export interface PlacedLabel { x: number; y: number; w: number; h: number; text: string; boxed: boolean }

export class LabelLayer {
  readonly el: HTMLDivElement
  private labels: Label[] = []
  private readonly nodes = new Map<string, HTMLDivElement>()
  private readonly scratch = { x: 0, y: 0 }
  private readonly sizes = new Map<string, [number, number]>()
  /** Where the last place() put each shown label (CSS px in the layer), for exports. */
  private shown: PlacedLabel[] = []

  constructor(host: HTMLElement, testId: string) {
    this.el = document.createElement('div')
    this.el.className = 'label-layer'
    this.el.dataset.testid = testId
    host.appendChild(this.el)
  }

  set(labels: Label[]): void {
    this.labels = labels
    const keep = new Set(labels.map((l) => l.key))
    for (const [k, n] of this.nodes) if (!keep.has(k)) { n.remove(); this.nodes.delete(k); this.sizes.delete(k) }
    for (const l of labels) {
      let n = this.nodes.get(l.key)
      if (!n) {
        n = document.createElement('div')
        this.nodes.set(l.key, n)
        this.el.appendChild(n)
      }
      n.className = `label ${l.className ?? ''}`
      if (n.textContent !== l.text) { n.textContent = l.text; this.sizes.delete(l.key) }
      if (l.title) n.title = l.title
      if (l.data) for (const [k, v] of Object.entries(l.data)) n.dataset[k] = v
    }
  }

  /** Projects every label; hides those off screen or overlapping an earlier one. */
  place(view: SceneView): void {
    const w = this.el.clientWidth, h = this.el.clientHeight
    const placed: Array<[number, number, number, number]> = []
    this.shown = []
    // Measure new labels in one layout pass (sizes do not change when a label only moves).
    const unmeasured = this.labels.filter((l) => !this.sizes.has(l.key))
    for (const l of unmeasured) this.nodes.get(l.key)!.style.display = ''
    for (const l of unmeasured) { const n = this.nodes.get(l.key)!; this.sizes.set(l.key, [n.offsetWidth, n.offsetHeight]) }
    for (const l of this.labels) {
      const n = this.nodes.get(l.key)!
      if (!view.project(l.world, this.scratch)) { n.style.display = 'none'; continue }
      const [bw, bh] = this.sizes.get(l.key)!
      let x = this.scratch.x, y = this.scratch.y
      const a = l.align ?? 'center'
      if (a === 'center') { x -= bw / 2; y -= bh / 2 }
      else if (a === 'right') { x -= bw + 4; y -= bh / 2 }
      else if (a === 'left') { x += 4; y -= bh / 2 }
      else if (a === 'above') { x -= bw / 2; y -= bh + 2 }
      else { x -= bw / 2; y += 2 }
      const off = x + bw < 0 || y + bh < 0 || x > w || y > h
      const hits = (yy: number): boolean => placed.some(([px, py, pw, ph]) => x < px + pw && px < x + bw && yy < py + ph && py < yy + bh)
      let hit = hits(y)
      for (let k = 1; hit && l.nudge && k <= 4; k++) {
        if (!hits(y - k * (bh + 1))) { y -= k * (bh + 1); hit = false }
        else if (!hits(y + k * (bh + 1))) { y += k * (bh + 1); hit = false }
      }
      if (off || hit) { n.style.display = 'none'; continue }
      placed.push([x, y, bw, bh])
      this.shown.push({ x, y, w: bw, h: bh, text: l.text, boxed: /arrow-label|axis-label/.test(l.className ?? '') })
      n.style.display = ''
      n.style.transform = `translate(${Math.round(x)}px, ${Math.round(y)}px)`
    }
  }

  /** The labels as last placed, and the layer's size (CSS px). */
  snapshot(): { labels: PlacedLabel[]; width: number; height: number } {
    return { labels: this.shown, width: this.el.clientWidth, height: this.el.clientHeight }
  }

  dispose(): void {
    this.el.remove()
    this.nodes.clear()
  }
}
