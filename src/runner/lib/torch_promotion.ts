// PyTorch's type promotion as the runner needs it outside an op: c10::promoteTypes of two
// dtypes, and the dtype torch.tensor infers from nested Python data holding NumPy scalars.
import * as engine from '../../engine'
import type { DTypeName } from '../../engine/types'
import { PyList, PyTuple, PyComplex, type PyValue } from '../interp/values'
import { NpScalar } from './scalars'

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
