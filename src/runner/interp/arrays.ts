// Array edits that take any number of items. `arr.push(...items)` and
// `arr.splice(i, n, ...items)` pass every item as a call argument, and past
// ~120k of them V8 throws RangeError (which the runner reports as RecursionError):
// list.sort, extend, += and f(*x) must work on lists of any length, as in Python.
// Growth checks the JS heap as it goes (./heap): MemoryError, not a dead process.
import { CHECK_FROM, reserveHeap } from './heap'

/** Appends every item of `items` to `target`. */
export function pushAll<T>(target: T[], items: Iterable<T>): void {
  if (Array.isArray(items)) reserveHeap(target.length + items.length)
  let since = 0
  for (const x of items) {
    target.push(x)
    if (++since === CHECK_FROM) {
      since = 0
      reserveHeap(target.length)
    }
  }
}

/** `target[start:start+count] = items`, in place. */
export function replaceRange<T>(target: T[], start: number, count: number, items: readonly T[]): void {
  const tail = target.slice(start + count)
  target.length = start
  pushAll(target, items)
  pushAll(target, tail)
}
