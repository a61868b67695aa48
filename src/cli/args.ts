// Argument parsing shared by the subcommands: node:util parseArgs in strict mode, its
// errors turned into the short usage messages the commands print before their usage.
import { parseArgs, type ParseArgsConfig } from 'node:util'

/** A usage problem; the message names it (`unknown option '--fast'`). */
export class UsageError extends Error {}

type Config = Required<Pick<ParseArgsConfig, 'options'>> & Pick<ParseArgsConfig, 'allowPositionals'>

/**
 * Parses `argv` against `config` (strict: unknown options and stray arguments are
 * usage errors). A string option takes the next argument as its value even when it
 * starts with a dash (`--timeout -3`), so the option's own check names the problem.
 */
export function parseCommandArgs<const T extends Config>(argv: string[], config: T): ReturnType<typeof parseArgs<T & { args: string[] }>> {
  const takesValue = (arg: string) => {
    const name = arg.startsWith('--') ? arg.slice(2) : Object.keys(config.options).find((k) => arg === `-${config.options[k].short}`)
    return name !== undefined && config.options[name]?.type === 'string'
  }
  const args: string[] = []
  for (let i = 0; i < argv.length; i++) {
    const next = argv[i + 1]
    if (argv[i] === '--') { args.push(...argv.slice(i)); break }
    if (takesValue(argv[i]) && next !== undefined && next.startsWith('-') && !isOption(next, config)) {
      args.push(`${argv[i]}=${next}`)
      i++
    } else args.push(argv[i])
  }
  try {
    return parseArgs({ ...config, args, strict: true }) as ReturnType<typeof parseArgs<T & { args: string[] }>>
  } catch (e) {
    throw new UsageError(usageMessage(e as Error & { code?: string }))
  }
}

function isOption(arg: string, config: Config): boolean {
  const long = arg.startsWith('--') ? arg.slice(2).split('=')[0] : null
  return Object.entries(config.options).some(([name, o]) => name === long || arg === `-${o.short}`)
}

// parseArgs's messages explain how to pass a literal '-x'; the commands say what went wrong.
function usageMessage(e: Error & { code?: string }): string {
  const quoted = /'([^']*)'/.exec(e.message)?.[1] ?? ''
  switch (e.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION': return `unknown option '${quoted}'`
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL': return `unexpected argument '${quoted}'`
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE': {
      const option = quoted.replace(/ <value>$/, '').split(', ').pop()!
      return /does not take an argument/.test(e.message) ? `${option} takes no value` : `${option} needs a value`
    }
    default: return e.message
  }
}

/** The `help` option every command takes. */
export const HELP = { help: { type: 'boolean', short: 'h' } } as const

/**
 * A command's main around its parser: `--help` prints the usage (exit 0); a usage
 * error prints `stridescope NAME: problem` and the usage to stderr (exit 2).
 */
export async function runCommand<A extends { help: boolean }>(
  name: string, text: { describe: string; usage: string }, argv: string[],
  parse: (argv: string[]) => A, body: (args: A) => Promise<number>,
): Promise<number> {
  let args: A
  try {
    args = parse(argv)
  } catch (e) {
    process.stderr.write(`stridescope ${name}: ${(e as Error).message}\n\nusage: ${text.usage.trimEnd()}\n`)
    return 2
  }
  if (args.help) {
    process.stdout.write(`usage: ${text.usage.trimEnd()}\n\n${text.describe}\n`)
    return 0
  }
  return body(args)
}
