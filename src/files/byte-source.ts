// Where a file's bytes come from. Readers never assume the whole file is in memory:
// a FileByteSource reads on demand through a file descriptor (the mmap-like path used
// for files over the size limit), a MemoryByteSource wraps bytes already in memory.
import * as fs from 'node:fs'
import { fail } from './errors'
import { reprStr } from './py-repr'
import { STOP_CHECK_BYTES, checkStop } from './stop-check'

export interface ByteSource {
  readonly size: number
  /** Exactly `length` bytes from `offset`; a short read is an error, never padding. */
  read(offset: number, length: number): Uint8Array
  /** A source over [offset, offset+length) of this one, sharing its bytes. */
  slice(offset: number, length: number): ByteSource
  close(): void
}

function checkRange(size: number, offset: number, length: number): void {
  // INVARIANT: no read reaches outside [0, size).
  if (!Number.isSafeInteger(offset) || !Number.isSafeInteger(length) || offset < 0 || length < 0 || offset + length > size) {
    fail('ValueError', `EOF: reading ${length} bytes at offset ${offset} of a ${size}-byte source`)
  }
}

export class MemoryByteSource implements ByteSource {
  readonly size: number
  constructor(private readonly bytes: Uint8Array) { this.size = bytes.length }
  read(offset: number, length: number): Uint8Array {
    checkRange(this.size, offset, length)
    return this.bytes.subarray(offset, offset + length)
  }
  slice(offset: number, length: number): ByteSource {
    checkRange(this.size, offset, length)
    return new MemoryByteSource(this.bytes.subarray(offset, offset + length))
  }
  close(): void {}
}

/** Bytes one read() takes from the file between two stop polls. */
const READ_PIECE = 4 * STOP_CHECK_BYTES

/** Reads through an open descriptor; `close()` closes it once every slice is done with it. */
export class FileByteSource implements ByteSource {
  private closed = false
  private constructor(private readonly fd: number, readonly size: number, private readonly base: number, private readonly owner: FileByteSource | null) {}

  static open(path: string): FileByteSource {
    let fd: number
    try {
      // O_NONBLOCK: opening a FIFO would otherwise wait, forever, for a writer.
      fd = fs.openSync(path, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK)
    } catch (e) {
      osError(e as NodeJS.ErrnoException, path)
    }
    const stat = fs.fstatSync(fd)
    if (stat.isDirectory()) {
      fs.closeSync(fd)
      fail('IsADirectoryError', `[Errno 21] Is a directory: ${reprStr(path)}`)
    }
    if (!stat.isFile()) {
      // A FIFO, socket or device has no size to read to and may never end.
      fs.closeSync(fd)
      fail('OSError', `${reprStr(path)} is not a regular file (a FIFO, socket or device): refusing to read it`)
    }
    const size = stat.size
    return new FileByteSource(fd, size, 0, null)
  }

  read(offset: number, length: number): Uint8Array {
    checkRange(this.size, offset, length)
    const root = this.owner ?? this
    if (root.closed) fail('ValueError', 'I/O operation on closed file.')
    const out = new Uint8Array(length)
    let done = 0
    while (done < length) {
      // A big read goes in pieces with a stop poll between them (gigabytes take seconds).
      if (done > 0) checkStop()
      const n = fs.readSync(this.fd, out, done, Math.min(length - done, READ_PIECE), this.base + offset + done)
      if (n === 0) fail('ValueError', `EOF: expected ${length} bytes at offset ${this.base + offset}, got ${done} (file changed on disk?)`)
      done += n
    }
    return out
  }

  slice(offset: number, length: number): ByteSource {
    checkRange(this.size, offset, length)
    return new FileByteSource(this.fd, length, this.base + offset, this.owner ?? this)
  }

  close(): void {
    if (this.owner !== null || this.closed) return
    this.closed = true
    fs.closeSync(this.fd)
  }
}

/** Every byte of a source, as one array (for sources known to be small enough). */
export function readAll(src: ByteSource): Uint8Array {
  return src.read(0, src.size)
}

/** Python's OSError subclass and text for a failed open(). */
function osError(e: NodeJS.ErrnoException, path: string): never {
  if (e.code === 'ENOENT') fail('FileNotFoundError', `[Errno 2] No such file or directory: ${reprStr(path)}`)
  if (e.code === 'EACCES') fail('PermissionError', `[Errno 13] Permission denied: ${reprStr(path)}`)
  if (e.code === 'EISDIR') fail('IsADirectoryError', `[Errno 21] Is a directory: ${reprStr(path)}`)
  return fail('OSError', e.message)
}
