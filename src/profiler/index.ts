/**
 * The profiler: what every conversion, copy and transfer costs (issue 7).
 *
 *   profileRecord(opRecord, peak)      → ProfiledOp: kind, copied and why, bytes, GB/s, % of peak
 *   runSweep(spec, { onProgress, signal, simulateCuda, peak }) → SweepResult (median, min–max per cell)
 *   memcpyPeak({ remeasure })          → this machine's memcpy GB/s by size, cached in ~/.cache/stridescope/peak.json
 *   compareWithNumpy(rows, warmup, repeats) → NumPy's equivalents timed in the same run
 *   sweepToCsv / sweepFromCsv / sweepToJson / opLogToCsv; sweepTable for the terminal
 *
 * This folder is pure (types, stats, classify, export, sizes, table): nothing from
 * Node or the engine, so the renderer imports it. What measures (sweeps, peaks,
 * NumPy timing, device moves) needs Node and the engine and lives in ./node,
 * whose index re-exports this one for the session and the CLI.
 */
export * from './types'
export * from './stats'
export * from './classify'
export * from './export'
export * from './sizes'
export { sweepTable, formatSeconds } from './table'
export * from './rates'
