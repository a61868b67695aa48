// The one definition of how an 'f64' window crosses each transport: its values
// narrowed once (src/shared/binary-frame.ts), the binary WebSocket frame, the
// buffer the session worker transfers, and the widening back to doubles.
import { describe, expect, it } from 'vitest'
import {
  binaryValuesOf, decodeBinaryResponse, encodeBinaryParts, encodeBinaryResponse, narrowestElements, narrowValues, transferOf, widenValues,
  type FrameElements, type NumbersWindow
} from '../../src/shared/binary-frame'
import { methods, type ValuesWindow } from '../../src/shared/protocol'

/** An 'f64' window of these doubles, narrowed as the session narrows them. */
function win(f64: Float64Array, dtype: ValuesWindow['dtype'] = 'float64'): NumbersWindow {
  return { objectId: 7, dtype, start: [0, 0], shape: [f64.length, 1], complex: false, values: [], f64: narrowValues(f64) }
}

/** The bytes of doubles, to compare bit for bit (-0 stays -0, NaN stays NaN). */
const bytesOf = (f: Float64Array) => Buffer.from(f.buffer, f.byteOffset, f.byteLength)

/** A frame as the browser hands it over: its own ArrayBuffer. */
function received(frame: Uint8Array): ArrayBuffer {
  return frame.slice().buffer
}

describe('the binary window frame', () => {
  it('carries a window as the same bytes, specials and -0 included, read in place', () => {
    const doubles = new Float64Array([1.5, Number.NaN, -Infinity, Infinity, -0, 2 ** 60, 5e-324, -1e308])
    const buf = received(encodeBinaryResponse(12, win(doubles)))
    const msg = decodeBinaryResponse(buf)
    expect(msg).toMatchObject({ type: 'response', id: 12, ok: true, result: { objectId: 7, dtype: 'float64', start: [0, 0], shape: [8, 1], complex: false, values: [] } })
    const got = msg.result.f64
    expect(got.buffer).toBe(buf) // a view of the frame, no copy
    expect(got.byteOffset % 8).toBe(0)
    expect(new Uint8Array(got.buffer, got.byteOffset, got.byteLength)).toEqual(new Uint8Array(doubles.buffer))
    expect(methods.window.result.check(msg.result, 'result')).toBeNull()
  })

  it('aligns the doubles whatever the header length, and reads a view into a larger buffer', () => {
    const backing = new Float64Array([9, 0.1, 0.2, 0.3, 9])
    for (const dtype of ['float64', 'int8', 'complex128', 'bool'] as const) {
      const sub = backing.subarray(1, 4)
      const msg = decodeBinaryResponse(received(encodeBinaryResponse(1, win(sub, dtype))))
      expect(msg.result.dtype).toBe(dtype)
      expect(Array.from(msg.result.f64)).toEqual([0.1, 0.2, 0.3])
    }
    expect(decodeBinaryResponse(received(encodeBinaryResponse(1, win(new Float64Array(0))))).result.f64.length).toBe(0)
  })

  it('holds a 1M-element window in one frame of its bytes plus a short header', () => {
    const doubles = new Float64Array(1_000_000).map((_, i) => i * 0.1)
    const frame = encodeBinaryResponse(3, { ...win(doubles), shape: [1000, 1000] })
    expect(frame.byteLength).toBeGreaterThanOrEqual(8_000_000)
    expect(frame.byteLength).toBeLessThan(8_000_000 + 256)
    const got = decodeBinaryResponse(received(frame)).result.f64
    expect(got.length).toBe(1_000_000)
    expect(got[999_999]).toBe(999_999 * 0.1)
  })

  it('refuses frames that do not hold a header and whole doubles', () => {
    expect(() => decodeBinaryResponse(new ArrayBuffer(2))).toThrow(/shorter/)
    const frame = received(encodeBinaryResponse(1, win(new Float64Array([0.1, 0.2]))))
    expect(() => decodeBinaryResponse(frame.slice(0, frame.byteLength - 3))).toThrow(/whole doubles/)
    const lying = new Uint8Array(frame.slice(0))
    new DataView(lying.buffer).setUint32(0, 1 << 20, true)
    expect(() => decodeBinaryResponse(lying.buffer)).toThrow(/header/)
  })
})

describe('values in the narrowest exact type', () => {
  const cases: Array<[string, number[], FrameElements, number]> = [
    ['zeros', [0, 0, 0, 0], 'int8', 1],
    ['int8 bounds', [-128, 127, 5], 'int8', 1],
    ['int16', [-129, 127], 'int16', 2],
    ['int16 bounds', [-32768, 32767], 'int16', 2],
    ['int32', [32768, -5], 'int32', 4],
    ['int32 bounds', [-(2 ** 31), 2 ** 31 - 1], 'int32', 4],
    ['-0 is not an integer zero', [1, -0, 2], 'float32', 4],
    ['halves', [0.5, 1.25, -3], 'float32', 4],
    ['specials', [NaN, Infinity, -Infinity, 0], 'float32', 4],
    ['float32 values', Array.from(new Float32Array([0.1, 1e-40, 3.4e38])), 'float32', 4],
    ['integers past 2^24 before a fraction', [2 ** 24 + 1, 0.5], 'float64', 8],
    ['2^24 before a fraction', [2 ** 24, 0.5], 'float32', 4],
    ['past int32', [2 ** 31], 'float32', 4],
    ['past int32, odd', [2 ** 31 + 1], 'float64', 8],
    ['a double', [0.1], 'float64', 8],
    ['the smallest subnormal', [5e-324], 'float64', 8],
    ['empty', [], 'int8', 1]
  ]
  for (const [name, values, want, bytes] of cases) {
    it(`${name}: ${want}, widened back to the same doubles`, () => {
      const doubles = new Float64Array(values)
      expect(narrowestElements(doubles)).toBe(want)
      const [head, body] = encodeBinaryParts(5, win(doubles))
      expect(body.byteLength).toBe(values.length * bytes)
      const frame = new Uint8Array(head.length + body.length)
      frame.set(head)
      frame.set(body, head.length)
      const msg = decodeBinaryResponse(frame.buffer)
      expect(msg).not.toHaveProperty('elements')
      expect(msg.result).toEqual(win(doubles))
      expect(msg.result.f64.constructor.name).toBe(`${want[0].toUpperCase()}${want.slice(1)}Array`)
      expect(msg.result.f64.buffer).toBe(frame.buffer) // read in place
      // Widened back bit for bit: -0 stays -0, NaN stays NaN.
      const back = widenValues(msg.result.f64)
      expect(back).toBeInstanceOf(Float64Array)
      expect(bytesOf(back).equals(bytesOf(doubles))).toBe(true)
    })
  }

  it('a million zeros cross in a million bytes', () => {
    const frame = encodeBinaryResponse(1, { ...win(new Float64Array(1_000_000)), shape: [1000, 1000] })
    expect(frame.byteLength).toBeLessThan(1_000_000 + 256)
    const got = widenValues(decodeBinaryResponse(received(frame)).result.f64)
    expect(got.length).toBe(1_000_000)
    expect(got.every((v) => v === 0 && 1 / v > 0)).toBe(true)
  })

  it('narrows once: doubles that fit no narrower type are the same array, and a frame sends values in the type they are in', () => {
    const doubles = new Float64Array([0.1, 2])
    expect(narrowValues(doubles)).toBe(doubles)
    expect(widenValues(doubles)).toBe(doubles) // no copy either way
    const zeros = new Float64Array(4) // not narrowed by anyone: crosses as the doubles it is
    expect(encodeBinaryParts(1, { ...win(zeros), f64: zeros })[1].byteLength).toBe(32)
  })

  it('refuses a frame naming elements it does not know, or not a whole number of them', () => {
    const frame = received(encodeBinaryResponse(1, win(new Float64Array([1000, 2000]))))
    expect(() => decodeBinaryResponse(frame.slice(0, frame.byteLength - 1))).toThrow(/whole int16 values/)
    const bytes = new Uint8Array(frame.slice(0))
    const at = new TextDecoder('latin1').decode(bytes).indexOf('"int16"')
    bytes.set(new TextEncoder().encode('"int64"'), at)
    expect(() => decodeBinaryResponse(bytes.buffer)).toThrow(/unknown elements 'int64'/)
  })
})

describe('the worker transfer', () => {
  it("transfers an 'f64' window's buffer only when the doubles are all of it", () => {
    const own = new Float64Array([0.1, 0.2, 0.3, 0.4])
    expect(transferOf(win(own))).toEqual([own.buffer])
    const zeros = win(new Float64Array(4))
    expect(transferOf(zeros)).toEqual([zeros.f64.buffer]) // the narrowed values' own buffer
    expect(transferOf(win(new Float64Array(8).fill(0.1).subarray(2, 4)))).toEqual([])
    expect(transferOf({ values: [1, 2] })).toEqual([])
    expect(binaryValuesOf({ f64: 'AAAA' })).toBeUndefined()
  })

  it('the transferred doubles arrive as the same bytes and leave the sender', async () => {
    const doubles = new Float64Array([0.1, Number.NaN, -0])
    const bytes = new Uint8Array(doubles.buffer).slice()
    const { port1, port2 } = new MessageChannel()
    const got = new Promise<{ f64: Float64Array }>((resolve) => port2.once('message', resolve))
    port1.postMessage(win(doubles), transferOf(win(doubles)))
    const arrived = (await got).f64
    expect(new Uint8Array(arrived.buffer, arrived.byteOffset, arrived.byteLength)).toEqual(bytes)
    expect(doubles.length).toBe(0) // moved, not copied
    port1.close()
  })

  it('as two parts (the fragments of one message): the same bytes, the doubles read from their own buffer, not copied', () => {
    const doubles = new Float64Array([0.5, -0, NaN, Infinity, 5e-324])
    const [head, body] = encodeBinaryParts(4, win(doubles))
    expect(body.buffer).toBe(doubles.buffer)
    expect(head.length % 8).toBe(0)
    const joined = new Uint8Array(head.length + body.length)
    joined.set(head)
    joined.set(body, head.length)
    expect(Array.from(joined)).toEqual(Array.from(encodeBinaryResponse(4, win(doubles))))
  })
})
