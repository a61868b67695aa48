// Printing NumPy arrays and PyTorch tensors exactly as NumPy 2.x and PyTorch 2.x do.
//
// Pure functions over a `PrintableArray` ({ dtype, shape, at(index) }): `at` is
// called only for the elements that appear in the text (summaries read their
// edge items only), each at most once per call.
//
//   formatNdarrayRepr(a)        repr(a)        'array([1., 2.], dtype=float32)'
//   formatNdarrayStr(a)         str(a)/print   '[1. 2.]'
//   array2string(a, opts, ...)  np.array2string with separator/prefix/suffix
//   formatNumpyScalarRepr(d, v) repr(scalar)   'np.float64(1.5)', 'np.True_'
//   formatNumpyScalarStr(d, v)  str(scalar)    '1.5', 'True', '(1+2j)'
//   formatTensorRepr(t, info)   repr/str/print of a tensor
//                                               "tensor([1., 2.], device='cuda:0', requires_grad=True)"
//   pyFloatRepr / pyComplexRepr / pyFormatFixed / pyFormatExp / pyFormatGeneral
//                               Python's repr(float), repr(complex), f'{x:.4f}', f'{x:.4e}', f'{x:.4g}'
//                               (exact, ties to even; JS toFixed rounds ties up and stops at 1e21)
//   roundToKind(x, 'float32')   a double rounded to float16/float32 (ties to even)
//   formatPositional / formatScientific        np.format_float_positional / _scientific
//   numpyDtypeRepr / numpyFlagsRepr / torchSizeRepr / torchDeviceRepr / torchDtypeStr
//                               dtype('float64'), a.flags, torch.Size([2, 3]), device(type='cuda', index=0)
//   formatTorchUntypedStorage / formatTorchTypedStorage   t.untyped_storage(), t.storage()
//
// Options default to each library's defaults (NUMPY_DEFAULT_PRINT_OPTIONS,
// TORCH_DEFAULT_PRINT_OPTIONS); pass a partial object to override
// (np.set_printoptions / torch.set_printoptions state lives with the caller).
// Values: numbers for floats and ints up to 32 bits, bigint (or number) for
// (u)int64, booleans for bool, [re, im] for complex. float16/float32 values are
// the exact values of those types carried in a double.

export type {
  DTypeName, ElementValue, PrintableArray, NumpyPrintOptions, TorchPrintOptions, TensorPrintInfo
} from './types'
export { NUMPY_DEFAULT_PRINT_OPTIONS, TORCH_DEFAULT_PRINT_OPTIONS } from './types'
export { formatNdarrayRepr, formatNdarrayStr, array2string, numpyDtypeIsImplied } from './numpy_array'
export { formatNumpyScalarRepr, formatNumpyScalarStr } from './numpy_scalar'
export { formatTensorRepr, tensorStr } from './torch_tensor'
export { pyFloatRepr, pyFormatFixed, pyFormatExp, pyFormatGeneral, pyComplexRepr } from './python_float_format'
export { formatPositional, formatScientific, type TrimMode } from './dragon4'
export { pythonTupleRepr } from './python_text'
export { arrayFromFlat } from './flat_array'
export { numpyDtypeRepr, numpyDtypeStr, numpyFlagsRepr, torchSizeRepr, torchDeviceRepr, torchDtypeStr } from './type_objects'
export { formatTorchUntypedStorage, formatTorchTypedStorage } from './torch_storage'
export { roundToKind } from './float_bits'
