// How a value window crosses each transport without becoming text. An 'f64'
// window's values are numbers in a typed array (`f64` in `valuesWindow`,
// ./workspace-protocol), in the narrowest type that holds every one of them
// exactly (see narrowestElements: int8, int16, int32 or float32, else the
// doubles themselves). The session narrows them once, where it reads the window
// from the engine (narrowValues), and the renderer widens them back to the same
// doubles once, whichever way they came (widenValues, through windowNumbers in
// ./window-numbers). In between nothing converts them: structured clone carries
// the typed array as one block over the session worker's postMessage (its buffer
// transferred, see `transferOf`) and over Electron IPC; a WebSocket carries the
// whole response as one binary frame:
//
//   u32 little-endian n | n bytes: the response as JSON, without `result.f64` |
//   zero padding to a multiple of 8 | the values, little-endian
//
// the header naming the values' type at `elements` when not float64. A window of
// zeros, small integers or float32 values crosses in an eighth to a half of the
// bytes of its doubles. The values are read in place (a typed array over the
// frame's own buffer, aligned by the padding), with no base64, no per-number
// parsing and no copy. Every platform the app runs on is little-endian, as the
// bytes are.
import { isNarrowValues, type NarrowValues, type ValuesWindow } from './workspace-protocol'

/** An 'f64' window: its values at `f64`. */
export type NumbersWindow = ValuesWindow & { f64: NarrowValues }

/** A successful response whose result is an 'f64' window. */
export interface BinaryResponse {
  type: 'response'
  id: number
  ok: true
  result: NumbersWindow
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

/**
 * The doubles in the narrowest exact type (see narrowestElements): a new array, or the
 * doubles themselves. The session narrows an 'f64' window once, where it reads it
 * from the engine; every transport then carries these bytes as they are.
 */
export function narrowValues(f64: Float64Array): NarrowValues {
  const elements = narrowestElements(f64)
  if (elements === 'float64') return f64
  // Each double converts to the narrower type exactly (narrowestElements checked every one).
  const narrow = new ELEMENT_ARRAYS[elements](f64.length)
  narrow.set(f64)
  return narrow
}

/**
 * The doubles back from narrowed values, as the renderer draws them (every narrower value
 * is the double it was made from). Doubles are returned as they are, no copy.
 */
export function widenValues(narrow: NarrowValues): Float64Array {
  if (narrow instanceof Float64Array) return narrow
  const out = new Float64Array(narrow.length)
  out.set(narrow)
  return out
}

/** The element type narrowed values are in. */
function elementsOf(narrow: NarrowValues): FrameElements {
  if (narrow instanceof Int8Array) return 'int8'
  if (narrow instanceof Int16Array) return 'int16'
  if (narrow instanceof Int32Array) return 'int32'
  return narrow instanceof Float32Array ? 'float32' : 'float64'
}

/** The result's values when it is an 'f64' window (the one payload that crosses as bytes). */
export function binaryValuesOf(result: unknown): NarrowValues | undefined {
  const f64 = typeof result === 'object' && result !== null ? (result as { f64?: unknown }).f64 : undefined
  return isNarrowValues(f64) ? f64 : undefined
}

/**
 * What postMessage may transfer instead of copy: the values' buffer, when they
 * are the whole of it (a view into a larger buffer would take the rest along).
 */
export function transferOf(result: unknown): ArrayBuffer[] {
  const f64 = binaryValuesOf(result)
  if (!f64 || !(f64.buffer instanceof ArrayBuffer)) return []
  return f64.byteOffset === 0 && f64.byteLength === f64.buffer.byteLength ? [f64.buffer] : []
}

/** One binary WebSocket frame for a response whose result is an 'f64' window. */
export function encodeBinaryResponse(id: number, result: NumbersWindow): Uint8Array {
  const [head, values] = encodeBinaryParts(id, result)
  const frame = new Uint8Array(head.length + values.length)
  frame.set(head)
  frame.set(values, head.length)
  return frame
}

/**
 * The same frame as two parts, the values not copied: the length, header and padding, then
 * a view of the values' own bytes, in the type they are in (the session narrowed them). A
 * WebSocket sends the parts as two fragments of one message.
 */
export function encodeBinaryParts(id: number, result: NumbersWindow): [Uint8Array, Uint8Array] {
  const { f64: narrow, ...rest } = result
  const elements = elementsOf(narrow)
  const header = new TextEncoder().encode(JSON.stringify({ type: 'response', id, ok: true, result: rest, ...(elements === 'float64' ? {} : { elements }) }))
  const head = new Uint8Array(align8(HEADER_LENGTH_BYTES + header.length))
  new DataView(head.buffer).setUint32(0, header.length, true)
  head.set(header, HEADER_LENGTH_BYTES)
  return [head, new Uint8Array(narrow.buffer, narrow.byteOffset, narrow.byteLength)]
}

/**
 * The response a binary frame holds, its `result.f64` a typed array of the frame's
 * `elements` over the frame's own bytes (widened to doubles by the renderer, see
 * widenValues). Throws on a frame that is not one (too short, header past the end,
 * values not a whole number).
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
  message.result.f64 = new Narrow(frame, valuesAt, count)
  return message
}

function align8(n: number): number {
  return (n + 7) & ~7
}
