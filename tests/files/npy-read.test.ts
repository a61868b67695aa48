import { execFileSync } from 'node:child_process'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { describe, expect, it } from 'vitest'
import { describeNpyBytes, readNpyFile } from '../../src/files/npy-read'
import { readEntryValues } from '../../src/files/element-values'
import { FileFormatError } from '../../src/files/errors'
import { npyHeaderBytes } from '../../src/files/npy-write'
import { expected, fixture, fixtureBytes, numpyMissing, tmpDir } from './helpers/fixtures'
import { normalizeExpected, toJsonLike } from './helpers/values'

function expectPyError(fn: () => unknown, pyType: string, message: string | RegExp): void {
  try {
    fn()
  } catch (e) {
    expect(e).toBeInstanceOf(FileFormatError)
    expect((e as FileFormatError).pyType).toBe(pyType)
    if (typeof message === 'string') expect((e as Error).message).toBe(message)
    else expect((e as Error).message).toMatch(message)
    return
  }
  throw new Error('expected an error')
}

function npyWith(header: string, data: Uint8Array = new Uint8Array(0), version = 1): Uint8Array {
  const lenBytes = version === 1 ? 2 : 4
  const out = new Uint8Array(8 + lenBytes + header.length + data.length)
  out.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, version, 0])
  const dv = new DataView(out.buffer)
  if (version === 1) dv.setUint16(8, header.length, true)
  else dv.setUint32(8, header.length, true)
  for (let i = 0; i < header.length; i++) out[8 + lenBytes + i] = header.charCodeAt(i)
  out.set(data, 8 + lenBytes + header.length)
  return out
}

describe('.npy fixtures written by NumPy', () => {
  for (const [name, exp] of Object.entries(expected.npy)) {
    it(`${name}: dtype, shape, strides, order and values match np.load`, () => {
      const d = readNpyFile(fixture(`${name}.npy`))
      const [e] = d.entries
      expect(e.dtypeText).toBe(exp.descr)
      expect(e.shape).toEqual(exp.shape)
      expect(e.strides).toEqual(exp.strides)
      expect(e.fortranOrder).toBe(exp.fortran)
      expect(e.byteOrder).toBe(exp.descr[0])
      expect(e.readOnly).toBe(false)
      if (exp.values === null) {
        expect(e.dtype).toBeNull()
        expect(e.unsupported).toMatch(/no engine dtype/)
      } else {
        const vals = readEntryValues(e, d.storages[0]).map(toJsonLike)
        expect(vals).toEqual(normalizeExpected(exp.values))
      }
      d.close()
    })
  }

  it('reads the format version from the file', () => {
    expect(readNpyFile(fixture('v2_i2.npy')).metadata.version).toBe('2.0')
    expect(readNpyFile(fixture('v3_u1.npy')).metadata.version).toBe('3.0')
  })

  it('refuses object arrays as np.load(allow_pickle=False) does', () => {
    expectPyError(() => readNpyFile(fixture('object.npy')), 'ValueError', 'Object arrays cannot be loaded when allow_pickle=False')
    expectPyError(() => readNpyFile(fixture('object.npy'), { mmapMode: 'r' }), 'ValueError', "Array can't be memory-mapped: Python objects in dtype.")
  })
})

describe('memory-mapped loading', () => {
  it('keeps a file above the limit on disk, read-only, with the same values', () => {
    const dir = tmpDir()
    const p = path.join(dir, 'big.npy')
    fs.copyFileSync(fixture('v1_float64.npy'), p)
    const d = readNpyFile(p, { mmapLimit: 16 })
    expect(d.storages[0].lazy).toBe(true)
    expect(d.entries[0].readOnly).toBe(true)
    expect(d.warnings[0]).toMatch(/mmap_mode='r'/)
    const vals = readEntryValues(d.entries[0], d.storages[0]).map(toJsonLike)
    expect(vals).toEqual(normalizeExpected(expected.npy.v1_float64.values!))
    d.close()
    expect(() => d.storages[0].source.read(0, 8)).toThrow(FileFormatError)
  })

  it("mmap_mode='r' on a truncated file fails as np.memmap does", () => {
    const dir = tmpDir()
    const p = path.join(dir, 'cut.npy')
    const b = fixtureBytes('v1_float64.npy')
    fs.writeFileSync(p, b.subarray(0, b.length - 1))
    expectPyError(() => readNpyFile(p, { mmapMode: 'r' }), 'ValueError', 'mmap length is greater than file size')
  })
})

describe('bad .npy files get NumPy\'s errors', () => {
  it('wrong magic', () => {
    expectPyError(() => describeNpyBytes(new TextEncoder().encode('PK\x03\x04abcdefgh')), 'ValueError',
      "the magic string is not correct; expected b'\\x93NUMPY', got b'PK\\x03\\x04ab'")
  })
  it('short file', () => {
    expectPyError(() => describeNpyBytes(Uint8Array.from([0x93, 0x4e])), 'ValueError', 'EOF: reading magic string, expected 8 bytes got 2')
  })
  it('unknown version', () => {
    const b = fixtureBytes('v1_int8.npy').slice()
    b[6] = 4
    expectPyError(() => describeNpyBytes(b), 'ValueError', 'we only support format version (1,0), (2,0), and (3,0), not (4, 0)')
  })
  it('header length past the end', () => {
    const b = fixtureBytes('v1_int8.npy').slice(0, 20)
    expectPyError(() => describeNpyBytes(b), 'ValueError', /^EOF: reading array header, expected 118 bytes got 10$/)
  })
  it('truncated data', () => {
    const b = fixtureBytes('v1_int32.npy')
    expectPyError(() => describeNpyBytes(b.subarray(0, b.length - 5)), 'ValueError',
      'Failed to read all data for array. Expected (2, 3) = 6 elements, could only read 4 elements. (file seems not fully written?)')
  })
  it('header too large', () => {
    expectPyError(() => describeNpyBytes(npyWith(' '.repeat(10001), new Uint8Array(0), 2)), 'ValueError', /^Header info length \(10001\) is large/)
  })
  it('header that is not a literal', () => {
    expectPyError(() => describeNpyBytes(npyWith("{'descr': __import__('os')}\n")), 'ValueError', `Cannot parse header: "{'descr': __import__('os')}\\n"`)
  })
  it('header that is not a dict', () => {
    expectPyError(() => describeNpyBytes(npyWith('[1, 2]\n')), 'ValueError', 'Header is not a dictionary: [1, 2]')
  })
  it('wrong keys', () => {
    expectPyError(() => describeNpyBytes(npyWith("{'shape': (1,), 'descr': '<f8', 'x': 1}\n")), 'ValueError',
      "Header does not contain the correct keys: ['descr', 'shape', 'x']")
  })
  it('bad shape, bad fortran_order, bad descr', () => {
    expectPyError(() => describeNpyBytes(npyWith("{'descr': '<f8', 'fortran_order': False, 'shape': (2.0,)}")), 'ValueError', 'shape is not valid: (2.0,)')
    expectPyError(() => describeNpyBytes(npyWith("{'descr': '<f8', 'fortran_order': 0, 'shape': (2,)}")), 'ValueError', 'fortran_order is not a valid bool: 0')
    expectPyError(() => describeNpyBytes(npyWith("{'descr': '<q9', 'fortran_order': False, 'shape': (2,)}")), 'ValueError', "descr is not a valid dtype descriptor: '<q9'")
  })
  it('a lying shape cannot reach past the data', () => {
    const h = "{'descr': '<f8', 'fortran_order': False, 'shape': (1000000000, 1000000000), }"
    expectPyError(() => describeNpyBytes(npyWith(h, new Uint8Array(16))), 'ValueError', /Expected \(1000000000, 1000000000\) = 1000000000000000000 elements, could only read 2 elements/)
  })
  it('a key written twice keeps its last value, as np.load evaluates the header', () => {
    const h = "{'descr': '<i1', 'fortran_order': False, 'shape': (4,), 'descr': '<f4', }"
    const d = describeNpyBytes(npyWith(h, new Uint8Array(new Float32Array([1.5, 2.5, 3.5, 4.5]).buffer)))
    expect(d.entries[0].dtypeText).toBe('<f4')
    expect(readEntryValues(d.entries[0], d.storages[0])).toEqual([1.5, 2.5, 3.5, 4.5])
    const missing = numpyMissing()
    if (missing) return console.log(`[npy duplicate key] NumPy check skipped: ${missing}`)
    const file = path.join(tmpDir(), 'dup.npy')
    fs.writeFileSync(file, npyWith(h, new Uint8Array(new Float32Array([1.5, 2.5, 3.5, 4.5]).buffer)))
    const real = execFileSync('python3', ['-c', 'import numpy as np, sys; a = np.load(sys.argv[1]); print(a.dtype.str, a.tolist())', file]).toString()
    expect(real.trim()).toBe('<f4 [1.5, 2.5, 3.5, 4.5]')
  })
  it('Python 2 headers with L suffixes are accepted for versions 1 and 2', () => {
    const d = describeNpyBytes(npyWith("{'descr': '<i1', 'fortran_order': False, 'shape': (2L,), }", Uint8Array.from([1, 2])))
    expect(d.entries[0].shape).toEqual([2])
  })
})

describe('header writer', () => {
  it('matches the headers np.save wrote', () => {
    const b = fixtureBytes('fortran_f4.npy')
    const { bytes } = npyHeaderBytes('<f4', true, [3, 4])
    expect(bytes).toEqual(b.subarray(0, bytes.length))
    expect(bytes.length % 64).toBe(0)
  })
})
