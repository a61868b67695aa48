// The runner's own syntax tree. @lezer/python gives a concrete tree tuned for editors
// (flat token lists for subscripts, targets and comprehensions, and `not` binding looser
// than `and`/`or`); parse.ts lowers it into these nodes with Python's real grammar rules.

export type Const = 'None' | 'True' | 'False' | 'Ellipsis'

export interface FStrField {
  expr: Expr
  conv: 'r' | 's' | 'a' | null
  spec: FStrPart[] | null
  selfDoc: string | null   // `{x=}`: the source text `x=` printed before the value
}
export type FStrPart = string | FStrField

export interface Arg { kind: 'pos' | 'star' | 'kw' | 'dstar'; name?: string; value: Expr }
export interface Param { name: string; kind: 'normal' | 'star' | 'dstar'; kwOnly: boolean; default: Expr | null }
export interface CompFor { target: Expr; iter: Expr; ifs: Expr[] }

export type Expr = { line: number } & (
  | { k: 'int'; v: bigint }
  | { k: 'float'; v: number }
  | { k: 'imag'; v: number }
  | { k: 'str'; v: string }
  | { k: 'bytes'; v: number[] }
  | { k: 'fstr'; parts: FStrPart[] }
  | { k: 'const'; v: Const }
  | { k: 'name'; id: string }
  | { k: 'attr'; obj: Expr; name: string }
  | { k: 'sub'; obj: Expr; index: Expr }
  | { k: 'slice'; lo: Expr | null; hi: Expr | null; step: Expr | null }
  | { k: 'call'; fn: Expr; args: Arg[] }
  | { k: 'bin'; op: string; l: Expr; r: Expr }
  | { k: 'unary'; op: '-' | '+' | '~' | 'not'; e: Expr }
  | { k: 'bool'; op: 'and' | 'or'; values: Expr[] }
  | { k: 'cmp'; ops: string[]; operands: Expr[] }
  | { k: 'tuple'; elts: Expr[] }
  | { k: 'list'; elts: Expr[] }
  | { k: 'dict'; items: [Expr, Expr][] }
  | { k: 'starred'; e: Expr }
  | { k: 'listcomp'; elt: Expr; gens: CompFor[] }
  | { k: 'dictcomp'; key: Expr; value: Expr; gens: CompFor[] }
  | { k: 'ifexp'; test: Expr; body: Expr; orelse: Expr }
  | { k: 'lambda'; params: Param[]; body: Expr }
  | { k: 'unsupported'; what: string }
)

export interface Handler { type: Expr | null; name: string | null; body: Stmt[]; line: number }

export type Stmt = { line: number; endLine: number } & (
  | { k: 'expr'; e: Expr }
  | { k: 'assign'; targets: Expr[]; value: Expr }
  | { k: 'augassign'; target: Expr; op: string; value: Expr }
  | { k: 'if'; test: Expr; body: Stmt[]; orelse: Stmt[] }
  | { k: 'for'; target: Expr; iter: Expr; body: Stmt[]; orelse: Stmt[] }
  | { k: 'while'; test: Expr; body: Stmt[]; orelse: Stmt[] }
  | { k: 'break' } | { k: 'continue' } | { k: 'pass' }
  | { k: 'def'; name: string; params: Param[]; body: Stmt[]; decorators?: Expr[] }
  | { k: 'return'; value: Expr | null }
  | { k: 'try'; body: Stmt[]; handlers: Handler[]; orelse: Stmt[]; final: Stmt[] }
  | { k: 'raise'; exc: Expr | null; cause: Expr | null }
  | { k: 'assert'; test: Expr; msg: Expr | null }
  | { k: 'del'; targets: Expr[] }
  | { k: 'import'; names: { module: string; asname: string | null }[] }
  | { k: 'from'; module: string; names: { name: string; asname: string | null }[] }
  | { k: 'global'; names: string[] }
  | { k: 'nonlocal'; names: string[] }
  | { k: 'class'; name: string; bases: Expr[]; body: Stmt[]; decorators?: Expr[] }
  | { k: 'with'; items: { ctx: Expr; target: Expr | null }[]; body: Stmt[] }
  | { k: 'unsupported'; what: string }
)
