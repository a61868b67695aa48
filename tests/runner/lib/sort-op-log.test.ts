// Each sort is one engine op: the op log shows one row per call, named as the library names it
// (sort, argsort, topk, unique), with what it really allocated or wrote, not the steps of a sort
// done outside the engine (a permute, a new array from values, a write back).
import { describe, it, expect } from 'vitest'
import { Runner } from '../../../src/runner'

const PROGRAM = `import numpy as np
import torch
a = np.array([[3., 1.], [2., 0.]])
b = a.T
s = np.sort(b)
i = np.argsort(a, axis=None)
r = a[::-1]
r.sort(axis=0)
u = np.unique(a, return_counts=True)
t = torch.tensor([[3., 1., 2.], [0., 5., 4.]])
v, j = t.sort(dim=0, descending=True)
k = t.topk(2)
w = torch.argsort(t)
`

describe('the op log of sorting', () => {
  const res = new Runner().run(PROGRAM)
  const rowsOf = (line: number) => res.ops.filter((o) => o.line === line)

  it('runs', () => expect(res.error).toBeNull())

  it.each([
    [5, 'sort', 4 * 8],
    [6, 'argsort', 4 * 8],
    [8, 'sort', 4 * 8],
    [9, 'unique', 4 * 8 + 4 * 8],
    [11, 'sort', 6 * 4 + 6 * 8],
    [12, 'topk', 4 * 4 + 4 * 8],
    [13, 'argsort', 6 * 8],
  ])('line %i is one %s row with the bytes it made or wrote', (line, op, bytes) => {
    const rows = rowsOf(line)
    expect(rows.map((o) => o.op)).toEqual([op])
    expect(rows[0].kernel).toBe('sort')
    expect(rows[0].bytes).toBe(bytes)
  })

  it('the in-place sort is a write into the array it sorted', () => {
    const [row] = rowsOf(8)
    expect(row.wrote).toBeDefined()
    expect(row.reason).toMatch(/in place/)
  })

  it('a new result is the row\'s result', () => {
    expect(rowsOf(5)[0].resultId).not.toBeNull()
    expect(rowsOf(5)[0].reason).toMatch(/order='K'/)
  })
})
