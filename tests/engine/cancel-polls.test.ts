// Every long native loop polls the run's stop flag (native/core/cancel.h): creation fills
// (full, ones, arange, linspace, eye), the random generators, elementwise binary and
// unary kernels, and sorts. With the flag already set, each raises KeyboardInterrupt and consumes the
// request, so the same call then runs to the end.
import { afterEach, describe, expect, it } from 'vitest'
import * as engine from '../../src/engine'
import { STOP, pyTypeOf } from './interrupt-flag'

const flag = new Int32Array(new SharedArrayBuffer(4))

/** Asks `fn` to stop before it starts: it must notice (KeyboardInterrupt), then run normally. */
function expectPolls(fn: () => unknown): void {
  Atomics.store(flag, 0, STOP)
  expect(pyTypeOf(fn)).toBe('KeyboardInterrupt')
  expect(Atomics.load(flag, 0)).toBe(0)
  expect(pyTypeOf(fn)).toBeNull()
}

describe('native loops poll the stop flag', () => {
  engine.setInterruptFlag(flag)
  afterEach(() => Atomics.store(flag, 0, 0))

  // Past one poll interval (2**16 elements) for the per-element loops; fills copy 8 MiB blocks.
  const n = 1 << 17
  const fillN = 1 << 22

  it('creation: full, ones, arange, linspace and eye', () => {
    for (const kind of ['ndarray', 'tensor'] as const) {
      expectPolls(() => engine.full(kind, [fillN], 3.5))
      expectPolls(() => engine.ones(kind, [fillN]))
      expectPolls(() => engine.arange(kind, BigInt(n)))
      expectPolls(() => engine.arange(kind, 0, n / 2, 0.5))
      expectPolls(() => engine.linspace(kind, 0, 1, n))
      expectPolls(() => engine.eye(kind, n, 1))
    }
  })

  it('random values of each distribution and library', () => {
    for (const kind of ['ndarray', 'tensor'] as const) {
      expectPolls(() => engine.random(kind, 'rand', [n]))
      expectPolls(() => engine.random(kind, 'randn', [n]))
      expectPolls(() => engine.random(kind, 'randint', [n], 'int64', 0, 10))
    }
  })

  it('elementwise binary and unary kernels, between slabs of a few million elements', () => {
    const big = engine.zeros('ndarray', [1 << 23], 'float32')
    expectPolls(() => engine.binary('add', big, big))
    expectPolls(() => big.unary('sqrt'))
    const rows = engine.zeros('tensor', [1 << 12, 1 << 11])
    expectPolls(() => engine.binary('mul', rows, 2))
    expectPolls(() => rows.unary('neg'))
  })

  it('sorts: between the buckets of one long line and between groups of lines', () => {
    const line = engine.random('ndarray', 'rand', [n])
    expectPolls(() => engine.sort('np.sort', line, -1))
    expectPolls(() => engine.sort('np.argsort', line, null))
    expectPolls(() => engine.unique(line, { index: true, inverse: true, counts: true }, true))
    const rows = engine.random('tensor', 'rand', [1 << 8, 1 << 10])
    expectPolls(() => engine.sort('torch.sort', rows, 1, true))
    expectPolls(() => engine.topk(rows, 3, 1, true))
  })

  it('a stopped fill leaves nothing behind: the flag is clear and the next call is whole', () => {
    Atomics.store(flag, 0, STOP)
    expect(pyTypeOf(() => engine.full('ndarray', [fillN], 7n))).toBe('KeyboardInterrupt')
    const a = engine.full('ndarray', [fillN], 7n)
    expect(Array.from(a.window([fillN - 2], [2]).values as BigInt64Array)).toEqual([7n, 7n])
  })
})
