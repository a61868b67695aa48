// Reading zip archives (.npz, torch.save files) without loading them whole: the central
// directory is parsed from the end of the file (zip64 included), stored members become
// lazy slices of the file, and deflated members are inflated by fflate in bounded
// steps, so a zip bomb stops at the size cap instead of filling memory.
// Errors are zipfile's BadZipFile; the .pt reader re-labels them as torch does.
import { Inflate } from 'fflate'
import { MemoryByteSource, type ByteSource } from './byte-source'
import { crc32 } from './crc32'
import { fail, type FileErrorType } from './errors'
import { STOP_CHECK_ITEMS, checkStop, sortPolling } from './stop-check'

export interface ZipMember {
  name: string
  /** 0 stored, 8 deflate. */
  method: number
  flags: number
  crc32: number
  compressedSize: number
  uncompressedSize: number
  localHeaderOffset: number
  /**
   * Where the member's bytes must end: the next member's local header, or the central
   * directory for the last one (zipfile's _end_offset; two entries over the same bytes overlap).
   */
  endOffset: number
}

export interface ZipReadOptions {
  /** Cap on the bytes all members may extract to, together (deflated ones inflated, stored ones as they are). */
  maxInflatedBytes?: number
  /** Stored members at least this big stay on disk as lazy slices (no CRC pass). */
  lazyStoredBytes?: number
  maxMembers?: number
}

export const DEFAULT_MAX_INFLATED = 1 << 30
const INFLATE_STEP = 1 << 14 // compressed bytes per push: bounds each push's output (≤ ~1032:1)

const SIG_EOCD = 0x06054b50
const SIG_EOCD64 = 0x06064b50
const SIG_EOCD64_LOCATOR = 0x07064b50
const SIG_CENTRAL = 0x02014b50
const SIG_LOCAL = 0x04034b50

export class ZipReader {
  readonly members: ZipMember[] = []
  private readonly byName = new Map<string, ZipMember>()
  private inflatedSoFar = 0
  private readonly maxInflated: number
  private readonly lazyStored: number

  constructor(private readonly src: ByteSource, opts: ZipReadOptions = {}, private readonly errType: FileErrorType = 'BadZipFile') {
    this.maxInflated = opts.maxInflatedBytes ?? DEFAULT_MAX_INFLATED
    this.lazyStored = opts.lazyStoredBytes ?? 64 * 1024 * 1024
    this.readDirectory(opts.maxMembers ?? 1_000_000)
  }

  private bad(msg: string): never {
    return fail(this.errType, msg)
  }

  private readDirectory(maxMembers: number): void {
    const size = this.src.size
    if (size < 22) this.bad('File is not a zip file')
    const tailLen = Math.min(size, 22 + 0xffff)
    const tail = this.src.read(size - tailLen, tailLen)
    const tv = new DataView(tail.buffer, tail.byteOffset, tail.byteLength)
    let eocd = -1
    for (let p = tailLen - 22; p >= 0; p--) {
      if (tv.getUint32(p, true) === SIG_EOCD && p + 22 + tv.getUint16(p + 20, true) <= tailLen) { eocd = p; break }
    }
    if (eocd < 0) this.bad('File is not a zip file')
    let count = tv.getUint16(eocd + 10, true)
    let cdSize = tv.getUint32(eocd + 12, true)
    let cdOffset = tv.getUint32(eocd + 16, true)
    const eocdAbs = size - tailLen + eocd
    if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
      // zip64: a locator sits right before the end record and points at the zip64 end record.
      if (eocdAbs < 20) this.bad('File is not a zip file')
      const loc = this.view(eocdAbs - 20, 20)
      if (loc.getUint32(0, true) === SIG_EOCD64_LOCATOR) {
        const at = this.u64(loc, 8)
        if (at + 56 > size) this.bad('Corrupt zip64 end of central directory locator')
        const e64 = this.view(at, 56)
        if (e64.getUint32(0, true) !== SIG_EOCD64) this.bad('Corrupt zip64 end of central directory record')
        count = this.u64(e64, 32)
        cdSize = this.u64(e64, 40)
        cdOffset = this.u64(e64, 48)
      }
    }
    if (cdOffset + cdSize > size) this.bad('Bad offset for central directory')
    if (count > maxMembers || count * 46 > cdSize) this.bad(`Bad central directory: ${count} entries in ${cdSize} bytes`)
    const cd = this.src.read(cdOffset, cdSize)
    const dv = new DataView(cd.buffer, cd.byteOffset, cd.byteLength)
    let p = 0
    for (let i = 0; i < count; i++) {
      if (i % STOP_CHECK_ITEMS === STOP_CHECK_ITEMS - 1) checkStop()
      if (p + 46 > cdSize || dv.getUint32(p, true) !== SIG_CENTRAL) this.bad('Bad magic number for central directory')
      const flags = dv.getUint16(p + 8, true)
      const method = dv.getUint16(p + 10, true)
      const crc = dv.getUint32(p + 16, true)
      let csize = dv.getUint32(p + 20, true)
      let usize = dv.getUint32(p + 24, true)
      const nameLen = dv.getUint16(p + 28, true)
      const extraLen = dv.getUint16(p + 30, true)
      const commentLen = dv.getUint16(p + 32, true)
      let lho = dv.getUint32(p + 42, true)
      const end = p + 46 + nameLen + extraLen + commentLen
      if (end > cdSize) this.bad('Truncated central directory')
      const nameBytes = cd.subarray(p + 46, p + 46 + nameLen)
      let name = ''
      if (flags & 0x800) name = new TextDecoder().decode(nameBytes)
      else for (const b of nameBytes) name += String.fromCharCode(b) // cp437 agrees with latin1 on ASCII
      // zip64 extra field: 64-bit values for whichever of the 32-bit fields are saturated.
      let e = p + 46 + nameLen
      const eEnd = e + extraLen
      while (e + 4 <= eEnd) {
        const id = dv.getUint16(e, true)
        const len = dv.getUint16(e + 2, true)
        if (e + 4 + len > eEnd) break
        if (id === 0x0001) {
          let q = e + 4
          const take = (): number => {
            if (q + 8 > e + 4 + len) this.bad('Corrupt extra field 0001')
            const v = this.u64(dv, q)
            q += 8
            return v
          }
          if (usize === 0xffffffff) usize = take()
          if (csize === 0xffffffff) csize = take()
          if (lho === 0xffffffff) lho = take()
        }
        e += 4 + len
      }
      const m: ZipMember = { name, method, flags, crc32: crc, compressedSize: csize, uncompressedSize: usize, localHeaderOffset: lho, endOffset: cdOffset }
      this.members.push(m)
      this.byName.set(name, m)
      p = end
    }
    // As zipfile does (CPython 3.12+): each member ends where the next one's header starts, so
    // entries that point into the same bytes (one member listed 34,000 times) are refused on open.
    // A stable sort, walked from the end: of two entries at one offset the first listed keeps its bytes.
    let endOffset = cdOffset
    const byOffset = sortPolling(this.members.map((m, i) => [m, i] as const), (a, b) => b[0].localHeaderOffset - a[0].localHeaderOffset || a[1] - b[1])
    for (const [m] of byOffset) {
      m.endOffset = endOffset
      endOffset = m.localHeaderOffset
    }
  }

  private view(at: number, len: number): DataView {
    const b = this.src.read(at, len)
    return new DataView(b.buffer, b.byteOffset, b.byteLength)
  }

  private u64(dv: DataView, at: number): number {
    const v = dv.getBigUint64(at, true)
    if (v > BigInt(Number.MAX_SAFE_INTEGER)) this.bad('zip64 field out of range')
    return Number(v)
  }

  get(name: string): ZipMember | undefined {
    return this.byName.get(name)
  }

  /** Where a member's compressed bytes begin (after its local header). */
  dataOffset(m: ZipMember): number {
    if (m.localHeaderOffset + 30 > this.src.size) this.bad('Truncated file header')
    const lh = this.view(m.localHeaderOffset, 30)
    if (lh.getUint32(0, true) !== SIG_LOCAL) this.bad('Bad magic number for file header')
    const start = m.localHeaderOffset + 30 + lh.getUint16(26, true) + lh.getUint16(28, true)
    if (start + m.compressedSize > this.src.size) this.bad(`Truncated data for member ${m.name}`)
    if (start + m.compressedSize > m.endOffset) this.bad(`Overlapped entries: ${pyStr(m.name)} (possible zip bomb)`)
    return start
  }

  /** The member's uncompressed bytes: a lazy slice when stored and large, else in memory. */
  open(m: ZipMember): { source: ByteSource; lazy: boolean } {
    if (m.flags & 0x1) fail('NotImplementedError', `File ${m.name} is encrypted, password required for extraction`)
    const start = this.dataOffset(m)
    if (m.method === 0) {
      if (m.compressedSize !== m.uncompressedSize) this.bad(`Bad sizes for stored member ${m.name}: ${m.compressedSize} != ${m.uncompressedSize}`)
      // Stored bytes count against the same cap as inflated ones: each open can make a copy.
      if (m.compressedSize > this.maxInflated - this.inflatedSoFar) this.overCap(m)
      this.inflatedSoFar += m.compressedSize
      const slice = this.src.slice(start, m.compressedSize)
      if (m.compressedSize >= this.lazyStored) return { source: slice, lazy: true }
      const bytes = slice.read(0, slice.size)
      this.checkCrc(m, bytes)
      return { source: new MemoryByteSource(bytes), lazy: false }
    }
    if (m.method !== 8) fail('NotImplementedError', 'That compression method is not supported')
    return { source: new MemoryByteSource(this.inflate(m, start)), lazy: false }
  }

  private checkCrc(m: ZipMember, bytes: Uint8Array): void {
    if (crc32(bytes) !== m.crc32) this.bad(`Bad CRC-32 for file ${pyStr(m.name)}`)
  }

  private overCap(m: ZipMember): never {
    const how = m.method === 0 ? 'takes the bytes read from this file' : 'inflates'
    return fail('ValueError', `zip member '${m.name}' ${how} past the limit of ${this.maxInflated} bytes for this file (zip bomb?)`)
  }

  private inflate(m: ZipMember, start: number): Uint8Array {
    const limit = this.maxInflated - this.inflatedSoFar
    const bomb = (): never => this.overCap(m)
    if (m.uncompressedSize > limit) bomb()
    // Output is kept in the chunks the inflater hands over, so memory follows what the
    // stream really produces (not what a lying header declares); a stream that passes its
    // declared size (a lying header or a bomb) is stopped at the first step that does.
    const chunks: Uint8Array[] = []
    let written = 0
    let overflow = false
    let ended = false
    const inf = new Inflate((chunk, final) => {
      if (overflow) return
      if (written + chunk.length > m.uncompressedSize) { overflow = true; return }
      chunks.push(chunk.slice())
      written += chunk.length
      if (final) ended = true
    })
    for (let p = 0; p < m.compressedSize && !overflow && !ended; p += INFLATE_STEP) {
      // Up to a gigabyte of output: the stop request is polled between steps (outside the
      // try, which would take a KeyboardInterrupt for a corrupt stream).
      if (p > 0) checkStop()
      const n = Math.min(INFLATE_STEP, m.compressedSize - p)
      const piece = this.src.read(start + p, n)
      try {
        inf.push(piece, p + n >= m.compressedSize)
      } catch (e) {
        this.bad(`Error -3 while decompressing data: ${(e as Error).message} (member ${m.name})`)
      }
    }
    if (overflow) {
      if (m.uncompressedSize >= limit) bomb()
      this.bad(`Bad CRC-32 for file '${m.name}': it inflates to more than its declared ${m.uncompressedSize} bytes`)
    }
    if (written !== m.uncompressedSize) this.bad(`Compressed file ended before the end-of-stream marker was reached (member ${m.name}: ${written} of ${m.uncompressedSize} bytes)`)
    this.inflatedSoFar += written
    const out = new Uint8Array(written)
    let at = 0
    for (const c of chunks) { out.set(c, at); at += c.length }
    this.checkCrc(m, out)
    return out
  }
}

/** A name as Python's repr of a str shows it (zipfile's messages use !r). */
function pyStr(name: string): string {
  return JSON.stringify(name).replace(/^"|"$/g, "'")
}
