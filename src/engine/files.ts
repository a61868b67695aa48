// Engine objects for tensor files (src/files describes a file; this makes its tensors
// real): a storage from bytes or from a read-only file mapping, bounds-checked views
// over a storage, and an array's raw bytes in C or F order for np.save.
//
//   const st = storageFromBytes(bytes)                       // one storage, shared by every view
//   const a = viewOfStorage(st, { kind: 'ndarray', dtype: 'float64', shape: [2, 3],
//                                 byteStrides: [24, 8], byteOffset: 0, byteOrder: '<' })
//   arrayBytes(a, 'F')                                       // what np.save writes for an F array
import * as fs from 'node:fs'
import { pyError } from './errors'
import { loadAddon } from './load'
import { EngineObject } from './object'
import type { StorageViewSpec } from './types'

export type { StorageViewSpec }

/** One engine storage. Views made from it share it (torch.save's shared storages stay shared). */
export class EngineStorage {
  /** @internal a flat uint8 array over the whole storage: what keeps the bytes alive. */
  readonly flat: EngineObject
  constructor(flat: EngineObject, readonly nbytes: number, readonly mapped: boolean) {
    this.flat = flat
  }
  /** Drops this reference; the bytes go (or are unmapped) when the last view is gone. */
  dispose(): void { this.flat.dispose() }
}

/** A fresh CPU storage holding a copy of `bytes`. */
export function storageFromBytes(bytes: Uint8Array): EngineStorage {
  return new EngineStorage(new EngineObject(loadAddon().storageFromBytes(bytes)), bytes.length, false)
}

/**
 * A storage over bytes [offset, offset+nbytes) of a file, mapped privately (the file is
 * never written; np.load(mmap_mode='r') semantics). Open errors are Python's OSError texts.
 */
export function storageFromFile(path: string, offset: number, nbytes: number): EngineStorage {
  try {
    fs.accessSync(path, fs.constants.R_OK)
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code
    const quoted = `'${path.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`
    if (code === 'ENOENT') throw pyError('FileNotFoundError' as never, `[Errno 2] No such file or directory: ${quoted}`)
    if (code === 'EACCES') throw pyError('PermissionError' as never, `[Errno 13] Permission denied: ${quoted}`)
    throw e
  }
  return new EngineStorage(new EngineObject(loadAddon().storageFromFile(path, offset, nbytes)), nbytes, true)
}

/**
 * A view over `storage`, checked as the library would check it: every addressed byte
 * inside the storage (NumPy: TypeError 'buffer is too small for requested array';
 * torch: set_'s RuntimeError), sizes non-negative, tensor strides whole elements.
 */
export function viewOfStorage(storage: EngineStorage, spec: StorageViewSpec): EngineObject {
  return new EngineObject(loadAddon().viewOfStorage(storage.flat.handle, spec))
}

/** The raw bytes of the object's elements (no byte swapping) in C or F order. */
export function arrayBytes(obj: EngineObject, order: 'C' | 'F'): Uint8Array {
  return loadAddon().arrayBytes(obj.handle, order)
}
