import { describe, expect, it } from 'vitest'
import { describeSafetensorsBytes, encodeSafetensors } from '../../src/files/safetensors'
import { readEntryValues } from '../../src/files/element-values'
import { FileFormatError } from '../../src/files/errors'

function file(header: object | string, data: Uint8Array): Uint8Array {
  const h = new TextEncoder().encode(typeof header === 'string' ? header : JSON.stringify(header))
  const out = new Uint8Array(8 + h.length + data.length)
  new DataView(out.buffer).setBigUint64(0, BigInt(h.length), true)
  out.set(h, 8)
  out.set(data, 8 + h.length)
  return out
}

function stErr(fn: () => unknown): string {
  try { fn() } catch (e) {
    expect(e).toBeInstanceOf(FileFormatError)
    expect((e as FileFormatError).pyType).toBe('SafetensorError')
    return (e as Error).message.replace('Error while deserializing header: ', '')
  }
  throw new Error('expected an error')
}

const f32 = (xs: number[]) => new Uint8Array(Float32Array.from(xs).buffer)

describe('safetensors reader', () => {
  it('matches the byte layout of the library test (test_serialization in tensor.rs)', () => {
    const bytes = encodeSafetensors({ 'attn.0': { dtype: 'float32', shape: [1, 2, 3], strides: [24, 12, 4], itemsize: 4, byteOffset: 0, data: f32([0, 1, 2, 3, 4, 5]) } })
    expect(Array.from(bytes.subarray(0, 8))).toEqual([64, 0, 0, 0, 0, 0, 0, 0])
    expect(new TextDecoder().decode(bytes.subarray(8, 72))).toBe('{"attn.0":{"dtype":"F32","shape":[1,2,3],"data_offsets":[0,24]}}')
    const d = describeSafetensorsBytes(bytes, { strict: true })
    expect(d.entries[0]).toMatchObject({ name: 'attn.0', dtype: 'float32', shape: [1, 2, 3], strides: [24, 12, 4], byteOffset: 0 })
    expect(readEntryValues(d.entries[0], d.storages[0])).toEqual([0, 1, 2, 3, 4, 5])
  })

  it('reads dtypes, offsets and metadata', () => {
    const data = new Uint8Array(2 + 4 + 8)
    new DataView(data.buffer).setUint16(0, 0x3fc0, true) // bf16 1.5
    new DataView(data.buffer).setInt32(2, -7, true)
    new DataView(data.buffer).setBigInt64(6, -(2n ** 40n), true)
    const d = describeSafetensorsBytes(file({
      __metadata__: { format: 'pt' },
      b: { dtype: 'BF16', shape: [], data_offsets: [0, 2] },
      i: { dtype: 'I32', shape: [1], data_offsets: [2, 6] },
      l: { dtype: 'I64', shape: [1, 1], data_offsets: [6, 14] },
    }, data), { strict: true })
    expect(d.metadata).toEqual({ format: 'pt' })
    expect(d.entries.map((e) => [e.name, e.dtype, e.byteOffset])).toEqual([['b', 'bfloat16', 0], ['i', 'int32', 2], ['l', 'int64', 6]])
    expect(d.entries.map((e) => readEntryValues(e, d.storages[0])[0])).toEqual([1.5, -7, -(2n ** 40n)])
  })

  it('shows overlapping tensors as sharing bytes, and says the library would refuse them', () => {
    const header = { a: { dtype: 'F32', shape: [4], data_offsets: [0, 16] }, b: { dtype: 'F32', shape: [2], data_offsets: [8, 16] }, c: { dtype: 'U8', shape: [4], data_offsets: [16, 20] } }
    const bytes = file(header, new Uint8Array(20))
    const d = describeSafetensorsBytes(bytes)
    expect(d.entries.find((e) => e.name === 'a')!.sharesWith).toEqual(['b'])
    expect(d.entries.find((e) => e.name === 'c')!.sharesWith).toEqual([])
    expect(d.warnings.join('\n')).toMatch(/InvalidOffset\("b"\)/)
    expect(stErr(() => describeSafetensorsBytes(bytes, { strict: true }))).toBe('InvalidOffset("b")')
  })

  it('gives the library\'s errors for bad files', () => {
    expect(stErr(() => describeSafetensorsBytes(new Uint8Array(5)))).toBe('HeaderTooSmall')
    const big = new Uint8Array(16)
    new DataView(big.buffer).setBigUint64(0, 100_000_001n, true)
    expect(stErr(() => describeSafetensorsBytes(big))).toBe('HeaderTooLarge')
    new DataView(big.buffer).setBigUint64(0, 2n ** 64n - 1n, true)
    expect(stErr(() => describeSafetensorsBytes(big))).toBe('HeaderTooLarge')
    new DataView(big.buffer).setBigUint64(0, 9n, true)
    expect(stErr(() => describeSafetensorsBytes(big))).toBe('InvalidHeaderLength')
    expect(stErr(() => describeSafetensorsBytes(file('{"a": 1', new Uint8Array(0))))).toBe('InvalidHeaderDeserialization')
    expect(stErr(() => describeSafetensorsBytes(file({ a: { dtype: 'F33', shape: [1], data_offsets: [0, 4] } }, new Uint8Array(4))))).toBe('InvalidHeaderDeserialization')
    expect(stErr(() => describeSafetensorsBytes(file({ a: { dtype: 'F32', shape: [2], data_offsets: [0, 4] } }, new Uint8Array(4))))).toBe('TensorInvalidInfo')
    expect(stErr(() => describeSafetensorsBytes(file({ a: { dtype: 'F32', shape: [2], data_offsets: [0, 8] } }, new Uint8Array(4))))).toBe('InvalidOffset("a")')
    expect(stErr(() => describeSafetensorsBytes(file({ a: { dtype: 'F32', shape: [1], data_offsets: [0, 4] } }, new Uint8Array(8)), { strict: true }))).toBe('MetadataIncompleteBuffer')
    const bad = file('{"a":{}}', new Uint8Array(0))
    bad[9] = 0xff
    expect(stErr(() => describeSafetensorsBytes(bad))).toBe('InvalidHeader')
  })

  it('describes float8 tensors without an engine dtype', () => {
    const d = describeSafetensorsBytes(file({ q: { dtype: 'F8_E4M3', shape: [3], data_offsets: [0, 3] } }, new Uint8Array(3)), { strict: true })
    expect(d.entries[0]).toMatchObject({ dtype: null, itemsize: 1, dtypeText: 'F8_E4M3' })
    expect(d.entries[0].unsupported).toMatch(/no engine dtype/)
  })

  it('writes tensors sorted by alignment then name, in C order', () => {
    const t = { dtype: 'float32' as const, shape: [2, 2], strides: [4, 8], itemsize: 4, byteOffset: 0, data: f32([1, 2, 3, 4]) }
    const u = { dtype: 'uint8' as const, shape: [1], strides: [1], itemsize: 1, byteOffset: 0, data: Uint8Array.of(9) }
    const d = describeSafetensorsBytes(encodeSafetensors({ u, t }, { k: 'v' }), { strict: true })
    expect(d.entries.map((e) => [e.name, e.byteOffset])).toEqual([['t', 0], ['u', 16]])
    expect(readEntryValues(d.entries[0], d.storages[0])).toEqual([1, 3, 2, 4])
  })
})
