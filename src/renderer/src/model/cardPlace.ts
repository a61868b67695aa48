// Where a hover card goes over a view: in the free space around what the view
// draws (the wall), not on it. The side with room for the whole card wins, the
// roomiest first; when no side has room (a wall filling its pane), the corner
// farthest from the pointer, so the card never hides the cell being read.

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
  // No free side: the corner away from the pointer (top right when there is none).
  const right = !pointer || pointer.x < host.width / 2
  const top = !pointer || pointer.y >= host.height / 2
  return clamp(right ? maxLeft : MARGIN, top ? MARGIN : maxTop)
}
