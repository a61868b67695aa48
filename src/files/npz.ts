// .npz: a zip of .npy members (np.savez stores them, np.savez_compressed deflates them).
// Reading gives one entry per member, keyed as NpzFile does ('x.npy' -> 'x'); each
// member has its own storage, since NumPy loads every member into its own buffer.
import { Zip, ZipDeflate, ZipPassThrough } from 'fflate'
import { FileByteSource, MemoryByteSource, type ByteSource } from './byte-source'
import type { FileDescription, FileEntry, FileStorage } from './description'
import { fail } from './errors'
import { startsWithNpyMagic } from './npy-header'
import { describeNpySource } from './npy-read'
import { encodeNpy, type ArrayToSave } from './npy-write'
import { checkStop } from './stop-check'
import { ZipReader, type ZipReadOptions } from './zip-read'

export function describeNpzSource(src: ByteSource, opts: ZipReadOptions = {}, onClose: () => void = () => {}): FileDescription {
  const zip = new ZipReader(src, opts)
  const entries: FileEntry[] = []
  const storages: FileStorage[] = []
  const warnings: string[] = []
  // zipfile answers a repeated name with its last member; NpzFile does the same.
  const last = new Map(zip.members.map((m) => [m.name, m]))
  if (last.size !== zip.members.length) warnings.push('the archive repeats member names: the last of each is used, as zipfile does')
  for (const m of last.values()) {
    checkStop() // each member may be read and inflated
    if (m.name.endsWith('/')) continue
    const { source, lazy } = zip.open(m)
    const head = source.read(0, Math.min(6, source.size))
    if (!startsWithNpyMagic(head)) {
      // NpzFile hands such members back as raw bytes; they hold no array.
      warnings.push(`member ${m.name} is not an .npy array (NpzFile returns its raw bytes)`)
      continue
    }
    const name = m.name.endsWith('.npy') ? m.name.slice(0, -4) : m.name
    const { entry, storage } = describeNpySource(source, { name, storageKey: m.name, mmap: false, streamed: true })
    storage.lazy = lazy
    entries.push(entry)
    storages.push(storage)
  }
  return { format: 'npz', entries, storages, metadata: {}, warnings, close: onClose }
}

export function readNpzFile(path: string, opts: ZipReadOptions = {}): FileDescription {
  const file = FileByteSource.open(path)
  try {
    return describeNpzSource(file, opts, () => file.close())
  } catch (e) {
    file.close()
    throw e
  }
}

export function describeNpzBytes(bytes: Uint8Array, opts: ZipReadOptions = {}): FileDescription {
  return describeNpzSource(new MemoryByteSource(bytes), opts)
}

/**
 * The bytes np.savez (or np.savez_compressed) writes for positional arrays (named
 * arr_0, arr_1, ...) and keyword arrays, in that order.
 */
export function encodeNpz(positional: ArrayToSave[], named: Record<string, ArrayToSave> = {}, opts: { compressed?: boolean } = {}): Uint8Array {
  const members: Array<[string, ArrayToSave]> = []
  positional.forEach((a, i) => {
    const key = `arr_${i}`
    if (key in named) fail('ValueError', `Cannot use un-named variables and keyword ${key}`)
    members.push([`${key}.npy`, a])
  })
  for (const [key, a] of Object.entries(named)) members.push([`${key}.npy`, a])
  // Streamed a piece at a time with a stop poll between pieces: deflating a gigabyte takes
  // minutes (np.savez_compressed), and Stop must reach it. Sizes go in data descriptors after
  // each member, which zipfile (np.load) reads as it reads those zipSync writes.
  const chunks: Uint8Array[] = []
  const zip = new Zip((err, chunk) => {
    if (err) throw err
    chunks.push(chunk)
  })
  for (const [name, a] of members) {
    const bytes = encodeNpy(a).bytes
    const file = opts.compressed ? new ZipDeflate(name, { level: 6 }) : new ZipPassThrough(name)
    zip.add(file)
    if (bytes.length === 0) file.push(bytes, true)
    for (let at = 0; at < bytes.length; at += ZIP_PIECE) {
      if (at > 0) checkStop()
      file.push(bytes.subarray(at, Math.min(bytes.length, at + ZIP_PIECE)), at + ZIP_PIECE >= bytes.length)
    }
  }
  zip.end()
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0))
  let at = 0
  for (const c of chunks) {
    out.set(c, at)
    at += c.length
  }
  return out
}

/** Bytes of a member compressed between two stop polls (~50 ms of deflate). */
const ZIP_PIECE = 1 << 20
