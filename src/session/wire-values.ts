// Engine value windows → the protocol's JSON-safe values. Finite numbers pass
// through; NaN and infinities become Python's spellings; 64-bit integers stay
// exact (a number when safe, else a decimal string).
import type { ValueWindow } from '../engine/types'
import type { WireValue } from '../shared/protocol'

export function toWireValue(v: number | bigint | boolean): WireValue {
  if (typeof v === 'bigint') return v >= BigInt(Number.MIN_SAFE_INTEGER) && v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v.toString()
  if (typeof v === 'boolean') return v ? 1 : 0
  if (Number.isFinite(v)) return Object.is(v, -0) ? 0 : v
  if (Number.isNaN(v)) return 'nan'
  return v > 0 ? 'inf' : '-inf'
}

export function toWireValues(values: ValueWindow['values']): WireValue[] {
  const out: WireValue[] = new Array(values.length)
  for (let i = 0; i < values.length; i++) out[i] = toWireValue(values[i] as number | bigint)
  return out
}
