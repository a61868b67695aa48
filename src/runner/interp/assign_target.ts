// CPython 3.11's message for an assignment to something that cannot be assigned
// (`1 = x`, `f() = 3`, `a + 1 = 2`), with the caret under the offending target.
// Used only once the parser has rejected the line.

export interface TargetProblem { message: string; column: number; endColumn?: number }

const KEYWORD_CONSTANTS = new Set(['True', 'False', 'None'])

export function assignmentTargetProblem(line: string): TargetProblem | null {
  const eq = topLevelAssign(line)
  if (eq < 0) return null
  // Each comma-separated target, with the column it starts at.
  for (const { text, column } of splitTopLevel(line.slice(0, eq))) {
    const what = targetKind(text)
    if (!what) continue
    if (KEYWORD_CONSTANTS.has(text)) return { message: `cannot assign to ${text}`, column, ...(text.length > 1 ? { endColumn: column + text.length } : {}) }
    return {
      message: `cannot assign to ${what} here. Maybe you meant '==' instead of '='?`,
      column,
      ...(text.length > 1 && what !== 'literal' ? { endColumn: column + text.length } : {})
    }
  }
  return null
}

function targetKind(t: string): string | null {
  if (t === '') return null
  if (KEYWORD_CONSTANTS.has(t)) return 'keyword'
  if (/^(\d|\.\d)/.test(t) || /^[rRbBuUfF]{0,2}['"]/.test(t)) return 'literal'
  if (/^[A-Za-z_][\w.]*\(.*\)$/.test(t)) return 'function call'
  if (/^[A-Za-z_][\w.]*(\[.*\])*$/.test(t) || /^[([]/.test(t) || /^\*[A-Za-z_]/.test(t)) return null  // names, attributes, subscripts, tuples
  if (/[-+*/%@&|^<>~]|\b(and|or|not)\b/.test(t)) return 'expression'
  return null
}

/** Index of the first plain `=` outside brackets and strings, or -1. */
function topLevelAssign(line: string): number {
  let depth = 0
  for (let i = 0; i < line.length; i++) {
    const c = line[i]
    if (c === '#') return -1
    if (c === '"' || c === "'") { i = skipQuoted(line, i); continue }
    if ('([{'.includes(c)) depth++
    else if (')]}'.includes(c)) depth--
    else if (c === '=' && depth === 0 && line[i + 1] !== '=' && !'=!<>:+-*/%@&|^'.includes(line[i - 1] ?? '')) return i
  }
  return -1
}

function splitTopLevel(s: string): { text: string; column: number }[] {
  const out: { text: string; column: number }[] = []
  let depth = 0
  let start = 0
  const push = (end: number): void => {
    const raw = s.slice(start, end)
    const lead = raw.length - raw.trimStart().length
    out.push({ text: raw.trim(), column: start + lead })
  }
  for (let i = 0; i < s.length; i++) {
    const c = s[i]
    if (c === '"' || c === "'") { i = skipQuoted(s, i); continue }
    if ('([{'.includes(c)) depth++
    else if (')]}'.includes(c)) depth--
    else if (c === ',' && depth === 0) { push(i); start = i + 1 }
  }
  push(s.length)
  return out
}

function skipQuoted(s: string, i: number): number {
  const q = s[i]
  let j = i + 1
  while (j < s.length && s[j] !== q) j += s[j] === '\\' ? 2 : 1
  return j
}
