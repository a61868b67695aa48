// Compares decoded element values with NumPy's JSON-safe ones (see make_numpy_fixtures.py).
import type { ElementValue } from '../../../src/files/element-values'

function norm(x: number | string | boolean): number | string | boolean {
  if (x === 'nan') return 'nan'
  if (x === 'inf') return Infinity
  if (x === '-inf') return -Infinity
  return x
}

export function toJsonLike(v: ElementValue): number | string | boolean | [number | string, number | string] {
  if (typeof v === 'bigint') return v.toString()
  if (Array.isArray(v)) return [Number.isNaN(v[0]) ? 'nan' : v[0], Number.isNaN(v[1]) ? 'nan' : v[1]]
  if (typeof v === 'number' && Number.isNaN(v)) return 'nan'
  return v
}

export function normalizeExpected(xs: Array<number | string | boolean | [number | string, number | string]>): unknown[] {
  return xs.map((x) => (Array.isArray(x) ? x.map(norm) : norm(x)))
}
