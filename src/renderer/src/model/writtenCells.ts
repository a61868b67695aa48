// Write flashes from the op log: each in-place operation's record says which
// elements it wrote, as a strided walk from an address, or runs of addresses for
// a write through an index or mask (`wrote`). The views
// flash the bytes of those elements: on the memory wall in every block that
// holds them, in the logical view in every object whose elements cover them —
// the written object, any alias over the same bytes (from_numpy makes a new
// storage over them), and never a clone (other bytes).
import { elementOffsets } from './footprint'
import { writtenOffsets } from '../../../shared/element-offsets'
import type { OpRecord, Workspace } from './types'

export type Written = NonNullable<OpRecord['wrote']>

/** Most elements of one write walked for a flash (a bigger write flashes its first ones). */
export const MAX_FLASH_WALK = 1 << 22
/** Largest object span (bytes) marked to find which of its elements a write reached. */
const MAX_MARK_BYTES = 1 << 28

/** The writes recorded since `prev` (none on the first snapshot: nothing was seen being written). */
export function newWrites(prev: Workspace, next: Workspace): Written[] {
  if (prev.revision === 0 && prev.opsTotal === 0 && prev.objects.length === 0) return []
  // The op log restarts at 0 when the session is reset.
  const from = next.opsTotal < prev.opsTotal ? 0 : prev.opsTotal
  return next.ops.filter((o) => o.seq >= from && o.wrote).map((o) => o.wrote!)
}

/** Byte ranges [start, end) of `writes` inside the memory from `base` over `nbytes` bytes on `device`, merged. */
export function writtenRanges(writes: readonly Written[], device: string, base: bigint, nbytes: number): Array<[number, number]> {
  const out: Array<[number, number]> = []
  for (const w of writes) {
    if (w.device !== device) continue
    const at = Number(BigInt(w.dataPtr) - base)
    const offs = writtenOffsets(w, at, MAX_FLASH_WALK)
    for (const a of offs) {
      const s = Math.max(0, a), e = Math.min(nbytes, a + w.itemsize)
      if (e <= s) continue
      const last = out[out.length - 1]
      if (last && s >= last[0] && s <= last[1]) last[1] = Math.max(last[1], e)
      else out.push([s, e])
    }
  }
  return out
}

/** The object `o` as a walk: element 0's address and its byte strides. */
export interface Walked {
  device: string
  dataPtr: string
  shape: number[]
  byteStrides: number[]
  itemsize: number
}

/** C-order flat indices of `o`'s elements whose bytes any of `writes` reached (at most `limit`). */
export function writtenElements(o: Walked, writes: readonly Written[], limit = 1 << 16): number[] {
  let lo = 0, hi = 0
  o.shape.forEach((n, d) => { const e = (n - 1) * o.byteStrides[d]; if (e < 0) lo += e; else hi += e })
  if (o.shape.some((n) => n === 0)) return []
  const span = hi - lo + o.itemsize
  if (span > MAX_MARK_BYTES) return []
  // Marks of the written bytes over o's span (byte 0 = o's lowest byte).
  let marks: Uint8Array | null = null
  for (const w of writes) {
    if (w.device !== o.device) continue
    const at = Number(BigInt(w.dataPtr) - BigInt(o.dataPtr)) - lo
    for (const a of writtenOffsets(w, at, MAX_FLASH_WALK)) {
      const s = Math.max(0, a), e = Math.min(span, a + w.itemsize)
      if (e <= s) continue
      marks ??= new Uint8Array(span)
      marks.fill(1, s, e)
    }
  }
  if (!marks) return []
  const out: number[] = []
  const offs = elementOffsets(o, -lo, MAX_FLASH_WALK)
  for (let f = 0; f < offs.length && out.length < limit; f++) {
    for (let b = offs[f]; b < offs[f] + o.itemsize; b++) if (marks[b]) { out.push(f); break }
  }
  return out
}
