// Reading elements once, and choosing which elements a summarised print shows.

import type { ElementValue, PrintableArray } from './types'

/** Memoises `at` so that the width pass and the printing pass read each element once. */
export class ElementCache {
  private readonly memo = new Map<number, ElementValue>()
  private readonly strides: number[]
  constructor(private readonly input: PrintableArray) {
    // C-order element strides turn an index into one number key
    this.strides = new Array<number>(input.shape.length)
    let acc = 1
    for (let k = input.shape.length - 1; k >= 0; k--) {
      this.strides[k] = acc
      acc *= input.shape[k]
    }
  }

  get(index: readonly number[]): ElementValue {
    let key = 0
    for (let k = 0; k < index.length; k++) key += index[k] * this.strides[k]
    let v = this.memo.get(key)
    if (v === undefined) {
      v = this.input.at(index)
      if (v === undefined || v === null) {
        throw new TypeError(`no value at index (${index.join(', ')}) of a ${this.input.dtype} array`)
      }
      this.memo.set(key, v)
    }
    return v
  }
}

/**
 * A printable shape is a list of non-negative integers; anything else is a caller bug, reported as such.
 * Sizes past 2^53 are allowed: only an empty array can have them (np.zeros((0, 10**18))), and its
 * elements are never walked.
 */
export function checkShape(shape: readonly number[]): void {
  if (!Array.isArray(shape) || shape.some((n) => !Number.isInteger(n) || n < 0)) {
    throw new RangeError(`invalid shape for printing: [${String(shape)}]`)
  }
}

/**
 * The indices along one axis that a summary keeps: the first and last `edge`
 * items when the axis is longer than 2*edge. With edge = 0 both NumPy's
 * `_leading_trailing` and torch's `get_summarized_data` slice `[-0:]`, i.e. the
 * whole axis, so that quirk is kept.
 */
export function keptIndices(length: number, edge: number, summarize: boolean): number[] {
  if (!summarize || length <= 2 * edge || edge === 0) return range(0, length)
  return [...range(0, edge), ...range(length - edge, length)]
}

export function range(start: number, stop: number): number[] {
  const out: number[] = []
  for (let i = start; i < stop; i++) out.push(i)
  return out
}

/** Every element of the (possibly summarised) grid, in C order: the data a formatter measures. */
export function gatherValues(
  cache: ElementCache, shape: readonly number[], edge: number, summarize: boolean
): ElementValue[] {
  const axes = shape.map((n) => keptIndices(n, edge, summarize))
  const out: ElementValue[] = []
  if (axes.some((a) => a.length === 0)) return out
  const index = new Array<number>(shape.length).fill(0)
  const pos = new Array<number>(shape.length).fill(0)
  for (;;) {
    for (let k = 0; k < shape.length; k++) index[k] = axes[k][pos[k]]
    out.push(cache.get(index))
    let k = shape.length - 1
    while (k >= 0) {
      pos[k] += 1
      if (pos[k] < axes[k].length) break
      pos[k] = 0
      k -= 1
    }
    if (k < 0) break
  }
  return out
}

export function numel(shape: readonly number[]): number {
  return shape.reduce((a, b) => a * b, 1)
}
