// The one strided walk: runs along the last dim, C order, a limit and an early stop.
import { describe, expect, it } from 'vitest'
import { elementOffsets, forEachElementOffset, forEachOffsetRun } from '../../src/shared/element-offsets'

describe('forEachOffsetRun', () => {
  it('yields one run per row of the last dim, in C order, through negative strides', () => {
    const runs: number[][] = []
    forEachOffsetRun([2, 3], [-12, 4], 12, (start, step, count) => { runs.push([start, step, count]) })
    expect(runs).toEqual([[12, 4, 3], [0, 4, 3]])
  })

  it('stops after `limit` elements, mid-run', () => {
    expect(Array.from(elementOffsets({ shape: [2, 3], byteStrides: [24, 8] }, 0, 4))).toEqual([0, 8, 16, 24])
  })

  it('walks nothing for a zero-size shape and one element for rank 0', () => {
    const seen: number[] = []
    forEachElementOffset([3, 0, 2], [8, 8, 8], 0, (o) => { seen.push(o) })
    expect(seen).toEqual([])
    forEachElementOffset([], [], 40, (o) => { seen.push(o) })
    expect(seen).toEqual([40])
  })

  it('ends the walk when the visitor returns false', () => {
    const seen: number[] = []
    forEachElementOffset([3, 3], [3, 1], 0, (o) => { seen.push(o); return o < 4 })
    expect(seen).toEqual([0, 1, 2, 3, 4])
  })
})
