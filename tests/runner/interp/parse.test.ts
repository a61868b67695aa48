// Lowering of lezer's tree into the runner's AST: the rules lezer's editor grammar lacks.
import { describe, it, expect } from 'vitest'
import { parseModule, PySyntaxError } from '../../../src/runner/interp/parse'
import { normalizeFloatLiterals } from '../../../src/runner/interp/normalize'
import type { Expr, Stmt } from '../../../src/runner/interp/ast'

const expr = (src: string): Expr => (parseModule(src)[0] as Extract<Stmt, { k: 'expr' }>).e

function shape(e: Expr): unknown {
  switch (e.k) {
    case 'name': return e.id
    case 'int': return Number(e.v)
    case 'bool': return [e.op, ...e.values.map(shape)]
    case 'unary': return [e.op, shape(e.e)]
    case 'cmp': return ['cmp', e.ops, ...e.operands.map(shape)]
    case 'bin': return [e.op, shape(e.l), shape(e.r)]
    case 'slice': return ['slice', e.lo && shape(e.lo), e.hi && shape(e.hi), e.step && shape(e.step)]
    case 'tuple': return ['tuple', ...e.elts.map(shape)]
    case 'const': return e.v
    default: return e.k
  }
}

describe('boolean precedence (not > and > or)', () => {
  it('`not a or b` is (not a) or b', () => expect(shape(expr('not a or b'))).toEqual(['or', ['not', 'a'], 'b']))
  it('`a and not b or c` groups as Python does', () =>
    expect(shape(expr('a and not b or c'))).toEqual(['or', ['and', 'a', ['not', 'b']], 'c']))
  it('`not (a or b)` keeps its parentheses', () => expect(shape(expr('not (a or b)'))).toEqual(['not', ['or', 'a', 'b']]))
  it('`not a == b` negates the comparison', () => expect(shape(expr('not a == b'))).toEqual(['not', ['cmp', ['=='], 'a', 'b']]))
  it('`a or b and c`', () => expect(shape(expr('a or b and c'))).toEqual(['or', 'a', ['and', 'b', 'c']]))
})

describe('comparisons', () => {
  it('chains into one node', () => expect(shape(expr('a < b <= c != d'))).toEqual(['cmp', ['<', '<=', '!='], 'a', 'b', 'c', 'd']))
  it('reads `is not` and `not in`', () => expect(shape(expr('a is not b not in c'))).toEqual(['cmp', ['is not', 'not in'], 'a', 'b', 'c']))
  it('parenthesised comparisons do not chain', () => expect(shape(expr('(a < b) < c'))).toEqual(['cmp', ['<'], ['cmp', ['<'], 'a', 'b'], 'c']))
})

describe('subscripts', () => {
  it('slices with steps, Ellipsis and None', () =>
    expect(shape((expr('x[1:2, ::-1, ..., None]') as Extract<Expr, { k: 'sub' }>).index)).toEqual(
      ['tuple', ['slice', 1, 2, null], ['slice', null, null, ['-', 1]], 'Ellipsis', 'None']))
  it('a bare slice', () => expect(shape((expr('x[:]') as Extract<Expr, { k: 'sub' }>).index)).toEqual(['slice', null, null, null]))
})

describe('statements', () => {
  it('tuple targets and chained assignment', () => {
    const s = parseModule('a, b = c = 1, 2')[0] as Extract<Stmt, { k: 'assign' }>
    expect(s.targets.map(shape)).toEqual([['tuple', 'a', 'b'], 'c'])
    expect(shape(s.value)).toEqual(['tuple', 1, 2])
  })
  it('elif chains nest as else-if', () => {
    const s = parseModule('if a:\n    pass\nelif b:\n    pass\nelse:\n    x = 1\n')[0] as Extract<Stmt, { k: 'if' }>
    expect(s.orelse[0].k).toBe('if')
    expect(s.orelse[0].line).toBe(3)
  })
  it('unsupported constructs parse into an explicit node', () => {
    expect(parseModule('class C(A, metaclass=M):\n    pass\n')[0]).toMatchObject({ k: 'unsupported', what: 'class keywords (metaclass=...)' })
    expect(parseModule('class C(A, B):\n    x = 1\n')[0]).toMatchObject({ k: 'class', name: 'C', bases: [{ k: 'name', id: 'A' }, { k: 'name', id: 'B' }] })
    expect(parseModule('with f as g, h:\n    pass\n')[0]).toMatchObject({ k: 'with', items: [{ target: { k: 'name', id: 'g' } }, { target: null }] })
  })
  it('f-string fields keep conversion, spec and self-documenting text', () => {
    const e = expr('f"a{x!r}b{y:>{w}}{z = }"') as Extract<Expr, { k: 'fstr' }>
    expect(e.parts[0]).toBe('a')
    expect(e.parts[1]).toMatchObject({ conv: 'r', spec: null })
    expect((e.parts[3] as { spec: unknown[] }).spec).toHaveLength(2)
    expect(e.parts[4]).toMatchObject({ selfDoc: 'z = ' })
  })
})

describe('syntax errors', () => {
  it('reports the line of the first error', () => {
    try {
      parseModule('x = 1\ny = (\n')
      expect.unreachable()
    } catch (e) {
      expect(e).toBeInstanceOf(PySyntaxError)
      expect((e as PySyntaxError).line).toBeGreaterThanOrEqual(2)
    }
  })
  it('rejects leading zeros as CPython does', () => expect(() => parseModule('x = 007')).toThrow(/leading zeros/))
})

describe('float literals with a trailing dot', () => {
  it('get a zero after the dot, outside strings and comments only', () => {
    expect(normalizeFloatLiterals('np.arange(6.) + 1.e5 + 2.j')).toBe('np.arange(6.0) + 1.0e5 + 2.0j')
    expect(normalizeFloatLiterals('s = "6." # 7.\nx = a.b + 3.5 + 0x1F + t1.')).toBe('s = "6." # 7.\nx = a.b + 3.5 + 0x1F + t1.')
  })
  it('parse as floats', () => expect(expr('6.')).toMatchObject({ k: 'float', v: 6 }))
})
