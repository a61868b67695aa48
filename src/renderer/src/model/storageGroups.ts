// Groups workspace objects by the memory they view. from_numpy, numpy() and
// DLPack make *new* storage objects over the same bytes (semantics.md §71:
// "compare byte ranges, not storage identity"), so objects are grouped by
// overlapping byte ranges of their storages on one device, not by storage id.
import type { ObjectEntry, StorageInfo } from './types'

export interface MemoryBlock {
  key: string             // stable key: device + lowest base address
  device: string
  simulated: boolean
  pinned: boolean
  base: bigint            // lowest storage base address in the block
  nbytes: number          // span from base to the highest storage end
  storages: StorageInfo[]
  objects: ObjectEntry[]
}

export function groupByMemory(objects: readonly ObjectEntry[]): MemoryBlock[] {
  // Distinct storages (by id), then merge overlapping [base, base+nbytes) ranges per device.
  const byId = new Map<number, StorageInfo>()
  for (const o of objects) byId.set(o.info.storage.id, o.info.storage)
  const storages = [...byId.values()].sort((a, b) =>
    a.device === b.device ? cmpBig(BigInt(a.dataPtr), BigInt(b.dataPtr)) : a.device < b.device ? -1 : 1)

  const blocks: MemoryBlock[] = []
  const blockOfStorage = new Map<number, MemoryBlock>()
  let cur: MemoryBlock | null = null
  let curEnd = 0n
  for (const s of storages) {
    const base = BigInt(s.dataPtr)
    const end = base + BigInt(s.nbytes)
    // Zero-byte storages never overlap anything: each gets its own block.
    const overlaps = cur !== null && cur.device === s.device && s.nbytes > 0 && cur.nbytes > 0 && base < curEnd
    if (!overlaps) {
      cur = { key: `${s.device}@${s.dataPtr}#${s.id}`, device: s.device, simulated: s.simulated, pinned: s.pinned,
        base, nbytes: s.nbytes, storages: [], objects: [] }
      curEnd = end
      blocks.push(cur)
    } else if (cur) {
      if (end > curEnd) curEnd = end
      cur.nbytes = Number(curEnd - cur.base)
      cur.pinned = cur.pinned || s.pinned
    }
    cur!.storages.push(s)
    blockOfStorage.set(s.id, cur!)
  }
  for (const o of objects) blockOfStorage.get(o.info.storage.id)!.objects.push(o)
  return blocks
}

/** Byte offset of an object's element 0 from its block's base. */
export function byteOffsetInBlock(block: MemoryBlock, o: ObjectEntry): number {
  return Number(BigInt(o.info.storage.dataPtr) - block.base) + o.info.byteOffset
}

export function blockOf(blocks: readonly MemoryBlock[], name: string): MemoryBlock | undefined {
  return blocks.find((b) => b.objects.some((o) => o.names.includes(name)))
}

function cmpBig(a: bigint, b: bigint): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/** A fixed palette: each object keeps its colour while it lives (by name hash). */
const PALETTE = ['#4e9af1', '#f28e2b', '#59a14f', '#e15759', '#b07aa1', '#edc948', '#76b7b2', '#ff9da7', '#9c755f', '#bab0ac']

export function objectColor(name: string, names: readonly string[]): string {
  const i = names.indexOf(name)
  return PALETTE[(i < 0 ? hashName(name) : i) % PALETTE.length]
}

function hashName(s: string): number {
  let h = 0
  for (let i = 0; i < s.length; i++) h = (h * 31 + s.charCodeAt(i)) >>> 0
  return h
}
