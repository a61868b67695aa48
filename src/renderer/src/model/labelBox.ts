// The box a text label takes on screen (CSS px), from its text and anchor: one
// place for the estimate the label layer places by and the framing reserves room by.

/** Which point of the label's box sits on its projected world point. */
export type LabelAlign = 'center' | 'left' | 'right' | 'above' | 'below'

/** The monospace glyph box (CSS px) assumed until the label layer has measured one. */
export const DEFAULT_GLYPH: readonly [number, number] = [6.6, 15]

/** Width and height of a boxed label (3 px padding a side, 1 px border) from the monospace glyph box. */
export function labelSize(text: string, glyph: readonly [number, number]): [number, number] {
  return [text.length * glyph[0] + 8, glyph[1] + 2]
}

/** Top-left corner of a bw x bh label anchored at (px, py). */
export function anchoredBox(px: number, py: number, bw: number, bh: number, align: LabelAlign = 'center'): { x: number; y: number } {
  if (align === 'center') return { x: px - bw / 2, y: py - bh / 2 }
  if (align === 'right') return { x: px - bw - 4, y: py - bh / 2 }
  if (align === 'left') return { x: px + 4, y: py - bh / 2 }
  if (align === 'above') return { x: px - bw / 2, y: py - bh - 2 }
  return { x: px - bw / 2, y: py + 2 }
}

/**
 * Slides a label's box along one screen direction to lie inside a w x h layer (when it fits):
 * an axis name slides along its axis, never across it over the cells it names.
 */
export function slideInside(box: { x: number; y: number }, bw: number, bh: number, w: number, h: number, slide?: 'x' | 'y'): { x: number; y: number } {
  if (slide === 'x' && bw <= w) return { x: Math.min(Math.max(box.x, 0), w - bw), y: box.y }
  if (slide === 'y' && bh <= h) return { x: box.x, y: Math.min(Math.max(box.y, 0), h - bh) }
  return box
}

/**
 * Where a label anchored at (px, py) stands in a w x h layer, and which of its texts it shows: the
 * first text whose box (after sliding) lies wholly inside, else the last (shortest) one.
 */
export function fitLabel(px: number, py: number, texts: readonly string[], glyph: readonly [number, number], align: LabelAlign,
  slide: 'x' | 'y' | undefined, w: number, h: number): { text: string; x: number; y: number; w: number; h: number } {
  let out = { text: '', x: 0, y: 0, w: 0, h: 0 }
  for (const text of texts) {
    const [bw, bh] = labelSize(text, glyph)
    const b = slideInside(anchoredBox(px, py, bw, bh, align), bw, bh, w, h, slide)
    out = { text, x: b.x, y: b.y, w: bw, h: bh }
    if (b.x >= 0 && b.y >= 0 && b.x + bw <= w && b.y + bh <= h) break
  }
  return out
}
