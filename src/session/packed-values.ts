// Value windows cross from the session worker to the parent thread packed: a
// Float64Array (structured clone copies it as one block) plus the few entries
// that are strings ('nan', 'inf', big 64-bit integers). Cloning a plain array
// of a million numbers costs over a second; the packed form costs milliseconds.
// Every WireValue number is a double, so packing is exact.
import type { WireValue } from '../shared/protocol'

export interface PackedValues {
  numbers: Float64Array
  /** [index, value] for the entries that are strings; the numbers slot holds 0 there. */
  strings: [number, string][]
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
  // A plain push loop: Array.from goes through the iterator protocol, and `new Array(n)`
  // makes a holey array that is several times slower to serialise (JSON, IPC).
  const n = packed.numbers.length
  const out: WireValue[] = []
  for (let i = 0; i < n; i++) out.push(packed.numbers[i])
  for (const [i, s] of packed.strings) out[i] = s
  return out
}
