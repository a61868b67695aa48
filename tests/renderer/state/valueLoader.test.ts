// The logical view's values: requested as 'f64' windows (doubles, not JSON
// numbers), as few as the protocol allows, and used as they arrive.
import { describe, expect, it } from 'vitest'
import { loadValues, prefetchValues } from '../../../src/renderer/src/state/valueLoader'
import { windowNumbers } from '../../../src/shared/window-numbers'
import type { Host } from '../../../src/renderer/src/host'
import type { ObjectInfo } from '../../../src/renderer/src/model/types'

function fakeHost(value: (flat: number) => number) {
  const calls: { shape: number[]; encoding?: string }[] = []
  const host = {
    window: async (objectId: number, start: number[], shape: number[], encoding?: 'json' | 'f64') => {
      calls.push({ shape, encoding })
      const n = shape.reduce((a, b) => a * b, 1)
      const first = start.length ? start[0] * (1000 ** (start.length - 1)) : 0
      const doubles = new Float64Array(n).map((_, i) => value(first + i))
      return { objectId, dtype: 'float64', start, shape, complex: false, values: [], f64: doubles }
    }
  } as unknown as Host
  return { host, calls }
}

describe('loadValues', () => {
  it('loads a 1000×1000 array in one f64 window', async () => {
    const { host, calls } = fakeHost((i) => i % 7)
    const info = { id: 1, shape: [1000, 1000], numel: 1_000_000, dtype: 'float64' } as unknown as ObjectInfo
    const progress: number[] = []
    const values = await loadValues(host, info, (f) => progress.push(f)).done
    expect(calls).toEqual([{ shape: [1000, 1000], encoding: 'f64' }])
    expect(values!.length).toBe(1_000_000)
    expect(values![999_999]).toBe(999_999 % 7)
    expect(progress.at(-1)).toBe(1)
  })
})

describe('prefetchValues', () => {
  it('asks once, and the load at the same revision uses that window', async () => {
    const { host, calls } = fakeHost((i) => i)
    const info = { id: 9, shape: [300, 300], numel: 90_000, dtype: 'float32' } as unknown as ObjectInfo
    prefetchValues(host, info, 4)
    prefetchValues(host, info, 4)
    expect(calls).toEqual([{ shape: [300, 300], encoding: 'f64' }])
    const values = await loadValues(host, info, () => {}, 4).done
    expect(calls.length).toBe(1)
    expect(values![89_999]).toBe(89_999)
    // another revision asks again; a load at a revision not prefetched asks itself
    prefetchValues(host, info, 5)
    expect(calls.length).toBe(2)
    await loadValues(host, info, () => {}, 6).done
    expect(calls.length).toBe(3)
    prefetchValues(host, info, 6) // the load already asked for revision 6
    expect(calls.length).toBe(3)
    // a second view's load (the pinned object) at the same revision does not make the first be asked again
    const pinned = { ...info, id: 10 } as ObjectInfo
    await loadValues(host, pinned, () => {}, 6).done
    prefetchValues(host, info, 6)
    expect(calls.length).toBe(4)
    prefetchValues(host, info, 5) // an older revision is never asked for ahead
    expect(calls.length).toBe(4)
  })

  it('asks nothing for objects the view does not draw or wants exact', () => {
    const { host, calls } = fakeHost((i) => i)
    prefetchValues(host, { id: 2, shape: [5000, 1000], numel: 5_000_000, dtype: 'float32' } as unknown as ObjectInfo, 1)
    prefetchValues(host, { id: 3, shape: [4], numel: 4, dtype: 'int64' } as unknown as ObjectInfo, 1)
    expect(calls).toEqual([])
  })
})

describe('windowNumbers', () => {
  it('uses the f64 doubles as they arrived, and reads json values, specials included', () => {
    const doubles = new Float64Array([1.5, Number.NaN, -Infinity, 2 ** 60])
    expect(windowNumbers({ values: [], f64: doubles })).toBe(doubles)
    expect([...windowNumbers({ values: [1.5, 'nan', '-inf', '1152921504606846976'] })]).toEqual([1.5, Number.NaN, -Infinity, 2 ** 60])
  })
})
