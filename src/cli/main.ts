// `stridescope <command> ...`: finds the subcommands in ./commands (each exports
// { describe, usage, main(argv): Promise<number> }) and runs the one asked for;
// each parses its own arguments (./args), --help included.
import { readdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

export interface Command {
  describe: string
  usage: string
  main(argv: string[]): Promise<number>
}

function commandsDir(): string {
  const here = typeof __dirname !== 'undefined' ? __dirname : dirname(fileURLToPath(import.meta.url))
  return join(here, 'commands')
}

/** Names of the subcommands present (serve, inspect and profile come from other parts of the app). */
export function commandNames(): string[] {
  return readdirSync(commandsDir())
    .filter(f => /\.ts$/.test(f) && !f.endsWith('.d.ts'))
    .map(f => f.replace(/\.ts$/, ''))
    .sort()
}

export async function loadCommand(name: string): Promise<Command | null> {
  if (!commandNames().includes(name)) return null
  // Under bin/stridescope (tsx's CommonJS hook) require() compiles .ts; elsewhere import() does.
  const path = join(commandsDir(), `${name}.ts`)
  const mod = (typeof require !== 'undefined' ? require(path) : await import(path)) as Partial<Command> & { default?: Partial<Command> }
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
      process.stderr.write(`stridescope: ${err instanceof Error ? err.stack ?? err.message : String(err)}\n`)
      process.exitCode = 1
    },
  )
}
