// Which elements changed between two value snapshots of one object (C order):
// the elements a write reached, so the views can flash them. NaN equals NaN
// here (an unchanged NaN is not a write).

export function changedIndices(prev: ArrayLike<number>, next: ArrayLike<number>, limit = 1 << 16): number[] {
  const out: number[] = []
  if (prev.length !== next.length) return out
  for (let f = 0; f < next.length && out.length < limit; f++) {
    const a = prev[f], b = next[f]
    if (a !== b && !(a !== a && b !== b)) out.push(f)
  }
  return out
}
