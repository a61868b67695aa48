// What a run reports: the plain records the session, CLI and library code share.
// Apart from index.ts so that library code can name them without importing the Runner.
import type { OpReport, WrittenRegion } from '../engine/types'

export interface PyErrorInfo { type: string; message: string; traceback: string; line: number | null }
export interface OpRecord extends OpReport { line: number; source: string; resultId: number | null; inputIds: number[]; wrote?: WrittenRegion
  /** The Python expression that ran it, in the program's words (`np.zeros(...)`, `z.T`), and that expression's run number. */
  userOp?: string; userOpSeq?: number }
export interface RunResult { stdout: string; stderr: string; error: PyErrorInfo | null; ops: OpRecord[] }

// ---- stopping a run (./interp/interrupt): what the threads around a runner share ----

/** The stop flag's values: nothing asked; Stop / Ctrl-C (KeyboardInterrupt); --timeout (the run ends). */
export const INTERRUPT_NONE = 0
export const INTERRUPT_STOP = 1
export const INTERRUPT_TIMEOUT = 2

/** A run's stop flag: one Int32Array element over a SharedArrayBuffer, so any thread can write it. */
export function newInterruptFlag(): Int32Array {
  return new Int32Array(new SharedArrayBuffer(4))
}

/**
 * The stack a thread that runs Python needs: CPython's recursion limit is 1000 frames, and a
 * tree-walking interpreter spends far more native stack per frame than Node's default (under
 * 1 MB) allows. Threads that run programs (the session worker, `stridescope run`'s) get this much.
 */
export const RUNNER_STACK_MB = 32
