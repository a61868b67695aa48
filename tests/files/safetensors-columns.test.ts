// A big safetensors header is read as columns (src/files/safetensors.ts), its UTF-8 checked in
// place (src/files/utf8-check.ts) and its JSON parsed in small batches: what one JSON.parse of
// the whole header gives must still be what comes out. A name repeated across batches keeps its
// first place and takes its last value (also when only that last value is a tensor's); a
// byte order mark is dropped as TextDecoder drops it; shapes past 2**53 bytes are
// ValidationOverflow, exactly.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { describeSafetensorsBytes } from '../../src/files/safetensors'
import { isValidUtf8 } from '../../src/files/utf8-check'
import { FileFormatError } from '../../src/files/errors'

function file(headerJson: string, data: Uint8Array, prefix: number[] = []): Uint8Array {
  const h = new Uint8Array([...prefix, ...new TextEncoder().encode(headerJson)])
  const out = new Uint8Array(8 + h.length + data.length)
  new DataView(out.buffer).setBigUint64(0, BigInt(h.length), true)
  out.set(h, 8)
  out.set(data, 8 + h.length)
  return out
}

const errorOf = (fn: () => unknown): string | null => {
  try {
    fn()
    return null
  } catch (e) {
    expect(e).toBeInstanceOf(FileFormatError)
    return (e as Error).message.replace('Error while deserializing header: ', '')
  }
}

/** Members far enough apart (past one parse batch) that a repeat lands in another batch. */
const filler = (n: number) => Array.from({ length: n }, (_, i) => `"pad${i}":{"dtype":"U8","shape":[0],"data_offsets":[0,0]}`).join(',')

describe('a big safetensors header, read in batches', () => {
  it('a name repeated across batches keeps its first place and its last value, as JSON.parse gives', () => {
    const text = `{"w":{"dtype":"F32","shape":[1],"data_offsets":[0,4]},${filler(3000)},"w":{"dtype":"U8","shape":[2],"data_offsets":[0,2]}}`
    expect(text.length).toBeGreaterThan(100_000)
    const d = describeSafetensorsBytes(file(text, new Uint8Array(2)))
    const w = d.entries.filter((e) => e.name === 'w')
    expect(w).toHaveLength(1)
    expect(w[0]).toMatchObject({ dtype: 'uint8', shape: [2], byteOffset: 0 })
    expect(d.entries).toHaveLength(3001)
    // only the last value counts: a bad first one is forgotten, a bad last one is refused
    const fixedLater = `{"w":{"dtype":"F99"},${filler(3000)},"w":{"dtype":"U8","shape":[2],"data_offsets":[0,2]}}`
    expect(errorOf(() => describeSafetensorsBytes(file(fixedLater, new Uint8Array(2))))).toBeNull()
    const brokenLater = `{"w":{"dtype":"U8","shape":[2],"data_offsets":[0,2]},${filler(3000)},"w":[1]}`
    expect(errorOf(() => describeSafetensorsBytes(file(brokenLater, new Uint8Array(2))))).toBe('InvalidHeaderDeserialization')
    const metaTwice = `{"__metadata__":{"a":"1"},${filler(3000)},"__metadata__":{"b":"2"}}`
    expect({ ...describeSafetensorsBytes(file(metaTwice, new Uint8Array(0))).metadata }).toEqual({ b: '2' })
  })

  it('sorts by offsets only when out of order, stably', () => {
    const text = JSON.stringify({ b: { dtype: 'U8', shape: [2], data_offsets: [2, 4] }, z: { dtype: 'U8', shape: [0], data_offsets: [0, 0] }, a: { dtype: 'U8', shape: [2], data_offsets: [0, 2] }, y: { dtype: 'U8', shape: [0], data_offsets: [0, 0] } })
    expect(describeSafetensorsBytes(file(text, new Uint8Array(4))).entries.map((e) => e.name)).toEqual(['z', 'y', 'a', 'b'])
  })

  it('tensors of one shape share one frozen shape and strides array; past 4096 shapes each has its own, all still right', () => {
    const same = JSON.stringify({ a: { dtype: 'F32', shape: [2, 3], data_offsets: [0, 24] }, b: { dtype: 'F32', shape: [2, 3], data_offsets: [24, 48] }, c: { dtype: 'U8', shape: [2, 3], data_offsets: [48, 54] } })
    const [a, b, c] = describeSafetensorsBytes(file(same, new Uint8Array(54))).entries
    expect(a.shape).toBe(b.shape)
    expect(a.strides).toBe(b.strides)
    expect([a.strides, c.strides, c.shape === a.shape]).toEqual([[12, 4], [3, 1], true])
    expect(Object.isFrozen(a.shape) && Object.isFrozen(a.strides) && Object.isFrozen(a.sharesWith)).toBe(true)
    const many: Record<string, unknown> = {}
    let at = 0
    for (let i = 1; i <= 5000; i++) {
      many[`t${i}`] = { dtype: 'U8', shape: [1, i], data_offsets: [at, at + i] }
      at += i
    }
    const entries = describeSafetensorsBytes(file(JSON.stringify(many), new Uint8Array(at))).entries
    expect(entries.every((e, i) => e.shape[1] === i + 1 && e.strides[0] === i + 1 && e.strides[1] === 1)).toBe(true)
  })

  it('drops a byte order mark, as decoding with TextDecoder did', () => {
    const d = describeSafetensorsBytes(file('{"a":{"dtype":"U8","shape":[1],"data_offsets":[0,1]}}', new Uint8Array(1), [0xef, 0xbb, 0xbf]))
    expect(d.entries.map((e) => e.name)).toEqual(['a'])
  })

  it('a size past 2**53 bytes is ValidationOverflow; a zero dim makes any shape empty', () => {
    const huge = JSON.stringify({ a: { dtype: 'F64', shape: [2 ** 26, 2 ** 26, 4], data_offsets: [0, 0] } })
    expect(errorOf(() => describeSafetensorsBytes(file(huge, new Uint8Array(0))))).toBe('ValidationOverflow')
    const empty = JSON.stringify({ a: { dtype: 'F64', shape: [2 ** 52, 2 ** 52, 0], data_offsets: [0, 0] } })
    expect(describeSafetensorsBytes(file(empty, new Uint8Array(0))).entries[0].shape).toEqual([2 ** 52, 2 ** 52, 0])
  })
})

describe('the UTF-8 check', () => {
  const fatal = (b: Uint8Array) => {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(b)
      return true
    } catch {
      return false
    }
  }
  it('agrees with TextDecoder\'s fatal mode on text and on bytes near it', () => {
    const text = fc.string({ unit: 'grapheme', maxLength: 12 }).map((s) => new TextEncoder().encode(s))
    const mutated = fc.tuple(text, fc.nat(), fc.integer({ min: 0, max: 255 }), fc.constantFrom('set', 'drop', 'insert')).map(([b, at, byte, how]) => {
      const i = b.length ? at % b.length : 0
      const a = [...b]
      if (how === 'set' && a.length) a[i] = byte
      else if (how === 'drop') a.splice(i, 1)
      else a.splice(i, 0, byte)
      return Uint8Array.from(a)
    })
    fc.assert(fc.property(fc.oneof(text, mutated, fc.uint8Array({ maxLength: 8 })), (b) => {
      expect(isValidUtf8(b)).toBe(fatal(b))
    }), { numRuns: 5000 })
    // the edges: overlongs, surrogates, past U+10FFFF, truncated
    for (const bytes of [[0xc0, 0x80], [0xe0, 0x9f, 0xbf], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xf0, 0x8f, 0xbf, 0xbf], [0xe2, 0x82], [0xf0, 0x9f, 0x98]]) {
      expect(isValidUtf8(Uint8Array.from(bytes))).toBe(false)
    }
    for (const bytes of [[0xed, 0x9f, 0xbf], [0xf4, 0x8f, 0xbf, 0xbf], [0xf0, 0x90, 0x80, 0x80], [0xe2, 0x82, 0xac]]) {
      expect(isValidUtf8(Uint8Array.from(bytes))).toBe(true)
    }
  })
})
