// The session in a worker thread, as the app runs it: requests and replies,
// events, validation, a clean stop, and value windows carried across the thread.
import { afterAll, describe, expect, it } from 'vitest'
import { startSessionWorker } from '../../src/session/worker-service'
import { windowNumbers } from '../../src/shared/window-numbers'

describe('startSessionWorker', () => {
  const service = startSessionWorker({ simulateCuda: true })
  afterAll(() => service.dispose())

  it('runs code in the worker and forwards events', async () => {
    const revisions: number[] = []
    const off = service.on('workspace', (w) => revisions.push(w.revision))
    const reply = await service.request('run', { code: 'x = 6 * 7\nprint(x)' })
    off()
    expect(reply).toMatchObject({ ok: true, result: { stdout: '42\n', error: null } })
    expect(revisions).toHaveLength(1)
    const snap = await service.request('snapshot', {})
    expect(snap).toMatchObject({ ok: true, result: { simulateCuda: true, history: [{ code: 'x = 6 * 7\nprint(x)', ok: true }] } })
  })

  it('returns Python errors as results and validation errors as replies', async () => {
    expect(await service.request('run', { code: 'y = undefined_name' })).toMatchObject({
      ok: true,
      result: { error: { type: 'NameError', message: "name 'undefined_name' is not defined" } }
    })
    expect(await service.request('run', { code: 1 })).toMatchObject({ ok: false, error: { code: 'bad-request' } })
    expect(await service.request('nope', {})).toMatchObject({ ok: false, error: { code: 'unknown-method' } })
  })

  it('keeps the calling thread free while a run is busy, and reports its progress', async () => {
    const progress: boolean[] = []
    const off = service.on('progress', (p) => progress.push(p.done))
    let turns = 0
    let replied = false
    const spin = () => {
      if (replied) return
      turns++
      setImmediate(spin)
    }
    setImmediate(spin)
    const reply = await service.request('run', { code: 'n = 0\nfor i in range(200000):\n    n += i\nprint(n)' })
    replied = true
    off()
    expect(reply).toMatchObject({ ok: true, result: { stdout: '19999900000\n' } })
    // this thread's event loop kept turning during the run (an in-thread run would block it)
    expect(turns).toBeGreaterThan(1)
    expect(progress).toEqual([false, true])
  })

  it('answers concurrent requests in order', async () => {
    const replies = await Promise.all([1, 2, 3].map((i) => service.request('run', { code: `print(${i})` })))
    expect(replies.map((r) => (r.ok ? (r.result as { stdout: string }).stdout : r.error.message))).toEqual(['1\n', '2\n', '3\n'])
  })

  it('carries value windows across the thread exactly (packed), non-finite values included', async () => {
    const run = await service.request('run', { code: "import numpy as np\nv = np.array([0.1, float('nan'), float('-inf'), -0.0, 2.5])" })
    expect(run.ok).toBe(true)
    const id = (run as { result: { snapshot: { objects: { names: string[]; info: { id: number } }[] } } }).result.snapshot.objects.find((o) => o.names.includes('v'))!.info.id
    expect(await service.request('window', { objectId: id, start: [1], shape: [4] })).toEqual({
      ok: true,
      result: { objectId: id, dtype: 'float64', start: [1], shape: [4], complex: false, values: ['nan', '-inf', 0, 2.5] }
    })
    expect(await service.request('window', { objectId: id, start: [3], shape: [4] })).toMatchObject({ ok: false, error: { code: 'out-of-range' } })
    const f64 = await service.request('window', { objectId: id, start: [0], shape: [5], encoding: 'f64' })
    expect(f64.ok).toBe(true)
    // The doubles cross the thread as a Float64Array (its buffer transferred), every bit kept: -0 stays -0.
    const nums = windowNumbers((f64 as unknown as { result: { values: []; f64: Float64Array } }).result)
    expect(nums).toBeInstanceOf(Float64Array)
    expect(Array.from(nums)).toEqual([0.1, Number.NaN, Number.NEGATIVE_INFINITY, -0, 2.5])
    expect(await service.request('window', { objectId: id, start: [0], shape: [5], encoding: 'f32' })).toMatchObject({ ok: false, error: { code: 'bad-request' } })
  })
})
