// torch._tensor_str._Formatter: one width and one mode for all values of a tensor.
//
// NOTE (torch/_tensor_str.py, class _Formatter, PyTorch 2.x): for floating
// dtypes only non-zero finite values decide. int_mode when all of them are
// whole numbers (printed '{:.0f}' + '.'); sci_mode when max/min > 1000,
// max > 1e8 or (not int_mode) min < 1e-4, in double; otherwise '{:.{precision}f}'.
// max_width is the longest of those texts (+1 for the '.' in int_mode), measured
// in that mode; PRINT_OPTS.sci_mode, when set, then replaces the mode (not the
// width); format() right-aligns every value to max_width. Integer and
// bool tensors print str(value) right-aligned to the longest one.

import { pyFormatExp, pyFormatFixed } from './python_float_format'
import { toBigInt, toBool, toNumber } from './numpy_formatters'
import type { DTypeName, ElementValue, TorchPrintOptions } from './types'

export function torchIsFloatingPoint(dtype: DTypeName): boolean {
  return dtype === 'float16' || dtype === 'bfloat16' || dtype === 'float32' || dtype === 'float64'
}

export class TorchFormatter {
  private readonly floating: boolean
  private intMode = true
  private sciMode = false
  private maxWidth = 1

  /**
   * @param values the (summarised) elements; real numbers when `floating`
   * @param kind 'float' for floating dtypes, 'bool' or 'int' otherwise
   */
  constructor(values: readonly ElementValue[], private readonly kind: 'float' | 'int' | 'bool', private readonly opts: TorchPrintOptions) {
    this.floating = kind === 'float'
    if (!this.floating) {
      for (const v of values) this.maxWidth = Math.max(this.maxWidth, this.plainStr(v).length)
      return
    }
    const nonzeroFinite = values.map(toNumber).filter((v) => Number.isFinite(v) && v !== 0)
    if (nonzeroFinite.length === 0) return // no valid number: defaults stand
    let max = Math.abs(nonzeroFinite[0])
    let min = max
    for (const v of nonzeroFinite) {
      const a = Math.abs(v)
      if (a > max) max = a
      if (a < min) min = a
    }
    this.intMode = nonzeroFinite.every((v) => v === Math.ceil(v))
    // The width comes from the mode PyTorch picks itself; a forced sci_mode is applied after.
    this.sciMode = max / min > 1000.0 || max > 1.0e8 || (!this.intMode && min < 1.0e-4)
    const p = opts.precision
    for (const v of nonzeroFinite) {
      let len: number
      if (this.sciMode) len = pyFormatExp(v, p).length
      else if (this.intMode) len = pyFormatFixed(v, 0).length + 1
      else len = pyFormatFixed(v, p).length
      this.maxWidth = Math.max(this.maxWidth, len)
    }
    if (opts.sciMode !== null) this.sciMode = opts.sciMode
  }

  width(): number {
    return this.maxWidth
  }

  private plainStr(v: ElementValue): string {
    // f'{value}' of a Python int or bool
    if (this.kind === 'bool') return toBool(v) ? 'True' : 'False'
    return toBigInt(v).toString()
  }

  format(v: ElementValue): string {
    let ret: string
    if (this.floating) {
      const x = toNumber(v)
      if (this.sciMode) {
        ret = pyFormatExp(x, this.opts.precision, this.maxWidth)
      } else if (this.intMode) {
        ret = pyFormatFixed(x, 0)
        if (Number.isFinite(x)) ret += '.'
      } else {
        ret = pyFormatFixed(x, this.opts.precision)
      }
    } else {
      ret = this.plainStr(v)
    }
    return ret.length < this.maxWidth ? ' '.repeat(this.maxWidth - ret.length) + ret : ret
  }
}
