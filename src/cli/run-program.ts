// The program of `stridescope run` (./commands/run.ts): one Runner over the source, its output
// reported through `emit` as it is printed. run.ts calls it on the process's main thread (bundled
// apart as out/cli/run-program.js, loaded only by `run`); ./run-worker.ts calls it on a thread of
// its own where the main thread's stack cannot be made deep enough.
import { Runner } from '../runner'
import { setMemoryCap } from '../engine'

// What ./commands/run.ts needs of the engine to run the program on the main thread.
export { growMainThreadStack, watchInterrupts, unwatchInterrupts } from '../engine'
import type { MemoryCaps } from '../shared/protocol'

export interface RunProgramData {
  source: string
  filename: string
  simulateCuda: boolean
  /** --memory-cap per device type, bytes; null: the engine's default (half of RAM). */
  memoryCaps: MemoryCaps
  interruptFlag: Int32Array
  timeoutMessage: string
}

export type RunProgramMessage =
  /** The program starts now (its code has loaded): --timeout counts from here. */
  | { type: 'started' }
  | { type: 'stdout'; text: string }
  /** Warnings and the traceback, as they are written (between the stdout they came after). */
  | { type: 'stderr'; text: string }
  | { type: 'done'; errorType: string | null }

export function runProgram(data: RunProgramData, emit: (m: RunProgramMessage) => void): void {
  const runner = new Runner({
    simulateCuda: data.simulateCuda,
    interruptFlag: data.interruptFlag,
    timeoutMessage: data.timeoutMessage,
    onStdout: (text) => emit({ type: 'stdout', text }),
    onStderr: (text) => emit({ type: 'stderr', text }),
    quoteStdinLines: false,
  })
  // The caps are this thread's (native/core/memory_cap.h): set them here, where the program runs.
  if (data.memoryCaps.cpu !== null) setMemoryCap('cpu', data.memoryCaps.cpu)
  if (data.memoryCaps.cuda !== null) setMemoryCap('cuda', data.memoryCaps.cuda)
  emit({ type: 'started' })
  const result = runner.run(data.source, data.filename)
  flushCodeCache()
  emit({ type: 'done', errorType: result.error?.type ?? null })
}

/**
 * When scripts/code-cache.cjs loaded this bundle without a usable cache, it left the
 * function that writes one: called once the program ran, the cache holds what start-up
 * compiled, and a worker thread is not terminated mid-write (its parent waits for 'done').
 */
function flushCodeCache(): void {
  const key = Symbol.for('stridescope.codeCache.flush')
  const slot = globalThis as unknown as Record<symbol, (() => void) | undefined>
  const flush = slot[key]
  slot[key] = undefined
  flush?.()
}
