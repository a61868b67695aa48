// Value windows on the wire: exact numbers, Python's spellings for non-finite
// floats, exact 64-bit integers, and the packed form used between threads.
import { describe, expect, it } from 'vitest'
import { packValues, unpackValues } from '../../src/session/packed-values'
import { toWireValue, toWireValues } from '../../src/session/wire-values'

describe('toWireValues', () => {
  it('passes finite numbers and spells non-finite ones as Python does', () => {
    expect(toWireValues(Float32Array.of(1.5, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -0))).toEqual([1.5, 'nan', 'inf', '-inf', 0])
    expect(Object.is(toWireValues(Float64Array.of(-0))[0], 0)).toBe(true)
    expect(toWireValues([1, 2.25, -3])).toEqual([1, 2.25, -3])
  })

  it('keeps 64-bit integers exact', () => {
    expect(toWireValues(BigInt64Array.of(-9223372036854775808n, 5n, 9007199254740993n))).toEqual(['-9223372036854775808', 5, '9007199254740993'])
    expect(toWireValues(BigUint64Array.of(18446744073709551615n))).toEqual(['18446744073709551615'])
    expect(toWireValue(BigInt(Number.MAX_SAFE_INTEGER))).toBe(Number.MAX_SAFE_INTEGER)
  })

  it('turns booleans into 0/1', () => {
    expect(toWireValue(true)).toBe(1)
    expect(toWireValue(false)).toBe(0)
  })
})

describe('packed values', () => {
  it('round-trip exactly, strings included', () => {
    const values = [0.1, 'nan', -2, '-9223372036854775808', 1e308, 'inf', 5e-324]
    const packed = packValues(values)
    expect(packed.numbers).toBeInstanceOf(Float64Array)
    expect(packed.strings).toEqual([[1, 'nan'], [3, '-9223372036854775808'], [5, 'inf']])
    expect(unpackValues(structuredClone(packed))).toEqual(values)
  })

  it('handle empty windows', () => {
    expect(unpackValues(packValues([]))).toEqual([])
  })
})
