// `stridescope serve`: browser mode. Serves the built renderer and the session
// on 127.0.0.1 behind a random token, and prints the URL to open on one line:
//   Stridescope is serving at http://127.0.0.1:PORT/?token=TOKEN
import { existsSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { startServer } from '../../server'
import { startSessionWorker } from '../../session/worker-service'
import { HELP, parseCommandArgs, runCommand, UsageError } from '../args'

export const describe = 'serve the app to a web browser on 127.0.0.1 (the URL carries an access token)'
export const usage = `stridescope serve [--port N] [--simulate-cuda] [--renderer DIR] [--workdir DIR]

  --port N          port on 127.0.0.1 (default 0: any free port)
  --simulate-cuda   enable the simulated cuda:0 device
  --renderer DIR    built renderer to serve (default: out/renderer; build it with \`npx electron-vite build\`)
  --workdir DIR     the working folder: np.save/np.load and the other file functions resolve relative
                    paths inside it and refuse those that leave it (default: the current directory)
  -h, --help        print this help

Prints "Stridescope is serving at http://127.0.0.1:PORT/?token=..." and serves until interrupted.`

export interface ServeArgs {
  port: number
  simulateCuda: boolean
  rendererDir: string
  /** Relative paths of the programs' file functions resolve inside it (src/runner/lib/working_folder.ts). */
  workingFolder: string
  help: boolean
}

/** The checkout: the first folder above this file with a package.json (from src/cli/commands or the out/cli bundle). */
function repoRoot(): string {
  const here = typeof __dirname !== 'undefined' ? __dirname : dirname(fileURLToPath(import.meta.url))
  for (let dir = here; dirname(dir) !== dir; dir = dirname(dir)) if (existsSync(join(dir, 'package.json'))) return dir
  return resolve(here, '..', '..', '..')
}

/** Parses serve's arguments; throws an Error whose message is the usage problem. */
export function parseServeArgs(argv: string[]): ServeArgs {
  const { values } = parseCommandArgs(argv, {
    options: { port: { type: 'string' }, 'simulate-cuda': { type: 'boolean' }, renderer: { type: 'string' }, workdir: { type: 'string' }, ...HELP },
  })
  const args: ServeArgs = {
    port: 0,
    simulateCuda: values['simulate-cuda'] ?? false,
    rendererDir: values.renderer !== undefined ? resolve(values.renderer) : join(repoRoot(), 'out', 'renderer'),
    workingFolder: resolve(values.workdir ?? '.'),
    help: values.help ?? false,
  }
  if (!args.help && !existsSync(args.workingFolder)) throw new UsageError(`--workdir: no such folder '${args.workingFolder}'`)
  if (values.port !== undefined && !args.help) {
    const v = values.port
    args.port = Number(v)
    if (!/^\d+$/.test(v) || args.port > 65535) throw new UsageError(`--port must be an integer from 0 to 65535, got '${v}'`)
  }
  return args
}

export const main = (argv: string[]) => runCommand('serve', { describe, usage }, argv, parseServeArgs, serve)

async function serve(args: ServeArgs): Promise<number> {
  if (!existsSync(join(args.rendererDir, 'index.html'))) {
    console.error(`stridescope serve: warning: no built renderer in ${args.rendererDir}; run \`npx electron-vite build\` first`)
  }
  // The session runs in a worker thread, so a long run never stalls the server.
  const session = startSessionWorker({ simulateCuda: args.simulateCuda, workingFolder: args.workingFolder })
  let server
  try {
    server = await startServer({ session, rendererDir: args.rendererDir, port: args.port, advertise: true })
  } catch (e) {
    console.error(`stridescope serve: cannot listen on 127.0.0.1:${args.port}: ${(e as Error).message}`)
    await session.dispose()
    return 1
  }
  console.log(`Stridescope is serving at ${server.url}`)
  await new Promise<void>((resolveStop) => {
    process.once('SIGINT', resolveStop)
    process.once('SIGTERM', resolveStop)
  })
  await server.close()
  await session.dispose()
  return 0
}
