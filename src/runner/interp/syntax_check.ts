// CPython's tokenizer-level and line-level syntax errors, which @lezer/python (an editor
// grammar that recovers from anything) does not report: unterminated strings, unmatched
// or mismatched brackets, indentation that matches no outer level, tabs and spaces mixed
// ambiguously, a compound statement without its ':' or its indented block, an unexpected
// indent. Messages and caret columns are CPython 3.11's.
//
// One pass over the source, as CPython's tokenizer reads it: strings (any prefix, triple
// quoted or not), comments, brackets, backslash continuations, and the indentation of each
// logical line (tabs to the next multiple of 8, and again counted as 1, for TabError).

export type SyntaxErrorType = 'SyntaxError' | 'IndentationError' | 'TabError'

export interface SyntaxProblem {
  type: SyntaxErrorType
  message: string
  line: number          // 1-based
  column: number        // 0-based caret column in the line
  endColumn?: number    // caret runs to here (exclusive) when wider than one column
  caret: boolean        // CPython prints no caret line for TabError and "unexpected indent"
  /** 'tokenizer' errors win over any parser error; 'layout' errors are the parser's. */
  kind: 'tokenizer' | 'unexpected-indent' | 'layout'
}

export interface ScanResult {
  /** The first tokenizer error (CPython reports these before any parser error). */
  tokenizer: SyntaxProblem | null
  /** The first line-level parser error: missing ':', missing block, unexpected indent. */
  layout: SyntaxProblem | null
  /** Brackets still open at the end, innermost last. */
  open: { char: string; line: number; column: number }[]
}

const CLOSER: Record<string, string> = { ')': '(', ']': '[', '}': '{' }
const BRACKET_NAME: Record<string, string> = { '(': 'parenthesis', '[': 'parenthesis', '{': 'parenthesis', ')': 'parenthesis', ']': 'parenthesis', '}': 'parenthesis' }

/** The statement a block header opens, as CPython names it in "expected an indented block after ...". */
const HEADERS: Record<string, string> = {
  if: "'if' statement", elif: "'elif' statement", else: "'else' statement", while: "'while' statement",
  for: "'for' statement", with: "'with' statement", try: "'try' statement", except: "'except' statement",
  finally: "'finally' statement", def: 'function definition', class: 'class definition'
}

interface LogicalLine {
  line: number          // where it starts
  indentCol: number
  first: string         // first word
  colonAtEnd: boolean   // ends (before a comment) with ':' at bracket depth 0
  hasTopColon: boolean  // has a ':' at bracket depth 0 anywhere (`if x: y`)
  endColumn: number     // column after its last non-blank character, on its last physical line
  endLine: number
}

export function scanSource(src: string): ScanResult {
  const lines = src.split('\n')

  let tokenizer: SyntaxProblem | null = null
  let layout: SyntaxProblem | null = null
  const open: ScanResult['open'] = []
  const indents = [0]
  const altIndents = [0]
  const logical: LogicalLine[] = []
  let cur: LogicalLine | null = null
  let continuation = false

  const setLayout = (p: SyntaxProblem): void => { if (!layout) layout = p }

  for (let ln = 0; ln < lines.length && !tokenizer; ln++) {
    let text = lines[ln]
    let i = 0
    if (open.length === 0 && !continuation) {
      // The start of a logical line: measure its indentation.
      let col = 0, alt = 0
      while (i < text.length && (text[i] === ' ' || text[i] === '\t' || text[i] === '\f')) {
        if (text[i] === ' ') { col++; alt++ } else if (text[i] === '\t') { col = (Math.floor(col / 8) + 1) * 8; alt++ } else { col = 0; alt = 0 }
        i++
      }
      const rest = text.slice(i)
      if (rest.trim() === '' || rest.startsWith('#')) continue  // blank and comment lines do not count
      const top = indents.length - 1
      const noCaret = { line: ln + 1, column: 0, caret: false }
      if (col === indents[top]) {
        if (alt !== altIndents[top]) { tokenizer = { type: 'TabError', message: 'inconsistent use of tabs and spaces in indentation', kind: 'tokenizer', ...noCaret }; break }
      } else if (col > indents[top]) {
        if (alt <= altIndents[top]) { tokenizer = { type: 'TabError', message: 'inconsistent use of tabs and spaces in indentation', kind: 'tokenizer', ...noCaret }; break }
        indents.push(col); altIndents.push(alt)
      } else {
        while (indents.length > 1 && col < indents[indents.length - 1]) { indents.pop(); altIndents.pop() }
        if (col !== indents[indents.length - 1]) {
          tokenizer = { type: 'IndentationError', message: 'unindent does not match any outer indentation level', kind: 'tokenizer', line: ln + 1, column: text.length, caret: true }
          break
        }
        if (alt !== altIndents[altIndents.length - 1]) { tokenizer = { type: 'TabError', message: 'inconsistent use of tabs and spaces in indentation', kind: 'tokenizer', ...noCaret }; break }
      }
      const word = /^[A-Za-z_]\w*/.exec(rest)?.[0] ?? ''
      cur = { line: ln + 1, indentCol: col, first: word, colonAtEnd: false, hasTopColon: false, endColumn: text.length, endLine: ln + 1 }
      logical.push(cur)
    }
    continuation = false
    let lastSignificant = -1
    let lastChar = ''
    while (i < text.length) {
      const c = text[i]
      if (c === '#') break
      if (c === '\\' && i === text.length - 1) { continuation = true; break }
      const str = stringAt(text, i)
      if (str) {
        const close = findClose(lines, ln, str.bodyStart, str.quote, str.triple)
        if (!close) {
          const detected = str.triple ? lines.length - (src.endsWith('\n') ? 1 : 0) : ln + 1
          tokenizer = {
            type: 'SyntaxError',
            message: `unterminated ${str.triple ? 'triple-quoted ' : ''}string literal (detected at line ${Math.max(detected, ln + 1)})`,
            kind: 'tokenizer', line: ln + 1, column: i, caret: true
          }
          break
        }
        if (close.line !== ln) {
          // A triple-quoted string ran over lines: go on after it, on its last line.
          ln = close.line
          text = lines[ln]
        }
        i = close.column
        lastSignificant = i - 1
        lastChar = str.quote
        continue
      }
      if (c === '(' || c === '[' || c === '{') open.push({ char: c, line: ln + 1, column: i })
      else if (c === ')' || c === ']' || c === '}') {
        const top = open.pop()
        if (!top) { tokenizer = { type: 'SyntaxError', message: `unmatched '${c}'`, kind: 'tokenizer', line: ln + 1, column: i, caret: true }; break }
        if (top.char !== CLOSER[c]) {
          const msg = top.line === ln + 1
            ? `closing ${BRACKET_NAME[c]} '${c}' does not match opening ${BRACKET_NAME[top.char]} '${top.char}'`
            : `closing ${BRACKET_NAME[c]} '${c}' does not match opening ${BRACKET_NAME[top.char]} '${top.char}' on line ${top.line}`
          tokenizer = { type: 'SyntaxError', message: msg, kind: 'tokenizer', line: ln + 1, column: i, caret: true }
          break
        }
      } else if (c === ':' && open.length === 0 && cur && text[i + 1] !== '=') cur.hasTopColon = true
      if (c !== ' ' && c !== '\t') { lastSignificant = i; lastChar = c }
      i++
    }
    if (tokenizer) break
    if (cur && lastSignificant >= 0) {
      cur.endLine = ln + 1
      cur.endColumn = lastSignificant + 1
      cur.colonAtEnd = open.length === 0 && lastChar === ':'
    }
  }
  // Line-level checks, in source order: the header's ':', the block after it, no stray indent.
  for (let k = 0; k < logical.length; k++) {
    const l = logical[k]
    const next = logical[k + 1]
    const header = HEADERS[l.first]
    if (header && !l.hasTopColon) {
      setLayout({ type: 'SyntaxError', message: "expected ':'", kind: 'layout', line: l.endLine, column: l.endColumn, caret: true })
      break
    }
    if (header && l.colonAtEnd && (!next || next.indentCol <= l.indentCol)) {
      const at = next ?? null
      // The caret spans the first token of the line that should have been indented.
      const token = at ? (/^(?:[A-Za-z_]\w*|\d+)/.exec(lines[at.line - 1].trimStart())?.[0].length ?? 1) : 1
      // At the end of the source CPython points after the last character of the last line.
      const lastLine = Math.max(1, lines.length - (src.endsWith('\n') ? 1 : 0))
      const column = at ? lines[at.line - 1].length - lines[at.line - 1].trimStart().length : lines[lastLine - 1].length
      setLayout({
        type: 'IndentationError', message: `expected an indented block after ${header} on line ${l.line}`, kind: 'layout',
        line: at ? at.line : lastLine, column, ...(token > 1 ? { endColumn: column + token } : {}), caret: true
      })
      break
    }
    if (next && next.indentCol > l.indentCol && !l.colonAtEnd) {
      setLayout({ type: 'IndentationError', message: 'unexpected indent', kind: 'unexpected-indent', line: next.line, column: 0, caret: false })
      break
    }
  }
  return { tokenizer, layout, open }
}

/** A string literal starting at i (with its prefix), or null. */
function stringAt(text: string, i: number): { quote: string; triple: boolean; bodyStart: number } | null {
  const m = /^(?:[rRbBuUfF]{0,2})(['"])/.exec(text.slice(i, i + 4))
  if (!m) return null
  if (i > 0 && /\w/.test(text[i - 1])) return null  // part of a name (`xr'...'` is not a prefix)
  const prefix = m[0].length - 1
  if (prefix > 0 && !/^(?:[rRbBuUfF]|[rR][bBfF]|[bBfF][rR])$/.test(text.slice(i, i + prefix))) return null
  const q = m[1]
  const at = i + prefix
  const triple = text.startsWith(q.repeat(3), at)
  return { quote: q, triple, bodyStart: at + (triple ? 3 : 1) }
}

/** Where a string closes: line index and the column just after its closing quote; null when it never does. */
function findClose(lines: string[], ln: number, from: number, q: string, triple: boolean): { line: number; column: number } | null {
  const close = triple ? q.repeat(3) : q
  for (let l = ln, j = from; l < lines.length; l++, j = 0) {
    const text = lines[l]
    while (j < text.length) {
      if (text[j] === '\\') { j += 2; continue }
      if (text.startsWith(close, j)) return { line: l, column: j + close.length }
      j++
    }
    // A single-quoted string ends at the line's end unless a backslash continues it.
    if (!triple && !(text.endsWith('\\') && j > text.length)) return null
  }
  return null
}
