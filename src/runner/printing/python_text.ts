// Small pieces of Python's own text forms that array printing embeds.

/** Python's repr of a tuple of ints: `()`, `(3,)`, `(0, 3)`. */
export function pythonTupleRepr(items: readonly number[]): string {
  if (items.length === 1) return `(${items[0]},)`
  return `(${items.join(', ')})`
}
