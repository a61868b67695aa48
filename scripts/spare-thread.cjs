// `stridescope run` spends most of its start-up booting the thread its program runs on
// (Node's own bootstrap of a worker is most of it). bin/stridescope therefore starts that
// thread first, before it checks and loads the command-line bundle, and the two boot side
// by side: the launcher then hands the thread its bundle (scripts/build-cli.cjs), and the
// run command hands it the program (adoptSpareThread in src/cli/commands/run.ts), which
// starts a thread of its own instead when there is no usable spare.
'use strict'

/** Where the spare waits for run.ts: { worker, stackSizeMb, failed }. */
const SPARE = Symbol.for('stridescope.spareRunThread')
/** The program thread's stack: RUNNER_STACK_MB in src/runner/types.ts (a test keeps them equal). */
const STACK_SIZE_MB = 32

/** Starts the spare thread; it waits for its bundle, then the bundle waits for its program. */
function startSpareThread() {
  const { Worker } = require('node:worker_threads')
  const worker = new Worker(
    "require('node:worker_threads').parentPort.once('message', (m) => require(m.loader).runBundle(m.bundle))",
    { eval: true, resourceLimits: { stackSizeMb: STACK_SIZE_MB } }
  )
  // Until run.ts adopts it, the spare keeps nothing alive (a usage error exits at once)
  // and a failure is noted for run.ts instead of ending the process.
  worker.unref()
  const spare = { worker, stackSizeMb: STACK_SIZE_MB, failed: false }
  worker.once('error', () => { spare.failed = true })
  worker.once('exit', () => { spare.failed = true })
  globalThis[SPARE] = spare
}

/** Gives the spare the bundle to load (`loader` runs `bundle` with its code cache), or ends it when there is none. */
function handOverBundle(loader, bundle) {
  const spare = globalThis[SPARE]
  if (!spare) return
  if (loader && bundle) spare.worker.postMessage({ loader, bundle })
  else {
    globalThis[SPARE] = undefined
    spare.worker.terminate()
  }
}

module.exports = { startSpareThread, handOverBundle, SPARE, STACK_SIZE_MB }
