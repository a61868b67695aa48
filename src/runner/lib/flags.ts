// NumPy's flagsobj (`a.flags`, `np.float64(1).flags`): prints like NumPy's, indexable by
// name or letter, readable as attributes, with NumPy's derived flags (BEHAVED, CARRAY, FARRAY, FNC,
// FORC) and `num`. WRITEABLE is the one flag a program may change: the engine's arrays are always
// aligned and never WRITEBACKIFCOPY, so setting those to what they already are is accepted as NumPy
// accepts it and anything else is refused.
import { PyObject, PyClass, BUILTIN_TYPES, NOT_IMPLEMENTED, type PyValue } from '../interp/values'
import { pyErr } from '../interp/exceptions'
import { truthy } from '../interp/ops'

export interface FlagValues {
  cContiguous: boolean
  fContiguous: boolean
  ownsData: boolean
  writeable: boolean
  aligned: boolean
}

const NAMES = ['C_CONTIGUOUS', 'F_CONTIGUOUS', 'OWNDATA', 'WRITEABLE', 'ALIGNED', 'WRITEBACKIFCOPY'] as const
/** The derived flags, readable by key and (lower case) as attributes but never settable. */
const DERIVED = ['BEHAVED', 'CARRAY', 'FARRAY', 'FNC', 'FORC'] as const
/** The keys flagsobj's __getitem__ takes besides the names above (NumPy's arrayflags_getitem). */
const ALIASES: Record<string, string> = {
  C: 'C_CONTIGUOUS', CONTIGUOUS: 'C_CONTIGUOUS', F: 'F_CONTIGUOUS', FORTRAN: 'F_CONTIGUOUS',
  W: 'WRITEABLE', O: 'OWNDATA', A: 'ALIGNED', X: 'WRITEBACKIFCOPY', B: 'BEHAVED', CA: 'CARRAY', FA: 'FARRAY',
}
const ATTR_ALIASES: Record<string, string> = { contiguous: 'C_CONTIGUOUS', fortran: 'F_CONTIGUOUS' }
/** NumPy's NPY_ARRAY_* bits, which `flags.num` sums. */
const BITS: Record<string, number> = { C_CONTIGUOUS: 0x1, F_CONTIGUOUS: 0x2, OWNDATA: 0x4, ALIGNED: 0x100, WRITEABLE: 0x400, WRITEBACKIFCOPY: 0x2000 }

export class NpFlags extends PyObject {
  /**
   * `read` gives the owner's flags now (flags follow the array: a later setflags shows);
   * `setWriteable` is null for a NumPy scalar (NumPy: "Cannot set flags on array scalars.").
   */
  constructor(private readonly read: () => FlagValues, private readonly setWriteable: ((on: boolean) => void) | null) { super() }
  get pyClass() { return FLAGS_CLASS }

  private values(): Record<string, boolean> {
    const f = this.read()
    const behaved = f.aligned && f.writeable
    // FARRAY is NumPy's test as NumPy writes it: any of ALIGNED, WRITEABLE, F_CONTIGUOUS (not all
    // three) and not C_CONTIGUOUS, so a writeable strided view reads as an FARRAY.
    const farray = (f.aligned || f.writeable || f.fContiguous) && !f.cContiguous
    return {
      C_CONTIGUOUS: f.cContiguous, F_CONTIGUOUS: f.fContiguous, OWNDATA: f.ownsData, WRITEABLE: f.writeable, ALIGNED: f.aligned, WRITEBACKIFCOPY: false,
      BEHAVED: behaved, CARRAY: behaved && f.cContiguous, FARRAY: farray,
      FNC: f.fContiguous && !f.cContiguous, FORC: f.fContiguous || f.cContiguous,
    }
  }

  /** `flags.num`: the NPY_ARRAY_* bits of the stored flags. */
  num(): number {
    const v = this.values()
    return NAMES.reduce((n, k) => (v[k] ? n | BITS[k] : n), 0)
  }

  /** NumPy compares flag objects by their bits (== and != only; others defer). */
  compare(op: string, other: PyValue): PyValue | typeof NOT_IMPLEMENTED {
    if (!(other instanceof NpFlags) || (op !== '==' && op !== '!=')) return NOT_IMPLEMENTED
    return (this.num() === other.num()) === (op === '==')
  }

  repr() {
    const v = this.values()
    return NAMES.map((k) => `  ${k} : ${v[k] ? 'True' : 'False'}\n`).join('')
  }

  private keyName(key: PyValue): string | null {
    if (typeof key !== 'string') return null
    const k = ALIASES[key] ?? key
    return (NAMES as readonly string[]).includes(k) || (DERIVED as readonly string[]).includes(k) ? k : null
  }

  getitem(key: PyValue): PyValue {
    const k = this.keyName(key)
    if (k === null) throw pyErr('KeyError', 'Unknown flag')
    return this.values()[k]
  }

  setitem(key: PyValue, v: PyValue): void {
    const k = this.keyName(key)
    if (k === 'WRITEABLE' || k === 'ALIGNED' || k === 'WRITEBACKIFCOPY') return this.set(k, v, `flags['${String(key)}']`)
    throw pyErr('KeyError', 'Unknown flag')
  }

  getattr(name: string): PyValue | undefined {
    if (name === 'num') return BigInt(this.num())
    const k = ATTR_ALIASES[name] ?? name.toUpperCase()
    if (name !== name.toLowerCase() || this.keyName(k) !== k) return undefined
    return this.values()[k]
  }

  setattr(name: string, v: PyValue): boolean {
    if (name === 'writeable' || name === 'aligned' || name === 'writebackifcopy') { this.set(name.toUpperCase(), v, `flags.${name}`); return true }
    if (this.getattr(name) !== undefined) throw pyErr('AttributeError', `attribute '${name}' of 'numpy._core.multiarray.flagsobj' objects is not writable`)
    throw pyErr('AttributeError', `'numpy._core.multiarray.flagsobj' object has no attribute '${name}'`)
  }

  private set(flag: string, v: PyValue, spelled: string): void {
    if (!this.setWriteable) throw pyErr('ValueError', 'Cannot set flags on array scalars.')
    const on = truthy(v)
    if (flag === 'WRITEABLE') return this.setWriteable(on)
    if (flag === 'WRITEBACKIFCOPY' && on) throw pyErr('ValueError', 'cannot set WRITEBACKIFCOPY flag to True')
    if (on !== this.values()[flag]) throw pyErr('NotImplementedError', `setting ${spelled} to ${on ? 'True' : 'False'} is not supported by the Stridescope engine`)
  }
}

const FLAGS_CLASS = new PyClass('flagsobj', BUILTIN_TYPES.object, 'numpy._core.multiarray')

/** A NumPy scalar's flags: a contiguous, owning, read-only single element. */
export const SCALAR_FLAGS: FlagValues = { cContiguous: true, fContiguous: true, ownsData: true, writeable: false, aligned: true }
