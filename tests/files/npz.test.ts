import { execFileSync } from 'node:child_process'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { zipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { describeNpzBytes, encodeNpz, readNpzFile } from '../../src/files/npz'
import { readEntryValues } from '../../src/files/element-values'
import { FileFormatError } from '../../src/files/errors'
import { expected, fixture, fixtureBytes, numpyMissing, tmpDir } from './helpers/fixtures'
import { npyHeaderBytes } from '../../src/files/npy-write'
import { normalizeExpected, toJsonLike } from './helpers/values'

function pyErr(fn: () => unknown): FileFormatError {
  try { fn() } catch (e) { expect(e).toBeInstanceOf(FileFormatError); return e as FileFormatError }
  throw new Error('expected an error')
}

describe('.npz fixtures written by NumPy', () => {
  for (const [file, members] of Object.entries(expected.npz)) {
    it(`${file}.npz: every member matches np.load`, () => {
      const d = readNpzFile(fixture(`${file}.npz`))
      expect(d.entries.map((e) => e.name).sort()).toEqual(Object.keys(members).sort())
      for (const e of d.entries) {
        const exp = members[e.name]
        expect(e.dtypeText).toBe(exp.descr)
        expect(e.shape).toEqual(exp.shape)
        expect(e.strides).toEqual(exp.strides)
        const s = d.storages.find((x) => x.key === e.storageKey)!
        expect(readEntryValues(e, s).map(toJsonLike)).toEqual(normalizeExpected(exp.values!))
        expect(e.sharesWith).toEqual([])
      }
      d.close()
    })
  }
})

describe('savez writer', () => {
  const a = { dtype: 'int32' as const, shape: [2, 2], strides: [4, 8], itemsize: 4, byteOffset: 0, data: new Uint8Array(new Int32Array([1, 2, 3, 4]).buffer) }
  it('round-trips positional and named arrays, stored and deflated', () => {
    for (const compressed of [false, true]) {
      const d = describeNpzBytes(encodeNpz([a], { w: a }, { compressed }))
      expect(d.entries.map((e) => e.name)).toEqual(['arr_0', 'w'])
      // a is F-contiguous (strides (4, 8)): saved with fortran_order True, same values
      expect(d.entries[0].fortranOrder).toBe(true)
      expect(readEntryValues(d.entries[0], d.storages[0])).toEqual([1, 3, 2, 4])
    }
  })
  it('refuses a keyword that clashes with a positional name, as np.savez does', () => {
    expect(pyErr(() => encodeNpz([a], { arr_0: a })).message).toBe('Cannot use un-named variables and keyword arr_0')
  })
  const missing = numpyMissing()
  it.skipIf(missing !== null)(`np.load reads savez output (${missing ?? 'NumPy present'})`, () => {
    const dir = tmpDir()
    const p = path.join(dir, 'x.npz')
    fs.writeFileSync(p, encodeNpz([a], { w: a }, { compressed: true }))
    const out = execFileSync('python3', ['-c', 'import numpy as np,sys,json; z=np.load(sys.argv[1]); print(json.dumps({k: z[k].tolist() for k in z.files}))', p]).toString()
    expect(JSON.parse(out)).toEqual({ arr_0: [[1, 3], [2, 4]], w: [[1, 3], [2, 4]] })
  })
})

describe('bad .npz files', () => {
  it('not a zip', () => {
    const e = pyErr(() => describeNpzBytes(new Uint8Array(40)))
    expect([e.pyType, e.message]).toEqual(['BadZipFile', 'File is not a zip file'])
  })
  it('truncated zip', () => {
    const b = fixtureBytes('stored.npz')
    expect(pyErr(() => describeNpzBytes(b.subarray(0, b.length - 30))).pyType).toBe('BadZipFile')
  })
  it('a flipped data byte fails the CRC check', () => {
    const b = fixtureBytes('stored.npz').slice()
    const npyStart = b.indexOf(0x93) // the first member's .npy: a 128-byte header, then its data
    b[npyStart + 128] ^= 0xff
    const e = pyErr(() => describeNpzBytes(b))
    expect(e.pyType).toBe('BadZipFile')
  })
  it('a zip bomb stops at the inflate cap', () => {
    const bomb = zipSync({ 'x.npy': [new Uint8Array(64 * 1024 * 1024), { level: 9 }] })
    expect(bomb.length).toBeLessThan(200_000)
    const e = pyErr(() => describeNpzBytes(bomb, { maxInflatedBytes: 1024 * 1024 }))
    expect(e.message).toMatch(/inflates past the limit of 1048576 bytes/)
  })
  it('a member that inflates to more than its header says is refused', () => {
    const z = zipSync({ 'x.npy': [new Uint8Array(100_000), { level: 9 }] }).slice()
    // Lower the declared uncompressed size in both headers to 1000.
    const dv = new DataView(z.buffer)
    for (let p = 0; p + 4 <= z.length; p++) {
      const sig = dv.getUint32(p, true)
      if (sig === 0x04034b50) dv.setUint32(p + 22, 1000, true)
      if (sig === 0x02014b50) dv.setUint32(p + 24, 1000, true)
    }
    expect(pyErr(() => describeNpzBytes(z)).message).toMatch(/more than its declared 1000 bytes/)
  })

  it('large stored members are read lazily with the same values', () => {
    const d = readNpzFile(fixture('stored.npz'), { lazyStoredBytes: 1 })
    expect(d.storages.every((s) => s.lazy)).toBe(true)
    const e = d.entries.find((x) => x.name === 'arr_0')!
    expect(readEntryValues(e, d.storages.find((s) => s.key === e.storageKey)!)).toEqual([0, 1, 2, 3, 4, 5])
    d.close()
  })

  it('a member with too little data fails as NumPy reads zip streams, chunk by chunk', () => {
    const small = fixtureBytes('v1_int32.npy')
    const e = pyErr(() => describeNpzBytes(zipSync({ 'x.npy': small.subarray(0, small.length - 5) })))
    expect([e.pyType, e.message]).toEqual(['ValueError', 'EOF: reading array data, expected 24 bytes got 19'])
    // 100000 float64 with 1000 bytes missing: the last 2**18-byte chunk (13568 bytes) comes up short.
    const head = npyHeaderBytes('<f8', false, [100000]).bytes
    const raw = new Uint8Array(head.length + 800000 - 1000)
    raw.set(head, 0)
    const e2 = pyErr(() => describeNpzBytes(zipSync({ 'x.npy': raw })))
    expect(e2.message).toBe('EOF: reading array data, expected 13568 bytes got 12568')
  })
})
