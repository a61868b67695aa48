// Opening any supported tensor file by its content (magic bytes), falling back to its
// extension: the one entry point for the CLI, the app and the runner.
import { FileByteSource } from './byte-source'
import type { FileDescription } from './description'
import { fail } from './errors'
import { startsWithNpyMagic } from './npy-header'
import { readNpyFile, type NpyFileOptions } from './npy-read'
import { readNpzFile } from './npz'
import { readSafetensorsFile, type SafetensorsReadOptions } from './safetensors'
import { readTorchFile } from './torch-pt'
import { ZipReader, type ZipReadOptions } from './zip-read'

export interface OpenOptions extends NpyFileOptions, ZipReadOptions, SafetensorsReadOptions {}

function sniff(path: string): { head: Uint8Array; size: number; isTorchZip: boolean } {
  const file = FileByteSource.open(path)
  try {
    const head = file.read(0, Math.min(16, file.size))
    let isTorchZip = false
    if (head[0] === 0x50 && head[1] === 0x4b) {
      try {
        isTorchZip = new ZipReader(file).members.some((m) => /^([^/]*\/)?data\.pkl$/.test(m.name))
      } catch {
        isTorchZip = /\.(pt|pth|bin|ckpt)$/i.test(path)
      }
    }
    return { head, size: file.size, isTorchZip }
  } finally {
    file.close()
  }
}

export function openTensorFile(path: string, opts: OpenOptions = {}): FileDescription {
  const { head, size, isTorchZip } = sniff(path)
  if (size === 0) fail('EOFError', 'No data left in file')
  if (startsWithNpyMagic(head)) return readNpyFile(path, opts)
  if (head[0] === 0x50 && head[1] === 0x4b) return isTorchZip ? readTorchFile(path, opts).description : readNpzFile(path, opts)
  if (/\.safetensors$/i.test(path) || (head.length >= 9 && head[8] === 0x7b && head[5] === 0 && head[6] === 0 && head[7] === 0)) {
    return readSafetensorsFile(path, opts)
  }
  if (/\.(pt|pth)$/i.test(path)) return readTorchFile(path, opts).description
  if (head[0] === 0x80) fail('ValueError', 'This file contains pickled (object) data. If you trust the file you can load it unsafely using the `allow_pickle=` keyword argument or `pickle.load()`.')
  return fail('ValueError', `${path}: not a .npy, .npz, .safetensors or torch.save file`)
}
