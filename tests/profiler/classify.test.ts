// Record classification: kind, copied and why, bytes moved, GB/s and fraction of
// peak. First over real engine reports (a view reports 0 bytes copied; a
// transpose-contiguous the full size; a simulated-device move a transfer), then
// the rules on reports the engine gives in situations this machine cannot make.
import { afterAll, describe, expect, it } from 'vitest'
import * as engine from '../../src/engine'
import { loadAddon } from '../../src/engine/load'
import { classifyKind, copyCauses, profileRecord } from '../../src/profiler/classify'
import { cudaState, toCpu, toCuda } from '../../src/profiler/node/device-moves'

describe('classification of real engine reports', () => {
  const profiled = () => profileRecord(engine.lastReport(), 10)

  it('a view reports 0 bytes copied', () => {
    const t = engine.ones('tensor', [4, 6], 'float32')
    t.T
    const p = profiled()
    expect(p).toMatchObject({ kind: 'view', copied: false, bytes: 0, gbps: null, peakFraction: null, causes: [], transfer: null, simulated: false })
    t.permute([1, 0]); expect(profiled().kind).toBe('view')
    t.index([{ kind: 'slice', start: 1, stop: null, step: 2 }]); expect(profiled()).toMatchObject({ kind: 'view', bytes: 0 })
  })

  it('from_numpy and numpy() are zero-copy conversions', () => {
    const a = engine.ones('ndarray', [1000], 'float32')
    const t = engine.fromNumpy(a)
    expect(profiled()).toMatchObject({ op: 'fromNumpy', kind: 'conversion', copied: false, bytes: 0 })
    t.numpy()
    expect(profiled()).toMatchObject({ kind: 'conversion', copied: false, bytes: 0 })
  })

  it('a transpose-contiguous copies the full size, because the source is not contiguous', () => {
    const t = engine.ones('tensor', [64, 48], 'float32')
    const c = t.T.contiguous()
    const p = profiled()
    expect(p).toMatchObject({ op: 'contiguous', kind: 'copy', copied: true, bytes: 64 * 48 * 4 })
    expect(p.causes).toContain('non-contiguous source')
    expect(p.seconds).toBeGreaterThan(0)
    expect(p.gbps).toBeCloseTo(p.bytes / p.seconds / 1e9, 9)
    expect(p.peakFraction).toBeCloseTo(p.gbps! / 10, 9)
    // contiguous() of a contiguous tensor is itself: no bytes.
    c.contiguous()
    expect(profiled()).toMatchObject({ kind: 'view', copied: false, bytes: 0 })
  })

  it('torch.tensor(a) is a copying conversion; astype a dtype change', () => {
    const a = engine.ones('ndarray', [10, 10], 'float32')
    engine.tensor(a)
    expect(profiled()).toMatchObject({ kind: 'conversion', copied: true, bytes: 400 })
    a.astype('float64')
    const p = profiled()
    expect(p).toMatchObject({ kind: 'conversion', copied: true, bytes: 800 })
    expect(p.causes).toContain('dtype change')
  })

  it('a write into existing memory is a write', () => {
    const a = engine.zeros('ndarray', [8], 'float32')
    a.fill(3)
    expect(profiled()).toMatchObject({ kind: 'write', copied: true, bytes: 32, causes: ['write'] })
  })
})

describe('a simulated-device move', () => {
  afterAll(() => loadAddon().setSimulateCuda(false))

  it('reports a transfer, labelled simulated, with the device change and the pageable path', () => {
    const state = cudaState(true)
    expect(state).toMatchObject({ usable: true, simulated: true })
    const t = engine.ones('tensor', [256], 'float32')
    const d = toCuda(t)
    const up = profiled()
    expect(d.info().device).toBe('cuda:0')
    expect(up).toMatchObject({ kind: 'transfer', copied: true, bytes: 1024, simulated: true, transfer: { from: 'cpu', to: 'cuda:0', pinned: false } })
    expect(up.causes).toEqual(expect.arrayContaining(['device change', 'pageable staging']))
    toCpu(d)
    expect(profiled()).toMatchObject({ kind: 'transfer', bytes: 1024, simulated: true, transfer: { from: 'cuda:0', to: 'cpu' } })
    // Moving to where it already is returns the tensor itself: no transfer.
    expect(toCuda(d)).toBe(d)
    expect(profiled()).toMatchObject({ kind: 'view', copied: false, bytes: 0 })
  })

  function profiled() { return profileRecord(engine.lastReport(), 10) }
})

describe('classification rules', () => {
  const base = { copied: false, bytes: 0, kernel: 'view', seconds: 1e-6 }

  it('kinds by op and report', () => {
    expect(classifyKind({ ...base, op: 'transpose' })).toBe('view')
    expect(classifyKind({ ...base, op: 'clone', copied: true, bytes: 8, kernel: 'memcpy' })).toBe('copy')
    expect(classifyKind({ ...base, op: 'npAsarray' })).toBe('conversion')
    expect(classifyKind({ ...base, op: 'setitem', copied: true, bytes: 8 })).toBe('write')
    expect(classifyKind({ ...base, op: 'toDevice', copied: true, bytes: 8, kernel: 'cudaMemcpy D2H pinned', transfer: { from: 'cuda:0', to: 'cpu', pinned: true } })).toBe('transfer')
    expect(classifyKind({ ...base, op: 'cuda' })).toBe('view') // returned itself
  })

  it("a factory's new buffer is an allocation with its bytes, not a 0 B view", () => {
    const zeros = profileRecord({ ...base, op: 'create', kernel: 'alloc', bytes: 8_000_000, reason: 'new buffer, filled with zeros', seconds: 1e-3 }, 10)
    expect(zeros).toMatchObject({ kind: 'alloc', bytes: 8_000_000, reason: 'new buffer, filled with zeros', peakFraction: null })
    expect(zeros.gbps).toBeCloseTo(8, 6)
  })

  it('a real GPU transfer: not simulated; pinned has no staging, pageable does', () => {
    const pinned = profileRecord({ ...base, op: 'cuda', copied: true, bytes: 1e9, seconds: 0.02, kernel: 'cudaMemcpy H2D pinned', reason: 'device change', transfer: { from: 'cpu', to: 'cuda:0', pinned: true } })
    expect(pinned).toMatchObject({ kind: 'transfer', simulated: false, gbps: 50, causes: ['device change'] })
    const pageable = profileRecord({ ...pinned, op: 'cuda', kernel: 'cudaMemcpy H2D pageable', transfer: { from: 'cpu', to: 'cuda:0', pinned: false } })
    expect(pageable.causes).toEqual(['device change', 'pageable staging'])
    // A report without the transfer field: the direction comes from the path.
    expect(profileRecord({ ...base, op: 'cpu', copied: true, bytes: 8, kernel: 'cudaMemcpy D2H pinned' }).transfer).toEqual({ from: 'cuda:0', to: 'cpu', pinned: true })
  })

  it('causes: explicit copies and unknown reasons', () => {
    expect(copyCauses({ ...base, op: 'clone', copied: true, bytes: 8 })).toEqual(['explicit copy'])
    expect(copyCauses({ ...base, op: 'tensor', copied: true, bytes: 8 })).toEqual(['always copies'])
    expect(copyCauses({ ...base, op: 'binary', copied: true, bytes: 8, reason: 'add result' })).toEqual(['other'])
    expect(copyCauses({ ...base, op: 'transpose' })).toEqual([])
  })

  it('the Python line comes from source (runner) or line (session)', () => {
    expect(profileRecord({ ...base, op: 'T', source: 'b = a.T', line: 3 }).line).toBe('b = a.T')
    expect(profileRecord({ ...base, op: 'T', line: 'b = a.T' }).line).toBe('b = a.T')
  })
})
