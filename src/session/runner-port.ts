// What the session needs from the runner and the engine, as a narrow port.
// The real Runner (src/runner) satisfies it through ./real-runner.ts; unit tests
// may plug in their own where the real engine cannot be used.
import type { ObjectInfo, OpReport, ValueWindow, WrittenRegion } from '../engine/types'
import type { DeviceInfo, DeviceMemory } from '../shared/protocol'
import type { RunFileAccess } from '../runner'

/** An engine array/tensor as the runner hands it out. */
export interface SessionObject {
  info(): ObjectInfo
  /** Copies values of the window `start .. start+shape` (C order). Bounds are checked by the session first. */
  window(start: number[], shape: number[]): ValueWindow
  /** The engine's as_strided checks without making the view: throws what as_strided would. */
  checkAsStrided(shape: number[], strides: number[], offset: number | null): void
}

/** One op as the runner reports it: the engine's OpReport, plus where it came from when the runner knows it. */
export type RunnerOp = OpReport & { line?: number; source?: string; resultId?: number | null; inputIds?: number[]; wrote?: WrittenRegion; userOp?: string; userOpSeq?: number }

export interface RunnerOutcome {
  stdout: string
  stderr: string
  /** A Python exception: an Error with `pyType`, or `{type, message}`; null when the code ran. */
  error: unknown
  ops: RunnerOp[]
}

export interface SessionRunner {
  run(source: string, access?: RunFileAccess): RunnerOutcome | Promise<RunnerOutcome>
  variables(): { name: string; object: SessionObject }[]
  reset(): void
  /** Every name a line could use or rebind: the program's globals and the builtins. */
  namesInUse?(): string[]
  /** Turns the simulated cuda device on or off for later runs; the program's state stays. */
  setSimulateCuda?(on: boolean): void
  /** Later runs resolve relative file paths in `folder` (already checked to be a folder). */
  setWorkingFolder?(folder: string): void
  /** The program reads the file `name` from `path` (an upload's private copy, under its own name). */
  provideFile?(name: string, path: string): void
  /** Frees engine resources when the session drops this runner (e.g. on the cuda toggle). */
  dispose?(): void
}

export interface RunnerOptions {
  simulateCuda: boolean
  /** The stop flag (src/runner/interp/interrupt.ts) another thread writes to interrupt a run. */
  interruptFlag?: Int32Array
  /** Where relative file paths resolve (src/runner/lib/working_folder.ts); none: the process's. */
  workingFolder?: string
}

export type RunnerFactory = (options: RunnerOptions) => SessionRunner

/** The devices the engine reports (cpu, real cuda:N, the simulated cuda device when enabled), and why no cuda when none. */
export type DeviceLister = (options: RunnerOptions) => { devices: DeviceInfo[]; cudaUnavailableReason?: string }

/**
 * The engine's count of what this thread's program holds per device, and the caps that
 * refuse an allocation past them (native/core/memory_cap.h).
 */
export interface MemoryMeter {
  usage(): DeviceMemory[]
  /** bytes 0: the default cap (half of RAM). */
  setCap(type: 'cpu' | 'cuda', bytes: number): void
}
