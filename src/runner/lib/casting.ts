// NumPy's casting rules ('no', 'equiv', 'safe', 'same_kind', 'unsafe') between the engine's dtypes,
// for ndarray.astype(casting=) and np.can_cast, with the casting converter's errors.
import type { DTypeName } from '../../engine/types'
import { PyComplex, type PyValue } from '../interp/values'
import { pyErr } from '../interp/exceptions'
import { typeName } from '../interp/ops'
import { bindArgs } from '../interp/args'
import { ITEMSIZE, npDtypeOf } from './dtypes'
import { EngineValue } from './engine_value'
import { NpScalar } from './scalars'
import type { LibModule } from './module_builder'

export type Casting = 'no' | 'equiv' | 'safe' | 'same_kind' | 'unsafe' | 'same_value'

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

type Kind = 'b' | 'u' | 'i' | 'f' | 'c'
function kind(d: DTypeName): Kind {
  if (d === 'bool') return 'b'
  if (d.startsWith('uint')) return 'u'
  if (d.startsWith('int')) return 'i'
  if (d.startsWith('complex')) return 'c'
  return 'f'
}

/** The size of the float that holds one component (a complex's is half its itemsize). */
const floatSize = (d: DTypeName) => (kind(d) === 'c' ? ITEMSIZE[d] / 2 : ITEMSIZE[d])

/** NumPy's safe casts: every value of `from` is exactly a value of `to`. */
function safe(from: DTypeName, to: DTypeName): boolean {
  const kf = kind(from), kt = kind(to)
  if (from === to || kf === 'b') return true
  if (kt === 'b') return false
  if (kf === 'u' || kf === 'i') {
    if (kt === 'u') return kf === 'u' && ITEMSIZE[to] >= ITEMSIZE[from]
    if (kt === 'i') return kf === 'i' ? ITEMSIZE[to] >= ITEMSIZE[from] : ITEMSIZE[to] > ITEMSIZE[from]
    // An integer fits a float twice its size (int64/uint64 to float64 count as safe in NumPy).
    return floatSize(to) > ITEMSIZE[from] || floatSize(to) === 8
  }
  if (kf === 'f') return (kt === 'f' || kt === 'c') && floatSize(to) >= floatSize(from)
  return kt === 'c' && floatSize(to) >= floatSize(from)
}

const KIND_ORDER: Record<Kind, number> = { b: 0, u: 1, i: 2, f: 3, c: 4 }

/** np.can_cast(from, to, rule) for two dtypes ('same_value' is checked as 'safe' is). */
export function canCast(from: DTypeName, to: DTypeName, rule: Casting): boolean {
  switch (rule) {
    case 'unsafe': return true
    case 'no': case 'equiv': return from === to
    // Beyond the safe casts: within a kind to any size, or up the order b < u < i < f < c, but
    // never from a signed to an unsigned integer.
    case 'same_kind': return safe(from, to) || (KIND_ORDER[kind(to)] >= KIND_ORDER[kind(from)] && !(kind(from) === 'i' && kind(to) === 'u'))
    default: return safe(from, to)
  }
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
