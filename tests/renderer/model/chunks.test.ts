import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { cOrderBoxes } from '../../../src/renderer/src/model/chunks'
import { unravel } from '../../../src/renderer/src/model/address'

describe('C-order window boxes', () => {
  it('covers the index space exactly once, in C order, within the bound', () => {
    fc.assert(fc.property(
      fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 0, maxLength: 5 }),
      fc.integer({ min: 1, max: 50 }),
      (shape, max) => {
        const boxes = cOrderBoxes(shape, max)
        const order: string[] = []
        for (const b of boxes) {
          expect(b.numel).toBe(b.shape.reduce((x, y) => x * y, 1))
          // A box may exceed the bound only when one step of the innermost dim already does.
          if (b.numel > max) expect(b.shape.slice(0, -1).every((n) => n === 1)).toBe(true)
          for (let f = 0; f < b.numel; f++) order.push(unravel(f, b.shape).map((v, k) => v + b.start[k]).join(','))
        }
        const n = shape.reduce((x, y) => x * y, 1)
        const expected = Array.from({ length: n }, (_, f) => unravel(f, shape).join(','))
        expect(order).toEqual(expected)
      }
    ), { numRuns: 200 })
  })

  it('a 1M-element cube comes in 16 windows of 64k', () => {
    const boxes = cOrderBoxes([100, 100, 100], 1 << 16)
    expect(boxes.every((b) => b.numel <= 1 << 16)).toBe(true)
    expect(boxes.reduce((a, b) => a + b.numel, 0)).toBe(1_000_000)
    expect(boxes.length).toBe(17)
  })
})
