// A value window as plain doubles for drawing, whichever encoding it came in
// ('json' values or 'f64' numbers, see `windowEncoding` in ./protocol), and
// whichever transport it came over (Electron IPC or browser mode's socket: both
// hand over the 'f64' numbers as the session narrowed them, see ./binary-frame).
// Complex windows stay interleaved re, im.
import { wireValueToNumber, type ValuesWindow } from './protocol'
import { widenValues } from './binary-frame'

export function windowNumbers(w: Pick<ValuesWindow, 'values' | 'f64'>): Float64Array {
  // 'f64' numbers widened back to the doubles they were (doubles as they arrived: no copy).
  if (w.f64 !== undefined) return widenValues(w.f64)
  const out = new Float64Array(w.values.length)
  for (let i = 0; i < w.values.length; i++) out[i] = wireValueToNumber(w.values[i])
  return out
}
