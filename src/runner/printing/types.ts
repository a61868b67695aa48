// Inputs and options of the printing layer. Pure data: the caller (the runner)
// owns the engine objects and hands over an element reader, so only the
// elements that are actually printed cross from native memory.

import type { DTypeName } from '../../engine/types'

export type { DTypeName }

/** One element: number for floats and ints up to 32 bits, bigint for (u)int64, boolean for bool, [re, im] for complex. */
export type ElementValue = number | bigint | boolean | readonly [number, number]

/** An array or tensor as the printer sees it. `at` is called once per printed element, with an index into `shape`. */
export interface PrintableArray {
  dtype: DTypeName
  /** The repr's dtype text when it is not the plain name: `'>i4'` for a big-endian array. */
  dtypeText?: string
  shape: readonly number[]
  at(index: readonly number[]): ElementValue
}

/** NumPy's print options (np.get_printoptions()), as far as they apply to these dtypes. */
export interface NumpyPrintOptions {
  precision: number
  threshold: number
  edgeitems: number
  linewidth: number
  suppress: boolean
  floatmode: 'fixed' | 'unique' | 'maxprec' | 'maxprec_equal'
  sign: '-' | '+' | ' '
  nanstr: string
  infstr: string
}

export const NUMPY_DEFAULT_PRINT_OPTIONS: Readonly<NumpyPrintOptions> = Object.freeze({
  precision: 8,
  threshold: 1000,
  edgeitems: 3,
  linewidth: 75,
  suppress: false,
  floatmode: 'maxprec',
  sign: '-',
  nanstr: 'nan',
  infstr: 'inf'
})

/** torch._tensor_str.PRINT_OPTS plus the process-wide defaults printing depends on. */
export interface TorchPrintOptions {
  precision: number
  threshold: number
  edgeitems: number
  linewidth: number
  /** null: chosen per tensor by _Formatter */
  sciMode: boolean | null
  /** torch.get_default_dtype(): decides which dtype suffix is hidden */
  defaultDtype: 'float32' | 'float64'
}

export const TORCH_DEFAULT_PRINT_OPTIONS: Readonly<TorchPrintOptions> = Object.freeze({
  precision: 4,
  threshold: 1000,
  edgeitems: 3,
  linewidth: 80,
  sciMode: null,
  defaultDtype: 'float32'
})

/** What a tensor's repr shows besides its values. */
export interface TensorPrintInfo {
  /** 'cpu', 'cuda:0', ... ; anything but cpu is printed as device='...' */
  device?: string
  requiresGrad?: boolean
  /** e.g. 'AddBackward0': printed as grad_fn=<...> (takes the place of requires_grad=True) */
  gradFn?: string | null
}
