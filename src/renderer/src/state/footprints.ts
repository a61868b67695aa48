// Element byte offsets per object, from its memory block's base, cached per
// snapshot (ObjectInfo objects are new in every snapshot, so a WeakMap keyed
// on them forgets stale entries by itself).
import { elementOffsets, elementsTouching } from '../model/footprint'
import { byteOffsetInBlock, groupByMemory, type MemoryBlock } from '../model/storageGroups'
import { byteDelta, unravel } from '../model/address'
import type { ObjectEntry, ObjectInfo, Workspace } from '../model/types'

/** Objects larger than this have no per-element footprint (the wall still shows their storage). */
export const MAX_FOOTPRINT = 1 << 22

const offsetsCache = new WeakMap<ObjectInfo, Float64Array>()
const blocksCache = new WeakMap<Workspace, MemoryBlock[]>()

export function blocksOf(w: Workspace): MemoryBlock[] {
  let b = blocksCache.get(w)
  if (!b) {
    b = groupByMemory(w)
    blocksCache.set(w, b)
  }
  return b
}

export function blockOfObject(w: Workspace, id: number): MemoryBlock | undefined {
  return blocksOf(w).find((b) => b.objects.some((o) => o.info.id === id))
}

/**
 * Offsets last computed, by what they depend on (shape, byte strides, where element 0 sits):
 * the next snapshot's ObjectInfo of an unchanged object, or a new object laid out the same
 * (a line run again), finds them here instead of walking every element again. Bounded by
 * elements held; offsets are never written after they are computed.
 */
const recentOffsets: Array<{ key: string; offsets: Float64Array }> = []
const RECENT_OFFSETS_ELEMENTS = 2 * MAX_FOOTPRINT

export function offsetsOf(block: MemoryBlock, o: ObjectEntry): Float64Array {
  let off = offsetsCache.get(o.info)
  if (!off) {
    const base0 = byteOffsetInBlock(block, o)
    const key = `${o.info.shape.join(',')}|${o.info.byteStrides.join(',')}|${base0}`
    const hit = recentOffsets.findIndex((r) => r.key === key)
    const entry = hit >= 0 ? recentOffsets.splice(hit, 1)[0] : { key, offsets: elementOffsets(o.info, base0, MAX_FOOTPRINT) }
    recentOffsets.unshift(entry)
    let held = 0
    const keep = recentOffsets.findIndex((r) => (held += r.offsets.length) > RECENT_OFFSETS_ELEMENTS)
    if (keep > 0) recentOffsets.length = keep
    off = entry.offsets
    offsetsCache.set(o.info, off)
  }
  return off
}

/** Byte range [start, end) from the block base of one element of an object. */
export function elementBytes(block: MemoryBlock, o: ObjectEntry, index: readonly number[]): [number, number] {
  const b = byteOffsetInBlock(block, o) + byteDelta(o.info, index)
  return [b, b + o.info.itemsize]
}

/** Indices of `o` whose bytes overlap [start, end): the same bytes seen through an alias. */
export function indicesTouching(block: MemoryBlock, o: ObjectEntry, range: [number, number], limit = 16): number[][] {
  const offs = offsetsOf(block, o)
  return elementsTouching(offs, o.info.itemsize, range[0], range[1], limit).map((f) => unravel(f, o.info.shape))
}
