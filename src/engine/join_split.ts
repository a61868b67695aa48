// Joining and splitting: np.concatenate / stack / vstack / hstack, torch.cat / stack (new
// arrays, laid out as each library lays them out), np.split & co and torch.split / chunk
// (views), where, nonzero, tile and repeat (native/core/join_split.h).
import { loadAddon } from './load'
import type { NativeHandle } from './native'
import { EngineObject, type OperandLike, toOperand } from './object'
import type { DTypeName, JoinFn, Kind, SplitFn } from './types'

const wrap = (h: NativeHandle) => new EngineObject(h)

/** axis null: NumPy's axis=None (inputs flattened); dtype null: the promoted dtype. */
export const join = (fn: JoinFn, arrays: EngineObject[], axis: number | null = 0, dtype: DTypeName | null = null) =>
  wrap(loadAddon().join(fn, arrays.map(a => a.handle), axis, dtype))

/** Either `sections` (a count) or `indices` (division points / torch split sizes). */
export const split = (fn: SplitFn, a: EngineObject, sections: number | null, indices: number[] | null, axis = 0) =>
  loadAddon().split(fn, a.handle, sections, indices, axis).map(wrap)

/** np.where(cond, x, y) (kind 'ndarray') / torch.where(cond, x, y) (kind 'tensor'); x, y may be Python scalars. */
export const where = (kind: Kind, cond: EngineObject, x: OperandLike, y: OperandLike) =>
  wrap(loadAddon().where(kind, cond.handle, toOperand(x), toOperand(y)))

/**
 * np.nonzero(a) / torch.nonzero(t, as_tuple=True): one int64 index array per dim, each a view
 * of `whole` (NumPy: the (n, ndim) array; torch: the (ndim, n) tensor), which is their base.
 */
export function nonzero(a: EngineObject): { whole: EngineObject; parts: EngineObject[] } {
  const [whole, ...parts] = loadAddon().nonzero(a.handle).map(wrap)
  return { whole, parts }
}

export const tile = (a: EngineObject, reps: number[]) => wrap(loadAddon().tile(a.handle, reps))

/** np.repeat(a, repeats, axis): one count for all, or one per element along the axis; axis null: flattened. */
export const repeat = (a: EngineObject, repeats: number[], axis: number | null = null) =>
  wrap(loadAddon().repeat(a.handle, repeats, axis))
