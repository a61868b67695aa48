// Engine value windows → the protocol's JSON-safe values. Finite numbers pass
// through; NaN and infinities become Python's spellings; 64-bit integers stay
// exact (a number when safe, else a decimal string). Windows can hold a million
// values, so the number path is a tight loop: `v - v === 0` holds exactly for
// finite v, and `v + 0` turns -0 into 0 (JSON has no -0 anyway). Arrays are
// built by push, never `new Array(n)`: a holey array is 4-6x slower to
// JSON.stringify and to structured-clone (IPC) than a packed one.
import type { ValueWindow } from '../engine/types'
import type { WireValue } from '../shared/protocol'

function nonFinite(v: number): WireValue {
  if (Number.isNaN(v)) return 'nan'
  return v > 0 ? 'inf' : '-inf'
}

export function toWireValue(v: number | bigint | boolean): WireValue {
  if (typeof v === 'bigint') return v >= BigInt(Number.MIN_SAFE_INTEGER) && v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v.toString()
  if (typeof v === 'boolean') return v ? 1 : 0
  return v - v === 0 ? v + 0 : nonFinite(v)
}

export function toWireValues(values: ValueWindow['values']): WireValue[] {
  const n = values.length
  const out: WireValue[] = []
  if (values instanceof BigInt64Array || values instanceof BigUint64Array) {
    for (let i = 0; i < n; i++) out.push(toWireValue(values[i]))
    return out
  }
  for (let i = 0; i < n; i++) {
    const v = values[i] as number | boolean
    out.push(typeof v === 'number' && v - v === 0 ? v + 0 : toWireValue(v))
  }
  return out
}
