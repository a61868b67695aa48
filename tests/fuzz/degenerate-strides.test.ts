// The rules behind the runner fuzz's former differences from NumPy (size-0 and size-1 axes,
// NEP 50 overflow of NumPy scalars), one small program each, run under the runner and under
// real NumPy: the printed shape, byte strides, flags and values (or the error and its
// message) must be the same. Skips, saying why, where python3 with NumPy is missing.
import { describe, expect, it } from 'vitest'
import { runUnderNumpy, runUnderRunner } from '../../src/fuzz/runner-programs'
import { oracleSkipReason } from '../engine/numpy-oracle'

const SHOW = "print(x.shape, x.strides, x.flags['C_CONTIGUOUS'], x.flags['F_CONTIGUOUS'], x.tolist())"

/** [what the case pins down, the lines that make x]; each program prints x as the fuzz does. */
const LAYOUTS: [string, string][] = [
  // A new array NumPy allocates with no elements has all strides 0 (PyArray_NewFromDescr_int).
  ['empty arange', 'x = np.arange(0).astype(np.int8)'],
  ['empty zeros', 'x = np.zeros((2, 0, 3), np.float32)'],
  ['empty copy in F order', 'x = np.asfortranarray(np.arange(6).reshape(2, 3)[:, :0])'],
  // reshape: the literal same shape is a view keeping the strides; anything else on a
  // contiguous array gets fresh strides (a size-0 axis counts as 1 there).
  ['reshape to the same shape', 'x = np.arange(0).reshape((0,))'],
  ['reshape to the same 2-d shape', 'x = np.zeros((0, 3)).reshape(0, 3)'],
  ['reshape(-1) is never the same shape', 'x = np.arange(0).reshape(-1)'],
  ['reshape of an empty array', 'x = np.arange(0).reshape(0, 4)'],
  // expand_dims is reshape with 1s inserted.
  ['expand_dims of an empty array', 'x = np.expand_dims(np.arange(0).reshape(0, 3), 0)'],
  ['expand_dims of a contiguous array', 'x = np.expand_dims(np.asfortranarray(np.broadcast_to(np.ones(1, np.int8), (2, 1)).astype(np.int8)), 0)'],
  ['expand_dims of a strided array', 'x = np.expand_dims(np.arange(12).reshape(3, 4)[:, ::2], (1, 3))'],
  // broadcast_to (nditer): every size-1 axis of the operand gets stride 0.
  ['broadcast_to over a size-1 axis', 'x = np.broadcast_to(np.arange(3).reshape(1, 3), (1, 1, 3))'],
  ['broadcast_to to an empty shape', 'x = np.broadcast_to(np.arange(4).reshape(1, 4), (0, 1, 4))'],
  ['broadcast_to keeps negative strides', 'x = np.broadcast_to(np.zeros((3, 1, 4))[:, :, ::-1], (2, 3, 1, 4))'],
  // np.flip is [::-1]: an empty slice has step 1, so an empty axis keeps its stride.
  ['flip of an empty axis', 'x = np.flip(np.arange(0, dtype=np.int32).reshape(0, 4), 0)'],
  ['flip of a full axis of an empty array', 'x = np.flip(np.arange(12).reshape(3, 4)[:, :0], 0)'],
  ['[::-1] of an empty axis', 'x = np.arange(12).reshape(3, 4)[:0][::-1]'],
  // ufuncs: contiguous inputs of the loop's dtype take the single-loop path and a fresh
  // result (F only when the inputs are F and not also C); others the iterator's order.
  ['F-contiguous input with size-1 axes', 'x = np.arange(8, dtype=np.int32).reshape(2, 1, 4).T * -1'],
  ['both C- and F-contiguous input', 'x = np.ones((3, 1)) * 2'],
  ['F input needing a cast: the iterator', 'x = np.arange(8).astype(np.bool).reshape(2, 1, 4).T + 1'],
  ['F input, float result: the iterator', 'x = np.arange(8).reshape(2, 1, 4).T + 1.5'],
  ['unary on an F-contiguous input', 'x = -np.arange(8, dtype=np.int8).reshape(2, 4, 1).T'],
  ['comparison with itself', 'x = np.arange(24, dtype=np.uint8).reshape(1, 2, 3, 4)[..., None].T; x = x == x'],
  ['C and F inputs: the iterator', 'x = np.ones((3, 4)) + np.asfortranarray(np.ones((3, 4)))'],
  // Reductions allocate in the iterator's order; a size-1 axis sits where the sort leaves it.
  ['sum over a transposed array with a size-1 axis', 'x = np.arange(24).astype(np.bool).reshape(3, 2, 1, 4).T.sum(axis=-2)'],
  ['sum leaving size-1 axes', 'x = np.arange(4).astype(np.bool).reshape(4, 1, 1).sum(axis=-2)'],
  ['sum with keepdims', 'x = np.arange(12, dtype=np.uint8).reshape(2, 1, 3, 2).sum(axis=3, keepdims=True)'],
]

/** NEP 50: a Python int operand of a NumPy integer scalar must fit its dtype. */
const SCALAR_OVERFLOWS = [
  'np.uint64(0) + -3', 'np.uint8(3) * -1', '-1 - np.uint8(3)', 'np.uint8(3) // -2', 'np.int8(0) + 300',
  'np.int64(0) + 2**63', 'np.uint64(0) + 2**64', 'np.uint64(0) + 2**63', 'np.uint8(3) / -1', 'np.uint8(3) < -1',
  'np.uint8(3) + True', 'np.arange(3).astype(np.uint8).sum(axis=0) + -1',
]

const PROGRAMS = [
  ...LAYOUTS.map(([, make]) => ['import numpy as np', make, SHOW].join('\n')),
  ...SCALAR_OVERFLOWS.map((e) => ['import numpy as np', 'try:', `    print(repr(${e}))`, 'except Exception as e:', '    print(type(e).__name__, e)'].join('\n')),
]
const NAMES = [...LAYOUTS.map(([name]) => name), ...SCALAR_OVERFLOWS]

const skip = oracleSkipReason('tests/fuzz/degenerate-strides')

describe.skipIf(!!skip)('size-0/size-1 strides and scalar overflow against real NumPy', () => {
  const numpy = skip ? [] : runUnderNumpy(PROGRAMS).outcomes ?? []
  const ours = skip ? [] : runUnderRunner(PROGRAMS)
  NAMES.forEach((name, k) => {
    it(name, () => {
      expect(numpy[k], 'NumPy ran the batch').toBeDefined()
      expect(numpy[k].error).toBeNull() // the programs print their errors
      expect(ours[k]).toEqual(numpy[k])
    })
  })
})
