// One buffer, one id. from_numpy, numpy() and DLPack make a new storage object over
// bytes another storage already holds (each library keeps its own), so several storage
// ids can name one buffer. What the user reads names the buffer: the lowest storage id
// of the memory block (storages joined by overlapping bytes, as the session groups them).
import type { MemoryBlockEntry } from './workspace-protocol'

type Blocks = readonly Pick<MemoryBlockEntry, 'storageIds'>[]

/** The id of the buffer a memory block's storages make. */
export function blockBufferId(storageIds: readonly number[]): number {
  return Math.min(...storageIds)
}

/** Storage id -> the id of the buffer it belongs to. */
export function bufferIds(blocks: Blocks): Map<number, number> {
  const out = new Map<number, number>()
  for (const b of blocks) {
    const id = blockBufferId(b.storageIds)
    for (const s of b.storageIds) out.set(s, id)
  }
  return out
}

/** The buffer id of one storage (itself when it is in no block). */
export function bufferIdOf(storageId: number, blocks: Blocks): number {
  return bufferIds(blocks).get(storageId) ?? storageId
}
