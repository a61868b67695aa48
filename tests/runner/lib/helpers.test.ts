// Library helpers that need no engine: dtype parsing, nested-list flattening and its
// errors, torch.device/Size printing, print-option validation, NumPy scalars.
import { describe, it, expect } from 'vitest'
import { npDtypeOf, torchDtypeOf, NpDType, torchDtype, npScalarType } from '../../../src/runner/lib/dtypes'
import { flattenNested } from '../../../src/runner/lib/nested'
import { parseDevice, TorchSize } from '../../../src/runner/lib/torch_objects'
import { PrintOptions, npSetPrintoptions } from '../../../src/runner/lib/print_options'
import { NpScalar } from '../../../src/runner/lib/scalars'
import { PyList, PyTuple, BUILTIN_TYPES, type PyValue } from '../../../src/runner/interp/values'
import { repr, str } from '../../../src/runner/interp/repr'
import { binop, compare } from '../../../src/runner/interp/ops'

describe('dtypes', () => {
  it('reads every NumPy spelling', () => {
    expect(npDtypeOf('f4')).toBe('float32')
    expect(npDtypeOf('<i8')).toBe('int64')
    expect(npDtypeOf('|b1')).toBe('bool')
    expect(npDtypeOf(BUILTIN_TYPES.float)).toBe('float64')
    expect(npDtypeOf(BUILTIN_TYPES.int)).toBe('int64')
    expect(npDtypeOf(npScalarType('uint16'))).toBe('uint16')
    expect(npDtypeOf(new NpDType('complex64'))).toBe('complex64')
    expect(() => npDtypeOf('nonsense')).toThrow("data type 'nonsense' not understood")
    expect(() => npDtypeOf('>f8')).toThrow(/non-native byte order/)
  })
  it('reads torch dtypes and Python types', () => {
    expect(torchDtypeOf(torchDtype('bfloat16'))).toBe('bfloat16')
    expect(torchDtypeOf(BUILTIN_TYPES.float)).toBe('float64')
    expect(() => torchDtypeOf('float32')).toThrow(/dtype must be torch.dtype/)
  })
  it('prints dtype objects as the libraries do', () => {
    expect(repr(new NpDType('float64'))).toBe("dtype('float64')")
    expect(str(new NpDType('float64'))).toBe('float64')
    expect(repr(npScalarType('float32'))).toBe("<class 'numpy.float32'>")
    expect(repr(torchDtype('int64'))).toBe('torch.int64')
  })
})

describe('nested lists', () => {
  const L = (...xs: unknown[]) => new PyList(xs as never[])
  it('flattens in C order with the shape', () => {
    expect(flattenNested(L(L(1n, 2n), L(3n, 4n)), 'ndarray')).toEqual({ values: [1n, 2n, 3n, 4n], shape: [2, 2] })
    expect(flattenNested(new PyTuple([]), 'tensor')).toEqual({ values: [], shape: [0] })
    expect(flattenNested(2.5, 'ndarray')).toEqual({ values: [2.5], shape: [] })
  })
  it('rejects ragged input with each library\'s error', () => {
    expect(() => flattenNested(L(L(1n, 2n), L(3n)), 'ndarray')).toThrow('setting an array element with a sequence. The requested array has an inhomogeneous shape after 1 dimensions. The detected shape was (2,) + inhomogeneous part.')
    expect(() => flattenNested(L(L(1n, 2n), L(3n)), 'tensor')).toThrow('expected sequence of length 2 at dim 1 (got 1)')
  })
})

describe('torch objects', () => {
  it('parses and prints devices', () => {
    expect(repr(parseDevice('cuda:1'))).toBe("device(type='cuda', index=1)")
    expect(str(parseDevice('cpu'))).toBe('cpu')
    expect(repr(parseDevice('cuda', 0n))).toBe("device(type='cuda', index=0)")
    expect(() => parseDevice('gpu')).toThrow(/Expected one of cpu, cuda/)
  })
  it('torch.Size is a tuple that prints its own way', () => {
    const s = new TorchSize([2n, 3n])
    expect(repr(s)).toBe('torch.Size([2, 3])')
    expect(compare('==', s, new PyTuple([2n, 3n]))).toBe(true)
  })
})

describe('NumPy scalars', () => {
  it('wrap, print and promote as NumPy 2 does', () => {
    const i8 = new NpScalar('int8', 127n)
    expect(repr(binop('+', i8, 1n))).toBe('np.int8(-128)')
    expect(repr(binop('/', new NpScalar('int64', 3n), 2n))).toBe('np.float64(1.5)')
    expect(repr(binop('*', new NpScalar('float32', 1.5), 2.0))).toBe('np.float32(3.0)')
    expect(repr(compare('>', new NpScalar('float64', 2), 1n))).toBe('np.True_')
    expect(str(new NpScalar('float32', 0.1))).toBe('0.1')
  })
})

describe('np.set_printoptions', () => {
  it('validates like NumPy', () => {
    const o = new PrintOptions()
    expect(() => npSetPrintoptions(o, [], new Map<string, PyValue>([['floatmode', 'x']]))).toThrow('floatmode option must be one of "fixed", "unique", "maxprec", "maxprec_equal"')
    expect(() => npSetPrintoptions(o, [], new Map<string, PyValue>([['precision', 'a']]))).toThrow('precision must be an integer')
    npSetPrintoptions(o, [], new Map<string, PyValue>([['precision', 3n], ['suppress', true]]))
    expect(o.numpy).toMatchObject({ precision: 3, suppress: true, threshold: 1000 })
  })
})
