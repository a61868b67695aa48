// Each engine operation is recorded with the Python expression that ran it, in the
// program's words (the op log's "op" column), and the steps of one expression share its number.
import { describe, expect, it } from 'vitest'
import { Runner } from '../../../src/runner'

function ops(code: string): { userOp?: string; userOpSeq?: number; op: string }[] {
  const r = new Runner({ simulateCuda: true })
  const res = r.run(`import numpy as np\nimport torch\n${code}`)
  expect(res.error).toBeNull()
  return res.ops
}

describe('op sites', () => {
  it('names each operation as the program wrote it', () => {
    const got = ops([
      'z = np.zeros((4, 4))',
      't = torch.from_numpy(z)',
      'v = t.view(16)',
      'y = np.arange(12).reshape(3, 4)',
      'w = z.T',
      'x = z + 1',
      'z[0, 1] = 5',
      'z += 2',
      'print(z[0, 1])'
    ].join('\n')).map((o) => o.userOp)
    expect(got).toEqual(['np.zeros(...)', 'torch.from_numpy(...)', 't.view(...)', 'np.arange(...)', 'np.arange(...).reshape(...)',
      'z.T', 'z + 1', 'z[...] = ...', 'z += ...', 'z[...]'])
  })

  it('gives the engine steps of one call one number, and each call its own', () => {
    const got = ops('r = np.round(np.ones(3), 2)\nfor i in range(2):\n    q = np.ones(2)')
    const round = got.filter((o) => o.userOp === 'np.round(...)')
    expect(round.length).toBeGreaterThan(1)
    expect(new Set(round.map((o) => o.userOpSeq)).size).toBe(1)
    const loop = got.filter((o) => o.userOp === 'np.ones(...)').map((o) => o.userOpSeq)
    expect(loop.length).toBe(3)
    expect(new Set(loop).size).toBe(3)
  })

  it('inside a function, names the expression in the function, not the call around it', () => {
    const got = ops('def f(a):\n    return a.T\nb = f(np.ones((2, 3)))')
    expect(got.map((o) => o.userOp)).toEqual(['np.ones(...)', 'a.T'])
  })
})
