// Zip members whose central-directory entries point into the same bytes are refused,
// as CPython's zipfile (3.12+) refuses them ("Overlapped entries"), and stored members
// count against the extraction cap as inflated ones do: one stored 1 MiB member listed
// 34,000 times once grew past 8 GiB while being read.
import { zipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { describeNpzBytes } from '../../src/files/npz'
import { FileFormatError } from '../../src/files/errors'
import { npyHeaderBytes } from '../../src/files/npy-write'
import { ZipReader } from '../../src/files/zip-read'
import { MemoryByteSource } from '../../src/files/byte-source'

function pyErr(fn: () => unknown): FileFormatError {
  try { fn() } catch (e) { expect(e).toBeInstanceOf(FileFormatError); return e as FileFormatError }
  throw new Error('expected an error')
}

function npy(bytes: number): Uint8Array {
  const head = npyHeaderBytes('|u1', false, [bytes]).bytes
  const out = new Uint8Array(head.length + bytes)
  out.set(head, 0)
  return out
}

/** A stored zip of `members`, with the first central-directory entry repeated `copies` times under new names. */
function withRepeatedEntry(members: Record<string, Uint8Array>, copies: number): Uint8Array {
  const z = zipSync(Object.fromEntries(Object.entries(members).map(([k, v]) => [k, [v, { level: 0 }]])))
  const dv = new DataView(z.buffer, z.byteOffset, z.byteLength)
  const eocd = z.length - 22
  expect(dv.getUint32(eocd, true)).toBe(0x06054b50)
  const count = dv.getUint16(eocd + 10, true)
  const cdSize = dv.getUint32(eocd + 12, true)
  const cdOffset = dv.getUint32(eocd + 16, true)
  const first = z.subarray(cdOffset, cdOffset + 46 + dv.getUint16(cdOffset + 28, true) + dv.getUint16(cdOffset + 30, true) + dv.getUint16(cdOffset + 32, true))
  const nameLen = dv.getUint16(cdOffset + 28, true)
  const extra: Uint8Array[] = []
  for (let i = 0; i < copies; i++) {
    // same offset and sizes, a name of the same length (so the entry keeps its layout)
    const e = first.slice()
    const tag = new TextEncoder().encode(String(i).padStart(nameLen - 4, '0') + '.npy')
    e.set(tag.subarray(0, nameLen), 46)
    extra.push(e)
  }
  const extraLen = extra.reduce((n, e) => n + e.length, 0)
  const out = new Uint8Array(z.length + extraLen)
  out.set(z.subarray(0, cdOffset + cdSize), 0)
  let at = cdOffset + cdSize
  for (const e of extra) { out.set(e, at); at += e.length }
  out.set(z.subarray(eocd), at)
  const odv = new DataView(out.buffer)
  odv.setUint16(at + 8, count + copies, true)
  odv.setUint16(at + 10, count + copies, true)
  odv.setUint32(at + 12, cdSize + extraLen, true)
  return out
}

describe('overlapping zip members', () => {
  it('refuses a member listed twice over the same bytes, as zipfile does', () => {
    const z = withRepeatedEntry({ 'arr_0.npy': npy(1000) }, 1)
    const reader = new ZipReader(new MemoryByteSource(z))
    expect(reader.members.length).toBe(2)
    expect(reader.open(reader.members[0]).source.size).toBe(npy(1000).length) // the first listed keeps its bytes
    const e = pyErr(() => reader.open(reader.members[1]))
    expect([e.pyType, e.message]).toEqual(['BadZipFile', `Overlapped entries: '${reader.members[1].name}' (possible zip bomb)`])
  })

  it('refuses the many-entries bomb at its second entry, without reading the rest', () => {
    const z = withRepeatedEntry({ 'arr_0.npy': npy(1 << 20) }, 5000)
    expect(z.length).toBeLessThan((1 << 20) + 5000 * 60)
    const e = pyErr(() => describeNpzBytes(z))
    expect(e.pyType).toBe('BadZipFile')
    expect(e.message).toMatch(/^Overlapped entries: '0*\d+\.npy' \(possible zip bomb\)$/)
  })

  it('a member whose data runs into the next header overlaps', () => {
    const z = zipSync({ 'a.npy': [npy(100), { level: 0 }], 'b.npy': [npy(100), { level: 0 }] }).slice()
    // make a.npy claim 50 more bytes (still inside the file, now inside b's header)
    const dv = new DataView(z.buffer)
    for (let p = 0; p + 4 <= z.length; p++) {
      if (dv.getUint32(p, true) === 0x02014b50 && new TextDecoder().decode(z.subarray(p + 46, p + 51)) === 'a.npy') {
        dv.setUint32(p + 20, dv.getUint32(p + 20, true) + 50, true)
        dv.setUint32(p + 24, dv.getUint32(p + 24, true) + 50, true)
      }
    }
    const e = pyErr(() => describeNpzBytes(z))
    expect([e.pyType, e.message]).toEqual(['BadZipFile', "Overlapped entries: 'a.npy' (possible zip bomb)"])
  })

  it('counts stored members against the extraction cap', () => {
    const z = zipSync({ 'a.npy': [npy(600_000), { level: 0 }], 'b.npy': [npy(600_000), { level: 0 }] })
    const e = pyErr(() => describeNpzBytes(z, { maxInflatedBytes: 1 << 20 }))
    expect([e.pyType, e.message]).toEqual(['ValueError', "zip member 'b.npy' takes the bytes read from this file past the limit of 1048576 bytes for this file (zip bomb?)"])
    expect(describeNpzBytes(z, { maxInflatedBytes: 2 << 20 }).entries.length).toBe(2)
  })
})
