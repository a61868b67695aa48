import { describe, expect, it } from 'vitest'
import { parsePyLiteral, PyLiteralSyntaxError, reprLiteral } from '../../src/files/py-literal'

describe('Python literal parser (what ast.literal_eval accepts in .npy headers)', () => {
  it('parses the header NumPy writes', () => {
    const v = parsePyLiteral("{'descr': '<f8', 'fortran_order': False, 'shape': (2, 3), }          \n")
    expect(v).toEqual({ kind: 'dict', entries: [['descr', '<f8'], ['fortran_order', false], ['shape', { kind: 'tuple', items: [2, 3] }]] })
  })
  it('tuples, parentheses, big ints, floats, strings', () => {
    expect(parsePyLiteral('()')).toEqual({ kind: 'tuple', items: [] })
    expect(parsePyLiteral('(5,)')).toEqual({ kind: 'tuple', items: [5] })
    expect(parsePyLiteral('(5)')).toBe(5)
    expect(parsePyLiteral('18446744073709551616')).toBe(18446744073709551616n)
    expect(reprLiteral(parsePyLiteral('(2.0, -1)'))).toBe('(2.0, -1)')
    expect(parsePyLiteral(`"a'b" 'c'`)).toBe("a'bc")
    expect(parsePyLiteral("'\\x41\\n'")).toBe('A\n')
    expect(reprLiteral(parsePyLiteral("b'\\x00a'"))).toBe("b'\\x00a'")
  })
  it('refuses anything that is not a literal', () => {
    for (const bad of ["__import__('os')", '{1: 2', '1 + 2', '010', "('a',", 'None None', 'lambda: 1']) {
      expect(() => parsePyLiteral(bad), bad).toThrow(PyLiteralSyntaxError)
    }
  })
})
