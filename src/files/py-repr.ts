// Python's repr() for the few value kinds that appear in library error texts
// (NumPy formats "got %r" with bytes and "{!r}" with str, dict keys, tuples).

export function reprBytes(b: Uint8Array): string {
  // Python picks single quotes unless the bytes hold ' and no ".
  const hasSingle = b.includes(0x27)
  const hasDouble = b.includes(0x22)
  const quote = hasSingle && !hasDouble ? '"' : "'"
  let out = 'b' + quote
  for (const c of b) {
    if (c === 0x5c) out += '\\\\'
    else if (c === 0x09) out += '\\t'
    else if (c === 0x0a) out += '\\n'
    else if (c === 0x0d) out += '\\r'
    else if (c === quote.charCodeAt(0)) out += '\\' + quote
    else if (c < 0x20 || c >= 0x7f) out += '\\x' + c.toString(16).padStart(2, '0')
    else out += String.fromCharCode(c)
  }
  return out + quote
}

export function reprStr(s: string): string {
  const hasSingle = s.includes("'")
  const hasDouble = s.includes('"')
  const quote = hasSingle && !hasDouble ? '"' : "'"
  let out = quote
  for (const ch of s) {
    const c = ch.codePointAt(0)!
    if (ch === '\\') out += '\\\\'
    else if (ch === '\t') out += '\\t'
    else if (ch === '\n') out += '\\n'
    else if (ch === '\r') out += '\\r'
    else if (ch === quote) out += '\\' + quote
    else if (c < 0x20 || c === 0x7f) out += '\\x' + c.toString(16).padStart(2, '0')
    else out += ch
  }
  return out + quote
}
