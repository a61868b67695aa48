// repr() / str() of torch tensors, laid out as torch/_tensor_str.py does
// (_str_intern, _tensor_str, _tensor_str_with_formatter, _vector_str,
// _scalar_str, _add_suffixes, get_summarized_data; PyTorch 2.x).

import { checkShape, ElementCache, gatherValues, numel } from './element_cache'
import { isComplexDtype, toComplex } from './numpy_formatters'
import { pythonTupleRepr } from './python_text'
import { TorchFormatter, torchIsFloatingPoint } from './torch_formatter'
import { torchDtypeStr } from './type_objects'
import {
  TORCH_DEFAULT_PRINT_OPTIONS, type DTypeName, type ElementValue, type PrintableArray,
  type TensorPrintInfo, type TorchPrintOptions
} from './types'

interface Formatters {
  real: TorchFormatter
  imag: TorchFormatter | null
}

/** _val_formatter / _scalar_str: one element, complex as 'r+ij' with the imaginary sign kept. */
function formatValue(v: ElementValue, f: Formatters): string {
  if (f.imag === null) return f.real.format(v)
  const [re, im] = toComplex(v)
  const realStr = f.real.format(re)
  const imagStr = (f.imag.format(im) + 'j').trimStart()
  // handles negative numbers, +0.0, -0.0
  return imagStr[0] === '+' || imagStr[0] === '-' ? realStr + imagStr : realStr + '+' + imagStr
}

function tensorBody(
  shape: readonly number[], cache: ElementCache, indent: number, summarize: boolean,
  f: Formatters, opts: TorchPrintOptions
): string {
  const edge = opts.edgeitems
  const recurse = (index: number[], indent: number): string => {
    const dim = shape.length - index.length
    if (dim === 0) return formatValue(cache.get(index), f)
    const len = shape[index.length]
    if (dim === 1) {
      // _vector_str: a fixed number of elements per line, from the widest element
      let elementLength = f.real.width() + 2
      if (f.imag !== null) elementLength += f.imag.width() + 1
      const perLine = Math.max(1, Math.floor((opts.linewidth - indent) / elementLength))
      let data: string[]
      if (summarize && edge === 0) {
        data = ['...']
      } else if (summarize && len > 2 * edge) {
        data = []
        for (let i = 0; i < edge; i++) data.push(formatValue(cache.get([...index, i]), f))
        data.push(' ...')
        for (let i = len - edge; i < len; i++) data.push(formatValue(cache.get([...index, i]), f))
      } else {
        data = []
        for (let i = 0; i < len; i++) data.push(formatValue(cache.get([...index, i]), f))
      }
      const lines: string[] = []
      for (let i = 0; i < data.length; i += perLine) lines.push(data.slice(i, i + perLine).join(', '))
      return '[' + lines.join(',\n' + ' '.repeat(indent + 1)) + ']'
    }
    let slices: string[]
    if (summarize && len > 2 * edge) {
      slices = []
      for (let i = 0; i < edge; i++) slices.push(recurse([...index, i], indent + 1))
      slices.push('...')
      for (let i = len - edge; i < len; i++) slices.push(recurse([...index, i], indent + 1))
    } else {
      slices = []
      for (let i = 0; i < len; i++) slices.push(recurse([...index, i], indent + 1))
    }
    return '[' + slices.join(',' + '\n'.repeat(dim - 1) + ' '.repeat(indent + 1)) + ']'
  }
  return recurse([], indent)
}

/** _tensor_str: the bracketed values, '[]' when empty. */
export function tensorStr(t: PrintableArray, indent: number, options?: Partial<TorchPrintOptions>): string {
  checkShape(t.shape)
  const opts = { ...TORCH_DEFAULT_PRINT_OPTIONS, ...(options ?? {}) }
  const size = numel(t.shape)
  if (size === 0) return '[]'
  const summarize = size > opts.threshold
  const cache = new ElementCache(t)
  // get_summarized_data: with edgeitems=0 a tensor of 2+ dims summarises to nothing
  const data = summarize && opts.edgeitems === 0 && t.shape.length >= 2
    ? []
    : gatherValues(cache, t.shape, opts.edgeitems, summarize)
  let f: Formatters
  if (isComplexDtype(t.dtype)) {
    const pairs = data.map(toComplex)
    f = {
      real: new TorchFormatter(pairs.map((p) => p[0]), 'float', opts),
      imag: new TorchFormatter(pairs.map((p) => p[1]), 'float', opts)
    }
  } else {
    const kind = torchIsFloatingPoint(t.dtype) ? 'float' : t.dtype === 'bool' ? 'bool' : 'int'
    f = { real: new TorchFormatter(data, kind, opts), imag: null }
  }
  return tensorBody(t.shape, cache, indent, summarize, f, opts)
}

/** _add_suffixes: ', suffix' on the last line, or a new line when it would pass linewidth. */
function addSuffixes(tensorText: string, suffixes: readonly string[], indent: number, linewidth: number): string {
  const parts = [tensorText]
  // NOTE: PyTorch measures len(s) - s.rfind('\n') + 1, two more than the last line; kept as is.
  let lastLineLen = tensorText.length - tensorText.lastIndexOf('\n') + 1
  for (const suffix of suffixes) {
    if (lastLineLen + suffix.length + 2 > linewidth) {
      parts.push(',\n' + ' '.repeat(indent) + suffix)
      lastLineLen = indent + suffix.length
    } else {
      parts.push(', ' + suffix)
      lastLineLen += suffix.length + 2
    }
  }
  parts.push(')')
  return parts.join('')
}

/** repr(t) == str(t) == print(t) for a dense tensor: `tensor([1., 2.], dtype=torch.float64)`. */
export function formatTensorRepr(
  t: PrintableArray, info: TensorPrintInfo = {}, options?: Partial<TorchPrintOptions>
): string {
  checkShape(t.shape)
  const opts = { ...TORCH_DEFAULT_PRINT_OPTIONS, ...(options ?? {}) }
  const prefix = 'tensor('
  const indent = prefix.length
  const suffixes: string[] = []
  const device = info.device ?? 'cpu'
  // Note [Print tensor device]: shown whenever it is not the default (cpu) device
  if (device !== 'cpu') suffixes.push(`device='${device}'`)

  const defaultComplex: DTypeName = opts.defaultDtype === 'float64' ? 'complex128' : 'complex64'
  const hasDefaultDtype = [opts.defaultDtype, defaultComplex, 'int64', 'bool'].includes(t.dtype)
  let body: string
  if (numel(t.shape) === 0) {
    // like NumPy: the size when it is not (0,), and the dtype unless it is the default float
    if (t.shape.length !== 1) suffixes.push('size=' + pythonTupleRepr(t.shape))
    if (t.dtype !== opts.defaultDtype) suffixes.push('dtype=' + torchDtypeStr(t.dtype))
    body = '[]'
  } else {
    if (!opts.edgeitems) suffixes.push('size=' + pythonTupleRepr(t.shape))
    if (!hasDefaultDtype) suffixes.push('dtype=' + torchDtypeStr(t.dtype))
    body = tensorStr(t, indent, opts)
  }
  if (info.gradFn) suffixes.push(`grad_fn=<${info.gradFn}>`)
  else if (info.requiresGrad) suffixes.push('requires_grad=True')
  return addSuffixes(prefix + body, suffixes, indent, opts.linewidth)
}
