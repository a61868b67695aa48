// repr() of floats and strings and the format-spec mini-language, against CPython's outputs.
import { describe, it, expect } from 'vitest'
import fc from 'fast-check'
import { floatRepr, strRepr } from '../../../src/runner/interp/repr'
import { formatFloat, formatInt, formatStr } from '../../../src/runner/interp/format_spec'

describe('floatRepr', () => {
  // Pairs printed by CPython 3.11.
  const cases: [number, string][] = [
    [1e16, '1e+16'], [1e-5, '1e-05'], [123456789012345678, '1.2345678901234568e+17'], [0.1, '0.1'], [1, '1.0'],
    [100, '100.0'], [1e22, '1e+22'], [1.5e-10, '1.5e-10'], [-0, '-0.0'], [3e15, '3000000000000000.0'],
    [0.0001, '0.0001'], [Infinity, 'inf'], [-Infinity, '-inf'], [NaN, 'nan'], [0.30000000000000004, '0.30000000000000004'],
    [5e-324, '5e-324'], [1.7976931348623157e308, '1.7976931348623157e+308'], [123.456, '123.456'],
  ]
  for (const [x, want] of cases) it(`${want}`, () => expect(floatRepr(x)).toBe(want))
  it('round-trips every double and uses Python\'s notation switch', () => {
    fc.assert(fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), x => {
      const r = floatRepr(x)
      expect(Number(r)).toBe(x)
      const exp = x === 0 ? 0 : Math.floor(Math.log10(Math.abs(x)))
      if (r.includes('e')) expect(exp < -4 || exp >= 15).toBe(true)
      else expect(r).toMatch(/\.\d+$/)
    }))
  })
})

describe('strRepr', () => {
  it('quotes as CPython does', () => {
    expect(strRepr("it's")).toBe('"it\'s"')
    expect(strRepr('say "hi"')).toBe('\'say "hi"\'')
    expect(strRepr('both \' and "')).toBe('\'both \\\' and "\'')
    expect(strRepr('a\tb\n\x01')).toBe("'a\\tb\\n\\x01'")
  })
})

describe('format specs (CPython outputs)', () => {
  const floats: [number, string, string][] = [
    [3.14159, '.3f', '3.142'], [0.1, 'g', '0.1'], [123456789, 'g', '1.23457e+08'], [1.5, '>8', '     1.5'],
    [1.5, '08.2f', '00001.50'], [-2, '+.1e', '-2.0e+00'], [100, '.3g', '100'], [0.5, '.0%', '50%'],
    [1234567.891, ',.2f', '1,234,567.89'], [2, '.3', '2.0'], [1e20, '.3', '1e+20'], [12, 'g', '12'], [1e-7, 'g', '1e-07'],
    [1, '.10g', '1'], [2.5, '^9.1f', '   2.5   '], [-0.0, '.1f', '-0.0'], [Infinity, 'f', 'inf'], [NaN, 'E', 'NAN'],
  ]
  for (const [x, spec, want] of floats) it(`format(${x}, '${spec}')`, () => expect(formatFloat(x, spec)).toBe(want))
  const ints: [bigint, string, string][] = [
    [42n, '>8', '      42'], [255n, '#x', '0xff'], [1234567n, ',', '1,234,567'], [-5n, '05d', '-0005'], [5n, '+d', '+5'],
    [255n, '08b', '11111111'], [3n, '.2f', '3.00'], [10n ** 20n, '_', '100_000_000_000_000_000_000'],
  ]
  for (const [x, spec, want] of ints) it(`format(${x}, '${spec}')`, () => expect(formatInt(x, spec)).toBe(want))
  it('strings pad and truncate', () => {
    expect(formatStr('ab', '>8')).toBe('      ab')
    expect(formatStr('ab', '^7')).toBe('  ab   ')
    expect(formatStr('abcdef', '.3')).toBe('abc')
    expect(formatStr('ab', '*<5')).toBe('ab***')
  })
  it('rejects specs Python rejects', () => {
    expect(() => formatInt(1n, '.2d')).toThrow(/Precision not allowed/)
    expect(() => formatStr('a', 'd')).toThrow(/Unknown format code 'd' for object of type 'str'/)
  })
})
