// The Stop button's path: the session runs in its worker, the parent writes the stop
// flag while the worker is busy, the run ends in KeyboardInterrupt and the workspace
// keeps everything made before the interrupted statement.
import { afterAll, describe, expect, it } from 'vitest'
import { startSessionWorker } from '../../src/session/worker-service'

type RunReply = { ok: true; result: { stdout: string; error: { type: string } | null; snapshot: { objects: { names: string[] }[] } } }

describe('interrupting a run in the session worker', () => {
  const service = startSessionWorker({ simulateCuda: false })
  afterAll(() => service.dispose())

  /** Starts `code`, asks to interrupt once the run has begun (its progress event), and returns the run's reply. */
  async function runAndStop(code: string): Promise<RunReply> {
    let asked: Promise<unknown> | null = null
    const off = service.on('progress', (p) => {
      if (!p.done && !asked) asked = new Promise((r) => setTimeout(r, 300)).then(() => service.request('interrupt', {}))
    })
    const reply = (await service.request('run', { code })) as RunReply
    off()
    expect(await asked).toEqual({ ok: true, result: { interrupted: true } })
    return reply
  }

  it('says so when no run is in progress', async () => {
    expect(await service.request('interrupt', {})).toEqual({ ok: true, result: { interrupted: false } })
  })

  it('stops a Python loop, keeping the objects made before it', async () => {
    const reply = await runAndStop('import numpy as np\nkept = np.arange(4)\nn = 0\nwhile True:\n    n += 1\n')
    expect(reply.result.error?.type).toBe('KeyboardInterrupt')
    expect(reply.result.snapshot.objects.some((o) => o.names.includes('kept'))).toBe(true)
    const after = await service.request('run', { code: 'print(kept.sum(), n > 0)' })
    expect(after).toMatchObject({ ok: true, result: { stdout: '6 True\n', error: null } })
  })

  it('stops a native kernel between its chunks (a sum over 10**18 broadcast elements)', async () => {
    const reply = await runAndStop('import numpy as np\nz = np.zeros(3)\ns = np.broadcast_to(np.zeros(1), (10**9, 10**9)).sum()\n')
    expect(reply.result.error?.type).toBe('KeyboardInterrupt')
    expect(reply.result.snapshot.objects.some((o) => o.names.includes('z'))).toBe(true)
  })

  it('runs to CPython\'s recursion limit on the worker\'s stack', async () => {
    const ok = await service.request('run', { code: 'def g(n):\n    return 0 if n == 0 else g(n - 1)\nprint(g(998))' })
    expect(ok).toMatchObject({ ok: true, result: { stdout: '0\n', error: null } })
    const deep = await service.request('run', { code: 'g(999)' })
    expect(deep).toMatchObject({ ok: true, result: { error: { type: 'RecursionError', message: 'maximum recursion depth exceeded' } } })
  })
})
