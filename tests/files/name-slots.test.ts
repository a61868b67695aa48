// NameSlots (src/files/name-slots.ts): the slot of each name is the one it got first, through
// any number of table growths, as a Map from name to first index would say.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { NameSlots } from '../../src/files/name-slots'

describe('NameSlots', () => {
  it('gives each name its first slot, across growths, as a Map would', () => {
    fc.assert(fc.property(fc.array(fc.string({ maxLength: 4 }), { maxLength: 3000 }), (seq) => {
      const names: string[] = []
      const slots = new NameSlots(names, 1)
      const want = new Map<string, number>()
      for (const name of seq) {
        const slot = slots.slotOf(name, names.length)
        if (slot === names.length) names.push(name)
        if (!want.has(name)) want.set(name, want.size)
        expect(slot).toBe(want.get(name))
      }
      expect(names).toEqual([...want.keys()])
    }), { numRuns: 200 })
  })
})
