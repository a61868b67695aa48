// np.broadcast_shapes / np.broadcast_arrays / np.result_type, and np.errstate / geterr /
// seterr (the floating-point error state NumPy's ufuncs consult).
import * as engine from '../../engine'
import type { DTypeName, PyScalar } from '../../engine/types'
import { PyObject, PyClass, PyTuple, PyDict, PyBuiltin, PyComplex, BUILTIN_TYPES, type PyValue, type Kwargs } from '../interp/values'
import { pyErr } from '../interp/exceptions'
import { bindArgs } from '../interp/args'
import { hashKey } from '../interp/ops'
import type { LibraryContext, NpErrState } from './context'
import { EngineValue } from './engine_value'
import { NpDType, npDtypeOf } from './dtypes'
import { NpScalar } from './scalars'
import { intArg, isSequence } from './argparse'
import type { LibModule } from './module_builder'

const pyShape = (s: number[]) => (s.length === 1 ? `(${s[0]},)` : `(${s.join(', ')})`)

/** NOTE numpy/lib/_stride_tricks_impl.py _broadcast_shape (np.broadcast): shapes right-aligned, 1 stretches. */
function broadcastShape(shapes: number[][]): number[] {
  const nd = Math.max(0, ...shapes.map((s) => s.length))
  const out = new Array<number>(nd).fill(1)
  // The first argument whose size differs from the shape so far names the mismatch (arg 0 and arg i).
  const owner = new Array<number>(nd).fill(-1)
  shapes.forEach((s, i) => {
    for (let k = 0; k < s.length; k++) {
      const d = nd - s.length + k
      if (s[k] === 1) continue
      if (out[d] === 1) { out[d] = s[k]; owner[d] = i; continue }
      if (out[d] !== s[k]) {
        const j = owner[d]
        throw pyErr('ValueError', `shape mismatch: objects cannot be broadcast to a single shape.  Mismatch is between arg ${j} with shape ${pyShape(shapes[j])} and arg ${i} with shape ${pyShape(s)}.`)
      }
    }
  })
  return out
}

/** The dtype a Python value contributes to np.result_type: strong (arrays, dtypes, NumPy scalars) or weak (Python numbers). */
function resultTypeOperand(v: PyValue): { strong: DTypeName } | { weak: PyScalar } {
  if (v instanceof EngineValue) return { strong: v.meta.dtype }
  if (v instanceof NpScalar) return { strong: v.dtype }
  // NEP 50: a Python number is weak; its kind matters, its value does not.
  if (typeof v === 'boolean') return { weak: false }
  if (typeof v === 'bigint') return { weak: 0n }
  if (typeof v === 'number') return { weak: 0.5 }
  if (v instanceof PyComplex) return { weak: { re: 0, im: 0 } }
  return { strong: npDtypeOf(v) }
}

const PY_DEFAULT: Record<string, DTypeName> = { boolean: 'bool', bigint: 'int64', number: 'float64', object: 'complex128' }

/**
 * np.result_type: NumPy's promotion, as its ufuncs apply it (the engine's add of empty
 * operands, whose result dtype is the promoted type for every pair NumPy can promote).
 */
function resultType(args: PyValue[]): DTypeName {
  if (args.length === 0) throw pyErr('ValueError', 'at least one array or dtype is required')
  const ops = args.map(resultTypeOperand)
  const made: engine.EngineObject[] = []
  try {
    const first = ops.find((o) => 'strong' in o)
    let acc = engine.zeros('ndarray', [0], first && 'strong' in first ? first.strong : PY_DEFAULT[typeof (ops[0] as { weak: PyScalar }).weak])
    made.push(acc)
    for (const o of ops) {
      const other = 'strong' in o ? engine.zeros('ndarray', [0], o.strong) : o.weak
      if (other instanceof engine.EngineObject) made.push(other)
      acc = acc.binary('add', other)
      made.push(acc)
    }
    return acc.info().dtype
  } finally {
    for (const m of made) m.dispose()
  }
}

const ERR_KINDS = ['divide', 'over', 'under', 'invalid'] as const
const ERR_MODES = new Set(['ignore', 'warn', 'raise', 'call', 'print', 'log'])
type ErrState = NpErrState

/** Reads errstate / seterr keywords (all= first, then each kind) onto `base`. */
function errUpdate(base: ErrState, b: Record<string, PyValue | undefined>): ErrState {
  const next = { ...base }
  const mode = (k: string, v: PyValue | undefined): string | undefined => {
    if (v === undefined || v === null) return undefined
    if (typeof v !== 'string' || !ERR_MODES.has(v)) throw pyErr('ValueError', `invalid error mode '${String(v)}'`)
    if (v === 'call' || v === 'log') throw pyErr('NotImplementedError', `np.errstate(${k}='${v}') is not supported by the Stridescope runner`)
    return v
  }
  const all = mode('all', b.all)
  if (all) for (const k of ERR_KINDS) next[k] = all
  for (const k of ERR_KINDS) next[k] = mode(k, b[k]) ?? next[k]
  return next
}

function errDict(s: ErrState): PyDict {
  const d = new PyDict()
  for (const k of ERR_KINDS) d.set(hashKey(k), k, s[k])
  return d
}

const ERRSTATE_CLASS = new PyClass('errstate', BUILTIN_TYPES.object, 'numpy')

/** `with np.errstate(divide='ignore'):` sets the state on entering and restores it on leaving. */
class ErrStateManager extends PyObject {
  private saved: ErrState[] = []
  constructor(private readonly holder: { err: ErrState }, private readonly kw: Record<string, PyValue | undefined>) { super() }
  get pyClass() { return ERRSTATE_CLASS }
  getattr(n: string): PyValue | undefined {
    if (n === '__enter__') {
      return new PyBuiltin('__enter__', () => {
        this.saved.push(this.holder.err)
        this.holder.err = errUpdate(this.holder.err, this.kw)
        return null
      }, this)
    }
    if (n === '__exit__') return new PyBuiltin('__exit__', () => { this.holder.err = this.saved.pop() ?? this.holder.err; return false }, this)
    return undefined
  }
}

export function bindNumpyBroadcast(np: LibModule, ctx: LibraryContext, asArray: (v: PyValue | undefined, fn: string) => EngineValue): void {
  np.fn('broadcast_shapes', (a) => {
    const shapes = a.map((s) => (isSequence(s) ? s.items.map((x) => intArg(x)) : [intArg(s)]))
    for (const s of shapes) if (s.some((d) => d < 0)) throw pyErr('ValueError', 'negative dimensions are not allowed')
    return new PyTuple(broadcastShape(shapes).map(BigInt))
  })
  np.fn('broadcast_arrays', (a, kw) => {
    bindArgs('broadcast_arrays', ['*args', 'subok='], a, kw)
    const arrays = a.map((v) => asArray(v, 'broadcast_arrays'))
    const shape = broadcastShape(arrays.map((x) => x.meta.shape))
    // NOTE numpy/lib/_stride_tricks_impl.py broadcast_arrays: an argument of the full shape is
    // returned as it is; the others are broadcast views left writeable (readonly=False).
    return new PyTuple(arrays.map((x) => {
      if (x.meta.shape.length === shape.length && x.meta.shape.every((d, i) => d === shape[i])) return x
      const v = ctx.opWrap([x.obj], () => x.obj.broadcastTo(shape))
      if (x.info().flags.writeable) v.obj.setWriteable(true)
      return v
    }))
  })
  np.fn('result_type', (a, kw) => {
    bindArgs('result_type', ['*arrays_and_dtypes'], a, kw)
    return new NpDType(resultType(a))
  })
  const holder = ctx.npErrState
  np.fn('errstate', (a, kw) => {
    const b = bindArgs('errstate', ['*', 'call=', 'all=', 'divide=', 'over=', 'under=', 'invalid='], a, kw)
    if (b.call !== undefined) throw pyErr('NotImplementedError', 'np.errstate(call=...) is not supported by the Stridescope runner')
    // The modes are checked on entering, as NumPy's errstate.__enter__ does.
    return new ErrStateManager(holder, b)
  })
  np.fn('geterr', (a, kw) => { bindArgs('geterr', [], a, kw); return errDict(holder.err) })
  np.fn('seterr', (a: PyValue[], kw: Kwargs) => {
    const b = bindArgs('seterr', ['all=', 'divide=', 'over=', 'under=', 'invalid='], a, kw)
    const old = errDict(holder.err)
    holder.err = errUpdate(holder.err, b)
    return old
  })
}
