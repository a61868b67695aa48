// The words a program wrote for the operation running now. The operation log names each
// engine operation by the Python expression that caused it (`np.zeros(...)`, `t.view(...)`,
// `z[...]`, `z.T`, `a + b`, `z[...] = ...`), never by the engine's internal step names.
import type { Expr, Stmt } from './ast'

/** What caused the running operation: an expression, or an assignment that writes into an array. */
export type OpSite = Expr | Extract<Stmt, { k: 'assign' | 'augassign' }>

const MAX_CHARS = 48

/** The site as a short line of Python, arguments and indices elided. */
export function opSiteText(s: OpSite): string {
  const t = text(s)
  return t.length <= MAX_CHARS ? t : `${t.slice(0, MAX_CHARS - 3)}...`
}

function text(s: OpSite): string {
  switch (s.k) {
    case 'name': return s.id
    case 'attr': return `${operand(s.obj)}.${s.name}`
    case 'call': return `${operand(s.fn)}(...)`
    case 'sub': return `${operand(s.obj)}[...]`
    case 'bin': return `${operand(s.l)} ${s.op} ${operand(s.r)}`
    case 'cmp': return `${operand(s.operands[0])} ${s.ops[0]} ${operand(s.operands[1])}`
    case 'unary': return `${s.op === 'not' ? 'not ' : s.op}${operand(s.e)}`
    case 'int': return String(s.v)
    case 'float': return Number.isInteger(s.v) ? s.v.toFixed(1) : String(s.v)
    case 'const': return s.v === 'Ellipsis' ? '...' : s.v
    case 'assign': return `${s.targets.map(text).join(' = ')} = ...`
    case 'augassign': return `${text(s.target)} ${s.op}= ...`
    default: return '...'
  }
}

/** An operand inside a larger expression: operators get parentheses so the text reads as Python. */
function operand(e: Expr): string {
  return e.k === 'bin' || e.k === 'cmp' || e.k === 'bool' || e.k === 'ifexp' || e.k === 'lambda' ? `(${text(e)})` : text(e)
}
