import { execFileSync } from 'node:child_process'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { describe, expect, it } from 'vitest'
import { readNpyFile } from '../../src/files/npy-read'
import { encodeNpy, npyHeaderBytes } from '../../src/files/npy-write'
import { readAll } from '../../src/files/byte-source'
import { expected, fixture, fixtureBytes, numpyMissing, tmpDir } from './helpers/fixtures'

describe('np.save, byte for byte', () => {
  // v2_/v3_ fixtures were written with an explicit version; np.save itself picks 1.0 for them.
  for (const name of Object.keys(expected.npy).filter((n) => expected.npy[n].values !== null && !/^v[23]_/.test(n))) {
    it(`re-saving ${name} gives the bytes np.save wrote`, () => {
      const d = readNpyFile(fixture(`${name}.npy`))
      const e = d.entries[0]
      const out = encodeNpy({ dtype: e.dtype!, byteOrder: e.byteOrder, shape: e.shape, strides: e.strides, itemsize: e.itemsize, byteOffset: e.byteOffset, data: readAll(d.storages[0].source) })
      expect(out.bytes).toEqual(fixtureBytes(`${name}.npy`))
    })
  }

  for (const [name, v] of Object.entries(expected.views)) {
    it(`a strided view (${name}) is written as NumPy writes it`, () => {
      const src = readNpyFile(fixture('view_source.npy'))
      const out = encodeNpy({ dtype: 'float64', shape: v.shape, strides: v.strides, itemsize: 8, byteOffset: v.offset, data: readAll(src.storages[0].source) })
      expect(out.bytes).toEqual(fixtureBytes(`${name}.npy`))
    })
  }

  it('uses format 2.0 only when the header does not fit 1.0', () => {
    expect(npyHeaderBytes('<f8', false, new Array(64).fill(1000000000)).version).toEqual([1, 0])
    // Only a very long descr (a structured dtype with many fields) needs 2.0.
    const long = npyHeaderBytes('x'.repeat(70000), false, [1])
    expect(long.version).toEqual([2, 0])
    expect(long.bytes.length % 64).toBe(0)
    expect(new DataView(long.bytes.buffer).getUint32(8, true)).toBe(long.bytes.length - 12)
  })

  it('refuses bfloat16, which NumPy has not got', () => {
    expect(() => encodeNpy({ dtype: 'bfloat16', shape: [1], strides: [2], itemsize: 2, byteOffset: 0, data: new Uint8Array(2) })).toThrow(/NumPy has no such dtype/)
  })

  it('refuses a view that reaches outside its storage', () => {
    expect(() => encodeNpy({ dtype: 'float32', shape: [3], strides: [4], itemsize: 4, byteOffset: 4, data: new Uint8Array(12) })).toThrow(/out of bounds/)
  })
})

describe('NumPy reads what encodeNpy writes', () => {
  const missing = numpyMissing()
  it.skipIf(missing !== null)(`np.load gives the same values and order (${missing ?? 'NumPy present'})`, () => {
    const dir = tmpDir()
    // A 3x4 int16 view with a column step, and a transposed float32: C and F files.
    const storage = new Uint8Array(new Int16Array(Array.from({ length: 24 }, (_, i) => i * 3 - 20)).buffer)
    fs.writeFileSync(path.join(dir, 'a.npy'), encodeNpy({ dtype: 'int16', shape: [3, 4], strides: [16, 4], itemsize: 2, byteOffset: 2, data: storage }).bytes)
    const f32 = new Uint8Array(new Float32Array([1.5, 2, 3, 4, 5, 6]).buffer)
    fs.writeFileSync(path.join(dir, 'b.npy'), encodeNpy({ dtype: 'float32', shape: [3, 2], strides: [4, 12], itemsize: 4, byteOffset: 0, data: f32 }).bytes)
    const out = execFileSync('python3', ['-c', `
import numpy as np, json, sys
a = np.load(sys.argv[1] + '/a.npy'); b = np.load(sys.argv[1] + '/b.npy')
print(json.dumps([a.tolist(), a.flags.f_contiguous and not a.flags.c_contiguous, b.tolist(), b.flags.f_contiguous and not b.flags.c_contiguous, b.strides]))
`, dir]).toString()
    const [a, aF, b, bF, bStrides] = JSON.parse(out)
    const src = Array.from({ length: 24 }, (_, i) => i * 3 - 20)
    expect(a).toEqual([0, 1, 2].map((r) => [0, 1, 2, 3].map((c) => src[1 + r * 8 + c * 2])))
    expect(aF).toBe(false)
    expect(b).toEqual([[1.5, 4], [2, 5], [3, 6]])
    expect(bF).toBe(true)
    expect(bStrides).toEqual([4, 12])
  })
})
