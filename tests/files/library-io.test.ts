import * as fs from 'node:fs'
import * as path from 'node:path'
import { describe, expect, it } from 'vitest'
import { npLoad, npSave, npSavez, safetensorsLoadFile, safetensorsSaveFile, torchLoad } from '../../src/files/library-io'
import { readEntryValues } from '../../src/files/element-values'
import { FileFormatError } from '../../src/files/errors'
import { PyDict, TorchTensorRef } from '../../src/files/pickle-values'
import { fixture, tmpDir } from './helpers/fixtures'
import { f32Bytes, torchSave } from './helpers/torch-save'

function pyErr(fn: () => unknown): [string, string] {
  try { fn() } catch (e) { expect(e).toBeInstanceOf(FileFormatError); return [(e as FileFormatError).pyType, (e as Error).message] }
  throw new Error('expected an error')
}

const arr = { dtype: 'float32' as const, shape: [3], strides: [4], itemsize: 4, byteOffset: 0, data: f32Bytes([1, 2, 3]) }

describe('np.load / np.save / np.savez', () => {
  it('dispatches on content like np.load: zip -> npz, magic -> npy, else pickle refused', () => {
    const dir = tmpDir()
    fs.copyFileSync(fixture('stored.npz'), path.join(dir, 'looks.npy'))
    expect(npLoad(path.join(dir, 'looks.npy')).format).toBe('npz')
    expect(npLoad(fixture('v1_int8.npy')).entries[0].readOnly).toBe(false)
    expect(npLoad(fixture('v1_int8.npy'), { mmapMode: 'r' }).entries[0].readOnly).toBe(true)
    fs.writeFileSync(path.join(dir, 'p.npy'), Uint8Array.of(0x80, 4, 0x4b, 1, 0x2e))
    expect(pyErr(() => npLoad(path.join(dir, 'p.npy')))).toEqual(['ValueError',
      'This file contains pickled (object) data. If you trust the file you can load it unsafely using the `allow_pickle=` keyword argument or `pickle.load()`.'])
    fs.writeFileSync(path.join(dir, 'empty.npy'), '')
    expect(pyErr(() => npLoad(path.join(dir, 'empty.npy')))).toEqual(['EOFError', 'No data left in file'])
    expect(pyErr(() => npLoad(path.join(dir, 'missing.npy')))).toEqual(['FileNotFoundError', `[Errno 2] No such file or directory: '${path.join(dir, 'missing.npy')}'`])
    expect(pyErr(() => npLoad(dir))[0]).toBe('IsADirectoryError')
  })

  it('np.save and np.savez add their extensions', () => {
    const dir = tmpDir()
    expect(npSave(path.join(dir, 'a'), arr).path).toBe(path.join(dir, 'a.npy'))
    expect(npSavez(path.join(dir, 'b'), [arr], { x: arr }).path).toBe(path.join(dir, 'b.npz'))
    const d = npLoad(path.join(dir, 'a.npy'))
    expect(readEntryValues(d.entries[0], d.storages[0])).toEqual([1, 2, 3])
    expect(npLoad(path.join(dir, 'b.npz')).entries.map((e) => e.name)).toEqual(['arr_0', 'x'])
  })
})

describe('torch.load and safetensors', () => {
  it('torch.load returns the object tree with tensor records', () => {
    const dir = tmpDir()
    const p = path.join(dir, 'm.pt')
    fs.writeFileSync(p, torchSave({ ordered: [['w', { tensor: { storage: '0', offset: 1, size: [2], stride: [1] } }]] }, [{ key: '0', type: 'FloatStorage', numel: 3, bytes: f32Bytes([1, 2, 3]) }]))
    const { root, description, entryOf } = torchLoad(p)
    expect(root).toBeInstanceOf(PyDict)
    const w = (root as PyDict).get('w')
    expect(w).toBeInstanceOf(TorchTensorRef)
    expect((w as TorchTensorRef).storageOffset).toBe(1)
    expect(entryOf.get(w as TorchTensorRef)).toBe(description.entries[0])
    expect(readEntryValues(description.entries[0], description.storages[0])).toEqual([2, 3])
    description.close()
  })

  it('load_file applies the library validation; save_file round-trips', () => {
    const dir = tmpDir()
    const p = path.join(dir, 'm.safetensors')
    safetensorsSaveFile({ a: arr }, p, { framework: 'pt' })
    const d = safetensorsLoadFile(p)
    expect(d.metadata).toEqual({ framework: 'pt' })
    expect(readEntryValues(d.entries[0], d.storages[0])).toEqual([1, 2, 3])
    fs.appendFileSync(p, Uint8Array.of(0))
    expect(pyErr(() => safetensorsLoadFile(p))).toEqual(['SafetensorError', 'Error while deserializing header: MetadataIncompleteBuffer'])
  })
})
