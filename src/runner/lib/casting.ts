// NumPy's casting rules ('no', 'equiv', 'safe', 'same_kind', 'unsafe') between the engine's dtypes,
// for ndarray.astype(casting=) and np.can_cast, with the casting converter's errors.
import type { DTypeName } from '../../engine/types'
import { PyComplex, type PyValue } from '../interp/values'
import { pyErr } from '../interp/exceptions'
import { typeName } from '../interp/ops'
import { bindArgs } from '../interp/args'
import { npDtypeOf } from './dtypes'
import { EngineValue } from './engine_value'
import { NpScalar } from './scalars'
import type { LibModule } from './module_builder'

import { canCast, type Casting } from './cast_rules'

export { canCast, type Casting }

const RULES = ['no', 'equiv', 'safe', 'same_kind', 'unsafe'] as const

/**
 * A casting= argument. `sameValue`: whether the caller takes NumPy 2.4's 'same_value' (astype
 * does, np.can_cast does not), which changes the converter's list of names.
 */
export function castingArg(v: PyValue | undefined, dflt: Casting, sameValue: boolean): Casting {
  if (v === undefined) return dflt
  if (typeof v !== 'string') throw pyErr('TypeError', `casting must be str, not ${typeName(v)}`)
  const names: readonly string[] = sameValue ? [...RULES, 'same_value'] : RULES
  if (!names.includes(v)) throw pyErr('ValueError', `casting must be one of ${names.map(n => `'${n}'`).join(', ')} (got '${v}')`)
  return v as Casting
}

/** NumPy's error for a cast its rule refuses. */
export function castError(from: DTypeName, to: DTypeName, rule: Casting): Error {
  return pyErr('TypeError', `Cannot cast array data from dtype('${from}') to dtype('${to}') according to the rule '${rule}'`)
}

/** np.can_cast(from_, to, casting='safe'): from an array's, a NumPy scalar's or a dtype's dtype. */
export function bindNumpyCanCast(np: LibModule): void {
  np.fn('can_cast', (a, kw) => {
    const b = bindArgs('can_cast', ['from_', 'to', 'casting='], a, kw)
    const v = b.from_!
    if (typeof v === 'bigint' || typeof v === 'number' || typeof v === 'boolean' || v instanceof PyComplex) {
      throw pyErr('TypeError', 'can_cast() does not support Python ints, floats, and complex because the result used to depend on the value.\nThis change was part of adopting NEP 50, we may explicitly allow them again in the future.')
    }
    const from = v instanceof EngineValue ? v.meta.dtype : v instanceof NpScalar ? v.dtype : npDtypeOf(v)
    return canCast(from, npDtypeOf(b.to!), castingArg(b.casting, 'safe', false))
  })
}
