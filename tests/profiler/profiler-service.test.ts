// The profiler's requests as the session serves them: a sweep answers with a
// result that satisfies the wire schema, its progress can be polled while it runs,
// cancel stops it between runs, a bad spec is a bad request, and one sweep at a time.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { Session } from '../../src/session/session'
import { profilerHandlers } from '../../src/session/profiler-service'
import { profilerMethods, sweepResult } from '../../src/shared/profiler-protocol'
import { SessionError } from '../../src/session/errors'
import { sweepToCsv } from '../../src/profiler/export'

// The memcpy peak the service measures is cached here, not in the user's cache.
const cacheDir = mkdtempSync(join(tmpdir(), 'ss-profiler-cache-'))
process.env.XDG_CACHE_HOME = cacheDir
afterAll(() => rmSync(cacheDir, { recursive: true, force: true }))

const newSession = () => new Session({
  createRunner: () => ({ run: () => ({ stdout: '', stderr: '', error: null, ops: [] }), variables: () => [], reset: () => {} }),
})
const spec = { ops: ['clone' as const, 'from_numpy' as const], sizes: [4096, 16384], repeats: 3, warmup: 0 }

describe('profiler request schemas', () => {
  it('accept a sweep spec and refuse unknown ops or extra keys', () => {
    const params = profilerMethods.profilerSweep.params
    expect(params.check({ spec }, 'params')).toBeNull()
    expect(params.check({ spec: { ...spec, ops: ['rm -rf'] } }, 'params')).toMatch(/params.spec.ops\[0\]/)
    expect(params.check({ spec: { ...spec, extra: 1 } }, 'params')).not.toBeNull()
    expect(params.check({ spec: { ...spec, sizes: Array(33).fill(1) } }, 'params')).toMatch(/at most 32/)
  })
})

describe('profiler service', () => {
  it('runs a sweep whose result satisfies the wire schema; status says it finished', async () => {
    const s = newSession()
    const result = await profilerHandlers.profilerSweep(s, { spec })
    expect(sweepResult.check(result, 'result')).toBeNull()
    expect(result.rows).toHaveLength(4)
    expect(result.peakGbps).toBeGreaterThan(0)
    expect(await profilerHandlers.profilerStatus(s, {})).toMatchObject({ running: false, done: 4, total: 4 })
  })

  it("a sweep times NumPy's equivalents in the same run, as the CLI does (the CSV's numpy_* columns)", async () => {
    const result = await profilerHandlers.profilerSweep(newSession(), { spec })
    if (result.numpyNote?.startsWith('NumPy not timed')) {
      console.log(`skipped: ${result.numpyNote}`)
      return
    }
    expect(result.numpyNote).toMatch(/^NumPy \d+\.\d+.* timed in the same run$/)
    const clones = result.rows.filter((r) => r.op === 'clone')
    expect(clones).toHaveLength(2)
    for (const r of clones) {
      expect(r.numpy?.expr).toMatch(/copy/)
      expect(r.numpy?.seconds.n).toBe(3)
      expect(r.numpy?.ratio).toBeGreaterThan(0)
    }
    expect(sweepToCsv(result.rows).split('\n')[1]).toMatch(/,a\.copy\(\),\d/) // numpy_expr, numpy_median_s filled
  })

  it('can be polled while running, and cancelled', async () => {
    const s = newSession()
    const running = profilerHandlers.profilerSweep(s, { spec: { ...spec, sizes: [4096, 8192, 16384, 32768], repeats: 20 } })
    // The sweep yields between runs: status and cancel are served meanwhile.
    await new Promise((r) => setImmediate(r))
    const status = await profilerHandlers.profilerStatus(s, {})
    expect(status).toMatchObject({ running: true, total: 8 })
    await expect(profilerHandlers.profilerSweep(s, { spec })).rejects.toThrow('already running')
    expect(await profilerHandlers.profilerCancel(s, {})).toEqual({ cancelled: true })
    const result = await running
    expect(result.cancelled).toBe(true)
    expect(result.rows.length).toBeLessThan(8)
    expect(await profilerHandlers.profilerCancel(s, {})).toEqual({ cancelled: false })
  })

  it('a spec the sweep cannot honour is a bad request', async () => {
    const err = await Promise.resolve(profilerHandlers.profilerSweep(newSession(), { spec: { ...spec, repeats: 1 } })).catch((e: unknown) => e as SessionError)
    expect(err).toBeInstanceOf(SessionError)
    expect(err).toMatchObject({ code: 'bad-request' })
    expect((err as SessionError).message).toMatch("no figure from a single run")
  })
})
