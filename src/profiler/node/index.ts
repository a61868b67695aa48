// The profiler's measuring half: sweeps, memcpy and device peaks, NumPy timing and
// device moves, through the engine and Node. The session and the CLI import this;
// the renderer never does (tests/architecture/renderer-imports.test.ts).
export * from '..'
export { memcpyPeak, measureMemcpyPeak, readPeakCache, peakCacheFile, PEAK_SIZES, type PeakRecord, type PeakOptions } from './peak'
export { runSweep, checkSpec, MIN_REPEATS, MAX_REPEATS, MAX_WARMUP, type SweepOptions } from './sweep'
export { SWEEP_OPERATIONS, SWEEP_OP_IDS, sweepOperation, type SweepOperation, type PreparedOp } from './operations'
export { compareWithNumpy, type NumpyRun } from './numpy-timing'
export { cudaState, type CudaState } from './device-moves'
export { devicePeak, measureDevicePeak, devicePeakCacheFile } from './device-peak'
