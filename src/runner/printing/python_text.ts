// Small pieces of Python's own text forms that array printing embeds.

/** Python's repr of a tuple of ints: `()`, `(3,)`, `(0, 3)`. */
export function pythonTupleRepr(items: readonly number[]): string {
  // Integers past 2^53 (an empty array's other sizes) print in full, as Python ints do.
  const text = items.map((n) => (Number.isInteger(n) ? BigInt(n).toString() : String(n)))
  if (text.length === 1) return `(${text[0]},)`
  return `(${text.join(', ')})`
}
