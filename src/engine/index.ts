/**
 * The Stridescope engine's TypeScript API: the one way the rest of the app
 * (runner, session, CLI) creates and operates on NumPy arrays and PyTorch tensors.
 *
 * Usage:
 *   import * as engine from '../engine'
 *   const a = engine.arange('ndarray', 6n).reshape([2, 3])     // np.arange(6).reshape(2, 3)
 *   const t = engine.fromNumpy(a.T)                            // torch.from_numpy(a.T)
 *   t.info().strides                 // [1, 3]; info() is plain data (types.ts ObjectInfo)
 *   engine.lastReport()              // { op: 'fromNumpy', copied: false, kernel: 'view', ... }
 *   t.window([0, 0], [2, 2]).values  // a copy of the values in that window
 *
 * Conventions:
 * - `kind` picks the library: 'ndarray' (NumPy rules) or 'tensor' (PyTorch rules). Methods are
 *   named after the Python method; where the libraries disagree the object's kind decides.
 * - Python scalars: int → bigint, float → number, bool → boolean, complex → {re, im}.
 *   Shapes, dims and indices are plain numbers; negative dims/indices count from the end.
 * - Every operation sets `lastReport()`: an OpReport saying whether bytes were copied, how
 *   many, by which kernel, how long it took and which warnings Python would print (e.g.
 *   from_numpy of a read-only array). Inspection (info, window, item, ...) leaves it alone.
 * - NumPy returns a scalar where every axis gets an integer (`a[0, 1]`): index() gives the
 *   0-d view; the runner reads it with item(). Full reductions likewise give 0-d objects.
 * - Errors are JS Errors with `pyType` (the Python exception class name, see isEngineError)
 *   and the library's exact message; nothing is left half-done.
 * - An op that returns its input (contiguous() when contiguous, np.asarray(a), torch.as_tensor(t))
 *   returns the same EngineObject, so the runner's `is` works.
 * - Memory is freed when the last object viewing a storage is garbage collected or disposed.
 */
export * from './types'
export { EngineObject, type OperandLike, type EngineIndexItem } from './object'
export * from './functions'
export * from './linalg'
export * from './join_split'
export * from './sorting'
export * from './files'
export { isEngineError, pyError, type EngineError } from './errors'
export { loadAddon, addonCandidates } from './load'
export type { CudaStatus, DlpackExportOptions } from './native'
