// The profiler panel's components rendered to static HTML (no DOM needed):
// the op table with kinds, bytes, causes and simulated labels; the timeline's
// bars; the sweep table with medians and min–max or the reason a cell skipped;
// the sweep form's operations, cuda ones disabled without a device.
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { OpTable } from '../../src/renderer/src/profiler/OpTable'
import { Timeline } from '../../src/renderer/src/profiler/Timeline'
import { SweepForm, SweepTable } from '../../src/renderer/src/profiler/SweepForm'
import { profileLog } from '../../src/renderer/src/profiler/model'
import type { OpRecord } from '../../src/shared/protocol'
import type { ProfilerApi } from '../../src/shared/profiler-protocol'
import type { SweepResult } from '../../src/profiler/types'

const rec = (seq: number, line: string, op: string, copied: boolean, bytes: number, extra: Partial<OpRecord> = {}): OpRecord => ({
  seq, historySeq: 0, line, lineNo: 1, op, copied, bytes, kernel: copied ? 'transpose-avx2-8x8' : 'view', seconds: 1e-5, time: 0, ...extra,
})
const ops = profileLog([
  rec(0, 'v = t.T', 'T', false, 0),
  rec(1, 'c = v.contiguous()', 'contiguous', true, 8192, { reason: 'non-contiguous source' }),
  rec(2, 'd = c.cuda()', 'cuda', true, 8192, { kernel: 'simulated memcpy H2D pageable', transfer: { from: 'cpu', to: 'cuda:0', pinned: false } }),
], [{ bytes: 8192, gbps: 8.192 }])
const rows = (html: string) => html.split('data-testid="profiler-op-row"').slice(1)

describe('profiler components', () => {
  it('the op table: newest first, a view moves 0 B, a copy its size and why, a simulated transfer labelled', () => {
    const html = renderToStaticMarkup(<OpTable ops={ops} />)
    const [transfer, copy, view] = rows(html)
    expect(view).toContain('data-kind="view"')
    expect(view).toContain('>0 B<')
    expect(copy).toContain('data-kind="copy"')
    expect(copy).toContain('8.00 KiB')
    expect(copy).toContain('non-contiguous source')
    expect(copy).toContain('>0.819<') // 8192 B in 10 µs, three significant digits
    expect(copy).toContain('>10%<') // of the 8 KiB memcpy peak
    expect(transfer).toContain('simulated')
    expect(transfer).toContain('cpu→cuda:0 pageable')
    expect(html).toContain('data-sort="seq:desc"')
    expect(renderToStaticMarkup(<OpTable ops={[]} />)).toContain('data-testid="profiler-op-empty"')
  })

  it('the timeline: one bar per op, in order, end to end', () => {
    const html = renderToStaticMarkup(<Timeline ops={ops} />)
    expect(html.match(/data-testid="profiler-timeline-bar"/g)).toHaveLength(3)
    expect(html).toContain('30.0 µs of engine time over 3 operations')
    expect(html).toMatch(/data-kind="view" x="0"/)
  })

  it('the sweep table: median and min–max, "no copy" for zero-copy, the reason a cell skipped', () => {
    const result: SweepResult = {
      spec: { ops: ['clone', 'from_numpy', 'cuda_pinned'], sizes: [4096], repeats: 5, warmup: 1 }, cancelled: false, peakGbps: 10,
      startedAt: '', seconds: 1,
      rows: [
        { op: 'clone', label: 'y = t.clone()', kind: 'copy', bytes: 4096, shape: [1024], dtype: 'float32', copied: true, bytesMoved: 4096, kernel: 'memcpy', reason: '', simulated: false, repeats: 5, seconds: { n: 5, median: 1e-6, min: 5e-7, max: 2e-6 }, gbps: 4.096, gbpsMin: 2.048, gbpsMax: 8.192, peakFraction: 0.4, skipped: null,
          numpy: { expr: 'a.copy()', seconds: { n: 5, median: 1.3e-6, min: 1.2e-6, max: 1.5e-6 }, ratio: 1.3 } },
        { op: 'from_numpy', label: 't = torch.from_numpy(a)', kind: 'conversion', bytes: 4096, shape: [1024], dtype: 'float32', copied: false, bytesMoved: 0, kernel: 'view', reason: '', simulated: false, repeats: 5, seconds: { n: 5, median: 1e-6, min: 1e-6, max: 1e-6 }, gbps: null, gbpsMin: null, gbpsMax: null, peakFraction: null, skipped: null },
        { op: 'cuda_pinned', label: 'y = p.cuda()', kind: 'transfer', bytes: 4096, shape: [1024], dtype: 'float32', copied: false, bytesMoved: 0, kernel: '', reason: '', simulated: false, repeats: 5, seconds: { n: 0, median: 0, min: 0, max: 0 }, gbps: null, gbpsMin: null, gbpsMax: null, peakFraction: null, skipped: 'no cuda device' },
      ],
    }
    const html = renderToStaticMarkup(<SweepTable result={result} />)
    expect(html).toContain('>4.10<')
    expect(html).toContain('2.05–8.19')
    expect(html).toContain('1.30 µs') // NumPy's median beside ours
    expect(html).toContain('1.3× · <code>a.copy()</code>')
    expect(html).toContain('1.00 µs')
    expect(html).toContain('500 ns–2.00 µs')
    expect(html).toContain('>40%<')
    expect(html).toContain('no copy')
    expect(html).toContain('skipped: no cuda device')
    expect(html).toContain('medians of 5 runs after 1 warm-up runs')
  })

  it('the sweep form: every operation offered; device moves disabled without a cuda device', () => {
    const api = {} as ProfilerApi
    const without = renderToStaticMarkup(<SweepForm api={api} hasCuda={false} cudaSimulated={false} onResult={() => {}} />)
    expect(without.match(/data-testid="profiler-op-[a-z_A-Z]+"/g)).toHaveLength(10)
    expect(without).toMatch(/data-testid="profiler-op-cuda_pinned" disabled=""/)
    expect(without).not.toMatch(/data-testid="profiler-op-clone" disabled=""/)
    const withSim = renderToStaticMarkup(<SweepForm api={api} hasCuda cudaSimulated onResult={() => {}} />)
    expect(withSim).not.toMatch(/data-testid="profiler-op-cuda_pinned" disabled=""/)
    expect(withSim).toContain('simulated')
  })
})
