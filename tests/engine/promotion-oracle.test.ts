// NumPy 2 type promotion against real NumPy: every pair of the 14 NumPy dtypes
// (array + array), and arrays with Python bool/int/float/complex scalars (NEP 50),
// for + and /. One python3 run computes the whole table.
import { describe, expect, it } from 'vitest'
import * as engine from '../../src/engine'
import type { DTypeName, PyScalar } from '../../src/engine'
import { oracleSkipReason, runPython } from './numpy-oracle'

const skip = oracleSkipReason('tests/engine/promotion-oracle')

const DTYPES: DTypeName[] = ['bool', 'int8', 'int16', 'int32', 'int64', 'uint8', 'uint16', 'uint32', 'uint64',
  'float16', 'float32', 'float64', 'complex64', 'complex128']
const SCALARS: [string, PyScalar][] = [['True', true], ['3', 3n], ['2.5', 2.5], ['1j', { re: 0, im: 1 }]]

const PY = String.raw`
import json, numpy as np
D = ${JSON.stringify(DTYPES)}
S = ['True', '3', '2.5', '1j']
pairs = {f'{a},{b},{op}': str((np.ones(2, a) + np.ones(2, b) if op == 'add' else np.ones(2, a) / np.ones(2, b)).dtype)
         for a in D for b in D for op in ('add', 'div')}
scal = {}
for a in D:
    for s in S:
        try: scal[f'{a},{s}'] = str((np.ones(2, a) + eval(s)).dtype)
        except Exception as e: scal[f'{a},{s}'] = type(e).__name__ + ': ' + str(e)
print(json.dumps(dict(pairs=pairs, scal=scal)))
`

describe.skipIf(!!skip)('NumPy promotion', () => {
  const want = skip ? { pairs: {}, scal: {} } : runPython<{ pairs: Record<string, string>; scal: Record<string, string> }>(PY)
  const ones = (dt: DTypeName) => engine.ones('ndarray', [2], dt)

  it('array op array: result dtypes of + and / for every pair', () => {
    const got: Record<string, string> = {}
    for (const a of DTYPES)
      for (const b of DTYPES)
        for (const op of ['add', 'div'] as const) got[`${a},${b},${op}`] = ones(a).binary(op, ones(b)).info().dtype
    expect(got).toEqual(want.pairs)
  })

  it('array + Python scalar follows NEP 50 (weak scalars)', () => {
    const got: Record<string, string> = {}
    for (const a of DTYPES)
      for (const [name, s] of SCALARS) {
        try {
          got[`${a},${name}`] = ones(a).binary('add', s).info().dtype
        } catch (e) {
          got[`${a},${name}`] = `${(e as { pyType: string }).pyType}: ${(e as Error).message}`
        }
      }
    expect(got).toEqual(want.scal)
  })
})
