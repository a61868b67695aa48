// Runs the NumPy oracle script once and decodes its values for the tests.
// Returns null (with the reason) when python3 or NumPy is missing.

import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import type { DTypeName, ElementValue } from '../../../src/runner/printing'

const SCRIPT = fileURLToPath(new URL('./numpy_oracle_cases.py', import.meta.url))

export interface OracleCase {
  note: string
  dtype: DTypeName
  shape: number[]
  values: ElementValue[]
  opts: Record<string, unknown>
  repr: string
  str: string
}

export interface OracleScalar { dtype: DTypeName; value: ElementValue; repr: string; str: string }

export interface OracleDragon {
  kind: 'float16' | 'float32' | 'float64'
  value: number
  precision: number
  unique: boolean
  trim: 'k' | '.' | '0' | '-'
  positional: string
  scientific: string
  minDigits: number
  positional_min: string | null
}

export interface OraclePyFloat {
  value: number
  repr: string
  f4: string
  e4: string
  f0: string
  e4w12: string
  f2: string
  f10: string
  e0: string
  g4: string
  g1: string
  g0: string
  g17: string
  galt: string
}

export interface OracleFlags { name: string; c: boolean; f: boolean; own: boolean; w: boolean; a: boolean; repr: string; str: string }

export interface OraclePyComplex { re: number; im: number; repr: string }

export interface OracleArray2String extends Omit<OracleCase, 'note' | 'opts' | 'repr' | 'str'> {
  separator: string
  prefix: string
  out: string
}

export interface Oracle {
  numpy: string
  a2s: OracleArray2String[]
  pycomplex: OraclePyComplex[]
  objects: { dtypes: Record<string, [string, string]>; flags: OracleFlags[] }
  cases: OracleCase[]
  scalars: OracleScalar[]
  dragon: OracleDragon[]
  pyfloat: OraclePyFloat[]
}

export function decodeFloat(s: string): number {
  if (s === 'nan') return NaN
  if (s === 'inf') return Infinity
  if (s === '-inf') return -Infinity
  return Number(s)
}

function decodeValue(dtype: string, v: unknown): ElementValue {
  if (dtype === 'bool') return v as boolean
  if (/^u?int/.test(dtype)) {
    const b = BigInt(v as string)
    // 64-bit ints arrive as bigint from the engine, narrower ones as numbers
    return dtype.endsWith('64') ? b : Number(b)
  }
  if (dtype.startsWith('complex')) {
    const [re, im] = v as [string, string]
    return [decodeFloat(re), decodeFloat(im)]
  }
  return decodeFloat(v as string)
}

export function loadOracle(): { oracle: Oracle | null; reason: string } {
  const r = spawnSync('python3', [SCRIPT], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 })
  if (r.error) return { oracle: null, reason: `python3 not runnable: ${r.error.message}` }
  if (r.status !== 0) {
    if (/No module named .?numpy/.test(r.stderr)) return { oracle: null, reason: 'NumPy is not installed' }
    // NumPy is here but the script broke: that is a failure, not a reason to skip.
    throw new Error(`the NumPy printing oracle script failed: ${r.stderr.slice(-500)}`)
  }
  const raw = JSON.parse(r.stdout)
  // the formatter follows NumPy 2.x (np.float64(...) scalar reprs, shape= on summaries)
  if (Number(String(raw.numpy).split('.')[0]) < 2) return { oracle: null, reason: `NumPy ${raw.numpy} is older than 2.0` }
  const cases = raw.cases.map((c: OracleCase) => ({ ...c, values: c.values.map((v) => decodeValue(c.dtype, v)) }))
  const scalars = raw.scalars.map((s: OracleScalar) => ({ ...s, value: decodeValue(s.dtype, s.value) }))
  const dragon = raw.dragon.map((d: OracleDragon & { value: string }) => ({ ...d, value: decodeFloat(d.value) }))
  const pyfloat = raw.pyfloat.map((p: OraclePyFloat & { value: string }) => ({ ...p, value: decodeFloat(p.value) }))
  const pycomplex = raw.pycomplex.map((c: { re: string; im: string; repr: string }) => ({ re: decodeFloat(c.re), im: decodeFloat(c.im), repr: c.repr }))
  const a2s = raw.a2s.map((c: OracleArray2String) => ({ ...c, values: c.values.map((v) => decodeValue(c.dtype, v)) }))
  return { oracle: { numpy: raw.numpy, a2s, pycomplex, objects: raw.objects, cases, scalars, dragon, pyfloat }, reason: '' }
}
