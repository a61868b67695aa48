// Every parser, fed mutated and random files: it either describes them or throws the one
// documented error class (FileFormatError) — never another exception, never a hang.
import fc from 'fast-check'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { describe, expect, it } from 'vitest'
import { openTensorFile } from '../../src/files/open-file'
import { describeNpyBytes } from '../../src/files/npy-read'
import { describeNpzBytes } from '../../src/files/npz'
import { describeSafetensorsBytes } from '../../src/files/safetensors'
import { describeTorchBytes } from '../../src/files/torch-pt'
import { readEntryValues } from '../../src/files/element-values'
import { FileFormatError } from '../../src/files/errors'
import type { FileDescription } from '../../src/files/description'
import { parsePyLiteral, PyLiteralSyntaxError } from '../../src/files/py-literal'
import { fixtureBytes, tmpDir } from './helpers/fixtures'
import { f32Bytes, torchSave, torchZip } from './helpers/torch-save'

// STRIDESCOPE_FUZZ_RUNS raises the count for a longer local run; the default keeps CI quick.
const RUNS = Number(process.env.STRIDESCOPE_FUZZ_RUNS ?? 300)

function touch(d: FileDescription): void {
  // Reading a few values exercises every entry's bounds against its storage.
  for (const e of d.entries) {
    if (e.dtype === null) continue
    readEntryValues(e, d.storages.find((s) => s.key === e.storageKey)!, 16)
  }
  d.close()
}

function onlyDocumentedErrors(parse: (b: Uint8Array) => FileDescription): (b: Uint8Array) => void {
  return (b) => {
    try {
      touch(parse(b))
    } catch (e) {
      if (!(e instanceof FileFormatError)) throw e
    }
  }
}

/** A valid file with some bytes replaced, some cut off, or some inserted. */
function mutated(seed: Uint8Array): fc.Arbitrary<Uint8Array> {
  const edit = fc.oneof(
    fc.record({ kind: fc.constant('set' as const), at: fc.nat(), value: fc.integer({ min: 0, max: 255 }) }),
    fc.record({ kind: fc.constant('cut' as const), at: fc.nat(), value: fc.constant(0) }),
    fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), value: fc.integer({ min: 0, max: 255 }) }),
  )
  return fc.array(edit, { minLength: 1, maxLength: 6 }).map((edits) => {
    let b = Array.from(seed)
    for (const { kind, at, value } of edits) {
      const i = b.length === 0 ? 0 : at % b.length
      if (kind === 'set') b[i] = value
      else if (kind === 'cut') b = b.slice(0, i)
      else b.splice(i, 0, value)
    }
    return Uint8Array.from(b)
  })
}

describe('fuzz: parsers only throw FileFormatError', () => {
  it('.npy', () => {
    const seeds = ['v1_float64.npy', 'fortran_f4.npy', 'v3_u1.npy', 'big_c8.npy', 'unicode_U3.npy'].map(fixtureBytes)
    const parse = onlyDocumentedErrors((b) => describeNpyBytes(b))
    fc.assert(fc.property(fc.oneof(...seeds.map(mutated)), parse), { numRuns: RUNS })
    fc.assert(fc.property(fc.uint8Array({ maxLength: 300 }), parse), { numRuns: RUNS })
    // Headers of random text after a valid preamble reach the literal parser.
    const withHeader = fc.string({ maxLength: 200 }).map((h) => {
      const out = new Uint8Array(10 + h.length)
      out.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0, h.length & 0xff, h.length >> 8])
      for (let i = 0; i < h.length; i++) out[10 + i] = h.charCodeAt(i) & 0xff
      return out
    })
    fc.assert(fc.property(withHeader, parse), { numRuns: RUNS })
  })

  it('.npz', () => {
    const seeds = ['stored.npz', 'deflated.npz'].map(fixtureBytes)
    fc.assert(fc.property(fc.oneof(...seeds.map(mutated)), onlyDocumentedErrors((b) => describeNpzBytes(b, { maxInflatedBytes: 1 << 20 }))), { numRuns: RUNS })
  })

  it('.safetensors', () => {
    const header = { a: { dtype: 'F32', shape: [2, 2], data_offsets: [0, 16] }, b: { dtype: 'I8', shape: [3], data_offsets: [16, 19] }, __metadata__: { k: 'v' } }
    const h = new TextEncoder().encode(JSON.stringify(header))
    const seed = new Uint8Array(8 + h.length + 19)
    new DataView(seed.buffer).setBigUint64(0, BigInt(h.length), true)
    seed.set(h, 8)
    const parse = onlyDocumentedErrors((b) => describeSafetensorsBytes(b))
    fc.assert(fc.property(mutated(seed), parse), { numRuns: RUNS })
    const randomHeader = fc.tuple(fc.json({ maxDepth: 3 }), fc.uint8Array({ maxLength: 64 })).map(([json, data]) => {
      const hb = new TextEncoder().encode(json)
      const out = new Uint8Array(8 + hb.length + data.length)
      new DataView(out.buffer).setBigUint64(0, BigInt(hb.length), true)
      out.set(hb, 8)
      out.set(data, 8 + hb.length)
      return out
    })
    fc.assert(fc.property(randomHeader, parse), { numRuns: RUNS })
    const shaped = fc.record({
      dtype: fc.constantFrom('F32', 'BF16', 'U8', 'F8_E5M2', 'I64', 'X'),
      shape: fc.array(fc.integer({ min: -1, max: 5 }), { maxLength: 3 }),
      begin: fc.integer({ min: -1, max: 40 }),
      end: fc.integer({ min: -1, max: 40 }),
    })
    fc.assert(fc.property(fc.array(shaped, { maxLength: 4 }), (ts) => {
      const hdr: Record<string, unknown> = {}
      ts.forEach((t, i) => { hdr[`t${i}`] = { dtype: t.dtype, shape: t.shape, data_offsets: [t.begin, t.end] } })
      const hb = new TextEncoder().encode(JSON.stringify(hdr))
      const out = new Uint8Array(8 + hb.length + 32)
      new DataView(out.buffer).setBigUint64(0, BigInt(hb.length), true)
      out.set(hb, 8)
      parse(out)
    }), { numRuns: RUNS })
  })

  it('.pt', () => {
    const storage = { key: '0', type: 'FloatStorage', numel: 8, bytes: f32Bytes([0, 1, 2, 3, 4, 5, 6, 7]) }
    const seed = torchSave({ ordered: [['w', { tensor: { storage: '0', offset: 2, size: [2, 2], stride: [2, 1] } }], ['l', { list: [1, 'x', null] }]] }, [storage])
    const parse = onlyDocumentedErrors((b) => describeTorchBytes(b).description)
    fc.assert(fc.property(mutated(seed), parse), { numRuns: RUNS })
    // Random opcode streams inside a valid archive reach the unpickler directly.
    const ops = [0x28, 0x29, 0x2e, 0x4a, 0x4b, 0x4d, 0x4e, 0x51, 0x52, 0x58, 0x5d, 0x61, 0x62, 0x65, 0x68, 0x71, 0x73, 0x74, 0x75, 0x7d, 0x85, 0x86, 0x87, 0x88, 0x89, 0x8a, 0x63, 0x47, 0x55, 0x6a, 0x72, 0x81, 0x8f]
    const pkl = fc.array(fc.oneof(fc.constantFrom(...ops), fc.integer({ min: 0, max: 255 })), { maxLength: 120 }).map((b) => Uint8Array.from([0x80, 2, ...b]))
    fc.assert(fc.property(pkl, (p) => parse(torchZip(p, [storage]))), { numRuns: RUNS })
  })

  it('Python literal parser', () => {
    fc.assert(fc.property(fc.string({ maxLength: 80 }), (s) => {
      try { parsePyLiteral(s) } catch (e) { expect(e).toBeInstanceOf(PyLiteralSyntaxError) }
    }), { numRuns: RUNS })
    // Deep nesting is refused, not a stack overflow.
    expect(() => parsePyLiteral('('.repeat(100000))).toThrow(PyLiteralSyntaxError)
  })

  it('files on disk, through openTensorFile and lazy reads', () => {
    const dir = tmpDir()
    const storage = { key: '0', type: 'FloatStorage', numel: 8, bytes: f32Bytes([0, 1, 2, 3, 4, 5, 6, 7]) }
    const seeds: Array<[string, Uint8Array]> = [
      ['a.npy', fixtureBytes('v1_float32.npy')], ['b.npz', fixtureBytes('deflated.npz')],
      ['c.pt', torchSave({ dict: [['w', { tensor: { storage: '0', offset: 0, size: [8], stride: [1] } }]] }, [storage])],
    ]
    let n = 0
    const parse = onlyDocumentedErrors((b) => {
      const [name] = seeds[n++ % seeds.length]
      const p = path.join(dir, name)
      fs.writeFileSync(p, b)
      // A limit of 0 bytes sends every file down the lazy, read-from-disk path.
      return openTensorFile(p, { mmapLimit: 0, lazyStoredBytes: 0, lazyLimit: 0 })
    })
    fc.assert(fc.property(fc.oneof(...seeds.map(([, b]) => mutated(b))), parse), { numRuns: 150 })
  })
})
