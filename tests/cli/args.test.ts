// Every subcommand parses with node:util parseArgs (src/cli/args.ts): --help prints its
// usage and exits 0, a bad option names the problem and exits 2 with the usage.
import { spawnSync } from 'node:child_process'
import { resolve } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { parseCommandArgs } from '../../src/cli/args'
import { commandNames, type Command } from '../../src/cli/main'
import * as inspect from '../../src/cli/commands/inspect'
import * as profile from '../../src/cli/commands/profile'
import * as run from '../../src/cli/commands/run'
import * as serve from '../../src/cli/commands/serve'

const COMMANDS: Record<string, Command> = { inspect, profile, run, serve }

async function call(cmd: Command, argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = ''
  let err = ''
  vi.spyOn(process.stdout, 'write').mockImplementation((s) => { out += String(s); return true })
  vi.spyOn(process.stderr, 'write').mockImplementation((s) => { err += String(s); return true })
  try {
    return { code: await cmd.main(argv), out, err }
  } finally {
    vi.restoreAllMocks()
  }
}

afterEach(() => vi.restoreAllMocks())

describe('subcommand arguments', () => {
  it('covers every command present', () => {
    expect(Object.keys(COMMANDS).sort()).toEqual(commandNames())
  })

  for (const [name, cmd] of Object.entries(COMMANDS)) {
    it(`${name} --help and -h print the usage, every option in it, and exit 0`, async () => {
      for (const flag of ['--help', '-h']) {
        const r = await call(cmd, [flag])
        expect(r.code).toBe(0)
        expect(r.err).toBe('')
        expect(r.out).toBe(`usage: ${cmd.usage}\n\n${cmd.describe}\n`)
      }
      const options = cmd.usage.match(/--[a-z-]+/g)!
      expect(options).toContain('--help')
    })

    it(`${name} refuses an unknown option with exit 2 and the usage`, async () => {
      const r = await call(cmd, ['--frobnicate'])
      expect(r.code).toBe(2)
      expect(r.out).toBe('')
      expect(r.err).toBe(`stridescope ${name}: unknown option '--frobnicate'\n\nusage: ${cmd.usage}\n`)
    })
  }

  it('names a missing value, a value given to a flag, and a stray argument', async () => {
    expect((await call(run, ['--timeout'])).err).toMatch(/^stridescope run: --timeout needs a value\n/)
    expect((await call(serve, ['--simulate-cuda=yes'])).err).toMatch(/^stridescope serve: --simulate-cuda takes no value\n/)
    expect((await call(serve, ['extra'])).err).toMatch(/^stridescope serve: unexpected argument 'extra'\n/)
    expect((await call(inspect, ['a.npy', 'b.npy'])).err).toMatch(/^stridescope inspect: unexpected argument 'b.npy'\n/)
    expect((await call(inspect, ['--values', '-1', 'a.npy'])).err).toMatch(/^stridescope inspect: --values needs an integer >= 0\n/)
  })

  it('a string option takes a dash-led value; a known option after it is not a value', () => {
    const opts = { options: { n: { type: 'string' }, json: { type: 'boolean' } }, allowPositionals: true } as const
    expect(parseCommandArgs(['--n', '-3'], opts).values.n).toBe('-3')
    expect(() => parseCommandArgs(['--n', '--json'], opts)).toThrow('--n needs a value')
    expect(parseCommandArgs(['--', '--json'], opts).positionals).toEqual(['--json'])
  })

  it('bin/stridescope passes --help through to the command', () => {
    const BIN = resolve(__dirname, '..', '..', 'bin', 'stridescope')
    const r = spawnSync(process.execPath, [BIN, 'inspect', '--help'], { encoding: 'utf8', timeout: 60_000 })
    expect(r.status).toBe(0)
    expect(r.stdout).toBe(`usage: ${inspect.usage}\n\n${inspect.describe}\n`)
  })
})
