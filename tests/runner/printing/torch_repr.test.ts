// PyTorch tensors print as torch/_tensor_str.py lays them out. PyTorch is not
// installed here, so expectations come from two places:
//  - PyTorch's own test suite, test/test_torch.py `test_print` (copied strings,
//    marked [test_torch]);
//  - strings derived by hand from _tensor_str.py's rules (the rule is named).

import { describe, expect, it } from 'vitest'
import {
  arrayFromFlat, formatTensorRepr, type DTypeName, type ElementValue, type TensorPrintInfo,
  type TorchPrintOptions
} from '../../../src/runner/printing'

const f32 = (xs: number[]): number[] => xs.map(Math.fround)
const c64 = (xs: [number, number][]): [number, number][] => xs.map(([r, i]) => [Math.fround(r), Math.fround(i)])
const t = (
  dtype: DTypeName, shape: number[], values: ElementValue[], info?: TensorPrintInfo, opts?: Partial<TorchPrintOptions>
): string => formatTensorRepr(arrayFromFlat(dtype, shape, values), info, opts)
const iota = (n: number, f: (i: number) => ElementValue = (i) => i): ElementValue[] => Array.from({ length: n }, (_, i) => f(i))

describe('[test_torch] expected strings from PyTorch test_print', () => {
  it('complex tensors use one formatter for real, one for imaginary parts', () => {
    expect(t('complex64', [2], c64([[2.3, 4], [7, 6]]))).toBe('tensor([2.3000+4.j, 7.0000+6.j])')
    expect(t('complex64', [2], c64([[1e28, 2], [-0, -1e-28]]))).toBe('tensor([1.0000e+28+2.0000e+00j, -0.0000e+00-1.0000e-28j])')
  })
  it('big integer 0-d', () => {
    expect(t('int64', [], [2341234123412341n])).toBe('tensor(2341234123412341)')
  })
  it('scientific notation, and sci_mode forced on and off', () => {
    expect(t('float32', [2], f32([1e28, 1e-28]))).toBe('tensor([1.0000e+28, 1.0000e-28])')
    const x = f32([1e2, 1e-2])
    expect(t('float32', [2], x, {}, { sciMode: true })).toBe('tensor([1.0000e+02, 1.0000e-02])')
    // the width is the one the picked (scientific) mode needs: test_torch.py test_print
    expect(t('float32', [2], x, {}, { sciMode: false })).toBe('tensor([  100.0000,     0.0100])')
  })
  it('leading space only when a value is negative', () => {
    expect(t('int64', [2], [1n, 2n])).toBe('tensor([1, 2])')
    expect(t('int64', [2], [1n, -2n])).toBe('tensor([ 1, -2])')
  })
  it('inf and nan, real and complex', () => {
    expect(t('float32', [7], f32([4, Infinity, 1.5, -Infinity, 0, NaN, 1])))
      .toBe('tensor([4.0000,    inf, 1.5000,   -inf, 0.0000,    nan, 1.0000])')
    const y = c64([[4, 0], [Infinity, 0], [1.5, Infinity], [-Infinity, 4], [0, 0], [NaN, Infinity], [3, NaN]])
    expect(t('complex64', [7], y)).toBe(
      'tensor([4.0000+0.j,    inf+0.j, 1.5000+infj,   -inf+4.j, 0.0000+0.j,    nan+infj,\n' +
      '        3.0000+nanj])')
  })
  it('float64 subnormals and huge values; the dtype suffix follows the default dtype', () => {
    const x = [1e-324, 1e-323, 1e-322, 1e307, 1e308, Infinity]
    expect(t('float64', [6], x)).toBe(
      'tensor([ 0.0000e+00, 9.8813e-324, 9.8813e-323, 1.0000e+307, 1.0000e+308,\n' +
      '                inf], dtype=torch.float64)')
    expect(t('float64', [6], x, {}, { defaultDtype: 'float64' })).toBe(
      'tensor([ 0.0000e+00, 9.8813e-324, 9.8813e-323, 1.0000e+307, 1.0000e+308,\n' +
      '                inf])')
  })
  it('summary of a long vector', () => {
    expect(t('float32', [10000], iota(10000, () => 0))).toBe('tensor([0., 0., 0.,  ..., 0., 0., 0.])')
  })
  it('device suffix', () => {
    expect(t('int64', [1], [123n], { device: 'cuda:0' })).toBe("tensor([123], device='cuda:0')")
  })
  it('integral floats and requires_grad', () => {
    expect(t('float32', [1], [123], { requiresGrad: true })).toBe('tensor([123.], requires_grad=True)')
  })
  it('summarised 3-D tensor: "..." rows and blank lines between blocks', () => {
    const block = '[[1., 1., 1.,  ..., 1., 1., 1.],\n         [1., 1., 1.,  ..., 1., 1., 1.]]'
    const expected = 'tensor([' + [block, block, block, '...', block, block, block].join(',\n\n        ') + '])'
    expect(t('float32', [100, 2, 10], iota(2000, () => 1))).toBe(expected)
    const cblock = '[[1.+1.j, 1.+1.j, 1.+1.j,  ..., 1.+1.j, 1.+1.j, 1.+1.j],\n         [1.+1.j, 1.+1.j, 1.+1.j,  ..., 1.+1.j, 1.+1.j, 1.+1.j]]'
    const cexpected = 'tensor([' + [cblock, cblock, cblock, '...', cblock, cblock, cblock].join(',\n\n        ') + '])'
    expect(t('complex64', [100, 2, 10], iota(2000, () => [1, 1]))).toBe(cexpected)
  })
  it('0-d and bool tensors', () => {
    expect(t('float32', [], f32([0.00002]))).toBe('tensor(2.0000e-05)')
    expect(t('bool', [1], [true])).toBe('tensor([True])')
    expect(t('bool', [], [true])).toBe('tensor(True)')
  })
  it("NumPy-like switches: min < 1e-4, max > 1e8, max/min > 1000, int_mode", () => {
    expect(t('float32', [1], f32([0.00002]))).toBe('tensor([2.0000e-05])')
    expect(t('complex64', [1], c64([[0.00002, 0.00002]]))).toBe('tensor([2.0000e-05+2.0000e-05j])')
    expect(t('float32', [1], f32([123456789]))).toBe('tensor([1.2346e+08])')
    expect(t('float32', [2], f32([0.01, 11]))).toBe('tensor([1.0000e-02, 1.1000e+01])')
    expect(t('int64', [2], [1n, 1010n])).toBe('tensor([   1, 1010])')
    expect(t('int64', [1], [1000000000n])).toBe('tensor([1000000000])')
    expect(t('float32', [2], [1, 1000])).toBe('tensor([   1., 1000.])')
    expect(t('float32', [2], [1, 1010])).toBe('tensor([1.0000e+00, 1.0100e+03])')
  })
})

describe('derived from torch/_tensor_str.py rules', () => {
  it('_Formatter: precision 4 fixed, int_mode with a trailing point, 0-d', () => {
    expect(t('float32', [3], f32([1, 1 / 3, 2]))).toBe('tensor([1.0000, 0.3333, 2.0000])')
    expect(t('float32', [3], [1, 2, 3])).toBe('tensor([1., 2., 3.])')
    expect(t('float32', [], [3])).toBe('tensor(3.)')
    expect(t('int64', [], [3n])).toBe('tensor(3)')
    // only non-zero finite values decide; -0.0 prints '{:.0f}' -> '-0' plus '.'
    expect(t('float32', [1], [-0])).toBe('tensor([-0.])')
    expect(t('float32', [2], [NaN, 1])).toBe('tensor([nan, 1.])')
    // 1e8 itself is not > 1e8: int_mode stays positional
    expect(t('float32', [1], [1e8])).toBe('tensor([100000000.])')
  })
  it("Python's round-half-even of the exact binary value (f'{x:.4f}')", () => {
    // 1.03125 is exact in binary: a true tie, Python rounds to the even digit
    expect(t('float64', [2], [1.03125, 0.5], {}, { defaultDtype: 'float64' })).toBe('tensor([1.0312, 0.5000])')
  })
  it('sci_mode pads every value to the widest', () => {
    expect(t('float64', [3], [1e-5, 1, -2e10])).toBe('tensor([ 1.0000e-05,  1.0000e+00, -2.0000e+10], dtype=torch.float64)')
  })
  it('dtype suffix: hidden for float32, int64, bool, complex64 (default float32)', () => {
    expect(t('float64', [2], [1, 2])).toBe('tensor([1., 2.], dtype=torch.float64)')
    expect(t('int32', [2], [1, 2])).toBe('tensor([1, 2], dtype=torch.int32)')
    expect(t('uint8', [2], [1, 255])).toBe('tensor([  1, 255], dtype=torch.uint8)')
    expect(t('int64', [2], [1n, 2n])).toBe('tensor([1, 2])')
    expect(t('bool', [2], [true, false])).toBe('tensor([ True, False])')
    expect(t('bool', [2], [true, true])).toBe('tensor([True, True])')
    expect(t('complex64', [1], [[1, 2]])).toBe('tensor([1.+2.j])')
    expect(t('complex128', [1], [[1, 2]])).toBe('tensor([1.+2.j], dtype=torch.complex128)')
    expect(t('complex128', [1], [[1, 2]], {}, { defaultDtype: 'float64' })).toBe('tensor([1.+2.j])')
    expect(t('float32', [1], [1], {}, { defaultDtype: 'float64' })).toBe('tensor([1.], dtype=torch.float32)')
  })
  it('half and bfloat16 print their exact values at precision 4', () => {
    // float16(0.1) = 0.0999755859375, bfloat16(0.1) = 0.10009765625
    expect(t('float16', [1], [0.0999755859375])).toBe('tensor([0.1000], dtype=torch.float16)')
    expect(t('bfloat16', [1], [0.10009765625])).toBe('tensor([0.1001], dtype=torch.bfloat16)')
  })
  it('empty tensors: size unless (0,), dtype unless the default float', () => {
    expect(t('float32', [0], [])).toBe('tensor([])')
    expect(t('float32', [0, 3], [])).toBe('tensor([], size=(0, 3))')
    expect(t('int64', [0], [])).toBe('tensor([], dtype=torch.int64)')
    expect(t('int32', [2, 0], [])).toBe('tensor([], size=(2, 0), dtype=torch.int32)')
    expect(t('float64', [0], [], { device: 'cuda:0' })).toBe("tensor([], device='cuda:0', dtype=torch.float64)")
  })
  it('_vector_str: elements per line from (linewidth - indent) / (width + 2)', () => {
    // width 2 -> 4 per element -> floor(73 / 4) = 18 per line
    expect(t('int64', [30], iota(30, (i) => BigInt(i)))).toBe(
      'tensor([ 0,  1,  2,  3,  4,  5,  6,  7,  8,  9, 10, 11, 12, 13, 14, 15, 16, 17,\n' +
      '        18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29])')
    expect(t('int64', [30], iota(30, (i) => BigInt(i)), {}, { linewidth: 40 })).toBe(
      'tensor([ 0,  1,  2,  3,  4,  5,  6,  7,\n' +
      '         8,  9, 10, 11, 12, 13, 14, 15,\n' +
      '        16, 17, 18, 19, 20, 21, 22, 23,\n' +
      '        24, 25, 26, 27, 28, 29])')
  })
  it('summaries: " ..." inside a row, "..." as a row, widths from edge items only', () => {
    expect(t('int64', [2000], iota(2000, (i) => BigInt(i)))).toBe('tensor([   0,    1,    2,  ..., 1997, 1998, 1999])')
    expect(t('int64', [2, 1000], iota(2000, (i) => BigInt(i)))).toBe(
      'tensor([[   0,    1,    2,  ...,  997,  998,  999],\n' +
      '        [1000, 1001, 1002,  ..., 1997, 1998, 1999]])')
    expect(t('int64', [1001, 2], iota(2002, (i) => BigInt(i)))).toBe(
      'tensor([[   0,    1],\n        [   2,    3],\n        [   4,    5],\n        ...,\n' +
      '        [1996, 1997],\n        [1998, 1999],\n        [2000, 2001]])')
    // edgeitems and threshold options
    expect(t('int64', [10], iota(10, (i) => BigInt(i)), {}, { threshold: 5, edgeitems: 2 })).toBe('tensor([0, 1,  ..., 8, 9])')
  })
  it('print options: precision, and edgeitems=0 (all elided, size shown)', () => {
    // set_printoptions docstring: precision=2 prints tensor([1.12345]) as tensor([1.12])
    expect(t('float32', [1], f32([1.12345]), {}, { precision: 2 })).toBe('tensor([1.12])')
    const opts = { edgeitems: 0, threshold: 0 }
    expect(t('int64', [10], iota(10, (i) => BigInt(i)), {}, opts)).toBe('tensor([...], size=(10,))')
    expect(t('float32', [3, 4], iota(12), {}, opts)).toBe('tensor([...], size=(3, 4))')
    expect(t('float32', [], [2.5], {}, opts)).toBe('tensor(2.5000, size=())')
    // below the threshold nothing is elided, but edgeitems=0 still adds the size
    expect(t('int64', [3], [1n, 2n, 3n], {}, { edgeitems: 0 })).toBe('tensor([1, 2, 3], size=(3,))')
  })
  it('_add_suffixes: a suffix that would pass linewidth goes on its own line', () => {
    // one full line of 14 elements: len('tensor([...])') = 77, measured as 79 (+2 quirk)
    expect(t('float64', [14], iota(14))).toBe(
      'tensor([ 0.,  1.,  2.,  3.,  4.,  5.,  6.,  7.,  8.,  9., 10., 11., 12., 13.],\n' +
      '       dtype=torch.float64)')
    expect(t('float64', [2], [1e-5, 1], { device: 'cuda:0', requiresGrad: true })).toBe(
      "tensor([1.0000e-05, 1.0000e+00], device='cuda:0', dtype=torch.float64,\n" +
      '       requires_grad=True)')
    expect(t('float32', [2], [2, 4], { gradFn: 'MulBackward0', requiresGrad: true })).toBe('tensor([2., 4.], grad_fn=<MulBackward0>)')
  })
  it('multi-dimensional layout', () => {
    expect(t('float32', [2, 3], iota(6, () => 0))).toBe('tensor([[0., 0., 0.],\n        [0., 0., 0.]])')
    expect(t('int64', [2, 2, 2], iota(8, (i) => BigInt(i)))).toBe(
      'tensor([[[0, 1],\n         [2, 3]],\n\n        [[4, 5],\n         [6, 7]]])')
  })
  it('only edge elements are read when summarising', () => {
    const seen = new Set<string>()
    const a = {
      dtype: 'float32' as const,
      shape: [1000, 1000],
      at(i: readonly number[]) { seen.add(i.join(',')); return 1 }
    }
    expect(formatTensorRepr(a)).toContain('...')
    expect(seen.size).toBe(36)
  })
})

describe('torch type objects', () => {
  it('torch.Size, torch.device, torch.dtype', async () => {
    const { torchSizeRepr, torchDeviceRepr, torchDtypeStr } = await import('../../../src/runner/printing')
    expect(torchSizeRepr([2, 3])).toBe('torch.Size([2, 3])')
    expect(torchSizeRepr([])).toBe('torch.Size([])')
    expect(torchSizeRepr([5])).toBe('torch.Size([5])')
    expect(torchDeviceRepr('cuda:0')).toBe("device(type='cuda', index=0)")
    expect(torchDeviceRepr('cpu')).toBe("device(type='cpu')")
    expect(() => torchDeviceRepr('gpu 1')).toThrow(TypeError)
    expect(torchDtypeStr('bfloat16')).toBe('torch.bfloat16')
  })
})

describe('torch storages (torch/storage.py __repr__)', () => {
  it('untyped storage lists bytes; typed storage lists Python scalars', async () => {
    const { formatTorchUntypedStorage, formatTorchTypedStorage } = await import('../../../src/runner/printing')
    // float32 1.0 is 00 00 80 3f little-endian
    expect(formatTorchUntypedStorage([0, 0, 128, 63])).toBe(' 0\n 0\n 128\n 63\n[torch.storage.UntypedStorage(device=cpu) of size 4]')
    expect(formatTorchUntypedStorage([], 'cuda:0')).toBe(' \n[torch.storage.UntypedStorage(device=cuda:0) of size 0]')
    expect(formatTorchTypedStorage('float32', [1, 0.5])).toBe(' 1.0\n 0.5\n[torch.storage.TypedStorage(dtype=torch.float32, device=cpu) of size 2]')
    expect(formatTorchTypedStorage('float32', [Math.fround(0.1)])).toBe(' 0.10000000149011612\n[torch.storage.TypedStorage(dtype=torch.float32, device=cpu) of size 1]')
    expect(formatTorchTypedStorage('int64', [3n, -1n])).toBe(' 3\n -1\n[torch.storage.TypedStorage(dtype=torch.int64, device=cpu) of size 2]')
    expect(formatTorchTypedStorage('bool', [true])).toBe(' True\n[torch.storage.TypedStorage(dtype=torch.bool, device=cpu) of size 1]')
    expect(formatTorchTypedStorage('complex64', [[1, 2]])).toBe(' (1+2j)\n[torch.storage.TypedStorage(dtype=torch.complex64, device=cpu) of size 1]')
  })
})
