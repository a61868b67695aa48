// `stridescope <command> ...`: the subcommands in ./commands (each exports
// { describe, usage, main(argv): Promise<number> }) and runs the one asked for;
// each parses its own arguments (./args), --help included. Each command's modules
// load only when it runs (`run` never loads the server), also in the bundle
// bin/stridescope runs (scripts/build-cli.cjs).

export interface Command {
  describe: string
  usage: string
  main(argv: string[]): Promise<number>
}

type CommandModule = Partial<Command> & { default?: Partial<Command> }

/** Every subcommand: a file in ./commands, imported when used. */
const COMMAND_MODULES: Record<string, () => Promise<CommandModule>> = {
  inspect: () => import('./commands/inspect'),
  profile: () => import('./commands/profile'),
  run: () => import('./commands/run'),
  serve: () => import('./commands/serve'),
}

/** Names of the subcommands (serve, inspect and profile come from other parts of the app). */
export function commandNames(): string[] {
  return Object.keys(COMMAND_MODULES).sort()
}

export async function loadCommand(name: string): Promise<Command | null> {
  if (!Object.hasOwn(COMMAND_MODULES, name)) return null
  const mod = await COMMAND_MODULES[name]()
  const c = typeof mod.main === 'function' ? mod : mod.default
  return c && typeof c.main === 'function' ? (c as Command) : null
}

export async function helpText(): Promise<string> {
  const lines = ['usage: stridescope <command> [options]', '', 'commands:']
  const cmds: [string, Command][] = []
  for (const n of commandNames()) {
    const c = await loadCommand(n)
    if (c) cmds.push([n, c])
  }
  const w = Math.max(...cmds.map(([n]) => n.length))
  for (const [n, c] of cmds) lines.push(`  ${n.padEnd(w)}  ${c.describe}`)
  lines.push('')
  for (const [, c] of cmds) lines.push(`usage: ${c.usage.trimEnd()}`, '')
  lines.push('`stridescope <command> --help` prints one command\'s usage.')
  return lines.join('\n') + '\n'
}

export async function cli(argv: string[]): Promise<number> {
  const [name, ...rest] = argv
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(await helpText())
    return name ? 0 : 2
  }
  const cmd = await loadCommand(name)
  if (!cmd) {
    process.stderr.write(`stridescope: unknown command '${name}'\n\n${await helpText()}`)
    return 2
  }
  return cmd.main(rest)
}

const isEntry = typeof require !== 'undefined' && typeof module !== 'undefined' ? require.main === module || /bin[\\/]stridescope$/.test(process.argv[1] ?? '') : true
if (isEntry) {
  cli(process.argv.slice(2)).then(
    code => { process.exitCode = code },
    err => {
      process.stderr.write(`stridescope: ${unexpectedErrorText(err, process.env.STRIDESCOPE_DEBUG === '1')}\n`)
      process.exitCode = 1
    },
  )
}

/**
 * What the command line says about an error no command turned into a message: its type and
 * text, not a JavaScript stack (STRIDESCOPE_DEBUG=1 adds the stack, for a bug report).
 */
export function unexpectedErrorText(err: unknown, debug: boolean): string {
  if (!(err instanceof Error)) return `internal error: ${String(err)}`
  const text = err instanceof RangeError && /call stack/i.test(err.message)
    ? 'RecursionError: maximum recursion depth exceeded'
    : `internal error: ${err.name}: ${err.message}`
  return debug && err.stack ? `${text}\n${err.stack}` : `${text} (STRIDESCOPE_DEBUG=1 shows where)`
}
