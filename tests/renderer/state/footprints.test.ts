// Element offsets per object, as the memory wall reads them: computed once per layout,
// not once per snapshot (every snapshot brings new ObjectInfo objects).
import { describe, expect, it } from 'vitest'
import { offsetsOf } from '../../../src/renderer/src/state/footprints'
import { elementOffsets } from '../../../src/renderer/src/model/footprint'
import type { MemoryBlock } from '../../../src/renderer/src/model/storageGroups'
import type { ObjectEntry } from '../../../src/renderer/src/model/types'

function entry(shape: number[], byteStrides: number[], dataPtr: string, byteOffset = 0): ObjectEntry {
  return { names: ['a'], info: { shape, byteStrides, byteOffset, storage: { dataPtr } } } as unknown as ObjectEntry
}
const block = (base: bigint) => ({ base }) as unknown as MemoryBlock

describe('offsetsOf', () => {
  it('reuses the offsets of an object laid out the same, from the next snapshot or a new object', () => {
    const a = offsetsOf(block(4096n), entry([300, 400], [3200, 8], '4096'))
    expect(Array.from(a.subarray(0, 3))).toEqual([0, 8, 16])
    expect(a[400]).toBe(3200)
    // a new ObjectInfo, same layout (block base and element 0 at the same place)
    expect(offsetsOf(block(8192n), entry([300, 400], [3200, 8], '8192'))).toBe(a)
    // another layout: computed, and right
    const t = offsetsOf(block(4096n), entry([300, 400], [8, 2400], '4096', 16))
    expect(t).not.toBe(a)
    expect(Array.from(t)).toEqual(Array.from(elementOffsets({ shape: [300, 400], byteStrides: [8, 2400] }, 16)))
    expect(offsetsOf(block(4096n), entry([300, 400], [3200, 8], '4096', 8))).not.toBe(a)
  })
})
