// @lezer/python does not read float literals that end in a dot (`6.`, `1.e5`), which NumPy
// snippets use all the time (`np.arange(6.)`). Before parsing, such literals get a `0` after
// the dot. Strings and comments are left alone, and no line breaks move, so line numbers hold.

const ID = /[A-Za-z0-9_]/

export function normalizeFloatLiterals(src: string): string {
  let out = ''
  let i = 0
  while (i < src.length) {
    const c = src[i]
    if (c === '#') {
      const end = src.indexOf('\n', i)
      const stop = end < 0 ? src.length : end
      out += src.slice(i, stop); i = stop
      continue
    }
    if (c === '"' || c === "'") {
      const stop = skipString(src, i)
      out += src.slice(i, stop); i = stop
      continue
    }
    if (/[0-9]/.test(c) && (i === 0 || !ID.test(src[i - 1]) && src[i - 1] !== '.')) {
      let j = i
      if (c === '0' && /[xXoObB]/.test(src[i + 1] ?? '')) {
        j += 2
        while (j < src.length && /[0-9a-fA-F_]/.test(src[j])) j++
        out += src.slice(i, j); i = j
        continue
      }
      while (j < src.length && /[0-9_]/.test(src[j])) j++
      if (src[j] === '.') {
        const next = src[j + 1] ?? ''
        const bareDot = !/[0-9]/.test(next) && !(ID.test(next) && !/[eEjJ]/.test(next)) && next !== '.'
        if (bareDot) {
          out += src.slice(i, j + 1) + '0'; i = j + 1
          continue
        }
      }
      out += src.slice(i, j); i = j
      continue
    }
    out += c; i++
  }
  return out
}

/** End of the string literal starting at i (a quote), triple-quoted or not. */
function skipString(src: string, i: number): number {
  const q = src[i]
  const triple = src.startsWith(q.repeat(3), i)
  const close = triple ? q.repeat(3) : q
  let j = i + close.length
  while (j < src.length) {
    if (src[j] === '\\') { j += 2; continue }
    if (!triple && src[j] === '\n') return j
    if (src.startsWith(close, j)) return j + close.length
    j++
  }
  return j
}
