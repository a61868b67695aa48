// Shapes, and their C-order byte strides, shared by every entry that has them: a header of a
// million tensors of a few shapes needs a few arrays, not four million objects for V8 to mark
// on each full collection. The shared arrays are frozen: no entry can change another's.
import { cStrides } from './layout'

/** Distinct shapes kept; past them, each entry gets arrays of its own (a hostile file's million shapes). */
const MAX_SHAPES = 4096

export class ShapeCache {
  private readonly shapes = new Map<string, number[]>()
  private readonly strides = new WeakMap<number[], Map<number, number[]>>()

  /** The shared array equal to `shape` (or `shape` itself once the cache is full). */
  shape(shape: number[]): number[] {
    const key = shape.join(',')
    const had = this.shapes.get(key)
    if (had !== undefined) return had
    if (this.shapes.size >= MAX_SHAPES) return shape
    const kept = Object.freeze(shape.slice()) as number[]
    this.shapes.set(key, kept)
    return kept
  }

  /** cStrides(shape, itemsize), shared for a shape this cache handed out. */
  cStrides(shape: number[], itemsize: number): number[] {
    let bySize = this.strides.get(shape)
    if (bySize === undefined) {
      if (!Object.isFrozen(shape)) return cStrides(shape, itemsize)
      this.strides.set(shape, (bySize = new Map()))
    }
    let s = bySize.get(itemsize)
    if (s === undefined) bySize.set(itemsize, (s = Object.freeze(cStrides(shape, itemsize)) as number[]))
    return s
  }
}
