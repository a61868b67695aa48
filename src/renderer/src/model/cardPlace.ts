// Where a hover card goes over a view: in the free space around what the view
// draws (the wall), not on it. The side with room for the whole card wins, the
// roomiest first; when no side has room (a small pane), the corner or edge
// where it covers least of the wall, farthest from the pointer among equals.

export interface Rect { x: number; y: number; width: number; height: number }

const MARGIN = 8

/** Top-left of the card (px in the host), given the host's size, the drawn content's rect and the pointer. */
export function placeCard(host: { width: number; height: number }, card: { width: number; height: number }, content: Rect | null,
  pointer: { x: number; y: number } | null): { left: number; top: number } {
  const maxLeft = Math.max(0, host.width - card.width - MARGIN), maxTop = Math.max(0, host.height - card.height - MARGIN)
  const clamp = (left: number, top: number): { left: number; top: number } =>
    ({ left: Math.min(maxLeft, Math.max(MARGIN, left)), top: Math.min(maxTop, Math.max(MARGIN, top)) })
  if (content) {
    const c = {
      left: Math.max(0, content.x), top: Math.max(0, content.y),
      right: Math.min(host.width, content.x + content.width), bottom: Math.min(host.height, content.y + content.height)
    }
    // Free bands around the content: [room across, room along, where the card goes].
    const sides = [
      { room: c.top - MARGIN, along: host.width, at: () => clamp(c.right - card.width, c.top - MARGIN - card.height), need: card.height },
      { room: host.height - c.bottom - MARGIN, along: host.width, at: () => clamp(c.right - card.width, c.bottom + MARGIN), need: card.height },
      { room: host.width - c.right - MARGIN, along: host.height, at: () => clamp(c.right + MARGIN, c.top), need: card.width },
      { room: c.left - MARGIN, along: host.height, at: () => clamp(c.left - MARGIN - card.width, c.top), need: card.width }
    ].filter((s) => s.room >= s.need && s.along >= (s.need === card.height ? card.width : card.height) + 2 * MARGIN)
      .sort((a, b) => (b.room - b.need) - (a.room - a.need))
    if (sides.length) return sides[0].at()
  }
  // No free side: of the corners and edge middles, where the card covers least of the content,
  // and of those the farthest from the pointer (top right when there is none).
  const xs = [maxLeft, MARGIN, (maxLeft + MARGIN) / 2], ys = [MARGIN, maxTop, (maxTop + MARGIN) / 2]
  let best = clamp(maxLeft, MARGIN), bestCover = Infinity, bestDist = -1
  for (const y of ys) for (const x of xs) {
    if (x !== xs[0] && x !== xs[1] && y !== ys[0] && y !== ys[1]) continue   // not the centre
    const p = clamp(x, y)
    const cover = content ? overlap(p, card, content) : 0
    const dist = pointer ? Math.hypot(p.left + card.width / 2 - pointer.x, p.top + card.height / 2 - pointer.y) : 0
    if (cover < bestCover - 0.5 || (Math.abs(cover - bestCover) <= 0.5 && dist > bestDist)) { best = p; bestCover = cover; bestDist = dist }
  }
  return best
}

function overlap(p: { left: number; top: number }, card: { width: number; height: number }, r: Rect): number {
  const w = Math.min(p.left + card.width, r.x + r.width) - Math.max(p.left, r.x)
  const h = Math.min(p.top + card.height, r.y + r.height) - Math.max(p.top, r.y)
  return w > 0 && h > 0 ? w * h : 0
}
