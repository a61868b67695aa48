// Builds the plain workspace description (named objects, the storages they view,
// and which storages share bytes) from the runner's live variables.
import type { ObjectInfo } from '../engine/types'
import type { ObjectEntry, StorageEntry } from '../shared/protocol'
import type { SessionObject } from './runner-port'

export interface LiveObjects {
  objects: ObjectEntry[]
  storages: StorageEntry[]
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

  const storageMap = new Map<number, StorageEntry>()
  for (const { info } of objects) {
    const entry = storageMap.get(info.storage.id)
    if (entry) entry.objectIds.push(info.id)
    else storageMap.set(info.storage.id, { info: info.storage, objectIds: [info.id], overlaps: [] })
  }
  const storages = [...storageMap.values()].sort((a, b) => a.info.id - b.info.id)
  markOverlaps(storages)
  const handles = new Map([...byId].map(([id, v]) => [id, v.handle]))
  return { objects, storages, handles }
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
