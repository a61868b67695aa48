// NumPy's casting rules between the engine's dtypes ('no', 'equiv', 'safe', 'same_kind',
// 'unsafe'): the dtype facts alone, so that np.dtype's ordering (dtypes.ts) and astype /
// np.can_cast (casting.ts) share them without importing each other.
import type { DTypeName } from '../../engine/types'
import { ITEMSIZE } from './dtype_sizes'

export type Casting = 'no' | 'equiv' | 'safe' | 'same_kind' | 'unsafe' | 'same_value'

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

