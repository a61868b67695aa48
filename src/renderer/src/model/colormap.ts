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
 * Colours of many values as RGBA words (bytes R, G, B, 255, little-endian): for each,
 * exactly colorOf's channels × 255, truncated as a Uint8Array store truncates them.
 * The range's span and the ramp's segment steps are taken once (the same doubles
 * colorOf computes each time), so a million values colour in a few ms. Where colorOf
 * would leave its output as it was (a value whose position is NaN: only with a span
 * past the largest double), the previous value's colour is repeated, as there.
 */
export function colorWords(r: ValueRange): (x: number, previous: number) => number {
  const min = r.min, span = r.max - r.min, flat = !(r.max > r.min)
  const x0 = STOPS.map((s) => s[0]), dx = STOPS.map((s, i) => (i ? s[0] - STOPS[i - 1][0] : 1))
  const c = [1, 2, 3].map((k) => STOPS.map((s) => s[k]))
  const dc = [1, 2, 3].map((k) => STOPS.map((s, i) => (i ? s[k] - STOPS[i - 1][k] : 0)))
  const word = (r0: number, g: number, b: number): number => (((r0 * 255) & 255) | (((g * 255) & 255) << 8) | (((b * 255) & 255) << 16) | 0xff000000) >>> 0
  const nan = word(NAN_RGB[0], NAN_RGB[1], NAN_RGB[2]), white = word(1, 1, 1), black = word(0, 0, 0)
  return (v, previous) => {
    if (v !== v) return nan
    if (v === Infinity) return white
    if (v === -Infinity) return black
    const x = Math.min(1, Math.max(0, flat ? 0.5 : (v - min) / span))
    const i = x <= x0[1] ? 1 : x <= x0[2] ? 2 : x <= x0[3] ? 3 : x <= x0[4] ? 4 : 0
    if (i === 0) return previous
    const f = (x - x0[i - 1]) / dx[i]
    return word(c[0][i - 1] + dc[0][i] * f, c[1][i - 1] + dc[1][i] * f, c[2][i - 1] + dc[2][i] * f)
  }
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
