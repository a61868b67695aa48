// A value window as plain doubles for drawing, whichever encoding it came in
// ('json' values or 'f64' base64 bytes, see `windowEncoding` in ./protocol).
// Complex windows stay interleaved re, im.
import { decodeBase64 } from './base64'
import { wireValueToNumber, type ValuesWindow } from './protocol'

export function windowNumbers(w: Pick<ValuesWindow, 'values' | 'f64'>): Float64Array {
  if (w.f64 !== undefined) {
    const bytes = decodeBase64(w.f64)
    // The platform is little-endian (x86, ARM), as the bytes are. A fresh decoded buffer is
    // aligned and the doubles are read in place; otherwise they are copied to an aligned one.
    const aligned = bytes.byteOffset % 8 === 0
    const doubles = new Float64Array(aligned ? bytes.buffer : bytes.slice().buffer, aligned ? bytes.byteOffset : 0, bytes.byteLength / 8)
    return doubles
  }
  const out = new Float64Array(w.values.length)
  for (let i = 0; i < w.values.length; i++) out[i] = wireValueToNumber(w.values[i])
  return out
}
