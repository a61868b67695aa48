// Builds the plain workspace description (named objects, the storages they view,
// which storages share bytes, and the memory blocks they form) from the runner's
// live variables. The one place that decides what shares memory: the renderer
// draws the blocks it is sent.
import type { ObjectInfo } from '../engine/types'
import type { MemoryBlockEntry, ObjectEntry, StorageEntry } from '../shared/protocol'
import type { SessionObject } from './runner-port'

export interface LiveObjects {
  objects: ObjectEntry[]
  storages: StorageEntry[]
  memoryBlocks: MemoryBlockEntry[]
  /** Live handle per object id, for value windows. */
  handles: Map<number, SessionObject>
}

export function collectObjects(variables: { name: string; object: SessionObject }[]): LiveObjects {
  const byId = new Map<number, { info: ObjectInfo; names: string[]; handle: SessionObject }>()
  for (const { name, object } of variables) {
    const info = object.info()
    const seen = byId.get(info.id)
    if (seen) seen.names.push(name)
    else byId.set(info.id, { info, names: [name], handle: object })
  }
  const objects: ObjectEntry[] = [...byId.values()]
    .sort((a, b) => a.info.id - b.info.id)
    .map(({ info, names }) => ({ names: names.sort(), info }))

  const { storages, memoryBlocks } = describeMemory(objects)
  const handles = new Map([...byId].map(([id, v]) => [id, v.handle]))
  return { objects, storages, memoryBlocks, handles }
}

/**
 * The storages the objects view (each once, by id) with the objects viewing each and
 * the storages overlapping it, and the memory blocks they form. Pure: tests build
 * workspaces with it as the session does.
 */
export function describeMemory(objects: readonly ObjectEntry[]): { storages: StorageEntry[]; memoryBlocks: MemoryBlockEntry[] } {
  const storageMap = new Map<number, StorageEntry>()
  for (const { info } of objects) {
    const entry = storageMap.get(info.storage.id)
    if (entry) entry.objectIds.push(info.id)
    else storageMap.set(info.storage.id, { info: info.storage, objectIds: [info.id], overlaps: [] })
  }
  const storages = [...storageMap.values()].sort((a, b) => a.info.id - b.info.id)
  markOverlaps(storages)
  return { storages, memoryBlocks: groupOverlapping(storages) }
}

/**
 * Memory blocks: storages joined by overlapping byte ranges, directly or through
 * another (from_numpy, numpy() and DLPack make new storages over the same bytes:
 * sharing is a fact about byte ranges, not storage identity). Ordered by device,
 * then address.
 */
export function groupOverlapping(storages: readonly StorageEntry[]): MemoryBlockEntry[] {
  const byId = new Map(storages.map((s) => [s.info.id, s]))
  const byAddress = [...storages].sort((a, b) =>
    a.info.device !== b.info.device ? (a.info.device < b.info.device ? -1 : 1)
      : cmp(BigInt(a.info.dataPtr), BigInt(b.info.dataPtr)) || a.info.id - b.info.id)
  const rank = new Map(byAddress.map((s, i) => [s.info.id, i]))
  const placed = new Set<number>()
  const blocks: MemoryBlockEntry[] = []
  for (const first of byAddress) {
    if (placed.has(first.info.id)) continue
    const members: StorageEntry[] = []
    const todo = [first]
    placed.add(first.info.id)
    while (todo.length) {
      const s = todo.pop()!
      members.push(s)
      for (const id of s.overlaps) {
        if (!placed.has(id)) { placed.add(id); todo.push(byId.get(id)!) }
      }
    }
    members.sort((a, b) => rank.get(a.info.id)! - rank.get(b.info.id)!)
    const base = BigInt(members[0].info.dataPtr)
    const end = members.reduce((hi, s) => { const e = BigInt(s.info.dataPtr) + BigInt(s.info.nbytes); return e > hi ? e : hi }, base)
    blocks.push({
      device: first.info.device,
      base: String(base),
      nbytes: Number(end - base),
      storageIds: members.map((s) => s.info.id),
      objectIds: members.flatMap((s) => s.objectIds).sort((a, b) => a - b)
    })
  }
  return blocks
}

function cmp(a: bigint, b: bigint): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/**
 * Two storages overlap when they are on the same device and their byte ranges
 * [dataPtr, dataPtr + nbytes) intersect. Addresses are compared as bigint since
 * they are 64-bit. Empty storages overlap nothing.
 */
export function markOverlaps(storages: StorageEntry[]): void {
  const ranges = storages.map((s) => {
    const lo = BigInt(s.info.dataPtr)
    return { s, lo, hi: lo + BigInt(s.info.nbytes) }
  })
  for (let i = 0; i < ranges.length; i++) {
    for (let j = i + 1; j < ranges.length; j++) {
      const a = ranges[i]
      const b = ranges[j]
      if (a.s.info.device !== b.s.info.device || a.s.info.nbytes === 0 || b.s.info.nbytes === 0) continue
      if (a.lo < b.hi && b.lo < a.hi) {
        a.s.overlaps.push(b.s.info.id)
        b.s.overlaps.push(a.s.info.id)
      }
    }
  }
}
