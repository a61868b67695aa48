// The readers' long loops poll for a stop request (src/files/stop-check.ts): reading a big
// file, inflating a deflated member, its CRC, the zip directory, unpickling, walking the
// checkpoint's objects, a safetensors header's entries, sharing analysis and byte swaps.
// Each input here is big enough for several polls; a poll that throws stops the read with
// its own error, never re-labelled as a format error.
import * as fs from 'node:fs'
import * as path from 'node:path'
import { zipSync } from 'fflate'
import { afterEach, describe, expect, it } from 'vitest'
import { FileByteSource, MemoryByteSource } from '../../src/files/byte-source'
import { computeSharing, type FileEntry } from '../../src/files/description'
import { describeNpzBytes, encodeNpz, readNpzFile } from '../../src/files/npz'
import { readEntryValues } from '../../src/files/element-values'
import { describeSafetensorsBytes } from '../../src/files/safetensors'
import { setStopCheck } from '../../src/files/stop-check'
import { swapByteOrder } from '../../src/files/strided-bytes'
import { describeTorchBytes } from '../../src/files/torch-pt'
import { ZipReader } from '../../src/files/zip-read'
import { tmpDir } from './helpers/fixtures'
import { PickleWriter } from './helpers/pickle-writer'
import { torchZip } from './helpers/torch-save'
import { noise, npy } from './helpers/payloads'

class Stopped extends Error {}

/** Polls made by `fn`; with `stopAt`, the poll of that number throws Stopped instead. */
function polls(fn: () => unknown, stopAt = Infinity): number {
  let n = 0
  setStopCheck(() => {
    if (++n >= stopAt) throw new Stopped('stop')
  })
  fn()
  return n
}

function stops(fn: () => unknown): void {
  expect(() => polls(fn, 2)).toThrow(Stopped)
}

describe('the file readers poll the stop request', () => {
  afterEach(() => setStopCheck(() => {}))

  it('inflating a deflated member, between steps', () => {
    const npz = zipSync({ 'x.npy': [npy(noise(2 << 20)), { level: 6 }] })
    const open = () => describeNpzBytes(npz)
    expect(polls(open)).toBeGreaterThan(100) // 2 MiB of compressed bytes in 16 KiB steps
    stops(open)
  })

  it('the CRC of a big stored member, and a big read from disk', () => {
    const dir = tmpDir()
    const file = path.join(dir, 'stored.npz')
    fs.writeFileSync(file, zipSync({ 'x.npy': [npy(new Uint8Array(40 << 20)), { level: 0 }] }))
    const open = () => readNpzFile(file).close()
    expect(polls(open)).toBeGreaterThanOrEqual(9) // 10 CRC chunks of 4 MiB, 2 read pieces of 16 MiB
    stops(open)
    const src = FileByteSource.open(file)
    expect(polls(() => src.read(0, src.size))).toBe(2)
    src.close()
    fs.rmSync(dir, { recursive: true })
  })

  it('a zip directory of many members', () => {
    const members: Record<string, [Uint8Array, { level: 0 }]> = {}
    for (let i = 0; i < 40_000; i++) members[`m${i}`] = [new Uint8Array(0), { level: 0 }]
    const zip = zipSync(members)
    expect(polls(() => new ZipReader(new MemoryByteSource(zip)))).toBeGreaterThanOrEqual(2) // one per 16,384 entries
  })

  it('unpickling and walking a checkpoint', () => {
    const w = new PickleWriter()
    w.emptyList().mark()
    for (let i = 0; i < 100_000; i++) w.emptyList() // 100,000 objects: opcodes and walk
    w.appends()
    const pt = torchZip(w.stop(), [])
    const load = () => describeTorchBytes(pt)
    expect(polls(load)).toBeGreaterThanOrEqual(12) // 6 while unpickling, 6 while walking
    stops(load)
  })

  it('a safetensors header of many tensors, and their sharing', () => {
    const header: Record<string, unknown> = {}
    for (let i = 0; i < 40_000; i++) header[`t${i}`] = { dtype: 'U8', shape: [0], data_offsets: [0, 0] }
    const json = new TextEncoder().encode(JSON.stringify(header))
    const bytes = new Uint8Array(8 + json.length)
    new DataView(bytes.buffer).setBigUint64(0, BigInt(json.length), true)
    bytes.set(json, 8)
    const open = () => describeSafetensorsBytes(bytes)
    expect(polls(open)).toBeGreaterThanOrEqual(2)
    stops(open)
    const entries: FileEntry[] = Array.from({ length: 40_000 }, (_, i) => ({
      name: `t${i}`, kind: 'tensor', dtype: 'uint8', dtypeText: 'U8', itemsize: 1, shape: [2], strides: [1],
      byteOffset: i, storageKey: 'data', byteOrder: '|', fortranOrder: false, readOnly: false, requiresGrad: false, sharesWith: [],
    }))
    expect(polls(() => computeSharing(entries))).toBeGreaterThanOrEqual(2)
  })

  it('np.savez_compressed deflating its members, a piece at a time', () => {
    const data = noise(4 << 20)
    const member = { dtype: 'uint8' as const, shape: [data.length], strides: [1], itemsize: 1, byteOffset: 0, data, byteOrder: '|' as const }
    const save = () => encodeNpz([member], {}, { compressed: true })
    expect(polls(save)).toBe(4) // 1 MiB pieces, a poll between two
    stops(save)
    setStopCheck(() => {})
    const d = describeNpzBytes(save())
    expect(Array.from(readEntryValues(d.entries[0], d.storages[0], 3) as ArrayLike<number>)).toEqual(Array.from(data.subarray(0, 3)))
  })

  it('swapping a big-endian storage to native order', () => {
    expect(polls(() => swapByteOrder(new Uint8Array(16 << 20), 4))).toBe(3)
  })
})
