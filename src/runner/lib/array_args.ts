// Array arguments of NumPy functions: an ndarray as it is, Python data (lists, tuples,
// numbers) and NumPy scalars through np.asarray, as NumPy converts its array_like inputs.
import * as engine from '../../engine'
import { PyList, PyTuple, PyComplex, type PyValue } from '../interp/values'
import { pyErr } from '../interp/exceptions'
import { typeName } from '../interp/ops'
import type { LibraryContext } from './context'
import { EngineValue } from './engine_value'
import { NpScalar } from './scalars'
import { flattenNested } from './nested'

/** A NumPy operand: an ndarray, or Python data NumPy would pass through asarray. */
export function npOperand(ctx: LibraryContext, v: PyValue, fn: string): engine.EngineObject {
  if (v instanceof EngineValue) {
    if (v.kind === 'ndarray') return v.obj
    throw pyErr('NotImplementedError', `np.${fn} of a torch.Tensor is not supported by the Stridescope runner (use t.numpy())`)
  }
  if (v instanceof NpScalar) {
    const p = v.toPy()
    return ctx.op([], () => engine.fromValues('ndarray', [p instanceof PyComplex ? { re: p.re, im: p.im } : p as boolean | bigint | number], [], v.dtype))
  }
  if (v instanceof PyList || v instanceof PyTuple || typeof v === 'number' || typeof v === 'bigint' || typeof v === 'boolean' || v instanceof PyComplex) {
    const { values, shape } = flattenNested(v, 'ndarray')
    return ctx.op([], () => engine.fromValues('ndarray', values, shape, null))
  }
  throw pyErr('TypeError', `unsupported operand type for np.${fn}: '${typeName(v)}'`)
}

/**
 * An index argument of np.take / np.put: an array as it is (the engine checks its dtype), Python
 * data as NumPy converts it to intp, through int() (so [1.5] is [1] and [] is an empty int64 array).
 */
export function npIndexOperand(ctx: LibraryContext, v: PyValue, fn: string): engine.EngineObject {
  if (v instanceof PyList || v instanceof PyTuple || typeof v === 'number' || typeof v === 'bigint' || typeof v === 'string' || v instanceof PyComplex) {
    const { values, shape } = flattenNested(v, 'ndarray', 'int64')
    return ctx.op([], () => engine.fromValues('ndarray', values, shape, 'int64'))
  }
  return npOperand(ctx, v, fn)
}
