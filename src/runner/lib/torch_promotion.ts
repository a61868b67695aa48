// PyTorch's type promotion outside an op: c10::promoteTypes of two dtypes, torch.result_type /
// promote_types / can_cast, and the dtype torch.tensor infers from data holding NumPy scalars.
import * as engine from '../../engine'
import type { DTypeName, PyScalar } from '../../engine/types'
import { PyList, PyTuple, PyComplex, type PyValue } from '../interp/values'
import { pyErr } from '../interp/exceptions'
import { bindArgs } from '../interp/args'
import { typeName } from '../interp/ops'
import { NpScalar } from './scalars'
import { EngineValue } from './engine_value'
import { TorchDType, torchDtype } from './dtypes'
import type { LibModule } from './module_builder'

/**
 * c10::promoteTypes(a, b): the engine's add of two empty 1-d tensors, whose result dtype is that
 * promotion (and whose error is PyTorch's for pairs it cannot promote).
 */
export function torchPromoteTypes(a: DTypeName, b: DTypeName): DTypeName {
  const x = engine.zeros('tensor', [0], a), y = engine.zeros('tensor', [0], b)
  try {
    const sum = x.binary('add', y)
    try { return sum.info().dtype } finally { sum.dispose() }
  } finally {
    x.dispose()
    y.dispose()
  }
}

/**
 * torch.tensor([t0, t1, ...]): a tensor inside the data is one scalar (torch reads it through
 * float() / int(), so it must hold one element) of the tensor's own dtype. Each such tensor is
 * replaced by a NumPy scalar of that dtype, which the inference below and the flattening read
 * as they read NumPy scalars.
 */
export function tensorItemsAsScalars(data: PyValue): PyValue {
  if (data instanceof EngineValue && data.kind === 'tensor') {
    const { numel, dtype } = data.info()
    if (numel !== 1) throw pyErr('ValueError', 'only one element tensors can be converted to Python scalars')
    const v = data.item()
    return new NpScalar(dtype, v instanceof PyComplex ? { re: v.re, im: v.im } : (v as PyScalar as number | bigint | boolean))
  }
  if (data instanceof PyList) return new PyList(data.items.map(tensorItemsAsScalars))
  if (data instanceof PyTuple) return new PyTuple(data.items.map(tensorItemsAsScalars))
  return data
}

/** torch's default floating dtype (torch.set_default_dtype is not supported, so always float32). */
const DEFAULT_FLOAT: DTypeName = 'float32'

function holdsNumpyScalar(v: PyValue): boolean {
  if (v instanceof NpScalar) return true
  return (v instanceof PyList || v instanceof PyTuple) && v.items.some(holdsNumpyScalar)
}

/**
 * torch/csrc/utils/tensor_new.cpp infer_scalar_type: a NumPy scalar keeps its dtype, a Python
 * float / complex takes the default dtype, an int int64, a bool bool; a sequence promotes its
 * items' types (an empty one: the default dtype). Null when no NumPy scalar is in `data`: the
 * engine infers those from the Python values alone.
 */
export function inferTensorDtype(data: PyValue): DTypeName | null {
  if (!holdsNumpyScalar(data)) return null
  const infer = (v: PyValue): DTypeName => {
    if (v instanceof NpScalar) return v.dtype
    if (typeof v === 'boolean') return 'bool'
    if (typeof v === 'bigint') return 'int64'
    if (v instanceof PyComplex) return 'complex64'
    if (v instanceof PyList || v instanceof PyTuple) {
      if (v.items.length === 0) return DEFAULT_FLOAT
      let acc: DTypeName | null = null
      for (const item of v.items) {
        const t = infer(item)
        acc = acc === null ? t : torchPromoteTypes(acc, t)
        if (acc === 'complex128') break
      }
      return acc!
    }
    return DEFAULT_FLOAT
  }
  return infer(data)
}

/** A Python number as torch's type promotion sees it (a "wrapped number"); undefined for anything else. */
function pythonNumber(v: PyValue): PyScalar | undefined {
  if (typeof v === 'boolean' || typeof v === 'bigint' || typeof v === 'number') return v
  if (v instanceof PyComplex) return { re: v.re, im: v.im }
  if (v instanceof NpScalar) {
    const p = v.toPy()
    return p instanceof PyComplex ? { re: p.re, im: p.im } : (p as PyScalar)
  }
  return undefined
}

/** Two Python numbers: the higher category's default dtype (bool, int64, the default float, complex64). */
function numbersResultType(a: PyScalar, b: PyScalar): DTypeName {
  const rank = (x: PyScalar) => typeof x === 'boolean' ? 0 : typeof x === 'bigint' ? 1 : typeof x === 'number' ? 2 : 3
  return (['bool', 'int64', DEFAULT_FLOAT, 'complex64'] as const)[Math.max(rank(a), rank(b))]
}

/**
 * torch.result_type(tensor | number, tensor | number): the dtype an arithmetic op of the two
 * would give, found by the engine's add of empty stand-ins (a 0-d tensor stays 0-d: its category
 * rules differ from a dimensioned one's; a Python number stays a wrapped number).
 */
function resultType(a: PyValue, b: PyValue): DTypeName {
  const tensorOf = (v: PyValue) => (v instanceof EngineValue && v.kind === 'tensor' ? v : undefined)
  const ta = tensorOf(a), tb = tensorOf(b)
  const na = pythonNumber(a), nb = pythonNumber(b)
  if ((ta === undefined && na === undefined) || (tb === undefined && nb === undefined)) {
    throw pyErr('TypeError', `result_type() received an invalid combination of arguments - got (${typeName(a)}, ${typeName(b)}), but expected one of:
 * (Tensor tensor, Tensor other)
 * (Number scalar, Tensor tensor)
 * (Tensor tensor, Number other)
 * (Number scalar1, Number scalar2)
`)
  }
  if (!ta && !tb) return numbersResultType(na!, nb!)
  const standIn = (t: EngineValue) => {
    const { shape, dtype } = t.info()
    return engine.zeros('tensor', shape.length === 0 ? [] : [0], dtype)
  }
  const made: engine.EngineObject[] = []
  try {
    const first = standIn((ta ?? tb)!)
    made.push(first)
    const second = ta && tb ? standIn(tb) : (na ?? nb)!
    if (second instanceof engine.EngineObject) made.push(second)
    const sum = first.binary('add', second)
    made.push(sum)
    return sum.info().dtype
  } finally {
    for (const m of made) m.dispose()
  }
}

/** c10::canCast: no complex to non-complex, no floating to integral, nothing but bool to bool. */
function canCast(from: DTypeName, to: DTypeName): boolean {
  const complex = (d: DTypeName) => /complex/.test(d)
  const floating = (d: DTypeName) => /float/.test(d)
  const integral = (d: DTypeName) => /int/.test(d)
  if (complex(from) && !complex(to)) return false
  if (floating(from) && integral(to)) return false
  return !(from !== 'bool' && to === 'bool')
}

function dtypeArg(v: PyValue | undefined, fn: string, arg: string, pos: number): DTypeName {
  if (v instanceof TorchDType) return v.name
  throw pyErr('TypeError', `${fn}(): argument '${arg}' (position ${pos}) must be torch.dtype, not ${typeName(v ?? null)}`)
}

export function bindTorchPromotion(torch: LibModule): void {
  torch.fn('result_type', (a, kw) => {
    const b = bindArgs('result_type', ['tensor', 'other'], a, kw)
    return torchDtype(resultType(b.tensor!, b.other!))
  })
  torch.fn('promote_types', (a, kw) => {
    const b = bindArgs('promote_types', ['type1', 'type2'], a, kw)
    return torchDtype(torchPromoteTypes(dtypeArg(b.type1, 'promote_types', 'type1', 1), dtypeArg(b.type2, 'promote_types', 'type2', 2)))
  })
  torch.fn('can_cast', (a, kw) => {
    const b = bindArgs('can_cast', ['from_', 'to'], a, kw)
    return canCast(dtypeArg(b.from_, 'can_cast', 'from', 1), dtypeArg(b.to, 'can_cast', 'to', 2))
  })
}
