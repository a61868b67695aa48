// Helpers to assemble the numpy and torch module objects.
import { PyModule, PyBuiltin, type PyValue, type Kwargs } from '../interp/values'
import { pyErr } from '../interp/exceptions'
import { PyComplex } from '../interp/values'
import type { PyScalar } from '../../engine/types'
import { typeName } from '../interp/ops'
import { NpScalar } from './scalars'

/** A library module; names the library has but the engine cannot do yet raise NotImplementedError. */
export class LibModule extends PyModule {
  constructor(name: string, readonly unsupported: ReadonlySet<string> = new Set()) { super(name, new Map()) }
  getattr(name: string): PyValue | undefined {
    const v = this.attrs.get(name)
    if (v !== undefined) return v
    if (this.unsupported.has(name)) {
      throw pyErr('NotImplementedError', `${this.name}.${name} is not supported by the Stridescope engine`)
    }
    return undefined
  }
  fn(name: string, f: (args: PyValue[], kw: Kwargs) => PyValue): this {
    this.attrs.set(name, new PyBuiltin(name, f))
    return this
  }
  set(name: string, v: PyValue): this {
    this.attrs.set(name, v)
    return this
  }
}

/** A Python number (or NumPy scalar) as the engine's PyScalar. */
export function scalarArg(v: PyValue | undefined, what = 'value'): PyScalar {
  if (typeof v === 'boolean' || typeof v === 'bigint' || typeof v === 'number') return v
  if (v instanceof PyComplex) return { re: v.re, im: v.im }
  if (v instanceof NpScalar) {
    const p = v.toPy()
    return p instanceof PyComplex ? { re: p.re, im: p.im } : (p as PyScalar)
  }
  throw pyErr('TypeError', `${what} must be a number, not ${typeName(v ?? null)}`)
}
