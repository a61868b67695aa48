// Values as colour: a perceptually ordered ramp (dark blue → teal → yellow)
// over the window's finite range; NaN and infinities get their own colours.
import { wireValueToNumber } from '../../../shared/protocol'
import type { DTypeName, ValuesWindow } from './types'

const STOPS: Array<[number, number, number, number]> = [
  [0.0, 0.267, 0.005, 0.329],
  [0.25, 0.229, 0.322, 0.546],
  [0.5, 0.128, 0.567, 0.551],
  [0.75, 0.369, 0.789, 0.383],
  [1.0, 0.993, 0.906, 0.144]
]
export const NAN_RGB: [number, number, number] = [0.85, 0.2, 0.85]
export const POS_INF_RGB: [number, number, number] = [1, 1, 1]
export const NEG_INF_RGB: [number, number, number] = [0, 0, 0]

export function ramp(t: number, out: [number, number, number] = [0, 0, 0]): [number, number, number] {
  const x = Math.min(1, Math.max(0, t))
  for (let i = 1; i < STOPS.length; i++) {
    if (x <= STOPS[i][0]) {
      const a = STOPS[i - 1], b = STOPS[i]
      const f = (x - a[0]) / (b[0] - a[0])
      out[0] = a[1] + (b[1] - a[1]) * f
      out[1] = a[2] + (b[2] - a[2]) * f
      out[2] = a[3] + (b[3] - a[3]) * f
      return out
    }
  }
  return out
}

export function ramp_css(t: number): string {
  const [r, g, b] = ramp(t)
  return `rgb(${Math.round(r * 255)}, ${Math.round(g * 255)}, ${Math.round(b * 255)})`
}

/** Plain numbers from a window: complex becomes its magnitude; 'nan'/'inf' and big-int strings become numbers. */
export function toNumbers(w: Pick<ValuesWindow, 'values' | 'complex'>): Float64Array {
  const v = w.values
  if (w.complex) {
    const n = Math.floor(v.length / 2)
    const out = new Float64Array(n)
    for (let i = 0; i < n; i++) out[i] = Math.hypot(wireValueToNumber(v[2 * i]), wireValueToNumber(v[2 * i + 1]))
    return out
  }
  const out = new Float64Array(v.length)
  for (let i = 0; i < v.length; i++) out[i] = wireValueToNumber(v[i])
  return out
}

export interface ValueRange { min: number; max: number; finite: number }

export function rangeOf(values: ArrayLike<number>, into: ValueRange = { min: Infinity, max: -Infinity, finite: 0 }): ValueRange {
  for (let i = 0; i < values.length; i++) {
    const x = values[i]
    if (Number.isFinite(x)) {
      if (x < into.min) into.min = x
      if (x > into.max) into.max = x
      into.finite++
    }
  }
  return into
}

/** Position of a value on the ramp; a constant range maps to the middle. */
export function normalize(x: number, r: ValueRange): number {
  if (!(r.max > r.min)) return 0.5
  return (x - r.min) / (r.max - r.min)
}

export function colorOf(x: number, r: ValueRange, out: [number, number, number]): [number, number, number] {
  if (Number.isNaN(x)) { out[0] = NAN_RGB[0]; out[1] = NAN_RGB[1]; out[2] = NAN_RGB[2]; return out }
  if (x === Infinity) { out[0] = out[1] = out[2] = 1; return out }
  if (x === -Infinity) { out[0] = out[1] = out[2] = 0; return out }
  return ramp(normalize(x, r), out)
}

/**
 * Colours of `count` values from `values[from]` as RGBA words (bytes R, G, B, 255,
 * little-endian), into `out` from `out[outAt]` in the values' order: for each, exactly colorOf's channels × 255, truncated as a Uint8Array
 * store truncates them. The range's span and the ramp's segment steps are taken once
 * (the same doubles colorOf computes each time) and the loop calls nothing, so a million
 * values colour in a few ms. Where colorOf would leave its output as it was (a value
 * whose position is NaN: only with a span past the largest double), the previous
 * value's colour is repeated, as there (opaque black for a first one).
 */
export function colorWords(values: ArrayLike<number>, from: number, count: number, r: ValueRange, out: Uint32Array, outAt: number): void {
  const min = r.min, span = r.max - r.min, flat = !(r.max > r.min)
  // Each segment's start, width and channel steps as plain locals: the loop reads no arrays but the values.
  const [s0, s1, s2, s3, s4] = STOPS
  const x0 = s0[0], x1 = s1[0], x2 = s2[0], x3 = s3[0], x4 = s4[0]
  const w1 = x1 - x0, w2 = x2 - x1, w3 = x3 - x2, w4 = x4 - x3
  const r0 = s0[1], g0 = s0[2], b0 = s0[3], r1 = s1[1], g1 = s1[2], b1 = s1[3]
  const r2 = s2[1], g2 = s2[2], b2 = s2[3], r3 = s3[1], g3 = s3[2], b3 = s3[3]
  const dr1 = r1 - r0, dg1 = g1 - g0, db1 = b1 - b0, dr2 = r2 - r1, dg2 = g2 - g1, db2 = b2 - b1
  const dr3 = r3 - r2, dg3 = g3 - g2, db3 = b3 - b2, dr4 = s4[1] - r3, dg4 = s4[2] - g3, db4 = s4[3] - b3
  const nan = word(NAN_RGB[0], NAN_RGB[1], NAN_RGB[2]), white = word(1, 1, 1), black = word(0, 0, 0)
  let previous = black
  for (let f = 0; f < count; f++) {
    const v = values[from + f]
    let w: number
    if (v !== v) w = nan
    else if (v === Infinity) w = white
    else if (v === -Infinity) w = black
    else {
      const t0 = flat ? 0.5 : (v - min) / span
      // Math.min(1, Math.max(0, t0)), NaN kept.
      const x = t0 > 1 ? 1 : t0 < 0 ? 0 : t0
      let t: number
      if (x <= x1) { t = (x - x0) / w1; w = word(r0 + dr1 * t, g0 + dg1 * t, b0 + db1 * t) }
      else if (x <= x2) { t = (x - x1) / w2; w = word(r1 + dr2 * t, g1 + dg2 * t, b1 + db2 * t) }
      else if (x <= x3) { t = (x - x2) / w3; w = word(r2 + dr3 * t, g2 + dg3 * t, b2 + db3 * t) }
      else if (x <= x4) { t = (x - x3) / w4; w = word(r3 + dr4 * t, g3 + dg4 * t, b3 + db4 * t) }
      else w = previous
    }
    out[outAt + f] = w
    previous = w
  }
}

/** As a signed 32-bit integer (stays unboxed in the loop); a Uint32Array store keeps the same bits. */
function word(r: number, g: number, b: number): number {
  return ((r * 255) & 255) | (((g * 255) & 255) << 8) | (((b * 255) & 255) << 16) | (255 << 24)
}

/** How the legend prints a value of this dtype. */
export function formatValue(x: number, dtype: DTypeName): string {
  if (dtype === 'bool') return x ? 'True' : 'False'
  if (dtype.startsWith('int') || dtype.startsWith('uint')) return String(Math.round(x))
  if (Number.isNaN(x)) return 'nan'
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf'
  const a = Math.abs(x)
  return a !== 0 && (a < 1e-4 || a >= 1e6) ? x.toExponential(3) : String(Number(x.toPrecision(6)))
}
