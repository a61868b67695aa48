// The plain description of what a tensor file holds: entries (one per array/tensor)
// over storages (byte buffers, in memory or read lazily from disk). This is what the
// CLI prints, what the app lists, and what the runner turns into engine objects.
import type { DTypeName } from '../engine/types'
import type { ByteSource } from './byte-source'
import { forEachElementOffset } from '../shared/element-offsets'
import { byteExtent, product } from './layout'
import { STOP_CHECK_ITEMS, checkStop, sortPolling } from './stop-check'

export type FileFormat = 'npy' | 'npz' | 'safetensors' | 'pt'

export interface FileEntry {
  /** Key in the file: 'arr_0' in an .npz, 'model.layer.weight' for a nested checkpoint. */
  name: string
  kind: 'ndarray' | 'tensor'
  /** The engine dtype, or null when the engine has none for it (see `unsupported`). */
  dtype: DTypeName | null
  /** The dtype as the file spells it: '<f8', 'F32', 'FloatStorage', '|S3'. */
  dtypeText: string
  /** Why dtype is null ('float8_e4m3fn has no engine dtype'); absent when supported. */
  unsupported?: string
  itemsize: number
  shape: number[]
  /** Byte strides (NumPy's .strides); a tensor's element strides are these / itemsize. */
  strides: number[]
  /** Bytes from the start of the storage to element 0. */
  byteOffset: number
  storageKey: string
  /** '<' little, '>' big, '|' not applicable (one-byte items). */
  byteOrder: '<' | '>' | '|'
  /** The file's fortran_order flag (.npy); false elsewhere. */
  fortranOrder: boolean
  /** What the library hands back: np.load(mmap_mode='r') gives read-only arrays. */
  readOnly: boolean
  requiresGrad: boolean
  /** Names of the other entries whose bytes overlap this one's (same storage), at most MAX_SHARES_LISTED. */
  sharesWith: string[]
  /** How many more entries' byte ranges overlap this one's, past those listed (absent: none). */
  sharesWithMore?: number
}

export interface FileStorage {
  key: string
  nbytes: number
  /** Reads the storage's bytes; for big files these stay on disk until read. */
  source: ByteSource
  /** True when the bytes are read from disk on demand (mmap_mode='r' semantics). */
  lazy: boolean
  /** Where the file says the storage lived ('cpu', 'cuda:0'); undefined for NumPy files. */
  location?: string
}

export interface FileDescription {
  format: FileFormat
  entries: FileEntry[]
  storages: FileStorage[]
  /** safetensors __metadata__, .pt version/byteorder records. */
  metadata: Record<string, string>
  /** Things the file does that its own library would refuse or warn about. */
  warnings: string[]
  /** Releases the file descriptor of lazy storages. */
  close(): void
}

export function entryNumel(e: Pick<FileEntry, 'shape'>): number {
  return product(e.shape)
}

// Exact overlap is checked by marking bytes when both views are small enough; past
// these limits "shares with" falls back to overlapping bounds (np.may_share_memory).
const EXACT_MAX_ELEMENTS = 1 << 22
const EXACT_MAX_WINDOW = 1 << 26

function markBytes(e: FileEntry, lo: number, hi: number, into: Uint8Array): void {
  forEachElementOffset(e.shape, e.strides, e.byteOffset, (off) => {
    for (let b = Math.max(off, lo); b < Math.min(off + e.itemsize, hi); b++) into[b - lo] = 1
  })
}

function touchesMarked(e: FileEntry, lo: number, hi: number, marks: Uint8Array): boolean {
  let hit = false
  forEachElementOffset(e.shape, e.strides, e.byteOffset, (off) => {
    for (let b = Math.max(off, lo); b < Math.min(off + e.itemsize, hi); b++) if (marks[b - lo]) { hit = true; return false }
  })
  return hit
}

/**
 * Every byte between the first and the last element is some element's byte: the
 * dims (size > 1) sorted by |stride| tile memory exactly. Comparing the extent with
 * numel·itemsize is not enough: stride 0 repeats bytes ([3, 3] with strides [0, 4]
 * and itemsize 1 spans 9 bytes and touches 3 of them).
 */
function isDense(e: FileEntry): boolean {
  const dims = e.shape.map((n, i) => ({ n, s: Math.abs(e.strides[i]) })).filter((d) => d.n > 1).sort((x, y) => x.s - y.s)
  let expected = e.itemsize
  for (const d of dims) {
    if (d.s !== expected) return false
    expected *= d.n
  }
  return true
}

export function entriesOverlap(a: FileEntry, b: FileEntry): boolean {
  if (a.storageKey !== b.storageKey) return false
  const ea = byteExtent(a.shape, a.strides, a.itemsize, a.byteOffset)
  const eb = byteExtent(b.shape, b.strides, b.itemsize, b.byteOffset)
  if (ea === null || eb === null) return false
  const lo = Math.max(ea.lo, eb.lo)
  const hi = Math.min(ea.hi, eb.hi)
  if (lo >= hi) return false
  // A dense view touches every byte of its extent, and a view always touches the first and
  // last byte of its own: either end inside the other's dense extent is a shared byte.
  const inside = (p: number, x: { lo: number; hi: number }) => p >= x.lo && p < x.hi
  if (isDense(a) && (inside(eb.lo, ea) || inside(eb.hi - 1, ea))) return true
  if (isDense(b) && (inside(ea.lo, eb) || inside(ea.hi - 1, eb))) return true
  if (isDense(a) && isDense(b)) return false
  if (entryNumel(a) > EXACT_MAX_ELEMENTS || entryNumel(b) > EXACT_MAX_ELEMENTS || hi - lo > EXACT_MAX_WINDOW) return true
  const marks = new Uint8Array(hi - lo)
  markBytes(a, lo, hi, marks)
  return touchesMarked(b, lo, hi, marks)
}

/** The sharesWith of an entry that shares no bytes: one frozen array for all of them (a file may list a million). */
export const NO_SHARES: string[] = Object.freeze([]) as unknown as string[]

/** Names listed per entry: a hostile file can make every pair of 20,000 tensors overlap. */
export const MAX_SHARES_LISTED = 16
/** Neighbours (by start offset) checked exactly per entry; past them, byte ranges count. */
const MAX_EXACT_CHECKS = 256

/** Index of the first element of sorted `xs` that is >= v (> v when `strict`). */
function lowerBound(xs: Float64Array, v: number, strict: boolean): number {
  let lo = 0
  let hi = xs.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (strict ? xs[mid] <= v : xs[mid] < v) lo = mid + 1
    else hi = mid
  }
  return lo
}

/** The entries grouped by storage, in order within each. */
function byStorage(entries: FileEntry[]): FileEntry[][] {
  const groups = new Map<string, FileEntry[]>()
  for (const e of entries) {
    let list = groups.get(e.storageKey)
    if (list === undefined) groups.set(e.storageKey, (list = []))
    list.push(e)
  }
  return [...groups.values()]
}

/**
 * Fills every entry's sharesWith from byte ranges over the same storage, in O(n log n) for n
 * entries: entries sorted by first byte, each checked exactly against the next few that start
 * inside its range, and the rest counted from the sorted bounds (sharesWithMore).
 */
export function computeSharing(entries: FileEntry[]): void {
  // No object per entry here beyond what it keeps (a million entries: V8's pauses to collect
  // short-lived ones would outlast Stop's wait): byte ranges in number columns, an entry's
  // neighbours by index, and a list of names only for an entry that shares.
  // Entries grouped by storage; most files have one, and then the entries are the group.
  let mixed = false
  for (let i = 0; i < entries.length; i++) {
    if (i % STOP_CHECK_ITEMS === STOP_CHECK_ITEMS - 1) checkStop() // a million tensors take seconds here
    const e = entries[i]
    if (e.sharesWith.length) e.sharesWith = NO_SHARES
    if (e.sharesWithMore !== undefined) delete e.sharesWithMore
    if (e.storageKey !== entries[0].storageKey) mixed = true
  }
  for (const list of mixed ? byStorage(entries) : [entries]) {
    // The entries (indices into `list`) that cover bytes, sorted by first byte, then last.
    const los = new Float64Array(list.length)
    const his = new Float64Array(list.length)
    let covering = 0
    for (let i = 0; i < list.length; i++) {
      if (i % STOP_CHECK_ITEMS === STOP_CHECK_ITEMS - 1) checkStop()
      const e = list[i]
      const x = byteExtent(e.shape, e.strides, e.itemsize, e.byteOffset)
      if (x === null || x.hi <= x.lo) continue
      los[i] = x.lo
      his[i] = x.hi
      covering++
    }
    if (covering < 2) continue
    const items: number[] = new Array(covering)
    for (let i = 0, k = 0; i < list.length; i++) if (his[i] > los[i]) items[k++] = i
    sortPolling(items, (a, b) => los[a] - los[b] || his[a] - his[b])
    /** Each sharing entry's neighbours found so far, by index into `list` (at most MAX_SHARES_LISTED). */
    const listed = new Map<number, number[]>()
    const count = (i: number) => listed.get(i)?.length ?? 0
    const add = (i: number, other: number) => {
      const l = listed.get(i)
      if (l === undefined) listed.set(i, [other])
      else if (l.length < MAX_SHARES_LISTED) l.push(other)
    }
    for (let k = 0; k < items.length; k++) {
      if (k % STOP_CHECK_ITEMS === STOP_CHECK_ITEMS - 1) checkStop()
      const a = items[k]
      for (let j = k + 1, checks = 0; j < items.length && los[items[j]] < his[a] && checks < MAX_EXACT_CHECKS; j++, checks++) {
        const b = items[j]
        if (count(a) >= MAX_SHARES_LISTED && count(b) >= MAX_SHARES_LISTED) continue
        if (!entriesOverlap(list[a], list[b])) continue
        add(a, b)
        add(b, a)
      }
    }
    if (listed.size === 0) continue
    // Entries whose range meets [lo, hi): those starting before hi, less those ending by lo.
    const sortedLos = Float64Array.from(items, (i) => los[i]).sort()
    const sortedHis = Float64Array.from(items, (i) => his[i]).sort()
    let k = 0
    for (const [i, others] of listed) {
      if (++k % STOP_CHECK_ITEMS === 0) checkStop()
      const e = list[i]
      e.sharesWith = others.sort((p, q) => p - q).map((o) => list[o].name)
      if (others.length < MAX_SHARES_LISTED) continue
      const more = lowerBound(sortedLos, his[i], false) - lowerBound(sortedHis, los[i], true) - 1 - others.length
      if (more > 0) e.sharesWithMore = more
    }
  }
}

/**
 * A tensor's element strides and storage offset (what torch reports), or null when the
 * byte layout is not a whole number of elements (possible for NumPy arrays only).
 */
export function elementLayout(e: Pick<FileEntry, 'strides' | 'byteOffset' | 'itemsize'>): { strides: number[]; storageOffset: number } | null {
  if (e.itemsize === 0 || e.byteOffset % e.itemsize !== 0 || e.strides.some((s) => s % e.itemsize !== 0)) return null
  return { strides: e.strides.map((s) => s / e.itemsize), storageOffset: e.byteOffset / e.itemsize }
}
