// A value window as plain doubles for drawing, whichever encoding it came in
// ('json' values or 'f64' doubles, see `windowEncoding` in ./protocol).
// Complex windows stay interleaved re, im.
import { wireValueToNumber, type ValuesWindow } from './protocol'

export function windowNumbers(w: Pick<ValuesWindow, 'values' | 'f64'>): Float64Array {
  // The 'f64' doubles are drawn as they arrived: no copy.
  if (w.f64 !== undefined) return w.f64
  const out = new Float64Array(w.values.length)
  for (let i = 0; i < w.values.length; i++) out[i] = wireValueToNumber(w.values[i])
  return out
}
