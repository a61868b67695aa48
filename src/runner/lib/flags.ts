// NumPy's flagsobj (`a.flags`, `np.float64(1).flags`): prints like NumPy's, indexable by
// name or letter, readable as attributes; WRITEABLE is the one flag a program may set.
import { PyObject, PyClass, BUILTIN_TYPES, type PyValue } from '../interp/values'
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
const ALIASES: Record<string, string> = {
  C: 'C_CONTIGUOUS', CONTIGUOUS: 'C_CONTIGUOUS', F: 'F_CONTIGUOUS', FORTRAN: 'F_CONTIGUOUS',
  W: 'WRITEABLE', O: 'OWNDATA', A: 'ALIGNED', X: 'WRITEBACKIFCOPY',
}
const ATTR_ALIASES: Record<string, string> = { contiguous: 'C_CONTIGUOUS', fortran: 'F_CONTIGUOUS' }

export class NpFlags extends PyObject {
  /**
   * `read` gives the owner's flags now (flags follow the array: a later setflags shows);
   * `setWriteable` is null for a NumPy scalar (NumPy: "Cannot set flags on array scalars.").
   */
  constructor(private readonly read: () => FlagValues, private readonly setWriteable: ((on: boolean) => void) | null) { super() }
  get pyClass() { return FLAGS_CLASS }

  private values(): Record<string, boolean> {
    const f = this.read()
    return { C_CONTIGUOUS: f.cContiguous, F_CONTIGUOUS: f.fContiguous, OWNDATA: f.ownsData, WRITEABLE: f.writeable, ALIGNED: f.aligned, WRITEBACKIFCOPY: false }
  }

  repr() {
    const v = this.values()
    return NAMES.map((k) => `  ${k} : ${v[k] ? 'True' : 'False'}\n`).join('')
  }

  private keyName(key: PyValue): string | null {
    if (typeof key !== 'string') return null
    const k = ALIASES[key] ?? key
    return (NAMES as readonly string[]).includes(k) ? k : null
  }

  getitem(key: PyValue): PyValue {
    const k = this.keyName(key)
    if (k === null) throw pyErr('KeyError', 'Unknown flag')
    return this.values()[k]
  }

  setitem(key: PyValue, v: PyValue): void {
    const k = this.keyName(key)
    if (k === 'WRITEABLE') return this.set(v)
    if (k === 'ALIGNED' || k === 'WRITEBACKIFCOPY') throw pyErr('NotImplementedError', `setting flags['${String(key)}'] is not supported by the Stridescope engine`)
    throw pyErr('KeyError', 'Unknown flag')
  }

  getattr(name: string): PyValue | undefined {
    const k = ATTR_ALIASES[name] ?? name.toUpperCase()
    if (name !== name.toLowerCase() || !(NAMES as readonly string[]).includes(k)) return undefined
    return this.values()[k]
  }

  setattr(name: string, v: PyValue): boolean {
    if (name === 'writeable') { this.set(v); return true }
    if (name === 'aligned' || name === 'writebackifcopy') throw pyErr('NotImplementedError', `setting flags.${name} is not supported by the Stridescope engine`)
    if (this.getattr(name) !== undefined) throw pyErr('AttributeError', `attribute '${name}' of 'numpy._core.multiarray.flagsobj' objects is not writable`)
    throw pyErr('AttributeError', `'numpy._core.multiarray.flagsobj' object has no attribute '${name}'`)
  }

  private set(v: PyValue): void {
    if (!this.setWriteable) throw pyErr('ValueError', 'Cannot set flags on array scalars.')
    this.setWriteable(truthy(v))
  }
}

const FLAGS_CLASS = new PyClass('flagsobj', BUILTIN_TYPES.object, 'numpy._core.multiarray')

/** A NumPy scalar's flags: a contiguous, owning, read-only single element. */
export const SCALAR_FLAGS: FlagValues = { cContiguous: true, fContiguous: true, ownsData: true, writeable: false, aligned: true }
