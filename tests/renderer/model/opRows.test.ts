// The op log's rows: the engine steps of one Python expression make one row, named as written.
import { describe, expect, it } from 'vitest'
import { opRows, stepWords } from '../../../src/renderer/src/model/opRows'
import type { OpRecord } from '../../../src/renderer/src/model/types'

const step = (seq: number, o: Partial<OpRecord>): OpRecord => ({
  seq, historySeq: 0, line: 'r = np.round(a, 2)', lineNo: 1, op: 'binary', copied: true, bytes: 24, kernel: 'elementwise',
  seconds: 1e-6, time: 0, ...o
})

describe('opRows', () => {
  it('folds the steps of one call into one row with the strongest kind, summed bytes and each reason once', () => {
    const rows = opRows([
      step(0, { line: 'a = np.ones(3)', op: 'create', kernel: 'alloc', copied: false, reason: 'new buffer', userOp: 'np.ones(...)', userOpSeq: 1, resultId: 1 }),
      step(1, { reason: 'multiply result', userOp: 'np.round(...)', userOpSeq: 2, resultId: 2 }),
      step(2, { op: 'unary', reason: 'rint result', userOp: 'np.round(...)', userOpSeq: 2, resultId: 3 }),
      step(3, { reason: 'multiply result', userOp: 'np.round(...)', userOpSeq: 2, resultId: 4 }),
      step(4, { line: 'b = a.T', op: 'transpose', copied: false, kernel: 'view', userOp: 'a.T', userOpSeq: 3 })
    ])
    expect(rows.map((r) => [r.name, r.kind, r.bytes])).toEqual([['np.ones(...)', 'alloc', 24], ['np.round(...)', 'copy', 72], ['a.T', 'view', 0]])
    expect(rows[1].why).toBe('multiply result; rint result')
    expect(rows[1].kernels).toBe('elementwise')
    expect(rows[1].resultId).toBe(4)
  })

  it('keeps apart steps with no expression (traced from another program), named in words', () => {
    const rows = opRows([step(0, { op: 'viewOfStorage' }), step(1, { op: 'viewOfStorage' })])
    expect(rows.map((r) => r.name)).toEqual(['view of storage', 'view of storage'])
    expect(stepWords('fromNumpy')).toBe('from numpy')
  })
})
