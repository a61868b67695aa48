// Plain data of the profiler: what one operation cost (ProfiledOp), the spec of
// a sweep and its results (SweepRow). No engine imports: the renderer reads
// these types too (tsconfig.web lists this file).

/** The five kinds of operation the profiler tells apart (issue 7). */
export type OpKind = 'alloc' | 'view' | 'copy' | 'conversion' | 'transfer' | 'write'
export const OP_KINDS: readonly OpKind[] = ['alloc', 'view', 'copy', 'conversion', 'transfer', 'write']

/** Why bytes were copied, in the categories; 'other' keeps the engine's own words in `reason`. */
export type CopyCause =
  | 'non-contiguous source' | 'dtype change' | 'device change' | 'pageable staging'
  | 'always copies' | 'explicit copy' | 'write' | 'other'

/** The fields of an engine OpReport / runner OpRecord / protocol OpRecord the profiler reads. */
export interface ReportLike {
  op: string
  copied: boolean
  bytes: number
  kernel: string
  reason?: string
  seconds: number
  transfer?: { from: string; to: string; pinned: boolean }
  threads?: number
  line?: string | number
  source?: string
}

/** One operation as the profiler shows it. */
export interface ProfiledOp {
  op: string
  line: string            // the Python line, '' when unknown
  kind: OpKind
  copied: boolean
  causes: CopyCause[]     // empty when nothing was copied
  reason: string          // the engine's own words ('' when none)
  bytes: number           // bytes moved (0 for a view or a zero-copy conversion)
  kernel: string
  seconds: number
  gbps: number | null     // bytes / seconds / 1e9; null when nothing moved or no time measured
  peakFraction: number | null // gbps / this machine's memcpy peak (null without a peak or a rate)
  transfer: { from: string; to: string; pinned: boolean } | null
  simulated: boolean      // a move to/from the simulated cuda device: host memory, not a GPU
}

/** memcpy GB/s measured at one size (src/profiler/node/peak.ts). */
export interface PeakPoint { bytes: number; gbps: number }

/** What a rate is compared with: memcpy peaks by size, one figure, or nothing. */
export type PeakRef = readonly PeakPoint[] | number | null

/** Pinned host<->device transfer peaks of a real GPU (src/profiler/node/device-peak.ts). */
export interface DevicePeak {
  version: 1
  device: string
  simulated: boolean
  bytes: number
  repeats: number
  h2dPinnedGbps: number
  d2hPinnedGbps: number
  method: string
  measuredAt: string
  host: string
}

/** Median and spread of repeated timings (seconds). */
export interface TimingStats {
  n: number
  median: number
  min: number
  max: number
}

/** Ids of the operations a sweep can run (src/profiler/node/operations.ts defines each). */
export type SweepOpId =
  | 'from_numpy' | 'numpy' | 'tensor' | 'clone' | 'contiguous_T' | 'contiguous_permute'
  | 'cuda_pageable' | 'cuda_pinned' | 'cpu' | 'cpu_non_blocking'

export interface SweepSpec {
  ops: SweepOpId[]
  sizes: number[]         // bytes per operand (rounded down to whole elements of the op's shape)
  repeats: number         // timed runs per (op, size); at least 3, so no figure comes from one run
  warmup: number          // untimed runs first
}

/** One (op, size) cell of a sweep: the median of `repeats` runs with its min–max. */
export interface SweepRow {
  op: SweepOpId
  label: string           // the Python line it times, e.g. 'x.T.contiguous()'
  kind: OpKind
  bytes: number           // the operand's size in bytes
  shape: number[]
  dtype: string
  copied: boolean
  bytesMoved: number      // bytes the op copied (0 for zero-copy)
  kernel: string
  reason: string
  simulated: boolean
  repeats: number
  seconds: TimingStats    // engine-measured seconds of the op (OpReport.seconds)
  gbps: number | null     // bytesMoved / median seconds
  gbpsMin: number | null  // from the slowest run
  gbpsMax: number | null  // from the fastest run
  peakFraction: number | null
  skipped: string | null  // why this cell did not run ('' never: null when it ran)
  numpy?: NumpyTiming | null
}

/** NumPy's equivalent of a sweep cell, timed in the same run (null when it has none). */
export interface NumpyTiming {
  expr: string            // e.g. 'np.ascontiguousarray(a.T)'
  seconds: TimingStats
  ratio: number | null    // NumPy median / ours: > 1 means ours is faster
}

export interface SweepProgress {
  done: number            // (op, size) cells finished
  total: number
  op: SweepOpId | null
  bytes: number | null
}

export interface SweepResult {
  spec: SweepSpec
  rows: SweepRow[]
  cancelled: boolean
  peakGbps: number | null
  startedAt: string       // ISO time
  seconds: number         // wall time of the whole sweep
  numpyNote?: string      // whether NumPy's equivalents were timed in the same run, and why not
}
