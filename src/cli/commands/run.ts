// `stridescope run FILE.py`: runs a NumPy/PyTorch snippet on the engine and prints what
// CPython prints. Program output goes to stdout as it is printed; warnings and an uncaught
// exception's traceback go to stderr, and an uncaught exception exits with status 1.
import { readFileSync } from 'node:fs'
import { Runner, DEFAULT_OP_BUDGET } from '../../runner'
import { HELP, parseCommandArgs, runCommand, UsageError } from '../args'

export const describe = 'run a Python snippet (NumPy/PyTorch subset) on the engine, printing what CPython prints'
export const usage = `stridescope run [--simulate-cuda] [--op-budget N] FILE.py|-

  FILE.py           the program to run; - reads it from stdin
  --simulate-cuda   enable the simulated cuda:0 device (torch.cuda.is_available() is True)
  --op-budget N     stop the program after N steps (default ${DEFAULT_OP_BUDGET}), so that loops cannot hang
  -h, --help        print this help

Exit status: 0 when the program ran, 1 on an uncaught exception, 2 on a usage error.`

export interface RunArgs { file: string; simulateCuda: boolean; opBudget: number; help: boolean }

export function parseRunArgs(argv: string[]): RunArgs {
  const { values, positionals } = parseCommandArgs(argv, {
    options: { 'simulate-cuda': { type: 'boolean' }, 'op-budget': { type: 'string' }, ...HELP },
    allowPositionals: true,
  })
  const args = { file: positionals[0] ?? '', simulateCuda: values['simulate-cuda'] ?? false, opBudget: DEFAULT_OP_BUDGET, help: values.help ?? false }
  if (args.help) return args
  if (values['op-budget'] !== undefined) {
    args.opBudget = Number(values['op-budget'])
    if (!Number.isInteger(args.opBudget) || args.opBudget <= 0) throw new UsageError('--op-budget needs a positive integer')
  }
  if (positionals.length > 1) throw new UsageError(`unexpected argument '${positionals[1]}'`)
  if (positionals.length === 0) throw new UsageError('missing FILE.py')
  return args
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
  // `stridescope run x.py | head`: a closed pipe ends the output quietly, as it would for Python.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => { if (e.code === 'EPIPE') process.exit(0); throw e })
  const runner = new Runner({ simulateCuda: args.simulateCuda, opBudget: args.opBudget, onStdout: s => process.stdout.write(s) })
  const result = runner.run(source, args.file === '-' ? '<stdin>' : args.file)
  if (result.stderr) process.stderr.write(result.stderr)
  return result.error ? 1 : 0
}
