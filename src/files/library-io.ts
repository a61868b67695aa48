// The file functions under the names the libraries give them, for the runner to bind:
// np.load / np.save / np.savez / np.savez_compressed, torch.load (weights_only=True), and
// safetensors' load_file / save_file. Each returns or takes plain descriptions; turning an
// entry into an engine object (over its storage bytes) is the caller's step.
import * as fs from 'node:fs'
import { FileByteSource } from './byte-source'
import type { FileDescription } from './description'
import { fail } from './errors'
import { startsWithNpyMagic } from './npy-header'
import { readNpyFile } from './npy-read'
import { encodeNpy, type ArrayToSave } from './npy-write'
import { encodeNpz, readNpzFile } from './npz'
import { encodeSafetensors, readSafetensorsFile, type TensorToSave } from './safetensors'
import { readTorchFile, type TorchLoadResult } from './torch-pt'
import type { ZipReadOptions } from './zip-read'

export interface NpLoadOptions extends ZipReadOptions {
  /** np.load's mmap_mode: 'r' maps .npy files read-only; null reads them into memory. */
  mmapMode?: 'r' | null
}

/**
 * np.load(file, mmap_mode=None, allow_pickle=False): dispatches on the first bytes as
 * numpy/lib/_npyio_impl.py load does — a zip is an NpzFile, the .npy magic is an array,
 * anything else is taken for a pickle and refused.
 */
export function npLoad(path: string, opts: NpLoadOptions = {}): FileDescription {
  const file = FileByteSource.open(path)
  let head: Uint8Array
  try {
    head = file.read(0, Math.min(6, file.size))
  } finally {
    file.close()
  }
  if (head.length === 0) fail('EOFError', 'No data left in file')
  const isZip = head[0] === 0x50 && head[1] === 0x4b && ((head[2] === 3 && head[3] === 4) || (head[2] === 5 && head[3] === 6))
  if (isZip) return readNpzFile(path, opts)
  if (startsWithNpyMagic(head)) return readNpyFile(path, { mmapMode: opts.mmapMode ?? null })
  return fail('ValueError', 'This file contains pickled (object) data. If you trust the file you can load it unsafely using the `allow_pickle=` keyword argument or `pickle.load()`.')
}

/** np.save(file, arr): appends '.npy' to a name without it; returns the path written. */
export function npSave(path: string, array: ArrayToSave): { path: string; warnings: string[] } {
  const target = path.endsWith('.npy') ? path : `${path}.npy`
  const { bytes, warnings } = encodeNpy(array)
  fs.writeFileSync(target, bytes)
  return { path: target, warnings }
}

/** np.savez / np.savez_compressed: appends '.npz' to a name without it. */
export function npSavez(path: string, positional: ArrayToSave[], named: Record<string, ArrayToSave> = {}, opts: { compressed?: boolean } = {}): { path: string } {
  const target = path.endsWith('.npz') ? path : `${path}.npz`
  fs.writeFileSync(target, encodeNpz(positional, named, opts))
  return { path: target }
}

/** torch.load(f, weights_only=True): the object tree and its tensors' layouts. */
export function torchLoad(path: string, opts: ZipReadOptions = {}): TorchLoadResult {
  return readTorchFile(path, opts)
}

/** safetensors.torch.load_file: the library's own validation (exact tiling) applies. */
export function safetensorsLoadFile(path: string): FileDescription {
  return readSafetensorsFile(path, { strict: true })
}

/** safetensors.torch.save_file(tensors, filename, metadata=None). */
export function safetensorsSaveFile(tensors: Record<string, TensorToSave>, path: string, metadata?: Record<string, string>): void {
  fs.writeFileSync(path, encodeSafetensors(tensors, metadata))
}
