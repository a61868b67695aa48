// np.set_printoptions / np.get_printoptions and torch.set_printoptions: the per-runner state
// the printing layer reads (its defaults are each library's).
import { NUMPY_DEFAULT_PRINT_OPTIONS, TORCH_DEFAULT_PRINT_OPTIONS, type NumpyPrintOptions, type TorchPrintOptions } from '../printing'
import { PyDict, PyObject, PyClass, PyBuiltin, BUILTIN_TYPES, type PyValue, type Kwargs } from '../interp/values'
import { pyErr } from '../interp/exceptions'
import { bindArgs } from '../interp/args'
import { truthy, hashKey } from '../interp/ops'

export class PrintOptions {
  numpy: NumpyPrintOptions = { ...NUMPY_DEFAULT_PRINT_OPTIONS }
  torch: TorchPrintOptions = { ...TORCH_DEFAULT_PRINT_OPTIONS }
}

function intOpt(v: PyValue, name: string): number {
  if (typeof v !== 'bigint') throw pyErr('TypeError', `${name} must be an integer`)
  return Number(v)
}

const NP_KEYS = ['precision', 'threshold', 'edgeitems', 'linewidth', 'suppress', 'nanstr', 'infstr', 'formatter', 'sign', 'floatmode', 'legacy', 'override_repr']

export function npSetPrintoptions(o: PrintOptions, args: PyValue[], kw: Kwargs): PyValue {
  const b = bindArgs('set_printoptions', NP_KEYS.map(k => k + '='), args, kw)
  const n = { ...o.numpy }
  if (b.precision !== undefined && b.precision !== null) n.precision = intOpt(b.precision, 'precision')
  if (b.threshold !== undefined && b.threshold !== null) n.threshold = intOpt(b.threshold, 'threshold')
  if (b.edgeitems !== undefined && b.edgeitems !== null) n.edgeitems = intOpt(b.edgeitems, 'edgeitems')
  if (b.linewidth !== undefined && b.linewidth !== null) n.linewidth = intOpt(b.linewidth, 'linewidth')
  if (b.suppress !== undefined && b.suppress !== null) n.suppress = truthy(b.suppress)
  if (b.nanstr !== undefined && b.nanstr !== null) n.nanstr = String(b.nanstr)
  if (b.infstr !== undefined && b.infstr !== null) n.infstr = String(b.infstr)
  if (b.sign !== undefined && b.sign !== null) {
    if (b.sign !== '-' && b.sign !== '+' && b.sign !== ' ') throw pyErr('ValueError', "sign option must be one of ' ', '+', or '-'")
    n.sign = b.sign
  }
  if (b.floatmode !== undefined && b.floatmode !== null) {
    const m = b.floatmode
    if (m !== 'fixed' && m !== 'unique' && m !== 'maxprec' && m !== 'maxprec_equal') {
      throw pyErr('ValueError', 'floatmode option must be one of "fixed", "unique", "maxprec", "maxprec_equal"')
    }
    n.floatmode = m
  }
  for (const k of ['formatter', 'legacy', 'override_repr']) {
    if (b[k] !== undefined && b[k] !== null && b[k] !== false) throw pyErr('NotImplementedError', `np.set_printoptions(${k}=...) is not supported by the Stridescope runner`)
  }
  o.numpy = n
  return null
}

export function npGetPrintoptions(o: PrintOptions): PyDict {
  const d = new PyDict()
  const n = o.numpy
  const entries: [string, PyValue][] = [
    ['edgeitems', BigInt(n.edgeitems)], ['threshold', BigInt(n.threshold)], ['floatmode', n.floatmode],
    ['precision', BigInt(n.precision)], ['suppress', n.suppress], ['linewidth', BigInt(n.linewidth)],
    ['nanstr', n.nanstr], ['infstr', n.infstr], ['sign', n.sign], ['formatter', null], ['legacy', false], ['override_repr', null],
  ]
  for (const [k, v] of entries) d.set(hashKey(k), k, v)
  return d
}

const CONTEXT_MANAGER_CLASS = new PyClass('_GeneratorContextManager', BUILTIN_TYPES.object, 'contextlib')

/**
 * `with np.printoptions(**kw) as opts:`: the options are set on entering (their errors raise
 * there, as NumPy's generator-based manager raises them), `opts` is get_printoptions() then, and
 * the options before are back on leaving.
 */
export class NpPrintoptionsManager extends PyObject {
  private saved: NumpyPrintOptions[] = []
  constructor(private readonly o: PrintOptions, private readonly args: PyValue[], private readonly kw: Kwargs) { super() }
  get pyClass() { return CONTEXT_MANAGER_CLASS }
  getattr(n: string): PyValue | undefined {
    if (n === '__enter__') {
      return new PyBuiltin('__enter__', () => {
        const before = this.o.numpy
        npSetPrintoptions(this.o, this.args, this.kw)
        this.saved.push(before)
        return npGetPrintoptions(this.o)
      }, this)
    }
    if (n === '__exit__') return new PyBuiltin('__exit__', () => { this.o.numpy = this.saved.pop() ?? this.o.numpy; return false }, this)
    return undefined
  }
}

export function torchSetPrintoptions(o: PrintOptions, args: PyValue[], kw: Kwargs): PyValue {
  const b = bindArgs('set_printoptions', ['precision=', 'threshold=', 'edgeitems=', 'linewidth=', 'profile=', 'sci_mode='], args, kw)
  const t = { ...o.torch }
  if (b.profile !== undefined && b.profile !== null) {
    // torch/_tensor_str.py: "default", "short", "full".
    const p = b.profile
    if (p === 'default') Object.assign(t, { precision: 4, threshold: 1000, edgeitems: 3, linewidth: 80 })
    else if (p === 'short') Object.assign(t, { precision: 2, threshold: 1000, edgeitems: 2, linewidth: 80 })
    else if (p === 'full') Object.assign(t, { precision: 4, threshold: Number.MAX_SAFE_INTEGER, edgeitems: 3, linewidth: 80 })
  }
  if (b.precision !== undefined && b.precision !== null) t.precision = intOpt(b.precision, 'precision')
  if (b.threshold !== undefined && b.threshold !== null) t.threshold = intOpt(b.threshold, 'threshold')
  if (b.edgeitems !== undefined && b.edgeitems !== null) t.edgeitems = intOpt(b.edgeitems, 'edgeitems')
  if (b.linewidth !== undefined && b.linewidth !== null) t.linewidth = intOpt(b.linewidth, 'linewidth')
  // torch/_tensor_str.py set_printoptions assigns sci_mode on every call: left out, it is None again.
  t.sciMode = b.sci_mode === undefined || b.sci_mode === null ? null : truthy(b.sci_mode)
  o.torch = t
  return null
}
