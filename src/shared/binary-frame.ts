// How a value window crosses each transport without becoming text. The 'f64'
// window's values are a Float64Array in the protocol (see `valuesWindow` in
// ./workspace-protocol): structured clone carries it as one block over the
// session worker's postMessage (its buffer transferred, see `transferOf`) and
// over Electron IPC; a WebSocket carries the whole response as one binary
// frame:
//
//   u32 little-endian n | n bytes: the response as JSON, without `result.f64` |
//   zero padding to a multiple of 8 | the doubles, little-endian
//
// so the receiver reads the doubles in place (a Float64Array over the frame's
// own buffer, aligned by the padding), with no base64, no per-number parsing
// and no copy. Every platform the app runs on is little-endian, as the bytes are.
import type { ValuesWindow } from './workspace-protocol'

/** A successful response whose result carries doubles at `f64` (an 'f64' window). */
export interface BinaryResponse {
  type: 'response'
  id: number
  ok: true
  result: ValuesWindow & { f64: Float64Array }
}

const HEADER_LENGTH_BYTES = 4

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
  const header = new TextEncoder().encode(JSON.stringify({ type: 'response', id, ok: true, result: rest }))
  const head = new Uint8Array(align8(HEADER_LENGTH_BYTES + header.length))
  new DataView(head.buffer).setUint32(0, header.length, true)
  head.set(header, HEADER_LENGTH_BYTES)
  return [head, new Uint8Array(f64.buffer, f64.byteOffset, f64.byteLength)]
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
  if (valuesAt > frame.byteLength || (frame.byteLength - valuesAt) % 8 !== 0) {
    throw new Error(`binary frame of ${frame.byteLength} bytes does not hold a ${headerLength}-byte header and whole doubles`)
  }
  const message = JSON.parse(new TextDecoder().decode(new Uint8Array(frame, HEADER_LENGTH_BYTES, headerLength))) as BinaryResponse
  message.result.f64 = new Float64Array(frame, valuesAt, (frame.byteLength - valuesAt) / 8)
  return message
}

function align8(n: number): number {
  return (n + 7) & ~7
}
