// Value windows on the wire: exact numbers, Python's spellings for non-finite
// floats, exact 64-bit integers; the packed form used between threads and the
// JSON the server writes straight from it.
import { describe, expect, it } from 'vitest'
import {
  lazyWindowResult, packEngineValues, packValues, packedToJson, packedValuesOf, unpackValues
} from '../../src/session/packed-values'

const wire = (values: Parameters<typeof packEngineValues>[0]) => unpackValues(packEngineValues(values))

describe('packEngineValues', () => {
  it('passes finite numbers and spells non-finite ones as Python does', () => {
    expect(wire(Float32Array.of(1.5, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -0))).toEqual([1.5, 'nan', 'inf', '-inf', 0])
    expect(Object.is(wire(Float64Array.of(-0))[0], 0)).toBe(true)
    expect(wire([1, 2.25, -3])).toEqual([1, 2.25, -3])
    expect(wire(Float32Array.of(0.1))).toEqual([Math.fround(0.1)])
  })

  it('keeps 64-bit integers exact', () => {
    expect(wire(BigInt64Array.of(-9223372036854775808n, 5n, 9007199254740993n))).toEqual(['-9223372036854775808', 5, '9007199254740993'])
    expect(wire(BigUint64Array.of(18446744073709551615n))).toEqual(['18446744073709551615'])
    expect(wire(BigInt64Array.of(BigInt(Number.MAX_SAFE_INTEGER)))).toEqual([Number.MAX_SAFE_INTEGER])
  })

  it('turns booleans into 0/1', () => {
    expect(wire([true, false] as unknown as number[])).toEqual([1, 0])
  })
})

describe("the 'f64' encoding", () => {
  it('holds every value as a double, non-finite ones native, 64-bit integers beyond 2^53 rounded', async () => {
    const { engineValuesToF64 } = await import('../../src/session/packed-values')
    const { windowNumbers } = await import('../../src/shared/window-numbers')
    const f32 = engineValuesToF64(new Float32Array([1.5, Number.NaN, -Infinity, Infinity, -0, -2]))
    expect(Array.from(windowNumbers({ values: [], f64: f32 }))).toEqual([1.5, Number.NaN, -Infinity, Infinity, -0, -2])
    expect(Array.from(engineValuesToF64(new BigInt64Array([9007199254740993n, -(2n ** 63n)])))).toEqual([9007199254740992, -(2 ** 63)])
    expect(Array.from(engineValuesToF64(new Uint8Array([1, 0])))).toEqual([1, 0]) // booleans
    // The engine's own doubles are already a fresh copy: used as they are.
    const doubles = new Float64Array([0.1, 2])
    expect(engineValuesToF64(doubles)).toBe(doubles)
    expect(Array.from(windowNumbers({ values: [2, 'nan'] }))).toEqual([2, Number.NaN])
  })
})

describe('packed values', () => {
  const values = [0.1, 'nan', -2, '-9223372036854775808', 1e308, 'inf', 5e-324]

  it('round-trip exactly through structured clone, strings included', () => {
    const packed = packValues(values)
    expect(packed.numbers).toBeInstanceOf(Float64Array)
    expect(packed.strings).toEqual([[1, 'nan'], [3, '-9223372036854775808'], [5, 'inf']])
    expect(unpackValues(structuredClone(packed))).toEqual(values)
    expect(unpackValues(packValues([]))).toEqual([])
  })

  it('write the same JSON as JSON.stringify of the values', () => {
    expect(packedToJson(packValues(values))).toBe(JSON.stringify(values))
    for (const v of [[], ['nan'], [1], ['inf', 2], [3, '-inf'], [-0, 1.5e-7, 123456789012, 2 ** 53]]) {
      expect(packedToJson(packValues(v))).toBe(JSON.stringify(v))
    }
  })

  it('a lazy window result reads like a plain one and keeps its packed values for the server', () => {
    const packed = packValues(values)
    const r = lazyWindowResult({ objectId: 1, dtype: 'float64', start: [0], shape: [7], complex: false, packed })
    expect(packedValuesOf(r)).toBe(packed)
    expect(Object.keys(r)).toEqual(['objectId', 'dtype', 'start', 'shape', 'complex', 'values'])
    expect(r.values).toEqual(values)
    expect(JSON.parse(JSON.stringify(r))).toEqual({ objectId: 1, dtype: 'float64', start: [0], shape: [7], complex: false, values })
    expect(structuredClone(r).values).toEqual(values)
    expect(packedValuesOf({ values })).toBeUndefined()
  })
})
