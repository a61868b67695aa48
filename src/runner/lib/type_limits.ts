// np.iinfo and np.finfo (numpy/_core/getlimits.py): the limits of an integer or float dtype.
// Integer limits are Python ints; float limits are NumPy scalars of the float type (complex
// types report their component type). The printed forms are NumPy's, whose number formats
// (e.g. max as 6.55040e+04 in repr but 6.55e+04 in str for float16) are per-type constants.
import type { DTypeName } from '../../engine/types'
import { pyErr } from '../interp/exceptions'
import { PyClass, PyObject, BUILTIN_TYPES, type PyValue } from '../interp/values'
import { ITEMSIZE, NpDType, npDtypeOf, npScalarType } from './dtypes'
import type { LibModule } from './module_builder'
import { NpScalar } from './scalars'
import type { ScalarArrays } from './scalars'

const IINFO_CLASS = new PyClass('iinfo', BUILTIN_TYPES.object, 'numpy')
const FINFO_CLASS = new PyClass('finfo', BUILTIN_TYPES.object, 'numpy')

const RULE = '---------------------------------------------------------------'

class IInfo extends PyObject {
  readonly min: bigint
  readonly max: bigint
  constructor(readonly dtype: DTypeName) {
    super()
    const bits = BigInt(ITEMSIZE[dtype] * 8)
    const unsigned = dtype.startsWith('uint')
    this.min = unsigned ? 0n : -(1n << (bits - 1n))
    this.max = unsigned ? (1n << bits) - 1n : (1n << (bits - 1n)) - 1n
  }
  get pyClass() { return IINFO_CLASS }
  repr() { return `iinfo(min=${this.min}, max=${this.max}, dtype=${this.dtype})` }
  str() { return `Machine parameters for ${this.dtype}\n${RULE}\nmin = ${this.min}\nmax = ${this.max}\n${RULE}\n` }
  getattr(name: string): PyValue | undefined {
    switch (name) {
      case 'min': return this.min
      case 'max': return this.max
      case 'bits': return BigInt(ITEMSIZE[this.dtype] * 8)
      case 'kind': return this.dtype.startsWith('uint') ? 'u' : 'i'
      case 'dtype': return new NpDType(this.dtype)
    }
    return undefined
  }
}

/** IEEE parameters of each float type, and NumPy's printed forms of its limits. */
const FLOATS = {
  float16: { nmant: 10, nexp: 5, precision: 3, resolution: 1e-3, strs: { resolution: '0.001', reprMax: '6.55040e+04', eps: '0.000977', epsneg: '0.0004883', tiny: '6.104e-05', max: '6.55e+04', subnormal: '6e-08' } },
  float32: { nmant: 23, nexp: 8, precision: 6, resolution: 1e-6, strs: { resolution: '1e-06', reprMax: '3.4028235e+38', eps: '1.1920929e-07', epsneg: '5.9604645e-08', tiny: '1.1754944e-38', max: '3.4028235e+38', subnormal: '1e-45' } },
  float64: { nmant: 52, nexp: 11, precision: 15, resolution: 1e-15, strs: { resolution: '1e-15', reprMax: '1.7976931348623157e+308', eps: '2.220446049250313e-16', epsneg: '1.1102230246251565e-16', tiny: '2.2250738585072014e-308', max: '1.7976931348623157e+308', subnormal: '5e-324' } },
} as const
type FloatName = keyof typeof FLOATS

class FInfo extends PyObject {
  constructor(readonly dtype: FloatName, private readonly arrays: ScalarArrays) { super() }
  get pyClass() { return FINFO_CLASS }
  private get p() { return FLOATS[this.dtype] }
  private get maxexp() { return 2 ** (this.p.nexp - 1) }
  private get minexp() { return 1 - 2 ** (this.p.nexp - 1) + 1 }
  private scalar(v: number): NpScalar { return new NpScalar(this.dtype, v, this.arrays) }
  repr() { return `finfo(resolution=${this.p.strs.resolution}, min=-${this.p.strs.reprMax}, max=${this.p.strs.reprMax}, dtype=${this.dtype})` }
  str() {
    const s = this.p.strs
    return [
      `Machine parameters for ${this.dtype}`, RULE,
      `precision = ${this.p.precision}   resolution = ${s.resolution}`,
      `machep = ${-this.p.nmant}   eps =        ${s.eps}`,
      `negep =  ${-this.p.nmant - 1}   epsneg =     ${s.epsneg}`,
      `minexp = ${this.minexp}   tiny =       ${s.tiny}`,
      `maxexp = ${this.maxexp}   max =        ${s.max}`,
      `nexp =   ${this.p.nexp}   min =        -max`,
      `smallest_normal = ${s.tiny}   smallest_subnormal = ${s.subnormal}`, RULE, '',
    ].join('\n')
  }
  getattr(name: string): PyValue | undefined {
    const { nmant, nexp, precision } = this.p
    const max = (2 - 2 ** -nmant) * 2 ** (this.maxexp - 1)
    switch (name) {
      case 'eps': return this.scalar(2 ** -nmant)
      case 'epsneg': return this.scalar(2 ** -(nmant + 1))
      case 'max': return this.scalar(max)
      case 'min': return this.scalar(-max)
      case 'tiny': case 'smallest_normal': return this.scalar(2 ** this.minexp)
      case 'smallest_subnormal': return this.scalar(2 ** (this.minexp - nmant))
      case 'resolution': return this.scalar(this.p.resolution)
      case 'bits': return BigInt(ITEMSIZE[this.dtype] * 8)
      case 'precision': return BigInt(precision)
      case 'nmant': return BigInt(nmant)
      case 'nexp': case 'iexp': return BigInt(nexp)
      case 'maxexp': return BigInt(this.maxexp)
      case 'minexp': return BigInt(this.minexp)
      case 'machep': return BigInt(-nmant)
      case 'negep': return BigInt(-nmant - 1)
      case 'dtype': return new NpDType(this.dtype)
    }
    return undefined
  }
}

/** NumPy's kind character of a dtype, for iinfo's refusal. */
function kindChar(d: DTypeName): string {
  return d === 'bool' ? 'b' : d.startsWith('complex') ? 'c' : d.startsWith('float') ? 'f' : d.startsWith('uint') ? 'u' : 'i'
}

export function bindTypeLimits(np: LibModule, arrays: ScalarArrays): void {
  np.set('iinfo', new PyClass('iinfo', BUILTIN_TYPES.object, 'numpy', (args: PyValue[]) => {
    const d = npDtypeOf(args[0] ?? null)
    const k = kindChar(d)
    if (k !== 'i' && k !== 'u') throw pyErr('ValueError', `Invalid integer data type '${k}'.`)
    return new IInfo(d)
  }))
  np.set('finfo', new PyClass('finfo', BUILTIN_TYPES.object, 'numpy', (args: PyValue[]) => {
    const v = args[0] ?? null
    let d = npDtypeOf(v)
    if (d === 'complex64') d = 'float32'
    else if (d === 'complex128') d = 'float64'
    if (!(d in FLOATS)) throw pyErr('ValueError', `data type ${npScalarType(d).repr()} not inexact`)
    return new FInfo(d as FloatName, arrays)
  }))
}
