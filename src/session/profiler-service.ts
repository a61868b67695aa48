// The profiler's request handlers: one sweep at a time per session, its status
// for polling, cancel between runs, and the memcpy peak. Sweeps run on the same
// engine as the session's runner but create only their own objects, which they
// free; device moves run where the session has a cuda device (real, or the
// simulated one when the session's toggle is on).
import { compareWithNumpy, cudaState, devicePeak, memcpyPeak, runSweep } from '../profiler/node'
import type { PeakInfo, ProfilerMethod, SweepStatus, WireSweepResult, profilerMethods } from '../shared/profiler-protocol'
import type { Infer } from '../shared/schema'
import { SessionError } from './errors'
import type { Session } from './session'

interface ProfilerState {
  status: SweepStatus
  abort: AbortController | null
}

const states = new WeakMap<Session, ProfilerState>()

function stateOf(session: Session): ProfilerState {
  let s = states.get(session)
  if (!s) {
    s = { status: { running: false, done: 0, total: 0, op: null, bytes: null, cancelRequested: false }, abort: null }
    states.set(session, s)
  }
  return s
}

function peakInfo(remeasure: boolean): PeakInfo {
  const p = memcpyPeak({ remeasure })
  // Only a real GPU has transfer peaks of its own (never switches the simulation on).
  const cuda = cudaState(false)
  const d = cuda.usable && !cuda.simulated ? devicePeak({ remeasure }) : null
  const device = d ? { h2dPinnedGbps: d.h2dPinnedGbps, d2hPinnedGbps: d.d2hPinnedGbps, method: d.method, measuredAt: d.measuredAt } : null
  return { device, gbps: p.gbps, gbpsMedian: p.gbpsMedian, gbpsMin: p.gbpsMin, gbpsMax: p.gbpsMax, method: p.method, measuredAt: p.measuredAt, cached: p.cached, points: p.points }
}

async function sweep(session: Session, spec: Infer<(typeof profilerMethods)['profilerSweep']['params']>['spec']): Promise<WireSweepResult> {
  const st = stateOf(session)
  if (st.status.running) throw new SessionError('bad-request', 'a sweep is already running; cancel it first')
  const abort = new AbortController()
  st.abort = abort
  st.status = { running: true, done: 0, total: spec.ops.length * spec.sizes.length, op: null, bytes: null, cancelRequested: false }
  try {
    const peak = peakInfo(false)
    const result = await runSweep(spec, {
      signal: abort.signal,
      peak: peak.points,
      devicePeak: peak.device,
      peakGbps: peak.gbps,
      simulateCuda: session.snapshot().simulateCuda,
      onProgress: (p) => { st.status = { ...st.status, done: p.done, total: p.total, op: p.op, bytes: p.bytes } },
    })
    // NumPy's equivalents timed in the same run, as `stridescope profile` does: rows without one get null.
    const np = compareWithNumpy(result.rows, spec.warmup, spec.repeats)
    return { ...result, numpyNote: np.ok ? `NumPy ${np.version} timed in the same run` : `NumPy not timed: ${np.why}` }
  } catch (e) {
    // A bad spec (repeats < 3, unknown op) is the caller's error.
    throw e instanceof SessionError ? e : new SessionError('bad-request', (e as Error).message)
  } finally {
    st.status = { ...st.status, running: false }
    st.abort = null
  }
}

type Handlers = {
  [M in ProfilerMethod]: (session: Session, params: Infer<(typeof profilerMethods)[M]['params']>) =>
    Promise<Infer<(typeof profilerMethods)[M]['result']>> | Infer<(typeof profilerMethods)[M]['result']>
}

/** Spread into src/session/handlers.ts's table: `...profilerHandlers`. */
export const profilerHandlers: Handlers = {
  profilerSweep: (session, p) => sweep(session, p.spec),
  profilerStatus: (session) => ({ ...stateOf(session).status }),
  profilerCancel: (session) => {
    const st = stateOf(session)
    if (!st.abort) return { cancelled: false }
    st.abort.abort()
    st.status = { ...st.status, cancelRequested: true }
    return { cancelled: true }
  },
  profilerPeak: (_session, p) => peakInfo(p.remeasure),
}
