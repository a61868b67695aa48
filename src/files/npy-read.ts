// Reading one .npy: the header, then a storage over the data bytes. The array is a view
// of that storage with C or F strides, exactly as np.load builds it (fortran_order
// files come back F-ordered, big-endian data comes back marked '>', not swapped).
import { FileByteSource, MemoryByteSource, type ByteSource } from './byte-source'
import type { FileDescription, FileEntry, FileStorage } from './description'
import { fail } from './errors'
import { cStrides, fStrides } from './layout'
import { readNpyHeader, MAX_HEADER_SIZE, type NpyHeader } from './npy-header'

/** Files above this size are read lazily and read-only, as np.load(mmap_mode='r'). */
export const DEFAULT_MMAP_LIMIT = 64 * 1024 * 1024

export interface NpyReadOptions {
  /** Entry name; '.npy' files hold one unnamed array. */
  name?: string
  storageKey?: string
  /** True when the data stays on disk (np.load(mmap_mode='r')): read-only entries. */
  mmap?: boolean
  /** True for .npy members of an .npz, which NumPy reads in chunks from a zip stream. */
  streamed?: boolean
  maxHeaderSize?: number
}

function pyTuple(xs: readonly (number | bigint)[]): string {
  return xs.length === 1 ? `(${xs[0]},)` : `(${xs.join(', ')})`
}

/** The storage and entry of one .npy held in `src`. */
export function describeNpySource(src: ByteSource, opts: NpyReadOptions = {}): { entry: FileEntry; storage: FileStorage; header: NpyHeader } {
  const header = readNpyHeader(src, opts.maxHeaderSize ?? MAX_HEADER_SIZE)
  const { dtype, shape } = header
  if (dtype.isObject) {
    fail('ValueError', opts.mmap ? "Array can't be memory-mapped: Python objects in dtype." : 'Object arrays cannot be loaded when allow_pickle=False')
  }
  const count = shape.reduce((a, d) => a * BigInt(d), 1n)
  const needed = count * BigInt(dtype.itemsize)
  const available = BigInt(Math.max(0, src.size - header.dataOffset))
  if (needed > available) {
    if (opts.mmap) fail('ValueError', 'mmap length is greater than file size')
    if (opts.streamed) {
      // NOTE: read_array reads non-file streams in chunks of BUFFER_SIZE (2**18) bytes' worth
      // of elements and reports the chunk that came up short (numpy/lib/_format_impl.py).
      const perChunk = BigInt(Math.floor(2 ** 18 / Math.min(2 ** 18, dtype.itemsize)))
      const chunkBytes = perChunk * BigInt(dtype.itemsize)
      const k = available / chunkBytes
      const remaining = count - k * perChunk
      const readSize = (remaining < perChunk ? remaining : perChunk) * BigInt(dtype.itemsize)
      fail('ValueError', `EOF: reading array data, expected ${readSize} bytes got ${available - k * chunkBytes}`)
    }
    const got = dtype.itemsize === 0 ? 0n : available / BigInt(dtype.itemsize)
    fail('ValueError',
      `Failed to read all data for array. Expected ${pyTuple(shape)} = ${count} elements, ` +
      `could only read ${got} elements. (file seems not fully written?)`)
  }
  const nbytes = Number(needed)
  const key = opts.storageKey ?? 'data'
  const storage: FileStorage = { key, nbytes, source: src.slice(header.dataOffset, nbytes), lazy: opts.mmap === true }
  const entry: FileEntry = {
    name: opts.name ?? 'array',
    kind: 'ndarray',
    dtype: dtype.dtype,
    dtypeText: dtype.descr,
    itemsize: dtype.itemsize,
    shape: [...shape],
    strides: header.fortranOrder ? fStrides(shape, dtype.itemsize) : cStrides(shape, dtype.itemsize),
    byteOffset: 0,
    storageKey: key,
    byteOrder: dtype.byteOrder,
    fortranOrder: header.fortranOrder,
    readOnly: opts.mmap === true,
    requiresGrad: false,
    sharesWith: [],
  }
  if (dtype.unsupported !== undefined) entry.unsupported = dtype.unsupported
  return { entry, storage, header }
}

export function describeNpyBytes(bytes: Uint8Array, opts: NpyReadOptions = {}): FileDescription {
  const src = new MemoryByteSource(bytes)
  const { entry, storage, header } = describeNpySource(src, { ...opts, mmap: false })
  return { format: 'npy', entries: [entry], storages: [storage], metadata: { version: `${header.version[0]}.${header.version[1]}` }, warnings: [], close: () => {} }
}

export interface NpyFileOptions extends Omit<NpyReadOptions, 'mmap'> {
  /** 'r' always maps; null never does; undefined maps files larger than mmapLimit. */
  mmapMode?: 'r' | null
  mmapLimit?: number
}

/** np.load of a .npy path: in memory when small, lazily and read-only when large. */
export function readNpyFile(path: string, opts: NpyFileOptions = {}): FileDescription {
  const file = FileByteSource.open(path)
  const limit = opts.mmapLimit ?? DEFAULT_MMAP_LIMIT
  const mmap = opts.mmapMode === 'r' || (opts.mmapMode === undefined && file.size > limit)
  try {
    const src: ByteSource = mmap ? file : new MemoryByteSource(file.read(0, file.size))
    if (!mmap) file.close()
    const { entry, storage, header } = describeNpySource(src, { ...opts, mmap })
    return {
      format: 'npy', entries: [entry], storages: [storage],
      metadata: { version: `${header.version[0]}.${header.version[1]}` },
      warnings: mmap && opts.mmapMode === undefined ? [`file is larger than ${limit} bytes: mapped read-only (mmap_mode='r')`] : [],
      close: () => file.close(),
    }
  } catch (e) {
    file.close()
    throw e
  }
}

