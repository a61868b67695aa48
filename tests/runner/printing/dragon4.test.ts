// Dragon4 and float re-encoding, checked without NumPy: expected strings are
// the examples in NumPy's own docstrings (format_float_positional /
// format_float_scientific) and IEEE binary16 facts.

import { describe, expect, it } from 'vitest'
import { formatPositional, formatScientific } from '../../../src/runner/printing'
import { floatParts, halfBitsToNumber, toHalfBits } from '../../../src/runner/printing/float_bits'

const half = (x: number): number => halfBitsToNumber(toHalfBits(x))

describe('binary16 rounding', () => {
  it('rounds to nearest, ties to even, overflows at 65520', () => {
    expect(toHalfBits(1)).toBe(0x3c00)
    expect(toHalfBits(65504)).toBe(0x7bff)
    expect(toHalfBits(65519)).toBe(0x7bff)
    expect(toHalfBits(65520)).toBe(0x7c00)
    expect(toHalfBits(2 ** -24)).toBe(1)
    expect(toHalfBits(2 ** -25)).toBe(0) // tie between 0 and 1 -> even
    expect(toHalfBits(3 * 2 ** -25)).toBe(2) // tie between 1 and 2 -> even
    expect(toHalfBits(-0)).toBe(0x8000)
    expect(toHalfBits(NaN)).toBe(0x7e00)
    expect(toHalfBits(-Infinity)).toBe(0xfc00)
    expect(half(0.1)).toBe(0.0999755859375)
    expect(half(1 + 2 ** -11)).toBe(1) // tie -> even mantissa
    expect(half(1 + 3 * 2 ** -11)).toBe(1 + 2 ** -9)
  })
  it('factors values like dragon4.c (unequal margins at powers of two)', () => {
    expect(floatParts(1, 'float64')).toMatchObject({ mantissa: 2n ** 52n, exponent: -52, unequalMargins: true })
    expect(floatParts(1.5, 'float32')).toMatchObject({ mantissa: 3n * 2n ** 22n, exponent: -23, unequalMargins: false })
    expect(floatParts(2 ** -1074, 'float64')).toMatchObject({ mantissa: 1n, exponent: -1074, mantissaBit: 0 })
    expect(floatParts(NaN, 'float16').kind).toBe('nan')
  })
})

describe('NumPy docstring examples', () => {
  it('format_float_positional', () => {
    expect(formatPositional(Math.fround(Math.PI), 'float32')).toBe('3.1415927')
    expect(formatPositional(half(Math.PI), 'float16')).toBe('3.14')
    expect(formatPositional(half(0.3), 'float16')).toBe('0.3')
    expect(formatPositional(half(0.3), 'float16', { unique: false, precision: 10 })).toBe('0.3000488281')
  })
  it('format_float_scientific', () => {
    expect(formatScientific(Math.fround(Math.PI), 'float32')).toBe('3.1415927e+00')
    const s = Math.fround(1.23e24)
    expect(formatScientific(s, 'float32', { unique: false, precision: 15 })).toBe('1.230000071797338e+24')
    expect(formatScientific(s, 'float32', { expDigits: 4 })).toBe('1.23e+0024')
  })
  it('shortest digits depend on the type', () => {
    expect(formatPositional(0.1, 'float64')).toBe('0.1')
    expect(formatPositional(Math.fround(0.1), 'float32')).toBe('0.1')
    expect(formatPositional(Math.fround(0.1), 'float64')).toBe('0.10000000149011612')
  })
  it('trim modes and padding', () => {
    expect(formatPositional(1, 'float64', { trim: 'k' })).toBe('1.')
    expect(formatPositional(1, 'float64', { trim: '.' })).toBe('1.')
    expect(formatPositional(1, 'float64', { trim: '0' })).toBe('1.0')
    expect(formatPositional(1, 'float64', { trim: '-' })).toBe('1')
    expect(formatPositional(-2.5, 'float64', { padLeft: 4, padRight: 3 })).toBe('  -2.5  ')
    expect(formatPositional(1, 'float64', { trim: '-', padRight: 2 })).toBe('1   ')
    expect(formatPositional(-0, 'float64')).toBe('-0.')
    expect(formatPositional(Infinity, 'float64', { sign: true })).toBe('+inf')
    expect(formatPositional(NaN, 'float64', { sign: true })).toBe('nan')
  })
})

describe('properties (no NumPy needed)', () => {
  it("float64 unique digits equal JS's shortest round-trip digits", async () => {
    const fc = (await import('fast-check')).default
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        const s = formatScientific(x, 'float64', { trim: '-' })
        const [m, e] = s.split('e')
        const [jm, je] = Math.abs(x).toExponential().split('e')
        // the sign of -0.0 is printed too; JS drops it
        return Object.is(Number(s), x) && m.replace(/[-.]/g, '') === jm.replace('.', '') && Number(e) === Number(je)
      }),
      { seed: 20261126, numRuns: 5000 }
    )
  })
  it('float32 and float16 digits round-trip in their own type', async () => {
    const fc = (await import('fast-check')).default
    fc.assert(
      fc.property(fc.float({ noNaN: true, noDefaultInfinity: true }), (x) => {
        return Math.fround(Number(formatScientific(x, 'float32'))) === x
      }),
      { seed: 7, numRuns: 5000 }
    )
    for (let bits = 0; bits < 0x7c00; bits++) {
      const x = halfBitsToNumber(bits)
      expect(half(Number(formatScientific(x, 'float16')))).toBe(x)
    }
  })
})
