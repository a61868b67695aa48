// How the profiler writes rates and peaks: small operations keep their digits,
// a row above its peak says why, each peak names its size and whether it ran in
// cache, and a log axis never labels a tick "0".
import { describe, expect, it } from 'vitest'
import { abovePeakReason, formatGbps, formatPercent, logTickLabels, peakHeadline, peakPointAt } from '../../src/profiler/rates'
import { sweepTable } from '../../src/profiler/table'
import { profileRecord } from '../../src/profiler/classify'
import type { PeakPoint, SweepResult } from '../../src/profiler/types'

const POINTS: PeakPoint[] = [
  { bytes: 64 << 10, gbps: 41.2 }, { bytes: 1 << 20, gbps: 38.7 }, { bytes: 16 << 20, gbps: 24.1 }, { bytes: 64 << 20, gbps: 20.0 },
]

describe('rates of small operations', () => {
  it('keep three significant digits instead of 0.00', () => {
    expect(formatGbps(0.00412)).toBe('0.00412')
    expect(formatGbps(0.0625)).toBe('0.0625')
    expect(formatGbps(2.414)).toBe('2.41')
    expect(formatGbps(38.44)).toBe('38.4')
    expect(formatGbps(null)).toBe('—')
  })

  it('a fraction of a peak is never rounded to 0%', () => {
    expect(formatPercent(0.0003)).toBe('0.030%')
    expect(formatPercent(0.0000001)).toBe('<0.01%')
    expect(formatPercent(0.042)).toBe('4.2%')
    expect(formatPercent(0.69)).toBe('69%')
    expect(formatPercent(null)).toBe('—')
  })

  it('a 48-byte copy in 1.2 µs reads as a rate with digits, against the in-cache peak', () => {
    const op = profileRecord({ op: 'clone', copied: true, bytes: 48, kernel: 'memcpy', seconds: 1.2e-6 }, POINTS)
    expect(formatGbps(op.gbps)).toBe('0.0400')
    expect(formatPercent(op.peakFraction)).toBe('0.097%')
  })

  it('the terminal table uses the same precision', () => {
    const result: SweepResult = {
      spec: { ops: ['clone'], sizes: [64], repeats: 3, warmup: 1 }, cancelled: false, peakGbps: 20, startedAt: '', seconds: 1,
      rows: [{
        op: 'clone', label: 'x.clone()', kind: 'copy', bytes: 64, shape: [8], dtype: 'float64', copied: true, bytesMoved: 64,
        kernel: 'memcpy', reason: '', simulated: false, repeats: 3, seconds: { n: 3, median: 2e-6, min: 1e-6, max: 3e-6 },
        gbps: 0.032, gbpsMin: 0.0213, gbpsMax: 0.064, peakFraction: 0.0008, skipped: null,
      }],
    }
    const text = sweepTable(result)
    expect(text).toContain('0.0320 (0.0213–0.0640)')
    expect(text).toContain('0.080%')
    expect(text).not.toMatch(/\b0\.00 \(/)
  })
})

describe('one definition of each peak, named', () => {
  it('the headline gives the out-of-cache peak and the in-cache one, each with its buffer size', () => {
    expect(peakHeadline(POINTS)).toBe('memcpy peak 20.0 GB/s (64M, out of cache) · 41.2 GB/s (64K, in cache)')
    expect(peakHeadline([])).toBe('memcpy peak: not measured')
  })

  it('a row is compared with the memcpy measured nearest its size', () => {
    expect(peakPointAt(POINTS, 800_000)?.bytes).toBe(1 << 20)
    expect(peakPointAt(POINTS, 100 << 20)?.bytes).toBe(64 << 20)
    expect(peakPointAt(20, 1 << 20)).toBeNull()
  })

  it('a row above 100% says which peak it beat and why; rows at or below say nothing', () => {
    const why = abovePeakReason(1.08, 1 << 20, POINTS, true)
    expect(why).toContain('memcpy of 1M, in cache, 38.7 GB/s')
    expect(why).toContain('simulated transfer is a host memcpy')
    expect(abovePeakReason(0.69, 1 << 20, POINTS, false)).toBeNull()
    expect(abovePeakReason(null, 1 << 20, POINTS, false)).toBeNull()
  })
})

describe('log axes', () => {
  it('never label a tick 0, however small the rates', () => {
    const labels = logTickLabels([0.0001, 0.001, null, 0.01, 0.1, 1, 10])
    expect(labels).not.toContain('0')
    expect(labels).not.toContain('0.00')
    expect(labels).toEqual(['0.0001', '0.001', '', '0.01', '0.1', '1', '10'])
  })
})
