// Lowers @lezer/python's concrete tree into the runner's AST (ast.ts).
// Rules that lezer's editor grammar does not encode are restored here:
//  - `not` binds tighter than `and`, which binds tighter than `or` (lezer nests `not a or b`
//    as `not (a or b)`), so boolean chains are flattened and re-parsed;
//  - comparison chains `a < b <= c` become one node (Python evaluates `b` once);
//  - subscripts, targets, argument lists and comprehensions arrive as flat token lists.
import { parser } from '@lezer/python'
import type { SyntaxNode } from '@lezer/common'
import type { Arg, CompFor, Expr, FStrPart, Handler, Param, Stmt } from './ast'
import { normalizeFloatLiterals } from './normalize'
import { scanSource, type SyntaxErrorType, type SyntaxProblem } from './syntax_check'
import { assignmentTargetProblem } from './assign_target'
import { literalBytes } from './bytes'

export class PySyntaxError extends Error {
  constructor(message: string, readonly line: number, readonly column: number,
    readonly type: SyntaxErrorType = 'SyntaxError',
    /** The caret runs to here (exclusive) when it marks more than one column. */
    readonly endColumn?: number,
    /** CPython prints no caret line for TabError and "unexpected indent". */
    readonly caret = true) { super(message) }

  static of(p: SyntaxProblem): PySyntaxError {
    return new PySyntaxError(p.message, p.line, p.column, p.type, p.endColumn, p.caret)
  }
}

type Tok = SyntaxNode

class Lowering {
  private lineStarts: number[] = [0]
  constructor(private src: string) {
    for (let i = 0; i < src.length; i++) if (src[i] === '\n') this.lineStarts.push(i + 1)
  }

  lineOf(pos: number): number {
    let lo = 0, hi = this.lineStarts.length - 1
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1
      if (this.lineStarts[mid] <= pos) lo = mid
      else hi = mid - 1
    }
    return lo + 1
  }

  text(n: Tok): string { return this.src.slice(n.from, n.to) }

  kids(n: Tok): Tok[] {
    const out: Tok[] = []
    for (let c = n.firstChild; c; c = c.nextSibling) if (c.name !== 'Comment') out.push(c)
    return out
  }

  fail(n: Tok, msg = 'invalid syntax'): never {
    const line = this.lineOf(n.from)
    const column = n.from - this.lineStarts[line - 1]
    // The caret spans a name or keyword the parser stopped at, as CPython's does.
    const word = /^[A-Za-z_]\w*/.exec(this.src.slice(n.from, this.src.indexOf('\n', n.from) >>> 0))?.[0] ?? ''
    throw new PySyntaxError(msg, line, column, 'SyntaxError', word.length > 1 ? column + word.length : undefined)
  }

  // ---------- statements ----------

  body(n: Tok): Stmt[] {
    // A Body is ':' followed by statements (or a Script's children).
    const out: Stmt[] = []
    for (const c of this.kids(n)) {
      if (c.name === ':' || c.name === ';') continue
      this.stmtInto(c, out)
    }
    return out
  }

  stmtInto(n: Tok, out: Stmt[]): void {
    if (n.name === 'StatementGroup') {
      for (const c of this.kids(n)) if (c.name !== ';') this.stmtInto(c, out)
      return
    }
    out.push(this.stmt(n))
  }

  stmt(n: Tok): Stmt {
    const line = this.lineOf(n.from)
    const endLine = this.lineOf(Math.max(n.from, n.to - 1))
    const base = { line, endLine }
    const ks = this.kids(n)
    switch (n.name) {
      case 'ExpressionStatement':
        return { ...base, k: 'expr', e: this.exprList(ks) }
      case 'AssignStatement': {
        const typeAt = ks.findIndex(c => c.name === 'TypeDef')
        if (typeAt >= 0) {
          // `x: T = v` assigns v (the annotation is documentation here); `x: T` alone binds nothing.
          const eqAt = ks.findIndex(c => c.name === 'AssignOp')
          if (eqAt < 0) return { ...base, k: 'pass' }
          return { ...base, k: 'assign', targets: [this.exprList(ks.slice(0, typeAt))], value: this.exprList(ks.slice(eqAt + 1)) }
        }
        const problem = assignmentTargetProblem(this.src.slice(this.lineStarts[line - 1]).split('\n')[0])
        if (problem) throw new PySyntaxError(problem.message, line, problem.column, 'SyntaxError', problem.endColumn)
        const groups = splitOn(ks, 'AssignOp')
        const value = this.exprList(groups.pop()!)
        return { ...base, k: 'assign', targets: groups.map(g => this.exprList(g)), value }
      }
      case 'UpdateStatement': {
        const i = ks.findIndex(c => c.name === 'UpdateOp')
        const op = this.text(ks[i]).slice(0, -1)
        return { ...base, k: 'augassign', target: this.exprList(ks.slice(0, i)), op, value: this.exprList(ks.slice(i + 1)) }
      }
      case 'PassStatement': return { ...base, k: 'pass' }
      case 'BreakStatement': return { ...base, k: 'break' }
      case 'ContinueStatement': return { ...base, k: 'continue' }
      case 'ReturnStatement':
        return { ...base, k: 'return', value: ks.length > 1 ? this.exprList(ks.slice(1)) : null }
      case 'IfStatement': return this.ifStmt(base, ks, 0)
      case 'WhileStatement': {
        const bodies = ks.filter(c => c.name === 'Body')
        return { ...base, k: 'while', test: this.expr(ks[1]), body: this.body(bodies[0]), orelse: bodies[1] ? this.body(bodies[1]) : [] }
      }
      case 'ForStatement': {
        const inAt = ks.findIndex(c => c.name === 'in')
        const bodyAt = ks.findIndex(c => c.name === 'Body')
        const bodies = ks.filter(c => c.name === 'Body')
        if (ks[0].name !== 'for') return { ...base, k: 'unsupported', what: 'async for' }
        return {
          ...base, k: 'for', target: this.exprList(ks.slice(1, inAt)), iter: this.exprList(ks.slice(inAt + 1, bodyAt)),
          body: this.body(bodies[0]), orelse: bodies[1] ? this.body(bodies[1]) : []
        }
      }
      case 'FunctionDefinition': {
        if (ks[0].name !== 'def') return { ...base, k: 'unsupported', what: 'async def' }
        const params = ks.find(c => c.name === 'ParamList')!
        const body = ks.find(c => c.name === 'Body')!
        return { ...base, k: 'def', name: this.text(ks[1]), params: this.params(params), body: this.body(body) }
      }
      case 'TryStatement': return this.tryStmt(base, ks)
      case 'RaiseStatement': {
        const fromAt = ks.findIndex(c => c.name === 'from')
        const exc = ks.length > 1 ? this.expr(ks[1]) : null
        return { ...base, k: 'raise', exc, cause: fromAt >= 0 ? this.expr(ks[fromAt + 1]) : null }
      }
      case 'AssertStatement': {
        const parts = splitOn(ks.slice(1), ',')
        return { ...base, k: 'assert', test: this.exprList(parts[0]), msg: parts[1] ? this.exprList(parts[1]) : null }
      }
      case 'DeleteStatement':
        return { ...base, k: 'del', targets: splitOn(ks.slice(1), ',').filter(g => g.length).map(g => this.exprList(g)) }
      case 'ImportStatement': return this.importStmt(base, n, ks)
      case 'ScopeStatement': {
        const names = ks.filter(c => c.name === 'VariableName').map(c => this.text(c))
        return this.text(ks[0]) === 'global' ? { ...base, k: 'global', names } : { ...base, k: 'nonlocal', names }
      }
      case 'ClassDefinition': {
        const argList = ks.find(c => c.name === 'ArgList')
        const args = argList ? this.args(argList) : []
        if (args.some(a => a.kind !== 'pos')) return { ...base, k: 'unsupported', what: 'class keywords (metaclass=...)' }
        const body = ks.find(c => c.name === 'Body')!
        return { ...base, k: 'class', name: this.text(ks[1]), bases: args.map(a => a.value), body: this.body(body) }
      }
      case 'WithStatement': {
        if (ks[0].name !== 'with') return { ...base, k: 'unsupported', what: 'async with' }
        const bodyAt = ks.findIndex(c => c.name === 'Body')
        const items = splitOn(ks.slice(1, bodyAt), ',').filter(g => g.length).map(g => {
          const asAt = g.findIndex(c => c.name === 'as')
          return asAt < 0 ? { ctx: this.exprList(g), target: null } : { ctx: this.exprList(g.slice(0, asAt)), target: this.exprList(g.slice(asAt + 1)) }
        })
        return { ...base, k: 'with', items, body: this.body(ks[bodyAt]) }
      }
      case 'DecoratedStatement': {
        // @a.b(args) lines, then the def or class they decorate (applied bottom-up when it runs).
        const decorators = ks.filter(c => c.name === 'Decorator').map(d => this.decorator(d, this.lineOf(d.from)))
        const inner = this.stmt(ks[ks.length - 1])
        if (inner.k !== 'def' && inner.k !== 'class') return inner
        return { ...inner, line: base.line, decorators }
      }
      case 'MatchStatement': return { ...base, k: 'unsupported', what: 'match statement' }
      case 'PrintStatement': {
        const column = n.from - this.lineStarts[line - 1]
        throw new PySyntaxError("Missing parentheses in call to 'print'. Did you mean print(...)?", line, column, 'SyntaxError',
          line === endLine ? n.to - this.lineStarts[line - 1] : undefined)
      }
      default:
        if (n.type.isError) this.fail(n)
        return { ...base, k: 'unsupported', what: n.name.replace(/Statement$/, '').toLowerCase() + ' statement' }
    }
  }

  ifStmt(base: { line: number; endLine: number }, ks: Tok[], at: number): Stmt {
    // ks[at] is `if` or `elif`; then condition, Body; then elif/else chains.
    const test = this.expr(ks[at + 1])
    const body = this.body(ks[at + 2])
    const next = ks[at + 3]
    let orelse: Stmt[] = []
    if (next && next.name === 'elif') orelse = [{ ...this.ifStmt({ line: this.lineOf(next.from), endLine: base.endLine }, ks, at + 3) }]
    else if (next && next.name === 'else') orelse = this.body(ks[at + 4])
    return { ...base, k: 'if', test, body, orelse }
  }

  tryStmt(base: { line: number; endLine: number }, ks: Tok[]): Stmt {
    let body: Stmt[] = [], orelse: Stmt[] = [], final: Stmt[] = []
    const handlers: Handler[] = []
    for (let i = 0; i < ks.length; i++) {
      const c = ks[i]
      if (c.name === 'try') body = this.body(ks[++i])
      else if (c.name === 'else') orelse = this.body(ks[++i])
      else if (c.name === 'finally') final = this.body(ks[++i])
      else if (c.name === 'except') {
        const parts: Tok[] = []
        while (ks[i + 1] && ks[i + 1].name !== 'Body') parts.push(ks[++i])
        const hb = this.body(ks[++i])
        if (parts[0] && parts[0].name === '*') this.fail(parts[0], 'except* is not supported')
        const asAt = parts.findIndex(p => p.name === 'as')
        const typeToks = asAt >= 0 ? parts.slice(0, asAt) : parts
        handlers.push({
          line: this.lineOf(c.from), body: hb,
          type: typeToks.length ? this.exprList(typeToks) : null,
          name: asAt >= 0 ? this.text(parts[asAt + 1]) : null
        })
      }
    }
    return { ...base, k: 'try', body, handlers, orelse, final }
  }

  importStmt(base: { line: number; endLine: number }, n: Tok, ks: Tok[]): Stmt {
    // Dotted names are token runs `a . b . c`; rebuild them from the source text.
    if (ks[0].name === 'from') {
      const impAt = ks.findIndex(c => c.name === 'import')
      const module = ks.slice(1, impAt).map(c => this.text(c)).join('')
      const names: { name: string; asname: string | null }[] = []
      const rest = ks.slice(impAt + 1).filter(c => c.name !== '(' && c.name !== ')')
      for (const g of splitOn(rest, ',')) {
        if (!g.length) continue
        if (g[0].name === '*') return { ...base, k: 'unsupported', what: "'from ... import *'" }
        names.push({ name: this.text(g[0]), asname: g.length > 2 ? this.text(g[2]) : null })
      }
      return { ...base, k: 'from', module, names }
    }
    void n
    const names = splitOn(ks.slice(1), ',').filter(g => g.length).map(g => {
      const asAt = g.findIndex(c => c.name === 'as')
      const modToks = asAt >= 0 ? g.slice(0, asAt) : g
      return { module: modToks.map(c => this.text(c)).join(''), asname: asAt >= 0 ? this.text(g[asAt + 1]) : null }
    })
    return { ...base, k: 'import', names }
  }

  params(n: Tok): Param[] {
    const out: Param[] = []
    let kwOnly = false
    for (const g of splitOn(this.kids(n).filter(c => c.name !== '(' && c.name !== ')'), ',')) {
      if (!g.length) continue
      if (g[0].name === '*' && g.length === 1) { kwOnly = true; continue }
      if (g[0].name === '/') continue
      let kind: Param['kind'] = 'normal'
      let i = 0
      if (g[0].name === '*') { kind = 'star'; i = 1; kwOnly = true }
      else if (g[0].name === '**') { kind = 'dstar'; i = 1 }
      const name = this.text(g[i])
      const eqAt = g.findIndex(c => c.name === 'AssignOp')
      out.push({ name, kind, kwOnly: kind === 'normal' && kwOnly, default: eqAt >= 0 ? this.exprList(g.slice(eqAt + 1)) : null })
    }
    return out
  }

  // ---------- expressions ----------

  /** A comma-separated run of tokens: one expression, or a tuple when there is a comma. */
  exprList(ts: Tok[]): Expr {
    const groups = splitOn(ts, ',')
    const hasComma = groups.length > 1
    const elts = groups.filter(g => g.length).map(g => this.starrable(g))
    if (!hasComma) {
      if (elts.length !== 1) this.fail(ts[0] ?? ts[ts.length - 1])
      return elts[0]
    }
    return { line: elts[0]?.line ?? this.lineOf(ts[0].from), k: 'tuple', elts }
  }

  starrable(g: Tok[]): Expr {
    if (g[0].name === '*' && g.length === 2) return { line: this.lineOf(g[0].from), k: 'starred', e: this.expr(g[1]) }
    if (g.length !== 1) this.fail(g[1])
    return this.expr(g[0])
  }

  expr(n: Tok): Expr {
    const line = this.lineOf(n.from)
    const ks = () => this.kids(n)
    switch (n.name) {
      case 'Number': return this.number(n, line)
      case 'String':
        if (this.splitQuotes(this.text(n)).bytes) return { line, k: 'bytes', v: this.bytesValue(n) }
        return { line, k: 'str', v: this.stringValue(n) }
      case 'FormatString': return { line, k: 'fstr', parts: this.fstring(n) }
      case 'ContinuedString': {
        const parts: FStrPart[] = []
        for (const c of ks()) {
          if (c.name === 'String') parts.push(this.stringValue(c))
          else if (c.name === 'FormatString') parts.push(...this.fstring(c))
          else this.fail(c)
        }
        if (parts.every(p => typeof p === 'string')) return { line, k: 'str', v: parts.join('') }
        return { line, k: 'fstr', parts }
      }
      case 'VariableName': return { line, k: 'name', id: this.text(n) }
      case 'None': return { line, k: 'const', v: 'None' }
      case 'Boolean': return { line, k: 'const', v: this.text(n) === 'True' ? 'True' : 'False' }
      case 'Ellipsis': return { line, k: 'const', v: 'Ellipsis' }
      case 'ParenthesizedExpression': {
        const inner = ks().filter(c => c.name !== '(' && c.name !== ')')
        if (inner.length !== 1) this.fail(n)
        return this.expr(inner[0])
      }
      case 'TupleExpression': {
        const inner = ks().filter(c => c.name !== '(' && c.name !== ')')
        const groups = splitOn(inner, ',').filter(g => g.length)
        return { line, k: 'tuple', elts: groups.map(g => this.starrable(g)) }
      }
      case 'ArrayExpression': {
        const inner = ks().filter(c => c.name !== '[' && c.name !== ']')
        return { line, k: 'list', elts: splitOn(inner, ',').filter(g => g.length).map(g => this.starrable(g)) }
      }
      case 'DictionaryExpression': {
        const inner = ks().filter(c => c.name !== '{' && c.name !== '}')
        const items: [Expr, Expr][] = []
        for (const g of splitOn(inner, ',')) {
          if (!g.length) continue
          if (g[0].name === '**') return { line, k: 'unsupported', what: 'dict unpacking (**)' }
          const colon = g.findIndex(c => c.name === ':')
          if (colon !== 1 || g.length !== 3) this.fail(g[0])
          items.push([this.expr(g[0]), this.expr(g[2])])
        }
        return { line, k: 'dict', items }
      }
      case 'ArrayComprehensionExpression':
      case 'ComprehensionExpression': {
        const inner = ks().slice(1, -1)
        const forAt = inner.findIndex(c => c.name === 'for')
        return { line, k: 'listcomp', elt: this.exprList(inner.slice(0, forAt)), gens: this.compFors(inner.slice(forAt)) }
      }
      case 'DictionaryComprehensionExpression': {
        const inner = ks().slice(1, -1)
        const forAt = inner.findIndex(c => c.name === 'for')
        const head = inner.slice(0, forAt)
        const colon = head.findIndex(c => c.name === ':')
        return {
          line, k: 'dictcomp', key: this.exprList(head.slice(0, colon)), value: this.exprList(head.slice(colon + 1)),
          gens: this.compFors(inner.slice(forAt))
        }
      }
      case 'SetExpression': case 'SetComprehensionExpression':
        return { line, k: 'unsupported', what: 'set' }
      case 'MemberExpression': {
        const c = ks()
        if (c[1]?.name === '.') return { line, k: 'attr', obj: this.expr(c[0]), name: this.text(c[2]) }
        return { line, k: 'sub', obj: this.expr(c[0]), index: this.subscript(c.slice(2, -1), n) }
      }
      case 'CallExpression': {
        const c = ks()
        return { line, k: 'call', fn: this.expr(c[0]), args: this.args(c[1]) }
      }
      case 'UnaryExpression': {
        const c = ks()
        if (c[0].name === 'not') return this.boolChain(n)
        const op = this.text(c[0])
        if (op !== '-' && op !== '+' && op !== '~') this.fail(c[0])
        return { line, k: 'unary', op, e: this.expr(c[1]) }
      }
      case 'BinaryExpression': {
        const c = ks()
        const opName = c[1].name
        if (opName === 'and' || opName === 'or') return this.boolChain(n)
        if (isCompareTok(c[1])) return this.compareChain(n, line)
        return { line, k: 'bin', op: this.text(c[1]), l: this.expr(c[0]), r: this.expr(c[2]) }
      }
      case 'ConditionalExpression': {
        const c = ks()
        return { line, k: 'ifexp', body: this.expr(c[0]), test: this.expr(c[2]), orelse: this.expr(c[4]) }
      }
      case 'LambdaExpression': {
        const c = ks()
        const pl = c.find(x => x.name === 'ParamList')
        return { line, k: 'lambda', params: pl ? this.params(pl) : [], body: this.expr(c[c.length - 1]) }
      }
      case 'NamedExpression': return { line, k: 'unsupported', what: 'assignment expression (:=)' }
      case 'AwaitExpression': return { line, k: 'unsupported', what: 'await' }
      case 'YieldExpression': return { line, k: 'unsupported', what: 'yield' }
      default:
        if (n.type.isError) this.fail(n)
        return { line, k: 'unsupported', what: n.name }
    }
  }

  number(n: Tok, line: number): Expr {
    const t = this.text(n).replace(/_/g, '')
    if (/[jJ]$/.test(t)) return { line, k: 'imag', v: Number(t.slice(0, -1)) }
    if (/^0[xXoObB]/.test(t)) return { line, k: 'int', v: BigInt(t.toLowerCase()) }
    if (/[.eE]/.test(t)) return { line, k: 'float', v: Number(t) }
    if (/^0+\d/.test(t) && !/^0+$/.test(t)) this.fail(n, 'leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers')
    return { line, k: 'int', v: BigInt(t) }
  }

  compFors(ts: Tok[]): CompFor[] {
    const out: CompFor[] = []
    let i = 0
    while (i < ts.length) {
      if (ts[i].name !== 'for') this.fail(ts[i])
      const inAt = ts.findIndex((c, j) => j > i && c.name === 'in')
      let end = inAt + 1
      while (end < ts.length && ts[end].name !== 'for' && ts[end].name !== 'if') end++
      const gen: CompFor = { target: this.exprList(ts.slice(i + 1, inAt)), iter: this.exprList(ts.slice(inAt + 1, end)), ifs: [] }
      i = end
      while (i < ts.length && ts[i].name === 'if') {
        let e = i + 1
        while (e < ts.length && ts[e].name !== 'for' && ts[e].name !== 'if') e++
        gen.ifs.push(this.exprList(ts.slice(i + 1, e)))
        i = e
      }
      out.push(gen)
    }
    return out
  }

  subscript(ts: Tok[], at: Tok): Expr {
    const line = this.lineOf(at.from)
    const groups = splitOn(ts, ',')
    const one = (g: Tok[]): Expr => {
      if (!g.some(c => c.name === ':')) return this.starrable(g)
      const parts = splitOn(g, ':')
      if (parts.length > 3) this.fail(g[0])
      const get = (p: Tok[] | undefined) => (p && p.length ? this.exprList(p) : null)
      return { line, k: 'slice', lo: get(parts[0]), hi: get(parts[1]), step: get(parts[2]) }
    }
    if (groups.length === 1) return one(groups[0])
    return { line, k: 'tuple', elts: groups.filter(g => g.length).map(one) }
  }

  /** `@a.b(args)`: the dotted name, called when it has an argument list. */
  decorator(d: Tok, line: number): Expr {
    let e: Expr | null = null
    let call: Tok | null = null
    for (const c of this.kids(d)) {
      if (c.name === 'VariableName') e = e ? { line, k: 'attr', obj: e, name: this.text(c) } : { line, k: 'name', id: this.text(c) }
      else if (c.name === 'ArgList') call = c
    }
    if (!e) return { line, k: 'unsupported', what: 'decorator expression' }
    return call ? { line, k: 'call', fn: e, args: this.args(call) } : e
  }

  args(n: Tok): Arg[] {
    const inner = this.kids(n).filter(c => c.name !== '(' && c.name !== ')')
    if (inner.some(c => c.name === 'for')) {
      // f(x for x in y): a single generator argument, evaluated eagerly as a list.
      const forAt = inner.findIndex(c => c.name === 'for')
      const line = this.lineOf(n.from)
      return [{ kind: 'pos', value: { line, k: 'listcomp', elt: this.exprList(inner.slice(0, forAt)), gens: this.compFors(inner.slice(forAt)) } }]
    }
    const out: Arg[] = []
    for (const g of splitOn(inner, ',')) {
      if (!g.length) continue
      if (g[0].name === '*') out.push({ kind: 'star', value: this.expr(g[1]) })
      else if (g[0].name === '**') out.push({ kind: 'dstar', value: this.expr(g[1]) })
      else if (g.length >= 3 && g[1].name === 'AssignOp') out.push({ kind: 'kw', name: this.text(g[0]), value: this.exprList(g.slice(2)) })
      else {
        if (g.length !== 1) this.fail(g[1])
        out.push({ kind: 'pos', value: this.expr(g[0]) })
      }
    }
    return out
  }

  // Boolean chains: flatten lezer's nesting of and/or/not, then parse with Python's precedence.
  boolChain(n: Tok): Expr {
    const toks: (Tok | 'and' | 'or' | 'not')[] = []
    const flat = (x: Tok) => {
      const c = this.kids(x)
      if (x.name === 'BinaryExpression' && (c[1]?.name === 'and' || c[1]?.name === 'or')) {
        flat(c[0]); toks.push(c[1].name as 'and' | 'or'); flat(c[2])
      } else if (x.name === 'UnaryExpression' && c[0]?.name === 'not') {
        toks.push('not'); flat(c[1])
      } else toks.push(x)
    }
    flat(n)
    let i = 0
    const line = this.lineOf(n.from)
    const orE = (): Expr => {
      const vs = [andE()]
      while (toks[i] === 'or') { i++; vs.push(andE()) }
      return vs.length === 1 ? vs[0] : { line, k: 'bool', op: 'or', values: vs }
    }
    const andE = (): Expr => {
      const vs = [notE()]
      while (toks[i] === 'and') { i++; vs.push(notE()) }
      return vs.length === 1 ? vs[0] : { line, k: 'bool', op: 'and', values: vs }
    }
    const notE = (): Expr => {
      const t = toks[i++]
      if (t === 'not') return { line, k: 'unary', op: 'not', e: notE() }
      if (typeof t === 'string' || t === undefined) this.fail(n)
      return this.expr(t)
    }
    const e = orE()
    if (i !== toks.length) this.fail(n)
    return e
  }

  compareChain(n: Tok, line: number): Expr {
    const ops: string[] = []
    const operands: Expr[] = []
    const walk = (x: Tok) => {
      const c = this.kids(x)
      if (x.name === 'BinaryExpression' && isCompareTok(c[1])) {
        walk(c[0])
        let j = 1
        let op = this.text(c[j])
        if (c[j + 1] && (c[j + 1].name === 'not' || c[j + 1].name === 'in') && (op === 'is' || op === 'not')) {
          op = op + ' ' + this.text(c[j + 1]); j++
        }
        ops.push(op)
        operands.push(this.expr(c[j + 1]))
      } else operands.push(this.expr(x))
    }
    walk(n)
    return { line, k: 'cmp', ops, operands }
  }

  // ---------- strings ----------

  stringValue(n: Tok): string {
    const { body, raw, bytes } = this.splitQuotes(this.text(n))
    if (bytes) this.fail(n, 'bytes literals are not supported')
    return raw ? body : decodeEscapes(body)
  }

  /** b'...': ASCII characters and escapes (\u is no escape in bytes); a non-ASCII character is a SyntaxError. */
  bytesValue(n: Tok): number[] {
    const { body, raw } = this.splitQuotes(this.text(n))
    if (/[^\x00-\x7f]/.test(body)) this.fail(n, 'bytes can only contain ASCII literal characters')
    return literalBytes(raw ? body : decodeEscapes(body.replace(/\\([uUN])/g, '\\\\$1')))
  }

  splitQuotes(t: string): { prefix: string; body: string; raw: boolean; bytes: boolean; open: number } {
    const m = /^[rRbBuUfF]*/.exec(t)!
    const prefix = m[0].toLowerCase()
    const q = t.slice(prefix.length)
    const ql = q.startsWith('"""') || q.startsWith("'''") ? 3 : 1
    return { prefix, body: q.slice(ql, q.length - ql), raw: prefix.includes('r'), bytes: prefix.includes('b'), open: prefix.length + ql }
  }

  fstring(n: Tok): FStrPart[] {
    const t = this.text(n)
    const { raw, open } = this.splitQuotes(t)
    const close = t.length - (open - (/^[rRbBuUfF]*/.exec(t)![0].length))
    return this.fparts(n, n.from + open, n.from + close, raw)
  }

  /** Literal text and replacement fields of an f-string (or of a nested format spec) between from and to. */
  fparts(n: Tok, from: number, to: number, raw: boolean): FStrPart[] {
    const out: FStrPart[] = []
    let pos = from
    const lit = (a: number, b: number) => {
      if (b <= a) return
      let s = this.src.slice(a, b).replace(/\{\{/g, '{').replace(/\}\}/g, '}')
      if (!raw) s = decodeEscapes(s)
      out.push(s)
    }
    for (const c of this.kids(n)) {
      if (c.name !== 'FormatReplacement') continue
      lit(pos, c.from)
      out.push(this.field(c, raw))
      pos = c.to
    }
    lit(pos, to)
    return out
  }

  field(n: Tok, raw: boolean): FStrPart {
    const ks = this.kids(n).filter(c => c.name !== '{' && c.name !== '}')
    const exprToks = ks.filter(c => !['FormatConversion', 'FormatSpec', 'FormatSelfDoc'].includes(c.name))
    const conv = ks.find(c => c.name === 'FormatConversion')
    const spec = ks.find(c => c.name === 'FormatSpec')
    const selfDoc = ks.find(c => c.name === 'FormatSelfDoc')
    const expr = this.exprList(exprToks)
    const convCh = conv ? this.text(conv).slice(1) : null
    if (convCh !== null && convCh !== 'r' && convCh !== 's' && convCh !== 'a') this.fail(conv!)
    return {
      expr,
      conv: convCh as 'r' | 's' | 'a' | null,
      spec: spec ? this.fparts(spec, spec.from + 1, spec.to, raw) : null,
      selfDoc: selfDoc ? this.src.slice(n.from + 1, conv ? conv.from : spec ? spec.from : n.to - 1) : null
    }
  }
}

function isCompareTok(t: Tok | undefined): boolean {
  return !!t && (t.name === 'CompareOp' || t.name === 'in' || t.name === 'is' || t.name === 'not')
}

function splitOn(ts: Tok[], name: string): Tok[][] {
  const out: Tok[][] = [[]]
  for (const t of ts) {
    if (t.name === name) out.push([])
    else out[out.length - 1].push(t)
  }
  return out
}

const SIMPLE_ESCAPES: Record<string, string> = {
  n: '\n', t: '\t', r: '\r', '\\': '\\', "'": "'", '"': '"', a: '\x07', b: '\b', f: '\f', v: '\v', '\n': ''
}

export function decodeEscapes(s: string): string {
  if (!s.includes('\\')) return s
  let out = ''
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]
    if (ch !== '\\' || i + 1 >= s.length) { out += ch; continue }
    const e = s[++i]
    if (e in SIMPLE_ESCAPES) { out += SIMPLE_ESCAPES[e]; continue }
    if (e === 'x' || e === 'u' || e === 'U') {
      const len = e === 'x' ? 2 : e === 'u' ? 4 : 8
      const hex = s.slice(i + 1, i + 1 + len)
      if (hex.length === len && /^[0-9a-fA-F]+$/.test(hex)) { out += String.fromCodePoint(parseInt(hex, 16)); i += len; continue }
    }
    if (/[0-7]/.test(e)) {
      const m = /^[0-7]{1,3}/.exec(s.slice(i))!
      out += String.fromCharCode(parseInt(m[0], 8)); i += m[0].length - 1; continue
    }
    out += '\\' + e   // unknown escapes stay as written, as in Python
  }
  return out
}

/**
 * Parses a whole module. Throws PySyntaxError with CPython 3.11's message for the first
 * error CPython would report: tokenizer errors first (wherever they are), then the parser's.
 */
export function parseModule(original: string): Stmt[] {
  const scan = scanSource(original)
  const src = normalizeFloatLiterals(original)
  const tree = parser.parse(src)
  const low = new Lowering(src)
  // lezer recovers from errors; Python must not run a program that does not parse.
  let bad: Tok | null = null
  tree.iterate({ enter: (ref) => { if (!bad && ref.type.isError) bad = ref.node; return !bad } })
  const badNode = bad as Tok | null
  const badLine = badNode ? low.lineOf(badNode.from) : Infinity
  const { tokenizer, layout } = scan
  // An unexpected indent stops CPython's parser where it is, before any later tokenizer error.
  if (layout?.kind === 'unexpected-indent' && layout.line <= badLine && (!tokenizer || layout.line < tokenizer.line)) throw PySyntaxError.of(layout)
  if (tokenizer) throw PySyntaxError.of(tokenizer)
  if (layout && layout.line <= badLine) throw PySyntaxError.of(layout)
  if (!badNode) return low.body(tree.topNode)
  // The parser ran into the end with a bracket open: CPython names the innermost one.
  const inner = scan.open[scan.open.length - 1]
  const badColumn = badNode.from - (src.lastIndexOf('\n', badNode.from - 1) + 1)
  if (inner && (badLine > inner.line || (badLine === inner.line && badColumn >= inner.column))) throw new PySyntaxError(`'${inner.char}' was never closed`, inner.line, inner.column)
  const target = assignmentTargetProblem(original.split('\n')[badLine - 1] ?? '')
  if (target) throw new PySyntaxError(target.message, badLine, target.column, 'SyntaxError', target.endColumn)
  return low.fail(badNode)
}
