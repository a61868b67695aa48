// The engine's file API (src/engine/files.ts) directly: storages from bytes and files,
// views that a lying description cannot push out of bounds, byte order, bytes out.
import { afterAll, describe, expect, it } from 'vitest'
import { rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import * as engine from '../../src/engine'
import { tempDir } from './helpers'

const dir = tempDir()
afterAll(() => rmSync(dir, { recursive: true, force: true }))

function pyErr(fn: () => unknown): { pyType: string; message: string } {
  try { fn() } catch (e) { expect(engine.isEngineError(e)).toBe(true); return e as engine.EngineError }
  throw new Error('expected an engine error')
}

describe('engine file API', () => {
  it('views share one storage; big-endian ndarrays are marked and read correctly', () => {
    const bytes = new Uint8Array(16)
    new DataView(bytes.buffer).setFloat64(0, 1.5, false) // big-endian
    new DataView(bytes.buffer).setFloat64(8, -2, false)
    const st = engine.storageFromBytes(bytes)
    const a = engine.viewOfStorage(st, { kind: 'ndarray', dtype: 'float64', shape: [2], byteStrides: [8], byteOffset: 0, byteOrder: '>' })
    const b = engine.viewOfStorage(st, { kind: 'ndarray', dtype: 'float64', shape: [1], byteStrides: [8], byteOffset: 8, byteOrder: '>' })
    expect(a.info().byteOrder).toBe('>')
    expect(Array.from(a.window([0], [2]).values as number[])).toEqual([1.5, -2])
    expect(a.info().storage.id).toBe(b.info().storage.id)
    expect(engine.sharesMemory(a, b)).toBe(true)
    // np.save writes the raw bytes with a '>f8' descr: no swapping on the way out.
    expect(Array.from(engine.arrayBytes(a, 'C'))).toEqual(Array.from(bytes))
  })

  it('a lying description gets the library error, never a view', () => {
    const st = engine.storageFromBytes(new Uint8Array(24))
    expect(pyErr(() => engine.viewOfStorage(st, { kind: 'ndarray', dtype: 'float64', shape: [4], byteStrides: [8], byteOffset: 0 })))
      .toMatchObject({ pyType: 'TypeError', message: 'buffer is too small for requested array' })
    expect(pyErr(() => engine.viewOfStorage(st, { kind: 'tensor', dtype: 'float32', shape: [2, 3], byteStrides: [12, 4], byteOffset: 4 })).pyType).toBe('RuntimeError')
    expect(pyErr(() => engine.viewOfStorage(st, { kind: 'ndarray', dtype: 'uint8', shape: [2 ** 40], byteStrides: [2 ** 40], byteOffset: 0 })).pyType).toBe('TypeError')
  })

  it('a mapped file gives read-only arrays and is never written', () => {
    const path = join(dir, 'raw.bin')
    const data = Uint8Array.from({ length: 10000 }, (_, i) => i % 251)
    writeFileSync(path, data)
    const st = engine.storageFromFile(path, 5000, 4000)
    const a = engine.viewOfStorage(st, { kind: 'ndarray', dtype: 'uint8', shape: [4000], byteStrides: [1], byteOffset: 0, writeable: false, ownsData: false })
    expect(a.info().flags).toMatchObject({ writeable: false, ownsData: false })
    expect(a.item === undefined).toBe(false)
    expect(Number(a.index([{ kind: 'int', index: 0 }]).item())).toBe(5000 % 251)
    expect(pyErr(() => a.fill(1n))).toMatchObject({ pyType: 'ValueError', message: 'assignment destination is read-only' })
    expect(pyErr(() => engine.storageFromFile(path, 9000, 1001))).toMatchObject({ pyType: 'ValueError', message: 'mmap length is greater than file size' })
    expect(pyErr(() => engine.storageFromFile(join(dir, 'none'), 0, 1)).pyType).toBe('FileNotFoundError')
  })
})
