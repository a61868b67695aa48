// The protocol's runtime validators: what they accept and what they refuse.
import { describe, expect, it } from 'vitest'
import {
  MAX_CODE_LENGTH, MAX_WINDOW_ELEMENTS, clientMessage, eventMessage, isMethod, methods, serverMessage, wireValueToNumber
} from '../../src/shared/protocol'
import { array, count, isValid, object, optional, parse, ValidationError } from '../../src/shared/schema'
import { decodeBase64, encodeBase64 } from '../../src/shared/base64'

const params = (m: keyof typeof methods, v: unknown) => methods[m].params.check(v, 'params')

describe('request params', () => {
  it('accepts well-formed params', () => {
    expect(params('run', { code: 'a = np.arange(6)' })).toBeNull()
    expect(params('window', { objectId: 3, start: [0, 0], shape: [2, 3] })).toBeNull()
    expect(params('window', { objectId: 3, start: [0], shape: [2], encoding: 'f64' })).toBeNull()
    expect(params('window', { objectId: 3, start: [0], shape: [2], encoding: 'f16' })).toMatch(/^params\.encoding/)
    expect(params('setSimulateCuda', { on: true })).toBeNull()
    expect(params('setMemoryCaps', { cpu: 2 ** 33, cuda: null })).toBeNull()
    expect(params('reset', {})).toBeNull()
  })

  it('names the bad field', () => {
    expect(params('run', { code: 42 })).toBe('params.code: expected string of at most 200000 characters, got number')
    expect(params('run', {})).toMatch(/^params\.code: /)
    expect(params('window', { objectId: 1, start: [0, -1], shape: [1, 1] })).toBe(
      'params.start[1]: expected non-negative integer, got number'
    )
    expect(params('window', { objectId: 1.5, start: [], shape: [] })).toMatch(/^params\.objectId/)
    expect(params('setSimulateCuda', { on: 'yes' })).toBe('params.on: expected boolean, got string')
    expect(params('setMemoryCaps', { cpu: -1, cuda: null })).toMatch(/^params\.cpu: expected non-negative integer/)
    expect(params('setMemoryCaps', { cpu: null })).toMatch(/^params\.cuda/)
    expect(params('reset', null)).toBe('params: expected object, got null')
  })

  it('refuses unknown keys, oversized code and absurd ranks', () => {
    expect(params('reset', { extra: 1 })).toBe("params: unexpected key 'extra'")
    expect(params('run', { code: 'x'.repeat(MAX_CODE_LENGTH + 1) })).toMatch(/at most 200000/)
    expect(params('window', { objectId: 1, start: new Array(65).fill(0), shape: [] })).toMatch(/at most 64 items/)
  })

  it('knows exactly the protocol methods', () => {
    expect(isMethod('run')).toBe(true)
    expect(isMethod('constructor')).toBe(false)
    expect(isMethod('__proto__')).toBe(false)
    expect(isMethod(7)).toBe(false)
  })
})

describe('wire messages', () => {
  it('validates client requests', () => {
    expect(isValid(clientMessage, { type: 'request', id: 1, method: 'run', params: { code: '' } })).toBe(true)
    expect(isValid(clientMessage, { type: 'request', id: -1, method: 'run' })).toBe(false)
    expect(isValid(clientMessage, { type: 'hello' })).toBe(false)
  })

  it('validates server messages by their tag', () => {
    expect(isValid(serverMessage, { type: 'hello', version: 1 })).toBe(true)
    expect(isValid(serverMessage, { type: 'response', id: 1, ok: true, result: {} })).toBe(true)
    expect(isValid(serverMessage, { type: 'response', id: null, ok: false, error: { code: 'bad-request', message: 'x' } })).toBe(true)
    expect(isValid(serverMessage, { type: 'response', id: 1, ok: false, error: { code: 'nope', message: 'x' } })).toBe(false)
    expect(isValid(serverMessage, { type: 'event', event: 'progress', payload: { id: 0, label: 'x', fraction: 0.5, done: false } })).toBe(true)
    expect(isValid(serverMessage, { type: 'event', event: 'progress', payload: { id: 0, label: 'x', fraction: 0.5 } })).toBe(false)
    expect(isValid(eventMessage, { event: 'other', payload: {} })).toBe(false)
  })
})

describe('values', () => {
  it('accepts JSON-safe values and decodes the special spellings', () => {
    const ok = { objectId: 1, dtype: 'float64', start: [0], shape: [4], complex: false, values: [1.5, 'nan', '-inf', '-9223372036854775808'] }
    expect(isValid(methods.window.result, ok)).toBe(true)
    expect(isValid(methods.window.result, { ...ok, values: ['1.5'] })).toBe(false)
    expect(isValid(methods.window.result, { ...ok, values: [Number.NaN] })).toBe(false)
    expect(isValid(methods.window.result, { ...ok, dtype: 'float128' })).toBe(false)
    expect(wireValueToNumber('nan')).toBeNaN()
    expect(wireValueToNumber('-inf')).toBe(Number.NEGATIVE_INFINITY)
    expect(wireValueToNumber('12')).toBe(12)
    expect(MAX_WINDOW_ELEMENTS).toBeGreaterThanOrEqual(1_000_000)
  })

  it('round-trips bytes through base64', () => {
    const bytes = Uint8Array.from({ length: 70_000 }, (_, i) => (i * 31) & 255)
    expect(Buffer.from(decodeBase64(encodeBase64(bytes))).equals(Buffer.from(bytes))).toBe(true)
    expect(encodeBase64(Uint8Array.of(0, 255, 16))).toBe('AP8Q')
  })
})

describe('schema combinators', () => {
  it('optional keys may be absent but not wrong', () => {
    const s = object({ a: count, b: optional(array(count, 2)) })
    expect(isValid(s, { a: 1 })).toBe(true)
    expect(isValid(s, { a: 1, b: [1, 2] })).toBe(true)
    expect(isValid(s, { a: 1, b: [1, 2, 3] })).toBe(false)
    expect(() => parse(s, { a: 'x' }, 'p')).toThrow(new ValidationError("p.a: expected non-negative integer, got string"))
  })
})
