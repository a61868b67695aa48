import { describe, expect, it } from 'vitest'
import { socketUrls } from '../../../src/renderer/src/host/socketUrls'
import { colorOf, formatValue, normalize, rangeOf, toNumbers } from '../../../src/renderer/src/model/colormap'

describe('browser-mode socket address', () => {
  it('keeps the host and the token of the page', () => {
    expect(socketUrls('http://127.0.0.1:4567/?token=ab%2Bc')).toEqual(['ws://127.0.0.1:4567/?token=ab%2Bc', 'ws://127.0.0.1:4567/ws?token=ab%2Bc'])
    expect(socketUrls('http://127.0.0.1:1/')).toEqual(['ws://127.0.0.1:1/', 'ws://127.0.0.1:1/ws'])
  })
})

describe('values as colour', () => {
  it('reads wire values (nan, inf, big ints) and complex magnitudes', () => {
    expect(Array.from(toNumbers({ complex: false, values: [1, 'nan', 'inf', '-inf', '9007199254740993'] }))).toEqual([1, NaN, Infinity, -Infinity, 9007199254740992])
    expect(Array.from(toNumbers({ complex: true, values: [3, 4, 0, -1] }))).toEqual([5, 1])
  })
  it('ranges over finite values only; a constant range maps to the middle', () => {
    const r = rangeOf([1, NaN, 5, Infinity, 3])
    expect([r.min, r.max, r.finite]).toEqual([1, 5, 3])
    expect(normalize(3, r)).toBe(0.5)
    expect(normalize(7, rangeOf([7, 7]))).toBe(0.5)
    const nan = colorOf(NaN, r, [0, 0, 0])
    expect(nan).not.toEqual(colorOf(1, r, [0, 0, 0]))
  })
  it('formats like the dtype', () => {
    expect(formatValue(1, 'bool')).toBe('True')
    expect(formatValue(3.0000001, 'int32')).toBe('3')
    expect(formatValue(1e-7, 'float32')).toBe('1.000e-7')
    expect(formatValue(-Infinity, 'float64')).toBe('-inf')
  })
})
