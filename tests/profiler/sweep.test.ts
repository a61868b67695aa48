// Sweeps through the real engine: medians with min–max from several runs, the
// right kinds and bytes per operation, progress, cancellation between runs,
// device moves on the simulated cuda:0 (labelled simulated) or skipped with why.
import { afterAll, describe, expect, it } from 'vitest'
import * as engine from '../../src/engine'
import { loadAddon } from '../../src/engine/load'
import { SWEEP_OPERATIONS, type SweepOperation } from '../../src/profiler/node/operations'
import { checkSpec, runSweep } from '../../src/profiler/node/sweep'
import type { SweepProgress } from '../../src/profiler/types'

describe('sweep spec', () => {
  it('needs ops, sizes, and at least 3 timed runs (no figure from one run)', () => {
    const ok = { ops: ['clone' as const], sizes: [4096], repeats: 3, warmup: 0 }
    expect(() => checkSpec(ok)).not.toThrow()
    expect(() => checkSpec({ ...ok, repeats: 1 })).toThrow('no figure from a single run')
    expect(() => checkSpec({ ...ok, ops: [] })).toThrow('at least one operation')
    expect(() => checkSpec({ ...ok, ops: ['nope' as never] })).toThrow("unknown operation 'nope'")
    expect(() => checkSpec({ ...ok, sizes: [0] })).toThrow('bad size')
    expect(() => checkSpec({ ...ok, sizes: [8 * 2 ** 30] })).toThrow('bad size')
    expect(() => checkSpec({ ...ok, warmup: -1 })).toThrow('warmup')
  })
})

describe('sweeps on the engine', () => {
  it('times each op × size: median within min–max, kinds and bytes from the engine', async () => {
    const progress: SweepProgress[] = []
    const r = await runSweep({ ops: ['from_numpy', 'tensor', 'clone', 'contiguous_T', 'contiguous_permute'], sizes: [4096, 64 << 10], repeats: 3, warmup: 1 },
      { peakGbps: 10, onProgress: (p) => progress.push(p) })
    expect(r.cancelled).toBe(false)
    expect(r.rows).toHaveLength(10)
    expect(progress.map((p) => p.done)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
    expect(progress.every((p) => p.total === 10)).toBe(true)
    for (const row of r.rows) {
      expect(row.skipped).toBeNull()
      expect(row.seconds.n).toBe(3)
      expect(row.seconds.min).toBeLessThanOrEqual(row.seconds.median)
      expect(row.seconds.median).toBeLessThanOrEqual(row.seconds.max)
    }
    const get = (op: string, bytes: number) => r.rows.find((x) => x.op === op && x.bytes === bytes)!
    expect(get('from_numpy', 4096)).toMatchObject({ kind: 'conversion', copied: false, bytesMoved: 0, gbps: null, peakFraction: null })
    expect(get('tensor', 65536)).toMatchObject({ kind: 'conversion', copied: true, bytesMoved: 65536 })
    expect(get('clone', 65536)).toMatchObject({ kind: 'copy', copied: true, bytesMoved: 65536, shape: [16384] })
    const t = get('contiguous_T', 65536)
    expect(t).toMatchObject({ kind: 'copy', copied: true, bytesMoved: 65536, shape: [128, 128] })
    expect(t.gbpsMin!).toBeLessThanOrEqual(t.gbps!)
    expect(t.gbps!).toBeLessThanOrEqual(t.gbpsMax!)
    expect(t.peakFraction).toBeCloseTo(t.gbps! / 10, 9)
    expect(get('contiguous_permute', 65536)).toMatchObject({ kind: 'copy', bytesMoved: 65536, shape: [1, 64, 16, 16] })
  })

  it('can be cancelled between cells', async () => {
    const ac = new AbortController()
    const r = await runSweep({ ops: ['clone', 'contiguous_T'], sizes: [4096, 8192], repeats: 3, warmup: 0 },
      { signal: ac.signal, onProgress: (p) => { if (p.done === 1) ac.abort() } })
    expect(r.cancelled).toBe(true)
    expect(r.rows).toHaveLength(1)
  })

  it('can be cancelled between runs of one cell: no further run starts, inputs are freed', async () => {
    const ac = new AbortController()
    let runs = 0
    let disposed = 0
    const counting: SweepOperation = {
      ...SWEEP_OPERATIONS.find((o) => o.id === 'clone')!,
      prepare(shape) {
        const t = engine.ones('tensor', shape, 'float32')
        const dispose = t.dispose.bind(t)
        t.dispose = () => { disposed++; dispose() }
        return { inputs: [t], run: () => { if (++runs === 2) ac.abort(); return t.clone() } }
      },
    }
    const r = await runSweep({ ops: ['clone'], sizes: [4096, 8192], repeats: 50, warmup: 0 }, { signal: ac.signal, operations: [counting] })
    expect(r).toMatchObject({ cancelled: true, rows: [] })
    expect(runs).toBe(2)
    expect(disposed).toBe(1)
  })

  it('an already-aborted signal runs nothing', async () => {
    const r = await runSweep({ ops: ['clone'], sizes: [4096], repeats: 3, warmup: 0 }, { signal: AbortSignal.abort() })
    expect(r).toMatchObject({ cancelled: true, rows: [] })
  })

  it('device moves without a cuda device are skipped, saying why', async () => {
    const r = await runSweep({ ops: ['cuda_pageable', 'clone'], sizes: [4096], repeats: 3, warmup: 0 },
      { cuda: { usable: false, simulated: false, why: 'no cuda device' } })
    expect(r.rows[0]).toMatchObject({ op: 'cuda_pageable', kind: 'transfer', skipped: 'no cuda device', gbps: null })
    expect(r.rows[1].skipped).toBeNull()
  })
})

describe('sweeps of device moves on the simulated cuda:0', () => {
  afterAll(() => loadAddon().setSimulateCuda(false))

  it('every move is a transfer of the full size, labelled simulated; pinned and pageable paths differ', async () => {
    const r = await runSweep({ ops: ['cuda_pageable', 'cuda_pinned', 'cpu', 'cpu_non_blocking'], sizes: [64 << 10], repeats: 3, warmup: 1 }, { simulateCuda: true })
    expect(r.rows.map((x) => x.skipped)).toEqual([null, null, null, null])
    for (const row of r.rows) expect(row).toMatchObject({ kind: 'transfer', copied: true, bytesMoved: 65536, simulated: true })
    const kernel = Object.fromEntries(r.rows.map((x) => [x.op, x.kernel]))
    expect(kernel.cuda_pageable).toMatch(/H2D pageable/)
    expect(kernel.cuda_pinned).toMatch(/H2D pinned/)
    expect(kernel.cpu).toMatch(/D2H pageable/)
    expect(kernel.cpu_non_blocking).toMatch(/D2H pinned/)
  })
})
