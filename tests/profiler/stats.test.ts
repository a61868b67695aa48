// Median and min–max of repeated timings, and GB/s.
import { describe, expect, it } from 'vitest'
import { gbps, median, peakAt, peakFraction, rateFraction, spread, timingStats } from '../../src/profiler/stats'

describe('timing statistics', () => {
  it('median of an odd and an even count, whatever the order', () => {
    expect(median([3, 1, 2])).toBe(2)
    expect(median([4, 1, 3, 2])).toBe(2.5)
    expect(median([5])).toBe(5)
  })

  it('min, max and n beside the median; the input is not reordered', () => {
    const xs = [0.5, 0.1, 0.3, 0.9, 0.2]
    expect(timingStats(xs)).toEqual({ n: 5, median: 0.3, min: 0.1, max: 0.9 })
    expect(xs).toEqual([0.5, 0.1, 0.3, 0.9, 0.2])
  })

  it('refuses no samples and negative or non-finite ones', () => {
    expect(() => timingStats([])).toThrow(RangeError)
    expect(() => median([])).toThrow(RangeError)
    expect(() => timingStats([1, -1])).toThrow(RangeError)
    expect(() => timingStats([1, Number.NaN])).toThrow(RangeError)
  })

  it('GB/s is 1e9 bytes per second; null when nothing moved or no time passed', () => {
    expect(gbps(2e9, 0.5)).toBe(4)
    expect(gbps(0, 1)).toBeNull()
    expect(gbps(100, 0)).toBeNull()
  })

  it('spread is (max - min) / median', () => {
    expect(spread({ n: 3, median: 2, min: 1, max: 4 })).toBe(1.5)
    expect(spread({ n: 3, median: 0, min: 0, max: 0 })).toBeNull()
  })

  it('a copy is compared with the memcpy peak measured at the nearest size (log scale)', () => {
    const points = [{ bytes: 64 << 10, gbps: 40 }, { bytes: 1 << 20, gbps: 30 }, { bytes: 64 << 20, gbps: 10 }]
    expect(peakAt(points, 4096)).toBe(40)
    expect(peakAt(points, 200 << 10)).toBe(40) // 1.6 octaves above 64K, 2.4 below 1M
    expect(peakAt(points, 400 << 10)).toBe(30)
    expect(peakAt(points, 8 << 20)).toBe(30) // 3 octaves from 1M, 3 from 64M: the first wins
    expect(peakAt(points, 16 << 20)).toBe(10)
    expect(peakAt(points, 1 << 30)).toBe(10)
    expect(peakAt(12, 1)).toBe(12)
    expect(peakAt(null, 1)).toBeNull()
    expect(peakAt([], 1)).toBeNull()
    expect(peakFraction(15, points, 1 << 20)).toBe(0.5)
    expect(peakFraction(null, points, 1 << 20)).toBeNull()
  })

  it('a real transfer is a fraction of the GPU\'s transfer peak, never of memcpy; a simulated one of memcpy', () => {
    const points = [{ bytes: 1 << 20, gbps: 20 }]
    const gpu = { h2dPinnedGbps: 50, d2hPinnedGbps: 40 }
    const up = { from: 'cpu', to: 'cuda:0' }
    const down = { from: 'cuda:0', to: 'cpu' }
    expect(rateFraction(25, 1 << 20, points, up, false, gpu)).toBe(0.5)
    expect(rateFraction(20, 1 << 20, points, down, false, gpu)).toBe(0.5)
    expect(rateFraction(25, 1 << 20, points, up, false, null)).toBeNull()
    expect(rateFraction(10, 1 << 20, points, up, true, gpu)).toBe(0.5)
    expect(rateFraction(10, 1 << 20, points, null, false, gpu)).toBe(0.5)
    expect(rateFraction(null, 1 << 20, points, null, false, gpu)).toBeNull()
  })
})
