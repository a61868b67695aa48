// A value window as plain doubles for drawing, whichever encoding it came in
// ('json' values or 'f64' base64 bytes, see `windowEncoding` in ./protocol).
// Complex windows stay interleaved re, im.
import { decodeBase64 } from './base64'
import { wireValueToNumber, type ValuesWindow } from './protocol'

export function windowNumbers(w: Pick<ValuesWindow, 'values' | 'f64'>): Float64Array {
  if (w.f64 !== undefined) {
    const bytes = decodeBase64(w.f64)
    // Copy into an aligned buffer; the platform is little-endian (x86, ARM), as the bytes are.
    return new Float64Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 8).slice()
  }
  const out = new Float64Array(w.values.length)
  for (let i = 0; i < w.values.length; i++) out[i] = wireValueToNumber(w.values[i])
  return out
}
