import { describe, expect, it } from 'vitest'
import { byteOffsetInBlock, groupByMemory, objectColor } from '../../../src/renderer/src/model/storageGroups'
import type { ObjectEntry, StorageInfo } from '../../../src/renderer/src/model/types'
import { describeMemory } from '../../../src/session/workspace-view'

function storage(id: number, ptr: bigint, nbytes: number, device = 'cpu'): StorageInfo {
  return { id, device, simulated: device !== 'cpu', pinned: false, nbytes, dataPtr: String(ptr), resizable: true }
}
function obj(id: number, name: string, s: StorageInfo, byteOffset = 0): ObjectEntry {
  return { names: [name], info: { id, storage: s, byteOffset } } as unknown as ObjectEntry
}
/** The snapshot's memory part as the session builds it. */
const snapshot = (objects: ObjectEntry[]) => ({ objects, ...describeMemory(objects) })

describe('grouping objects by the memory they view (session groups, renderer joins)', () => {
  it('puts from_numpy-style storages over the same bytes in one block, and keeps others apart', () => {
    const sa = storage(1, 0x1000n, 48)
    const st = storage(2, 0x1000n, 48)          // torch.from_numpy(a): a new storage, same bytes
    const sv = storage(3, 0x1010n, 16)          // a view starting inside
    const sb = storage(4, 0x2000n, 48)          // a copy
    const sc = storage(5, 0x1000n, 48, 'cuda:0') // same address on another device: not the same memory
    const blocks = groupByMemory(snapshot([obj(1, 'a', sa), obj(2, 't', st), obj(3, 'v', sv, 4), obj(4, 'b', sb), obj(5, 'g', sc)]))
    const names = blocks.map((b) => b.objects.map((o) => o.names[0]).sort())
    expect(names).toEqual([['a', 't', 'v'], ['b'], ['g']])
    expect(blocks[0].nbytes).toBe(48)
    expect(blocks[0].base).toBe(0x1000n)
    expect(blocks[0].storages.map((s) => s.id)).toEqual([1, 2, 3])
    expect(blocks[2].simulated).toBe(true)
    expect(byteOffsetInBlock(blocks[0], blocks[0].objects.find((o) => o.names[0] === 'v')!)).toBe(16 + 4)
  })

  it('joins storages that overlap only through a third into one block', () => {
    // [0x1000, 0x1010) and [0x1018, 0x1028) do not touch; [0x1008, 0x1020) overlaps both.
    const blocks = groupByMemory(snapshot([
      obj(1, 'x', storage(1, 0x1000n, 16)), obj(2, 'y', storage(2, 0x1018n, 16)), obj(3, 'z', storage(3, 0x1008n, 24))
    ]))
    expect(blocks.map((b) => b.objects.map((o) => o.names[0]))).toEqual([['x', 'y', 'z']])
    expect(blocks[0].nbytes).toBe(0x28)
  })

  it('empty storages never merge with neighbours', () => {
    const blocks = groupByMemory(snapshot([obj(1, 'e', storage(1, 0x1000n, 0)), obj(2, 'f', storage(2, 0x1000n, 8))]))
    expect(blocks.length).toBe(2)
  })

  it('gives distinct objects distinct colours', () => {
    const names = ['a', 'b', 'c']
    expect(new Set(names.map((n) => objectColor(n, names))).size).toBe(3)
  })
})

describe('block colours', () => {
  it('each object keeps its workspace colour; two objects of one block never share one', async () => {
    const { blockColors, objectColor } = await import('../../../src/renderer/src/model/storageGroups')
    const names = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h']
    expect(blockColors(['a', 'c'], names, true)).toEqual([objectColor('a', names), objectColor('c', names)])
    // 'h' cycles onto 'a''s colour (seven colours): in a block with 'a' it takes the next free one.
    expect(objectColor('h', names)).toBe(objectColor('a', names))
    const both = blockColors(['a', 'h'], names, true)
    expect(both[0]).toBe(objectColor('a', names))
    expect(both[1]).not.toBe(both[0])
  })
})
