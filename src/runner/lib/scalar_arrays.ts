// NumPy scalars as 0-d arrays (scalars.ts ScalarArrays): a scalar's array methods run on a
// new 0-d ndarray holding it, and 0-d array results come back as scalars (PyArray_Return).
import * as engine from '../../engine'
import type { PyScalar } from '../../engine/types'
import { PyComplex, type PyValue } from '../interp/values'
import type { LibraryContext } from './context'
import { EngineValue } from './engine_value'
import { NpScalar, type ScalarArrays } from './scalars'
import type { FpError } from './scalar_math'

export class ScalarArrayBridge implements ScalarArrays {
  constructor(private readonly ctx: LibraryContext) {}

  toArray(s: NpScalar): EngineValue {
    const p = s.toPy()
    const v: PyScalar = p instanceof PyComplex ? { re: p.re, im: p.im } : (p as PyScalar)
    return this.ctx.opWrap([], () => engine.fromValues('ndarray', [v], [], s.dtype))
  }

  floatingPointErrors(errors: readonly FpError[]): void {
    this.ctx.floatingPointErrors(errors)
  }

  arrayReturn(v: PyValue): PyValue {
    if (!(v instanceof EngineValue) || v.kind !== 'ndarray' || v.meta.shape.length !== 0) return v
    return new NpScalar(v.meta.dtype, v.obj.item(), this)
  }
}
