// NumPy functions that NumPy itself writes in Python on top of its ufuncs (numpy/_core/numeric.py):
// np.isclose, np.allclose, np.array_equal, np.count_nonzero. They are composed here the
// same way, from this module's own ufuncs, so their results, dtypes and errors are the
// ufuncs' (each step a real engine op, shown in the op log as NumPy would run it).
import { bindArgs } from '../interp/args'
import { callValue } from '../interp/call'
import { PyComplex, PyTuple, type Kwargs, type PyValue } from '../interp/values'
import { boolArg } from './argparse'
import type { LibraryContext } from './context'
import { EngineValue } from './engine_value'
import type { LibModule } from './module_builder'
import { NpScalar } from './scalars'

export function bindNumpyComposed(np: LibModule, ctx: LibraryContext): void {
  const call = (name: string, ...args: PyValue[]): PyValue => callValue(np.getattr(name)!, args, new Map())
  const callKw = (name: string, args: PyValue[], kw: Record<string, PyValue>): PyValue => callValue(np.getattr(name)!, args, new Map(Object.entries(kw)) as Kwargs)
  const method = (v: PyValue, name: string, ...args: PyValue[]): PyValue => callValue((v as EngineValue).getattr!(name)!, args, new Map())
  const isPyNumber = (v: PyValue): boolean => typeof v === 'number' || typeof v === 'bigint' || typeof v === 'boolean' || v instanceof PyComplex
  const truth = (v: PyValue): boolean => (v instanceof NpScalar ? v.truthy() : !!v)

  /** Runs fn with np.errstate(invalid='ignore'), as isclose does. */
  const invalidIgnored = <T>(fn: () => T): T => {
    const err = ctx.npErrState.err
    const was = err.invalid
    err.invalid = 'ignore'
    try { return fn() } finally { err.invalid = was }
  }

  const isclose = (a: PyValue[], kw: Kwargs): PyValue => {
    const b = bindArgs('isclose', ['a', 'b', 'rtol=', 'atol=', 'equal_nan='], a, kw)
    const rtol = b.rtol ?? 1e-5, atol = b.atol ?? 1e-8
    const equalNan = b.equal_nan === undefined ? false : boolArg(b.equal_nan, false)
    const x = isPyNumber(b.a!) ? b.a! : call('asarray', b.a!)
    let y = isPyNumber(b.b!) ? b.b! : call('asarray', b.b!)
    // y in at least float precision (result_type(y, 1.)): an integer y would overflow in abs(x - y).
    if (y instanceof EngineValue) y = callKw('asarray', [y], { dtype: call('result_type', y, 1.0) })
    else if (typeof y === 'bigint' || typeof y === 'boolean') y = Number(y)
    return invalidIgnored(() => {
      const close = call('less_equal', call('abs', call('subtract', x, y)), call('add', atol, call('multiply', rtol, call('abs', y))))
      let result = call('bitwise_or', call('bitwise_and', close, call('isfinite', y)), call('equal', x, y))
      if (equalNan) result = call('bitwise_or', result, call('bitwise_and', call('isnan', x), call('isnan', y)))
      // result[()]: a 0-d result is a NumPy scalar.
      return result instanceof EngineValue ? result.getitem(new PyTuple([])) : result
    })
  }
  np.fn('isclose', isclose)

  np.fn('allclose', (a, kw) => {
    const b = bindArgs('allclose', ['a', 'b', 'rtol=', 'atol=', 'equal_nan='], a, kw)
    const kws = new Map<string, PyValue>()
    for (const k of ['rtol', 'atol', 'equal_nan'] as const) if (b[k] !== undefined) kws.set(k, b[k]!)
    return truth(call('all', isclose([b.a!, b.b!], kws as Kwargs)))
  })

  np.fn('array_equal', (a, kw) => {
    const b = bindArgs('array_equal', ['a1', 'a2', 'equal_nan='], a, kw)
    const equalNan = b.equal_nan === undefined ? false : boolArg(b.equal_nan, false)
    let a1: PyValue, a2: PyValue
    try {
      a1 = call('asarray', b.a1!)
      a2 = call('asarray', b.a2!)
    } catch {
      return false
    }
    const shape = (v: PyValue): string => (v as EngineValue).meta.shape.join(',')
    if (shape(a1) !== shape(a2)) return false
    if (!equalNan) return truth(method(call('asarray', call('equal', a1, a2)), 'all'))
    if (a1 === a2) return true
    const canHoldNan = (v: PyValue): boolean => /^(float|complex)/.test((v as EngineValue).meta.dtype)
    if (!canHoldNan(a1) && !canHoldNan(a2)) return truth(method(call('asarray', call('equal', a1, a2)), 'all'))
    const n1 = call('isnan', a1), n2 = call('isnan', a2)
    if (!truth(method(call('equal', n1, n2), 'all'))) return false
    const keep = call('logical_not', n1)
    return truth(method(call('equal', (a1 as EngineValue).getitem(keep), (a2 as EngineValue).getitem(keep)), 'all'))
  })

  np.fn('count_nonzero', (a, kw) => {
    const b = bindArgs('count_nonzero', ['a', 'axis=', '*', 'keepdims='], a, kw)
    const keepdims = b.keepdims === undefined ? false : boolArg(b.keepdims, false)
    const arr = call('asarray', b.a!)
    const nonzero = callKw('not_equal', [arr, 0n], {})
    return callKw('sum', [nonzero], { axis: b.axis ?? null, dtype: np.getattr('intp')!, keepdims })
  })
}
