// The thread `stridescope run` runs its program on (./commands/run.ts): the main
// thread stays free to turn Ctrl-C and --timeout into writes of the stop flag,
// and the thread's stack is large enough for CPython's 1000 frames.
import { parentPort, workerData } from 'node:worker_threads'
import { Runner } from '../runner'
import { setMemoryCap } from '../engine'
import type { MemoryCaps } from '../shared/protocol'

export interface RunWorkerData {
  source: string
  filename: string
  simulateCuda: boolean
  /** --memory-cap per device type, bytes; null: the engine's default (half of RAM). */
  memoryCaps: MemoryCaps
  interruptFlag: Int32Array
  timeoutMessage: string
}

export type RunWorkerMessage =
  /** The program starts now (the thread has loaded): --timeout counts from here. */
  | { type: 'started' }
  | { type: 'stdout'; text: string }
  | { type: 'done'; stderr: string; errorType: string | null }

const port = parentPort
if (!port) throw new Error('run-worker must run in a worker thread')
// A thread bin/stridescope started before the program was known (see ./spare-thread) gets it
// as its first message; one started with the program has it as its workerData.
if (workerData) runProgram(workerData as RunWorkerData)
else port.once('message', (data: RunWorkerData) => runProgram(data))

function runProgram(data: RunWorkerData): void {
  const out = port!
  const runner = new Runner({
    simulateCuda: data.simulateCuda,
    interruptFlag: data.interruptFlag,
    timeoutMessage: data.timeoutMessage,
    onStdout: (text) => out.postMessage({ type: 'stdout', text } satisfies RunWorkerMessage),
  })
  // The caps are this thread's (native/core/memory_cap.h): set them here, where the program runs.
  if (data.memoryCaps.cpu !== null) setMemoryCap('cpu', data.memoryCaps.cpu)
  if (data.memoryCaps.cuda !== null) setMemoryCap('cuda', data.memoryCaps.cuda)
  out.postMessage({ type: 'started' } satisfies RunWorkerMessage)
  const result = runner.run(data.source, data.filename)
  flushCodeCache()
  out.postMessage({ type: 'done', stderr: result.stderr, errorType: result.error?.type ?? null } satisfies RunWorkerMessage)
}

/**
 * When scripts/code-cache.cjs loaded this bundle without a usable cache, it left the
 * function that writes one: called once the program ran, the cache holds what start-up
 * compiled, and the thread is not terminated mid-write (the parent waits for 'done').
 */
function flushCodeCache(): void {
  const key = Symbol.for('stridescope.codeCache.flush')
  const slot = globalThis as unknown as Record<symbol, (() => void) | undefined>
  const flush = slot[key]
  slot[key] = undefined
  flush?.()
}
