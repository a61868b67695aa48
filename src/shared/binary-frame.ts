// How a value window crosses each transport without becoming text. The 'f64'
// window's values are a Float64Array in the protocol (see `valuesWindow` in
// ./workspace-protocol): structured clone carries it as one block over the
// session worker's postMessage (its buffer transferred, see `transferOf`) and
// over Electron IPC; a WebSocket carries the whole response as one binary
// frame:
//
//   u32 little-endian n | n bytes: the response as JSON, without `result.f64` |
//   zero padding to a multiple of 8 | the values, little-endian
//
// The values go in the narrowest type that holds every one of them exactly
// (see narrowestElements: int8, int16, int32 or float32, else the doubles
// themselves), named by the header's `elements` when not float64: a window of
// zeros, small integers or float32 values crosses in an eighth to a half of the
// bytes, and the receiver widens it back to the same doubles. Doubles are read
// in place (a Float64Array over the frame's own buffer, aligned by the padding),
// with no base64, no per-number parsing and no copy. Every platform the app runs
// on is little-endian, as the bytes are.
import type { ValuesWindow } from './workspace-protocol'

/** A successful response whose result carries doubles at `f64` (an 'f64' window). */
export interface BinaryResponse {
  type: 'response'
  id: number
  ok: true
  result: ValuesWindow & { f64: Float64Array }
}

const HEADER_LENGTH_BYTES = 4

/** The element types a frame's values may cross in (float64: the doubles themselves). */
export type FrameElements = 'int8' | 'int16' | 'int32' | 'float32' | 'float64'
const ELEMENT_ARRAYS = { int8: Int8Array, int16: Int16Array, int32: Int32Array, float32: Float32Array, float64: Float64Array }

/** Largest magnitude up to which every integer is a float32. */
const FLOAT32_INTEGERS = 2 ** 24

/**
 * The narrowest type that holds every one of the doubles exactly: integers (not -0) in
 * int8, int16 or int32 range, else values that are all float32s (NaN and ±Infinity
 * included, -0 kept), else float64. One pass; a double that fits none ends it.
 */
export function narrowestElements(v: Float64Array): FrameElements {
  const n = v.length
  let lo = 0, hi = 0, i = 0
  for (; i < n; i++) {
    const x = v[i]
    if ((x | 0) !== x || (x === 0 && 1 / x < 0)) break
    if (x < lo) lo = x
    else if (x > hi) hi = x
  }
  if (i === n) return lo >= -128 && hi <= 127 ? 'int8' : lo >= -32768 && hi <= 32767 ? 'int16' : 'int32'
  // The integers before i are float32s only up to 2^24 in magnitude: past that, check them too.
  if (lo < -FLOAT32_INTEGERS || hi > FLOAT32_INTEGERS) i = 0
  for (; i < n; i++) {
    const x = v[i]
    if (Math.fround(x) !== x && x === x) return 'float64'
  }
  return 'float32'
}

/** The result's doubles when it is an 'f64' window (the one payload that crosses as bytes). */
export function binaryValuesOf(result: unknown): Float64Array | undefined {
  const f64 = typeof result === 'object' && result !== null ? (result as { f64?: unknown }).f64 : undefined
  return f64 instanceof Float64Array ? f64 : undefined
}

/**
 * What postMessage may transfer instead of copy: the doubles' buffer, when they
 * are the whole of it (a view into a larger buffer would take the rest along).
 */
export function transferOf(result: unknown): ArrayBuffer[] {
  const f64 = binaryValuesOf(result)
  if (!f64 || !(f64.buffer instanceof ArrayBuffer)) return []
  return f64.byteOffset === 0 && f64.byteLength === f64.buffer.byteLength ? [f64.buffer] : []
}

/** One binary WebSocket frame for a response whose result holds doubles at `f64`. */
export function encodeBinaryResponse(id: number, result: ValuesWindow & { f64: Float64Array }): Uint8Array {
  const [head, doubles] = encodeBinaryParts(id, result)
  const frame = new Uint8Array(head.length + doubles.length)
  frame.set(head)
  frame.set(doubles, head.length)
  return frame
}

/**
 * The same frame as two parts, the doubles not copied: the length, header and padding, then
 * a view of the doubles' own bytes. A WebSocket sends them as two fragments of one message.
 */
export function encodeBinaryParts(id: number, result: ValuesWindow & { f64: Float64Array }): [Uint8Array, Uint8Array] {
  const { f64, ...rest } = result
  const elements = narrowestElements(f64)
  const header = new TextEncoder().encode(JSON.stringify({ type: 'response', id, ok: true, result: rest, ...(elements === 'float64' ? {} : { elements }) }))
  const head = new Uint8Array(align8(HEADER_LENGTH_BYTES + header.length))
  new DataView(head.buffer).setUint32(0, header.length, true)
  head.set(header, HEADER_LENGTH_BYTES)
  if (elements === 'float64') return [head, new Uint8Array(f64.buffer, f64.byteOffset, f64.byteLength)]
  // Each double converts to the narrower type exactly (narrowestElements checked every one).
  const narrow = new ELEMENT_ARRAYS[elements](f64.length)
  narrow.set(f64)
  return [head, new Uint8Array(narrow.buffer)]
}

/**
 * The response a binary frame holds, its `result.f64` a Float64Array over the
 * frame's own bytes. Throws on a frame that is not one (too short, header past
 * the end, doubles not a whole number).
 */
export function decodeBinaryResponse(frame: ArrayBuffer): BinaryResponse {
  if (frame.byteLength < HEADER_LENGTH_BYTES) throw new Error('binary frame shorter than its header length')
  const headerLength = new DataView(frame).getUint32(0, true)
  const valuesAt = align8(HEADER_LENGTH_BYTES + headerLength)
  if (valuesAt > frame.byteLength) throw new Error(`binary frame of ${frame.byteLength} bytes does not hold its ${headerLength}-byte header`)
  const message = JSON.parse(new TextDecoder().decode(new Uint8Array(frame, HEADER_LENGTH_BYTES, headerLength))) as BinaryResponse & { elements?: FrameElements }
  const elements = message.elements ?? 'float64'
  delete message.elements
  const Narrow = Object.hasOwn(ELEMENT_ARRAYS, elements) ? ELEMENT_ARRAYS[elements] : null
  if (!Narrow) throw new Error(`binary frame of unknown elements '${String(elements)}'`)
  if ((frame.byteLength - valuesAt) % Narrow.BYTES_PER_ELEMENT !== 0) {
    throw new Error(`binary frame of ${frame.byteLength} bytes does not hold a ${headerLength}-byte header and whole ${elements === 'float64' ? 'doubles' : `${elements} values`}`)
  }
  const count = (frame.byteLength - valuesAt) / Narrow.BYTES_PER_ELEMENT
  if (Narrow === Float64Array) message.result.f64 = new Float64Array(frame, valuesAt, count)
  else {
    // Widened back: every narrower value is the double it was made from.
    message.result.f64 = new Float64Array(count)
    message.result.f64.set(new Narrow(frame, valuesAt, count))
  }
  return message
}

function align8(n: number): number {
  return (n + 7) & ~7
}
