// CSV and JSON export: a sweep's CSV parses back to the same rows; RFC 4180
// quoting survives commas, quotes and line breaks (property-tested).
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { opLogToCsv, parseCsv, sweepFromCsv, sweepToCsv, sweepToJson, toCsv } from '../../src/profiler/export'
import { profileRecord } from '../../src/profiler/classify'
import type { SweepResult, SweepRow } from '../../src/profiler/types'

const timed: SweepRow = {
  op: 'contiguous_T', label: 'y = t.T.contiguous()', kind: 'copy', bytes: 1048576, shape: [512, 512], dtype: 'float32',
  copied: true, bytesMoved: 1048576, kernel: 'transpose-avx2-8x8', reason: 'non-contiguous source', simulated: false,
  repeats: 5, seconds: { n: 5, median: 0.000123456789, min: 0.0001, max: 0.00031 }, gbps: 8.493465, gbpsMin: 3.3825, gbpsMax: 10.48576,
  peakFraction: 0.7123, skipped: null,
  numpy: { expr: 'np.ascontiguousarray(a.T)', seconds: { n: 5, median: 0.002, min: 0.0019, max: 0.0031 }, ratio: 16.2 },
}
const skipped: SweepRow = {
  op: 'cuda_pinned', label: 'y = p.cuda()  # p = t.pin_memory()', kind: 'transfer', bytes: 4096, shape: [1024], dtype: 'float32',
  copied: false, bytesMoved: 0, kernel: '', reason: '', simulated: false, repeats: 5,
  seconds: { n: 0, median: 0, min: 0, max: 0 }, gbps: null, gbpsMin: null, gbpsMax: null, peakFraction: null,
  skipped: 'no cuda device (the NVIDIA driver found no CUDA GPU), "quoted", a,b\nnext line',
}
const view: SweepRow = { ...timed, op: 'from_numpy', label: 't = torch.from_numpy(a)', kind: 'conversion', copied: false, bytesMoved: 0, kernel: 'view', reason: '', gbps: null, gbpsMin: null, gbpsMax: null, peakFraction: null, numpy: { expr: 'a.view()', seconds: { n: 5, median: 1e-7, min: 9e-8, max: 2e-7 }, ratio: null } }

describe('sweep CSV', () => {
  it('parses back to the same rows (timed, zero-copy and skipped)', () => {
    const csv = sweepToCsv([timed, view, skipped])
    expect(csv.startsWith('op,label,kind,bytes,')).toBe(true)
    const back = sweepFromCsv(csv)
    expect(back).toEqual([timed, view, skipped])
  })

  it('refuses a CSV that is not a sweep, and rows with missing fields', () => {
    expect(() => sweepFromCsv('a,b\r\n1,2\r\n')).toThrow('not a Stridescope sweep')
    const csv = sweepToCsv([timed]).replace(/,[^,\r\n]*\r\n$/, '\r\n')
    expect(() => sweepFromCsv(csv)).toThrow(/fields/)
  })

  it('JSON export is the whole result', () => {
    const result: SweepResult = { spec: { ops: ['contiguous_T'], sizes: [1 << 20], repeats: 5, warmup: 1 }, rows: [timed], cancelled: false, peakGbps: 11.9, startedAt: '2026-01-01T00:00:00.000Z', seconds: 0.5 }
    expect(JSON.parse(sweepToJson(result))).toEqual(result)
  })
})

describe('CSV fields', () => {
  it('quotes what needs quoting', () => {
    expect(toCsv(['a', 'b'], [['x,y', 'say "hi"'], [' pad', 'ok']])).toBe('a,b\r\n"x,y","say ""hi"""\r\n" pad",ok\r\n')
    expect(parseCsv('a,b\nc,"d\r\ne"\n')).toEqual([['a', 'b'], ['c', 'd\r\ne']])
    expect(() => parseCsv('"open')).toThrow('unterminated')
  })

  it('round-trips any strings', () => {
    fc.assert(fc.property(fc.array(fc.array(fc.string(), { minLength: 2, maxLength: 2 }), { maxLength: 8 }), (rows) => {
      expect(parseCsv(toCsv(['h1', 'h2'], rows))).toEqual([['h1', 'h2'], ...rows])
    }))
  })

  it('the op log exports with kinds and causes', () => {
    const op = profileRecord({ op: 'contiguous', copied: true, bytes: 64, kernel: 'generic', reason: 'non-contiguous source', seconds: 1e-6, source: 'y = x.T.contiguous()' }, 10)
    const [head, row] = parseCsv(opLogToCsv([op]))
    const rec = Object.fromEntries(head.map((h, i) => [h, row[i]]))
    expect(rec).toMatchObject({ line: 'y = x.T.contiguous()', op: 'contiguous', kind: 'copy', copied: 'true', causes: 'non-contiguous source', bytes: '64', gbps: '0.064', peak_fraction: '0.0064' })
  })
})
