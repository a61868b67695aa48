// Array edits that take any number of items. `arr.push(...items)` and
// `arr.splice(i, n, ...items)` pass every item as a call argument, and past
// ~120k of them V8 throws RangeError (which the runner reports as RecursionError):
// list.sort, extend, += and f(*x) must work on lists of any length, as in Python.

/** Appends every item of `items` to `target`. */
export function pushAll<T>(target: T[], items: Iterable<T>): void {
  for (const x of items) target.push(x)
}

/** `target[start:start+count] = items`, in place. */
export function replaceRange<T>(target: T[], start: number, count: number, items: readonly T[]): void {
  const tail = target.slice(start + count)
  target.length = start
  pushAll(target, items)
  pushAll(target, tail)
}
