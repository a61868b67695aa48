// Hover-card placement: beside the wall where there is room, else away from the pointer.
import { describe, expect, it } from 'vitest'
import { placeCard } from '../../../src/renderer/src/model/cardPlace'

const host = { width: 600, height: 400 }
const card = { width: 180, height: 50 }

function overlaps(p: { left: number; top: number }, r: { x: number; y: number; width: number; height: number }): boolean {
  return p.left < r.x + r.width && p.left + card.width > r.x && p.top < r.y + r.height && p.top + card.height > r.y
}

describe('hover card placement', () => {
  it('a wide short wall in the middle: the card goes above or below it, inside the host', () => {
    const wall = { x: 50, y: 150, width: 500, height: 100 }
    const p = placeCard(host, card, wall, { x: 300, y: 200 })
    expect(overlaps(p, wall)).toBe(false)
    expect(p.left).toBeGreaterThanOrEqual(0)
    expect(p.top + card.height).toBeLessThanOrEqual(host.height)
  })
  it('a tall wall on the left: the card goes to its right', () => {
    const wall = { x: 10, y: 10, width: 300, height: 380 }
    const p = placeCard(host, card, wall, { x: 100, y: 100 })
    expect(overlaps(p, wall)).toBe(false)
    expect(p.left).toBeGreaterThanOrEqual(310)
  })
  it('a wall filling the host: the corner away from the pointer', () => {
    const wall = { x: 0, y: 0, width: 600, height: 400 }
    expect(placeCard(host, card, wall, { x: 100, y: 100 })).toEqual({ left: 600 - 180 - 8, top: 400 - 50 - 8 })
    expect(placeCard(host, card, wall, { x: 500, y: 300 })).toEqual({ left: 8, top: 8 })
  })
  it('no side has room: the place that covers least of the wall', () => {
    const small = { width: 332, height: 165 }
    const wall = { x: 98, y: 13, width: 208, height: 118 }
    const c = { width: 160, height: 56 }
    const p = placeCard(small, c, wall, { x: 200, y: 70 })
    // Bottom left: only a corner of the card is over the wall.
    expect(p).toEqual({ left: 8, top: 165 - 56 - 8 })
  })
  it('no content known: top right', () => {
    expect(placeCard(host, card, null, null)).toEqual({ left: 600 - 180 - 8, top: 8 })
  })
})
