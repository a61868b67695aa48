// Sweeps: each chosen operation × each size, through the engine API. Per cell:
// inputs prepared once, `warmup` untimed runs, then `repeats` timed runs whose
// seconds are the engine's own (OpReport.seconds, a steady clock around the native
// call), summarised as median and min–max. The AbortSignal is checked before every
// run and the event loop gets a turn between runs, so a cancel request arriving
// over IPC/WebSocket is seen within one run. Cells that cannot run (no cuda device,
// an engine error such as MemoryError) are kept with `skipped` saying why.
import * as engine from '../../engine'
import { classifyKind, isSimulated } from '../classify'
import { cudaState, type CudaState } from './device-moves'
import { SWEEP_DTYPE, SWEEP_ITEMSIZE, SWEEP_OPERATIONS, type SweepOperation } from './operations'
import { MAX_SWEEP_BYTES } from '../sizes'
import { gbps, rateFraction, timingStats } from '../stats'
import type { DevicePeak, PeakRef, ReportLike, SweepProgress, SweepResult, SweepRow, SweepSpec } from '../types'

export const MIN_REPEATS = 3 // no figure from a single run: a median needs company
export const MAX_REPEATS = 1000
export const MAX_WARMUP = 100

export interface SweepOptions {
  onProgress?: (p: SweepProgress) => void
  signal?: AbortSignal
  /** memcpy peaks by size (or one figure): each row's fraction uses the peak at its size. */
  peak?: PeakRef
  /** A real GPU's transfer peaks: real transfers are fractions of these (null: no fraction for them). */
  devicePeak?: Pick<DevicePeak, 'h2dPinnedGbps' | 'd2hPinnedGbps'> | null
  /** The headline peak recorded in the result (default: the largest size's point). */
  peakGbps?: number | null
  simulateCuda?: boolean
  /** The catalogue to draw from (tests pass their own); default SWEEP_OPERATIONS. */
  operations?: readonly SweepOperation[]
  /** Reads the last op's report; default engine.lastReport. */
  lastReport?: () => ReportLike
  /** Whether cuda:0 exists; default asks the engine (switching the simulation on when simulateCuda). */
  cuda?: CudaState
}

/** Throws on a spec a sweep cannot honour (the message names the field). */
export function checkSpec(spec: SweepSpec, known: readonly string[] = SWEEP_OPERATIONS.map((o) => o.id)): void {
  if (!Array.isArray(spec.ops) || spec.ops.length === 0) throw new Error('ops: choose at least one operation')
  for (const o of spec.ops) if (!known.includes(o)) throw new Error(`ops: unknown operation '${o}'`)
  if (!Array.isArray(spec.sizes) || spec.sizes.length === 0) throw new Error('sizes: give at least one size')
  for (const s of spec.sizes) {
    if (!Number.isSafeInteger(s) || s < 1 || s > MAX_SWEEP_BYTES) throw new Error(`sizes: bad size ${s} (1 byte to 4 GiB)`)
  }
  if (!Number.isSafeInteger(spec.repeats) || spec.repeats < MIN_REPEATS || spec.repeats > MAX_REPEATS) {
    throw new Error(`repeats: between ${MIN_REPEATS} and ${MAX_REPEATS} (no figure from a single run)`)
  }
  if (!Number.isSafeInteger(spec.warmup) || spec.warmup < 0 || spec.warmup > MAX_WARMUP) {
    throw new Error(`warmup: between 0 and ${MAX_WARMUP}`)
  }
}

const turn = () => new Promise<void>((resolve) => (typeof setImmediate === 'function' ? setImmediate(resolve) : setTimeout(resolve, 0)))

function errorText(e: unknown): string {
  const py = (e as { pyType?: unknown }).pyType
  const msg = e instanceof Error ? e.message.split('\n')[0] : String(e)
  return typeof py === 'string' ? `${py}: ${msg}` : msg
}

function skippedRow(op: SweepOperation, bytes: number, shape: number[], why: string, repeats: number): SweepRow {
  return {
    op: op.id, label: op.label, kind: op.kind, bytes, shape, dtype: SWEEP_DTYPE,
    copied: false, bytesMoved: 0, kernel: '', reason: '', simulated: false, repeats,
    seconds: { n: 0, median: 0, min: 0, max: 0 }, gbps: null, gbpsMin: null, gbpsMax: null, peakFraction: null,
    skipped: why,
  }
}

class Cancelled extends Error {}

/** The direction of a sweep's device move, for a report that lacks its transfer field. */
function guessDirection(id: string): { from: string; to: string } {
  return id.startsWith('cuda') ? { from: 'cpu', to: 'cuda:0' } : { from: 'cuda:0', to: 'cpu' }
}

function headline(peak: PeakRef): number | null {
  if (peak === null) return null
  if (typeof peak === 'number') return peak
  return peak.length ? peak[peak.length - 1].gbps : null
}

/** Times one (op, size) cell. Throws Cancelled when the signal fires between runs. */
async function runCell(op: SweepOperation, bytes: number, spec: SweepSpec, opts: SweepOptions, cuda: CudaState): Promise<SweepRow> {
  const shape = op.shape(bytes)
  const actualBytes = shape.reduce((a, b) => a * b, 1) * SWEEP_ITEMSIZE
  if (op.needsCuda && !cuda.usable) return skippedRow(op, actualBytes, shape, cuda.why, spec.repeats)
  const lastReport = opts.lastReport ?? engine.lastReport
  let prepared
  try {
    prepared = op.prepare(shape)
  } catch (e) {
    return skippedRow(op, actualBytes, shape, errorText(e), spec.repeats)
  }
  const samples: number[] = []
  let report: ReportLike | null = null
  try {
    for (let i = 0; i < spec.warmup + spec.repeats; i++) {
      if (opts.signal?.aborted) throw new Cancelled()
      const y = prepared.run()
      const r = lastReport()
      if (!prepared.inputs.includes(y)) y.dispose() // free now, as the garbage collector would later
      if (i >= spec.warmup) {
        samples.push(r.seconds)
        report = r
      }
      await turn()
    }
  } catch (e) {
    if (e instanceof Cancelled) throw e
    return skippedRow(op, actualBytes, shape, errorText(e), spec.repeats)
  } finally {
    for (const x of prepared.inputs) x.dispose()
  }
  const r = report!
  const s = timingStats(samples)
  const moved = r.copied ? r.bytes : 0
  const rate = gbps(moved, s.median)
  const simulated = isSimulated(r) || (op.needsCuda && cuda.simulated)
  const transfer = r.transfer ?? (op.kind === 'transfer' ? guessDirection(op.id) : null)
  return {
    op: op.id, label: op.label, kind: classifyKind(r), bytes: actualBytes, shape, dtype: SWEEP_DTYPE,
    copied: r.copied, bytesMoved: moved, kernel: r.kernel, reason: r.reason ?? '',
    simulated, repeats: s.n, seconds: s,
    gbps: rate, gbpsMin: gbps(moved, s.max), gbpsMax: gbps(moved, s.min),
    peakFraction: rateFraction(rate, moved, opts.peak ?? opts.peakGbps ?? null, transfer, simulated, opts.devicePeak ?? null),
    skipped: null,
  }
}

export async function runSweep(spec: SweepSpec, opts: SweepOptions = {}): Promise<SweepResult> {
  const catalogue = opts.operations ?? SWEEP_OPERATIONS
  checkSpec(spec, catalogue.map((o) => o.id))
  const started = performance.now()
  const startedAt = new Date().toISOString()
  const ops = spec.ops.map((id) => catalogue.find((o) => o.id === id)!)
  const cuda = opts.cuda ?? (ops.some((o) => o.needsCuda) ? cudaState(opts.simulateCuda ?? false) : { usable: false, simulated: false, why: 'not needed' })
  const total = ops.length * spec.sizes.length
  const rows: SweepRow[] = []
  let cancelled = false
  opts.onProgress?.({ done: 0, total, op: null, bytes: null })
  outer: for (const op of ops) {
    for (const bytes of spec.sizes) {
      if (opts.signal?.aborted) { cancelled = true; break outer }
      try {
        rows.push(await runCell(op, bytes, spec, opts, cuda))
      } catch (e) {
        if (e instanceof Cancelled) { cancelled = true; break outer }
        throw e
      }
      opts.onProgress?.({ done: rows.length, total, op: op.id, bytes })
    }
  }
  return {
    spec, rows, cancelled, peakGbps: opts.peakGbps ?? headline(opts.peak ?? null), startedAt,
    seconds: (performance.now() - started) / 1000,
  }
}
