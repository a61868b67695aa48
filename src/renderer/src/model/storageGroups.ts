// The memory blocks the session sends (src/session/workspace-view.ts groups
// storages whose byte ranges overlap: from_numpy, numpy() and DLPack make *new*
// storages over the same bytes, semantics.md §71), joined to the snapshot's
// storages and objects for drawing. Nothing is regrouped here.
import type { ObjectEntry, StorageInfo, Workspace } from './types'
import { SHARER_PALETTE, sharerColor } from './cellFacts'

export interface MemoryBlock {
  key: string             // stable key: device + lowest base address + first storage
  device: string
  simulated: boolean
  pinned: boolean
  base: bigint            // lowest storage base address in the block
  nbytes: number          // span from base to the highest storage end
  storages: StorageInfo[]
  objects: ObjectEntry[]
}

export function groupByMemory(w: Pick<Workspace, 'objects' | 'storages' | 'memoryBlocks'>): MemoryBlock[] {
  const storageById = new Map(w.storages.map((s) => [s.info.id, s.info]))
  const objectById = new Map(w.objects.map((o) => [o.info.id, o]))
  return w.memoryBlocks.map((b) => {
    const storages = b.storageIds.map((id) => storageById.get(id)).filter((s): s is StorageInfo => s !== undefined)
    return {
      key: `${b.device}@${b.base}#${b.storageIds[0]}`,
      device: b.device,
      simulated: storages.some((s) => s.simulated),
      pinned: storages.some((s) => s.pinned),
      base: BigInt(b.base),
      nbytes: b.nbytes,
      storages,
      objects: b.objectIds.map((id) => objectById.get(id)).filter((o): o is ObjectEntry => o !== undefined)
    }
  })
}

/** Byte offset of an object's element 0 from its block's base. */
export function byteOffsetInBlock(block: MemoryBlock, o: ObjectEntry): number {
  return Number(BigInt(o.info.storage.dataPtr) - block.base) + o.info.byteOffset
}

export function blockOf(blocks: readonly MemoryBlock[], name: string): MemoryBlock | undefined {
  return blocks.find((b) => b.objects.some((o) => o.names.includes(name)))
}

/** A fixed palette (Okabe–Ito, distinct under colour-vision deficiencies): each object keeps its colour while it lives. */
const PALETTE = SHARER_PALETTE

export function objectColor(name: string, names: readonly string[]): string {
  const i = names.indexOf(name)
  return PALETTE[(i < 0 ? hashName(name) : i) % PALETTE.length]
}

function hashName(s: string): number {
  let h = 0
  for (let i = 0; i < s.length; i++) h = (h * 31 + s.charCodeAt(i)) >>> 0
  return h
}

/**
 * Outline colours of a block's objects: each its workspace colour (objectColor),
 * except that two objects of one block never share one (the later takes the next free).
 */
export function blockColors(blockNames: readonly string[], names: readonly string[], dark: boolean): string[] {
  const used = new Set<string>()
  return blockNames.map((n) => {
    const want = objectColor(n, names)
    let i = PALETTE.indexOf(want)
    for (let k = 0; k < PALETTE.length && used.has(PALETTE[i]); k++) i = (i + 1) % PALETTE.length
    const c = used.has(PALETTE[i]) ? sharerColor(PALETTE.length, dark) : PALETTE[i]
    used.add(c)
    return c
  })
}
