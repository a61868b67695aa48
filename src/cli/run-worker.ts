// The thread `stridescope run` runs its program on where the main thread cannot
// (./commands/run.ts): the main thread then stays free to turn Ctrl-C and --timeout
// into writes of the stop flag, and the thread gets the runner's stack.
import { parentPort, workerData } from 'node:worker_threads'
import { runProgram, type RunProgramData, type RunProgramMessage } from './run-program'

const port = parentPort
if (!port) throw new Error('run-worker must run in a worker thread')
runProgram(workerData as RunProgramData, (m: RunProgramMessage) => port.postMessage(m))
