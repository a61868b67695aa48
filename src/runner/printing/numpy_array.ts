// repr() and str() of NumPy arrays, as numpy/_core/arrayprint.py lays them out
// (array_repr / array_str / array2string / _formatArray, NumPy 2.x, legacy=False).

import { checkShape, ElementCache, gatherValues, numel } from './element_cache'
import { formatterFor, type ElementFormatter } from './numpy_formatters'
import { formatNumpyScalarStr } from './numpy_scalar'
import { pythonTupleRepr } from './python_text'
import { NUMPY_DEFAULT_PRINT_OPTIONS, type DTypeName, type NumpyPrintOptions, type PrintableArray } from './types'

/** Python's `line + word` wrapping step (_extendLine); words here are always single-line. */
function extendLine(
  acc: { s: string; line: string }, word: string, lineWidth: number, nextLinePrefix: string
): void {
  let needsWrap = acc.line.length + word.length > lineWidth
  if (acc.line.length <= nextLinePrefix.length) needsWrap = false // wrapping would not help
  if (needsWrap) {
    acc.s += acc.line.trimEnd() + '\n'
    acc.line = nextLinePrefix
  }
  acc.line += word
}

/**
 * _formatArray: nested brackets, `separator` between items, rows wrapped to
 * `lineWidth`, blank lines between blocks of 3-D and up, '...' in summaries.
 */
function formatArray(
  shape: readonly number[], get: (index: number[]) => string, lineWidth: number,
  nextLinePrefix: string, separator: string, edgeItems: number, summarize: boolean
): string {
  const ndim = shape.length
  const summaryInsert = '...'

  const recurse = (index: number[], hangingIndent: string, currWidth: number): string => {
    const axis = index.length
    const axesLeft = ndim - axis
    if (axesLeft === 0) return get(index)

    // nested rows align with the '[' just added, and leave room for the ']'
    const nextHangingIndent = hangingIndent + ' '
    const nextWidth = currWidth - 1
    const aLen = shape[axis]
    const showSummary = summarize && 2 * edgeItems < aLen
    const leading = showSummary ? edgeItems : 0
    const trailing = showSummary ? edgeItems : aLen
    let s = ''

    if (axesLeft === 1) {
      const elemWidth = currWidth - Math.max(separator.trimEnd().length, 1)
      const acc = { s: '', line: hangingIndent }
      for (let i = 0; i < leading; i++) {
        extendLine(acc, recurse([...index, i], nextHangingIndent, nextWidth), elemWidth, hangingIndent)
        acc.line += separator
      }
      if (showSummary) {
        extendLine(acc, summaryInsert, elemWidth, hangingIndent)
        acc.line += separator
      }
      for (let i = trailing; i > 1; i--) {
        extendLine(acc, recurse([...index, aLen - i], nextHangingIndent, nextWidth), elemWidth, hangingIndent)
        acc.line += separator
      }
      extendLine(acc, recurse([...index, aLen - 1], nextHangingIndent, nextWidth), elemWidth, hangingIndent)
      s = acc.s + acc.line
    } else {
      const lineSep = separator.trimEnd() + '\n'.repeat(axesLeft - 1)
      for (let i = 0; i < leading; i++) {
        s += hangingIndent + recurse([...index, i], nextHangingIndent, nextWidth) + lineSep
      }
      if (showSummary) s += hangingIndent + summaryInsert + lineSep
      for (let i = trailing; i > 1; i--) {
        s += hangingIndent + recurse([...index, aLen - i], nextHangingIndent, nextWidth) + lineSep
      }
      s += hangingIndent + recurse([...index, aLen - 1], nextHangingIndent, nextWidth)
    }
    // drop the hanging indent of the first line and wrap in []
    return '[' + s.slice(hangingIndent.length) + ']'
  }
  return recurse([], nextLinePrefix, lineWidth)
}

function resolveOptions(o?: Partial<NumpyPrintOptions>): NumpyPrintOptions {
  return { ...NUMPY_DEFAULT_PRINT_OPTIONS, ...(o ?? {}) }
}

/**
 * np.array2string(a, separator=..., prefix=..., suffix=...) with the given
 * print options. Empty arrays give '[]'.
 */
export function array2string(
  a: PrintableArray, options?: Partial<NumpyPrintOptions>,
  { separator = ' ', prefix = '', suffix = '' }: { separator?: string; prefix?: string; suffix?: string } = {}
): string {
  checkShape(a.shape)
  const opts = resolveOptions(options)
  const lineWidth = opts.linewidth - suffix.length
  const size = numel(a.shape)
  if (size === 0) return '[]'
  const summarize = size > opts.threshold
  const cache = new ElementCache(a)
  const data = gatherValues(cache, a.shape, opts.edgeitems, summarize)
  const fmt: ElementFormatter = formatterFor(a.dtype, data, a.shape.length === 0, opts)
  const nextLinePrefix = ' ' + ' '.repeat(prefix.length) // skip over '[' and the prefix
  return formatArray(a.shape, (i) => fmt(cache.get(i)), lineWidth, nextLinePrefix, separator, opts.edgeitems, summarize)
}

/** _typelessdata: the dtypes whose repr omits dtype= (int_ is int64 on this platform). */
const IMPLIED_DTYPES: ReadonlySet<DTypeName> = new Set<DTypeName>(['int64', 'float64', 'complex128', 'bool'])

export function numpyDtypeIsImplied(dtype: DTypeName): boolean {
  return IMPLIED_DTYPES.has(dtype)
}

/** repr(a) of an ndarray: `array([1, 2, 3])`, `array([], shape=(0, 3), dtype=float64)`. */
export function formatNdarrayRepr(a: PrintableArray, options?: Partial<NumpyPrintOptions>): string {
  const opts = resolveOptions(options)
  const prefix = 'array('
  const lst = array2string(a, opts, { separator: ', ', prefix, suffix: ')' })
  const size = numel(a.shape)
  const extras: string[] = []
  const isShape0 = a.shape.length === 1 && a.shape[0] === 0
  // NOTE (arrayprint.py, _array_repr_implementation): the shape is shown when it
  // cannot be read from the text: empty but not (0,), or summarised (legacy > 2.1).
  if ((size === 0 && !isShape0) || size > opts.threshold) extras.push(`shape=${pythonTupleRepr(a.shape)}`)
  if (a.dtypeText) extras.push(`dtype=${a.dtypeText}`) // non-native byte order is never implied
  else if (!numpyDtypeIsImplied(a.dtype) || size === 0) extras.push(`dtype=${a.dtype}`)
  if (extras.length === 0) return prefix + lst + ')'
  const arrStr = prefix + lst + ','
  const extraStr = extras.join(', ') + ')'
  const lastLineLen = arrStr.length - (arrStr.lastIndexOf('\n') + 1)
  const spacer = lastLineLen + extraStr.length + 1 > opts.linewidth ? '\n' + ' '.repeat(prefix.length) : ' '
  return arrStr + spacer + extraStr
}

/** str(a) / print(a) of an ndarray: `[1 2 3]`; a 0-d array prints as its scalar. */
export function formatNdarrayStr(a: PrintableArray, options?: Partial<NumpyPrintOptions>): string {
  checkShape(a.shape)
  if (a.shape.length === 0) return formatNumpyScalarStr(a.dtype, new ElementCache(a).get([]))
  return array2string(a, options, { separator: ' ', prefix: '' })
}
