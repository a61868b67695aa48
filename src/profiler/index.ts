/**
 * The profiler: what every conversion, copy and transfer costs (issue 7).
 *
 *   profileRecord(opRecord, peak)      → ProfiledOp: kind, copied and why, bytes, GB/s, % of peak
 *   runSweep(spec, { onProgress, signal, simulateCuda, peak }) → SweepResult (median, min–max per cell)
 *   memcpyPeak({ remeasure })          → this machine's memcpy GB/s by size, cached in ~/.cache/stridescope/peak.json
 *   compareWithNumpy(rows, warmup, repeats) → NumPy's equivalents timed in the same run
 *   sweepToCsv / sweepFromCsv / sweepToJson / opLogToCsv; sweepTable for the terminal
 *
 * Pure modules (types, stats, classify, export, sizes, table) import nothing from
 * Node or the engine; the renderer uses them directly.
 */
export * from './types'
export * from './stats'
export * from './classify'
export * from './export'
export * from './sizes'
export { sweepTable, formatSeconds } from './table'
export { memcpyPeak, measureMemcpyPeak, readPeakCache, peakCacheFile, PEAK_SIZES, type PeakRecord, type PeakOptions } from './peak'
export { runSweep, checkSpec, MIN_REPEATS, MAX_REPEATS, MAX_WARMUP, type SweepOptions } from './sweep'
export { SWEEP_OPERATIONS, SWEEP_OP_IDS, sweepOperation, type SweepOperation, type PreparedOp } from './operations'
export { compareWithNumpy, type NumpyRun } from './numpy-timing'
export { cudaState, type CudaState } from './device-moves'
export { devicePeak, measureDevicePeak, devicePeakCacheFile } from './device-peak'
