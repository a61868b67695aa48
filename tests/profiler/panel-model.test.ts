// The profiler panel's pure logic: op-log rows profiled from the session's
// records, sorting (stable, nulls last), the timeline laid end to end, and the
// chart's aligned series (zero-copy ops have no rate and no line).
import { describe, expect, it } from 'vitest'
import { chartData, logChartData, nextSort, profileLog, sortOps, timelineLayout } from '../../src/renderer/src/profiler/model'
import type { OpRecord } from '../../src/shared/protocol'
import type { SweepRow } from '../../src/profiler/types'

const rec = (seq: number, op: string, copied: boolean, bytes: number, seconds: number, extra: Partial<OpRecord> = {}): OpRecord => ({
  seq, historySeq: 0, line: `line ${seq}`, lineNo: 1, op, copied, bytes, kernel: copied ? 'memcpy' : 'view', seconds, time: 1000 + seq, ...extra,
})

const log = profileLog([
  rec(0, 'T', false, 0, 1e-6),
  rec(1, 'contiguous', true, 4000, 1e-6, { reason: 'non-contiguous source' }),
  rec(2, 'clone', true, 8000, 4e-6),
  rec(3, 'cuda', true, 4000, 2e-6, { kernel: 'simulated memcpy H2D pageable', transfer: { from: 'cpu', to: 'cuda:0', pinned: false } }),
], 4)

describe('profiler panel model', () => {
  it('profiles the session records: kinds, bytes, rates against the peak', () => {
    expect(log.map((o) => o.kind)).toEqual(['view', 'copy', 'copy', 'transfer'])
    expect(log.map((o) => o.gbps)).toEqual([null, 4, 2, 2])
    expect(log.map((o) => o.peakFraction)).toEqual([null, 1, 0.5, 0.5])
    expect(log[3]).toMatchObject({ simulated: true, seq: 3, line: 'line 3' })
  })

  it('sorts stably, with missing rates last in either direction', () => {
    expect(sortOps(log, { key: 'gbps', dir: 'desc' }).map((o) => o.seq)).toEqual([1, 2, 3, 0])
    expect(sortOps(log, { key: 'gbps', dir: 'asc' }).map((o) => o.seq)).toEqual([2, 3, 1, 0])
    expect(sortOps(log, { key: 'kind', dir: 'asc' }).map((o) => o.seq)).toEqual([1, 2, 3, 0])
    expect(sortOps(log, { key: 'seq', dir: 'desc' }).map((o) => o.seq)).toEqual([3, 2, 1, 0])
  })

  it('a click on the same column flips it; a new text column starts ascending, a number descending', () => {
    expect(nextSort({ key: 'seq', dir: 'desc' }, 'seq')).toEqual({ key: 'seq', dir: 'asc' })
    expect(nextSort({ key: 'seq', dir: 'desc' }, 'line')).toEqual({ key: 'line', dir: 'asc' })
    expect(nextSort({ key: 'line', dir: 'asc' }, 'bytes')).toEqual({ key: 'bytes', dir: 'desc' })
  })

  it('the timeline lays engine time end to end', () => {
    const { bars, total } = timelineLayout(log)
    expect(bars.map((b) => b.start)).toEqual([0, 1e-6, 2e-6, 6e-6])
    expect(total).toBeCloseTo(8e-6, 15)
  })

  it('the op log chart: one series per kind that moved bytes, the median rate at each size', () => {
    const more = [...log, ...profileLog([rec(4, 'clone', true, 8000, 1e-6), rec(5, 'clone', true, 8000, 2e-6)], 4)]
    const { series, data } = logChartData(more)
    expect(series.map((s) => [s.kind, s.simulated])).toEqual([['copy', false], ['transfer', true]])
    // copy at 4000 B: 4 GB/s; at 8000 B: median of 2, 8 and 4 GB/s.
    expect(data).toEqual([[4000, 8000], [4, 4], [2, null]])
  })

  it('chart data: sizes on x, one series per op that moved bytes, gaps as null', () => {
    const row = (op: SweepRow['op'], bytes: number, gbps: number | null): SweepRow => ({
      op, label: op, kind: gbps === null ? 'conversion' : 'copy', bytes, shape: [bytes / 4], dtype: 'float32', copied: gbps !== null,
      bytesMoved: gbps === null ? 0 : bytes, kernel: '', reason: '', simulated: false, repeats: 3, seconds: { n: 3, median: 1, min: 1, max: 1 },
      gbps, gbpsMin: gbps, gbpsMax: gbps, peakFraction: null, skipped: null,
    })
    const { series, data } = chartData([row('clone', 4096, 1), row('clone', 1024, 0.5), row('from_numpy', 1024, null), row('contiguous_T', 4096, 2)])
    expect(series.map((s) => s.op)).toEqual(['clone', 'contiguous_T'])
    expect(data).toEqual([[1024, 4096], [0.5, 1], [null, 2]])
  })
})
