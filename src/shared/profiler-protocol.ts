// The profiler's requests, added to the one contract (./protocol.ts) by spreading
// `profilerMethods` into `methods` and `profilerChannels` into `Channel`.
// A sweep is one long request (`profilerSweep`, answered with the whole result);
// its progress is read with `profilerStatus` (the panel polls it a few times a
// second) and `profilerCancel` stops it between two runs. No new event type is
// needed, so transports forward nothing new.
import { array, boolean, count, literal, nullable, number, object, optional, string, type Infer } from './schema'
import type { SweepOpId } from '../profiler/types'

/** Most ops/sizes one sweep may ask for: bounded like every request. */
export const MAX_SWEEP_SIZES = 32
export const SWEEP_OP_ID_LIST = [
  'from_numpy', 'numpy', 'tensor', 'clone', 'contiguous_T', 'contiguous_permute',
  'cuda_pageable', 'cuda_pinned', 'cpu', 'cpu_non_blocking',
] as const satisfies readonly SweepOpId[]

const opId = literal<SweepOpId>(...SWEEP_OP_ID_LIST)
const opKind = literal('alloc', 'view', 'copy', 'conversion', 'transfer', 'write')
const stats = object({ n: count, median: number, min: number, max: number })

export const sweepSpec = object({
  ops: array(opId, SWEEP_OP_ID_LIST.length),
  sizes: array(count, MAX_SWEEP_SIZES),
  repeats: count,
  warmup: count,
})

export const sweepRow = object({
  op: opId, label: string, kind: opKind, bytes: count, shape: array(count, 8), dtype: string,
  copied: boolean, bytesMoved: count, kernel: string, reason: string, simulated: boolean, repeats: count,
  seconds: stats, gbps: nullable(number), gbpsMin: nullable(number), gbpsMax: nullable(number),
  peakFraction: nullable(number), skipped: nullable(string),
  numpy: optional(nullable(object({ expr: string, seconds: stats, ratio: nullable(number) }))),
})

export const sweepResult = object({
  spec: sweepSpec, rows: array(sweepRow), cancelled: boolean, peakGbps: nullable(number), startedAt: string, seconds: number,
  numpyNote: optional(string),  // whether NumPy's equivalents were timed, and why not
})

export const sweepStatus = object({
  running: boolean,
  done: count,            // cells finished
  total: count,
  op: nullable(opId),     // the cell being timed
  bytes: nullable(count),
  cancelRequested: boolean,
})

export const peakInfo = object({
  gbps: number, gbpsMedian: number, gbpsMin: number, gbpsMax: number, method: string, measuredAt: string, cached: boolean,
  points: array(object({ bytes: count, gbps: number }), 16),  // memcpy GB/s by size
  // A real GPU's pinned transfer peaks (null without one: simulated moves are host memcpy).
  device: nullable(object({ h2dPinnedGbps: number, d2hPinnedGbps: number, method: string, measuredAt: string })),
})

export const profilerMethods = {
  /** Runs a sweep through the engine; answers with every cell (a cancelled sweep answers with those done). */
  profilerSweep: { params: object({ spec: sweepSpec }), result: sweepResult },
  /** Progress of the running sweep (or of the last one). */
  profilerStatus: { params: object({}), result: sweepStatus },
  /** Asks the running sweep to stop before its next run. */
  profilerCancel: { params: object({}), result: object({ cancelled: boolean }) },
  /** This machine's memcpy peak (cached; `remeasure` measures again). */
  profilerPeak: { params: object({ remeasure: boolean }), result: peakInfo },
}

export const profilerChannels = {
  profilerSweep: 'stridescope:profiler-sweep',
  profilerStatus: 'stridescope:profiler-status',
  profilerCancel: 'stridescope:profiler-cancel',
  profilerPeak: 'stridescope:profiler-peak',
} as const satisfies Record<keyof typeof profilerMethods, string>

export type ProfilerMethod = keyof typeof profilerMethods
export type SweepStatus = Infer<typeof sweepStatus>
export type PeakInfo = Infer<typeof peakInfo>
export type WireSweepSpec = Infer<typeof sweepSpec>
export type WireSweepResult = Infer<typeof sweepResult>

/** The profiler's part of the renderer's Api (src/shared/api.ts spreads `profilerApi(call)` into its object). */
export function profilerApi(call: <M extends ProfilerMethod>(method: M, params: Infer<(typeof profilerMethods)[M]['params']>) => Promise<Infer<(typeof profilerMethods)[M]['result']>>) {
  return {
    profilerSweep: (spec: WireSweepSpec) => call('profilerSweep', { spec }),
    profilerStatus: () => call('profilerStatus', {}),
    profilerCancel: () => call('profilerCancel', {}),
    profilerPeak: (remeasure = false) => call('profilerPeak', { remeasure }),
  }
}
export type ProfilerApi = ReturnType<typeof profilerApi>
