// Value windows in packed form: a Float64Array plus the few entries that are
// strings ('nan', 'inf', '-inf', 64-bit integers beyond 2^53). This is how the
// session holds a window until an edge needs it: structured clone (worker →
// parent) copies the Float64Array as one block, and the WebSocket writes JSON
// straight from it. A plain array of a million numbers costs over a second to
// clone here, and building one costs more than the engine's copy itself.
// Every WireValue number is a double, so packing is exact.
import type { ValueWindow } from '../engine/types'
import type { ValuesWindow, WireValue } from '../shared/protocol'
import type { PackedWindow } from './session'

export interface PackedValues {
  numbers: Float64Array
  /** [index, value] for the entries that are strings, in index order; numbers[index] is 0 there. */
  strings: [number, string][]
}

function nonFinite(v: number): string {
  if (Number.isNaN(v)) return 'nan'
  return v > 0 ? 'inf' : '-inf'
}

const MIN_SAFE = BigInt(Number.MIN_SAFE_INTEGER)
const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER)

/** Packs the engine's values (typed arrays; bigint arrays for 64-bit integers; booleans as numbers). */
export function packEngineValues(values: ValueWindow['values']): PackedValues {
  const n = values.length
  const numbers = new Float64Array(n)
  const strings: [number, string][] = []
  if (values instanceof BigInt64Array || values instanceof BigUint64Array) {
    for (let i = 0; i < n; i++) {
      const b = values[i]
      if (b >= MIN_SAFE && b <= MAX_SAFE) numbers[i] = Number(b)
      else strings.push([i, b.toString()])
    }
    return { numbers, strings }
  }
  for (let i = 0; i < n; i++) {
    const v = +(values[i] as number | boolean) // booleans become 0/1
    // `v - v === 0` holds exactly for finite v; `+ 0` turns -0 into 0 (JSON has no -0).
    if (v - v === 0) numbers[i] = v + 0
    else strings.push([i, nonFinite(v)])
  }
  return { numbers, strings }
}

export function packValues(values: readonly WireValue[]): PackedValues {
  const numbers = new Float64Array(values.length)
  const strings: [number, string][] = []
  for (let i = 0; i < values.length; i++) {
    const v = values[i]
    if (typeof v === 'number') numbers[i] = v
    else strings.push([i, v])
  }
  return { numbers, strings }
}

export function unpackValues(packed: PackedValues): WireValue[] {
  // A push loop: Array.from goes through the iterator protocol, and `new Array(n)` makes
  // a holey array that is several times slower to serialise (JSON, IPC).
  const n = packed.numbers.length
  const out: WireValue[] = []
  for (let i = 0; i < n; i++) out.push(packed.numbers[i])
  for (const [i, s] of packed.strings) out[i] = s
  return out
}

/**
 * The JSON text of the values array, written straight from the Float64Array:
 * join() formats each double exactly as JSON.stringify does (shortest
 * round-trip form, -0 as 0), and the string entries are spliced in quoted.
 */
export function packedToJson(packed: PackedValues): string {
  const { numbers, strings } = packed
  if (numbers.length === 0) return '[]'
  const parts: string[] = []
  let at = 0
  for (const [i, s] of strings) {
    if (i > at) parts.push(numbers.subarray(at, i).join(','))
    parts.push(JSON.stringify(s))
    at = i + 1
  }
  if (at < numbers.length) parts.push(numbers.subarray(at).join(','))
  return `[${parts.join(',')}]`
}

const PACKED = Symbol('stridescope.packedValues')

/**
 * A protocol window result over packed values: `values` is built on first
 * read (IPC clones read it), while an edge that can write JSON itself asks
 * `packedValuesOf` and never builds the array.
 */
export function lazyWindowResult(w: PackedWindow): ValuesWindow {
  const { packed, ...rest } = w
  let values: WireValue[] | undefined
  const result = { ...rest } as ValuesWindow
  Object.defineProperty(result, 'values', { enumerable: true, get: () => (values ??= unpackValues(packed)) })
  Object.defineProperty(result, PACKED, { value: packed, enumerable: false })
  return result
}

export function packedValuesOf(result: unknown): PackedValues | undefined {
  return typeof result === 'object' && result !== null ? (result as { [PACKED]?: PackedValues })[PACKED] : undefined
}

/**
 * The 'f64' encoding of a window: every value as a double (the session then
 * narrows them, see narrowValues in ../shared/binary-frame). The engine's own
 * Float64Array is already a fresh copy and is used as is; other types convert
 * natively, 64-bit integers beyond 2^53 round to the nearest double.
 */
export function engineValuesToF64(values: ValueWindow['values']): Float64Array {
  if (values instanceof Float64Array) return values
  const out = new Float64Array(values.length)
  if (values instanceof BigInt64Array || values instanceof BigUint64Array) {
    for (let i = 0; i < values.length; i++) out[i] = Number(values[i])
  } else {
    out.set(values as ArrayLike<number>)
  }
  return out
}
