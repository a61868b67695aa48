// The one definition of how an 'f64' window crosses each transport: the binary
// WebSocket frame (src/shared/binary-frame.ts) and the buffer the session
// worker transfers.
import { describe, expect, it } from 'vitest'
import { binaryValuesOf, decodeBinaryResponse, encodeBinaryParts, encodeBinaryResponse, transferOf } from '../../src/shared/binary-frame'
import { methods, type ValuesWindow } from '../../src/shared/protocol'

function win(f64: Float64Array, dtype: ValuesWindow['dtype'] = 'float64'): ValuesWindow & { f64: Float64Array } {
  return { objectId: 7, dtype, start: [0, 0], shape: [f64.length, 1], complex: false, values: [], f64 }
}

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
    const backing = new Float64Array([9, 1, 2, 3, 9])
    for (const dtype of ['float64', 'int8', 'complex128', 'bool'] as const) {
      const sub = backing.subarray(1, 4)
      const msg = decodeBinaryResponse(received(encodeBinaryResponse(1, win(sub, dtype))))
      expect(msg.result.dtype).toBe(dtype)
      expect(Array.from(msg.result.f64)).toEqual([1, 2, 3])
    }
    expect(decodeBinaryResponse(received(encodeBinaryResponse(1, win(new Float64Array(0))))).result.f64.length).toBe(0)
  })

  it('holds a 1M-element window in one frame of its bytes plus a short header', () => {
    const doubles = new Float64Array(1_000_000).map((_, i) => i * 0.5)
    const frame = encodeBinaryResponse(3, { ...win(doubles), shape: [1000, 1000] })
    expect(frame.byteLength).toBeGreaterThanOrEqual(8_000_000)
    expect(frame.byteLength).toBeLessThan(8_000_000 + 256)
    const got = decodeBinaryResponse(received(frame)).result.f64
    expect(got.length).toBe(1_000_000)
    expect(got[999_999]).toBe(499_999.5)
  })

  it('refuses frames that do not hold a header and whole doubles', () => {
    expect(() => decodeBinaryResponse(new ArrayBuffer(2))).toThrow(/shorter/)
    const frame = received(encodeBinaryResponse(1, win(new Float64Array([1, 2]))))
    expect(() => decodeBinaryResponse(frame.slice(0, frame.byteLength - 3))).toThrow(/whole doubles/)
    const lying = new Uint8Array(frame.slice(0))
    new DataView(lying.buffer).setUint32(0, 1 << 20, true)
    expect(() => decodeBinaryResponse(lying.buffer)).toThrow(/header/)
  })
})

describe('the worker transfer', () => {
  it("transfers an 'f64' window's buffer only when the doubles are all of it", () => {
    const own = new Float64Array(4)
    expect(transferOf(win(own))).toEqual([own.buffer])
    expect(transferOf(win(new Float64Array(8).subarray(2, 4)))).toEqual([])
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
