// Sorting (native/core/sort.h): np.sort / ndarray.sort / np.argsort / np.unique and torch.sort /
// argsort / topk / unique, each one engine op with one report.
import { loadAddon } from './load'
import type { NativeHandle } from './native'
import { EngineObject } from './object'
import type { SortFn } from './types'

const wrap = (h: NativeHandle) => new EngineObject(h)

/**
 * The new objects of a sort along `axis` (null: NumPy's axis=None, the flattened array):
 * np.sort [values], np.argsort / torch.argsort [indices], torch.sort [values, indices], and
 * ndarray.sort (in place) none.
 */
export const sort = (fn: SortFn, a: EngineObject, axis: number | null, descending = false) =>
  loadAddon().sort(fn, a.handle, axis, descending).map(wrap)

/** torch.topk: the first k of the sorted order along `dim` (largest first when `largest`), contiguous. */
export function topk(t: EngineObject, k: number, dim: number, largest: boolean): { values: EngineObject; indices: EngineObject } {
  const [values, indices] = loadAddon().topk(t.handle, k, dim, largest).map(wrap)
  return { values, indices }
}

/** np.unique / torch.unique of the flattened input: [values, index?, inverse?, counts?] as asked. */
export const unique = (a: EngineObject, want: { index: boolean; inverse: boolean; counts: boolean }, equalNan: boolean) =>
  loadAddon().unique(a.handle, want.index, want.inverse, want.counts, equalNan).map(wrap)
