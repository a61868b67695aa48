// `stridescope run FILE.py`: runs a NumPy/PyTorch snippet on the engine and prints what
// CPython prints. Program output goes to stdout as it is printed; warnings and an uncaught
// exception's traceback go to stderr, and an uncaught exception exits with status 1.
import { existsSync, readFileSync, writeSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Worker } from 'node:worker_threads'
import { INTERRUPT_STOP, INTERRUPT_TIMEOUT, RUNNER_STACK_MB, newInterruptFlag } from '../../runner/types'
import type { RunProgramData, RunProgramMessage } from '../run-program'
import { HELP, parseCommandArgs, runCommand, UsageError } from '../args'
import { parseByteSize } from '../../shared/byte-size'
import type { MemoryCaps } from '../../shared/protocol'

export const describe = 'run a Python snippet (NumPy/PyTorch subset) on the engine, printing what CPython prints'
export const usage = `stridescope run [--simulate-cuda] [--timeout S] [--memory-cap [cpu=|cuda=]SIZE] FILE.py|-

  FILE.py           the program to run; - reads it from stdin
  --simulate-cuda   enable the simulated cuda:0 device (torch.cuda.is_available() is True)
  --timeout S       stop the program after S seconds (no limit by default; Ctrl-C raises KeyboardInterrupt)
  --memory-cap SIZE what the program's arrays and tensors may hold per device (default: half of RAM);
                    SIZE such as 4G, 512M, 1.5GiB or bytes; cpu=SIZE or cuda=SIZE caps one device type
                    (repeat the flag for both). An allocation past it raises NumPy's/PyTorch's out-of-memory error.
  -h, --help        print this help

Exit status: 0 when the program ran, 1 on an uncaught exception, 2 on a usage error,
124 when --timeout stopped it, 130 on an uncaught KeyboardInterrupt (Ctrl-C).`

export interface RunArgs { file: string; simulateCuda: boolean; timeout: number | null; memoryCaps: MemoryCaps; help: boolean }

export function parseRunArgs(argv: string[]): RunArgs {
  const { values, positionals } = parseCommandArgs(argv, {
    options: { 'simulate-cuda': { type: 'boolean' }, timeout: { type: 'string' }, 'memory-cap': { type: 'string', multiple: true }, ...HELP },
    allowPositionals: true,
  })
  const args: RunArgs = {
    file: positionals[0] ?? '', simulateCuda: values['simulate-cuda'] ?? false, timeout: null, memoryCaps: { cpu: null, cuda: null }, help: values.help ?? false,
  }
  if (args.help) return args
  for (const cap of values['memory-cap'] ?? []) parseMemoryCap(cap, args.memoryCaps)
  if (values.timeout !== undefined) {
    args.timeout = Number(values.timeout)
    if (!Number.isFinite(args.timeout) || args.timeout <= 0) throw new UsageError('--timeout needs a positive number of seconds')
  }
  if (positionals.length > 1) throw new UsageError(`unexpected argument '${positionals[1]}'`)
  if (positionals.length === 0) throw new UsageError('missing FILE.py')
  return args
}

/** `--memory-cap [cpu=|cuda=]SIZE` into `caps` (no device: both). */
function parseMemoryCap(text: string, caps: MemoryCaps): void {
  const m = /^(?:(cpu|cuda)=)?(.*)$/.exec(text)!
  const bytes = parseByteSize(m[2])
  if (bytes === null || bytes === 0) throw new UsageError(`--memory-cap needs a size such as 4G, 512M or a number of bytes, got '${text}'`)
  if (m[1] !== 'cuda') caps.cpu = bytes
  if (m[1] !== 'cpu') caps.cuda = bytes
}

export const main = (argv: string[]) => runCommand('run', { describe, usage }, argv, parseRunArgs, run)

async function run(args: RunArgs): Promise<number> {
  let source: string
  try {
    source = args.file === '-' ? readFileSync(0, 'utf8') : readFileSync(args.file, 'utf8')
  } catch (e) {
    // CPython's own wording for a missing script.
    process.stderr.write(`stridescope run: can't open file '${args.file}': ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? '[Errno 2] No such file or directory' : (e as Error).message}\n`)
    return 2
  }
  const data: RunProgramData = {
    source,
    filename: args.file === '-' ? '<stdin>' : args.file,
    simulateCuda: args.simulateCuda,
    memoryCaps: args.memoryCaps,
    interruptFlag: newInterruptFlag(),
    timeoutMessage: `the program ran longer than --timeout ${args.timeout} s`,
  }
  // The program's code is loaded here first: it also holds the engine calls that make this thread fit.
  const program = loadProgram()
  const here = program.growMainThreadStack(RUNNER_STACK_MB)
  const errorType = here ? runHere(program, data, args.timeout) : await runOnThread(data, args.timeout)
  const status = errorType === 'TimeoutError' ? 124 : errorType === 'KeyboardInterrupt' ? 130 : errorType ? 1 : 0
  // All output is written (synchronously, see runHere): end the process now instead of tearing
  // down the runtime, the heap and the engine's handles one by one (~10 ms); the system reclaims
  // them at once. 'exit' listeners still run.
  if (here && ![...queued.values()].some((stream) => stream.writableLength)) process.exit(status)
  return status
}

/**
 * Runs the program on this (the main) thread, whose stack growStack made deep enough: starting
 * a thread for it would cost a second boot of Node's runtime, most of a short run's start-up.
 * The event loop does not turn while the program runs, so Ctrl-C and --timeout write the stop
 * flag natively (watchInterrupts), and output is written as it is printed (writeOut).
 * Returns the uncaught exception's type.
 */
function runHere(program: RunProgramModule, data: RunProgramData, timeout: number | null): string | null {
  let errorType: string | null = null
  try {
    program.runProgram(data, (m: RunProgramMessage) => {
      if (m.type === 'stdout') writeOut(1, m.text)
      else if (m.type === 'stderr') writeOut(2, m.text)
      else if (m.type === 'started') program.watchInterrupts(data.interruptFlag, timeout)
      else {
        program.unwatchInterrupts()
        errorType = m.errorType
      }
    })
  } finally {
    program.unwatchInterrupts()
  }
  return errorType
}

/** process.stdout / process.stderr by descriptor, once a write went through them: they may hold bytes not yet written. */
const queued = new Map<number, NodeJS.WriteStream>()

/**
 * Program output (fd 1) or its traceback (fd 2), written at once by write(2): no stream is set
 * up for it. A reader that went away (EPIPE) ends the run quietly, as `stridescope run x.py | head`
 * would end Python. A descriptor that would block (a non-blocking pipe) gets the rest, and all
 * later output, through its process stream, which queues it.
 */
function writeOut(fd: 1 | 2, text: string): void {
  const stream = queued.get(fd)
  if (!stream) {
    const bytes = Buffer.from(text, 'utf8')
    let done = 0
    try {
      while (done < bytes.length) done += writeSync(fd, bytes, done)
      return
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code
      if (code === 'EPIPE') process.exit(0)
      if (code !== 'EAGAIN') throw e
    }
    // Reading process.stdout / process.stderr is what sets the stream up: only here.
    const made = fd === 1 ? process.stdout : process.stderr
    queued.set(fd, made)
    made.on('error', (e: NodeJS.ErrnoException) => { if (e.code === 'EPIPE') process.exit(0); throw e })
    made.write(bytes.subarray(done))
    return
  }
  stream.write(text)
  // A failed write marks the stream errored at once but emits 'error' on a later turn of the
  // event loop, which does not come while the program runs.
  if ((stream.errored as NodeJS.ErrnoException | null)?.code === 'EPIPE') process.exit(0)
}

/** run-program.js beside this bundle (scripts/build-cli.cjs), through its code cache; else the TypeScript source. */
type RunProgramModule = typeof import('../run-program')

function loadProgram(): RunProgramModule {
  const here = typeof __dirname !== 'undefined' ? __dirname : dirname(fileURLToPath(import.meta.url))
  const req = createRequire(typeof __filename !== 'undefined' ? __filename : import.meta.url)
  const bundled = join(here, 'run-program.js')
  const loader = join(here, 'code-cache.js')
  if (existsSync(bundled) && existsSync(loader)) return req(loader).runBundle(bundled, { afterRun: true })
  // Not bundled (tsx): a path the bundler does not follow, so run-program stays out of main.js.
  return req(join(here, '..', 'run-program'))
}

/**
 * Runs the program on a thread of its own, with the runner's stack: where the main thread's
 * cannot grow. The main thread turns Ctrl-C and --timeout into writes of the stop flag.
 */
async function runOnThread(data: RunProgramData, timeout: number | null): Promise<string | null> {
  // `stridescope run x.py | head`: a closed pipe ends the output quietly, as it would for Python.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => { if (e.code === 'EPIPE') process.exit(0); throw e })
  const flag = data.interruptFlag
  const worker = startRunWorker(data)
  // Ctrl-C: KeyboardInterrupt at the program's next step; a second one, while the first is
  // still unanswered, ends the process as an unhandled SIGINT would.
  const onSigint = () => {
    if (Atomics.load(flag, 0) === INTERRUPT_STOP) process.exit(130)
    Atomics.store(flag, 0, INTERRUPT_STOP)
  }
  process.on('SIGINT', onSigint)
  let timer: NodeJS.Timeout | null = null
  try {
    return await new Promise<string | null>((resolve, reject) => {
      worker.on('message', (m: RunProgramMessage) => {
        if (m.type === 'stdout') process.stdout.write(m.text)
        else if (m.type === 'stderr') process.stderr.write(m.text)
        else if (m.type === 'started') {
          if (timeout !== null) timer = setTimeout(() => Atomics.store(flag, 0, INTERRUPT_TIMEOUT), timeout * 1000)
        } else {
          resolve(m.errorType)
        }
      })
      worker.on('error', reject)
      worker.on('exit', code => reject(new Error(`the program's thread stopped (exit code ${code})`)))
    })
  } finally {
    if (timer) clearTimeout(timer)
    process.off('SIGINT', onSigint)
    await worker.terminate()
  }
}

/** The program's thread: the bundle's run-worker.js beside out/cli/main.js, else the TypeScript source through tsx's hook. */
function startRunWorker(data: RunProgramData): Worker {
  const here = typeof __dirname !== 'undefined' ? __dirname : dirname(fileURLToPath(import.meta.url))
  const bundled = join(here, 'run-worker.js')
  const options = { workerData: data, resourceLimits: { stackSizeMb: RUNNER_STACK_MB } }
  // Through the loader copied beside it, which keeps the bundle's compiled code cached.
  const loader = join(here, 'code-cache.js')
  if (existsSync(bundled) && existsSync(loader)) {
    return new Worker(`require(${JSON.stringify(loader)}).runBundle(${JSON.stringify(bundled)}, { afterRun: true })`, { ...options, eval: true })
  }
  if (existsSync(bundled)) return new Worker(bundled, options)
  const req = createRequire(typeof __filename !== 'undefined' ? __filename : import.meta.url)
  return new Worker(join(here, '..', 'run-worker.ts'), { ...options, execArgv: ['--require', req.resolve('tsx/cjs')] })
}
