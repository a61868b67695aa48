// Stop and Ctrl-C reach long copies and fills: the CPU kernels poll the run's
// interrupt flag between chunks of a few MiB, and the op raises KeyboardInterrupt
// (a Stop request is consumed, so the next op runs; a timeout stays set).
import { afterEach, describe, expect, it } from 'vitest'
import * as engine from '../../src/engine'
import { STOP, TIMEOUT, pyTypeOf } from './interrupt-flag'

describe('long copies poll the interrupt flag', () => {
  const flag = new Int32Array(new SharedArrayBuffer(4))
  afterEach(() => {
    Atomics.store(flag, 0, 0)
    engine.setInterruptFlag(null)
  })

  it('a transposing copy stops with KeyboardInterrupt and the next one runs', () => {
    const a = engine.ones('tensor', [2048, 2048], 'float32') // 16 MiB: several polls
    engine.setInterruptFlag(flag)
    Atomics.store(flag, 0, STOP)
    expect(pyTypeOf(() => a.permute([1, 0]).contiguous())).toBe('KeyboardInterrupt')
    expect(Atomics.load(flag, 0)).toBe(0) // the stop request was consumed
    const t = a.permute([1, 0]).contiguous()
    expect(engine.lastReport().copied).toBe(true)
    expect(Array.from(t.window([0, 0], [1, 2]).values as ArrayLike<number>)).toEqual([1, 1])
  })

  it('a contiguous copy and an ndarray fill stop too; a timeout stays set', () => {
    const a = engine.ones('ndarray', [16 << 20], 'uint8')
    engine.setInterruptFlag(flag)
    Atomics.store(flag, 0, TIMEOUT)
    expect(pyTypeOf(() => a.copy())).toBe('KeyboardInterrupt')
    expect(pyTypeOf(() => engine.ones('ndarray', [16 << 20], 'uint8'))).toBe('KeyboardInterrupt')
    expect(Atomics.load(flag, 0)).toBe(TIMEOUT)
  })

  it('a clear flag changes nothing', () => {
    engine.setInterruptFlag(flag)
    const a = engine.ones('ndarray', [1024, 4096], 'float32')
    const c = a.T.copy()
    expect(c.info().shape).toEqual([4096, 1024])
    expect(Array.from(c.window([4095, 1022], [1, 2]).values as ArrayLike<number>)).toEqual([1, 1])
  })
})
