// `stridescope serve`: browser mode. Serves the built renderer and the session
// on 127.0.0.1 behind a random token, and prints the URL to open on one line:
//   Stridescope is serving at http://127.0.0.1:PORT/?token=TOKEN
import { existsSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { startServer } from '../../server'
import { startSessionWorker } from '../../session/worker-service'

export const describe = 'serve the app to a web browser on 127.0.0.1 (the URL carries an access token)'
export const usage = `stridescope serve [--port N] [--simulate-cuda] [--renderer DIR]

  --port N          port on 127.0.0.1 (default 0: any free port)
  --simulate-cuda   enable the simulated cuda:0 device
  --renderer DIR    built renderer to serve (default: out/renderer; build it with \`npx electron-vite build\`)

Prints "Stridescope is serving at http://127.0.0.1:PORT/?token=..." and serves until interrupted.`

export interface ServeArgs {
  port: number
  simulateCuda: boolean
  rendererDir: string
}

function repoRoot(): string {
  const here = typeof __dirname !== 'undefined' ? __dirname : dirname(fileURLToPath(import.meta.url))
  return resolve(here, '..', '..', '..')
}

/** Parses serve's arguments; throws an Error whose message is the usage problem. */
export function parseServeArgs(argv: string[]): ServeArgs {
  const args: ServeArgs = { port: 0, simulateCuda: false, rendererDir: join(repoRoot(), 'out', 'renderer') }
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]
    const value = (name: string) => {
      const inline = a.startsWith(`${name}=`) ? a.slice(name.length + 1) : undefined
      const v = inline ?? argv[++i]
      if (v === undefined) throw new Error(`${name} needs a value`)
      return v
    }
    if (a === '--simulate-cuda') args.simulateCuda = true
    else if (a === '--port' || a.startsWith('--port=')) {
      const v = value('--port')
      const port = Number(v)
      if (!/^\d+$/.test(v) || port > 65535) throw new Error(`--port must be an integer from 0 to 65535, got '${v}'`)
      args.port = port
    } else if (a === '--renderer' || a.startsWith('--renderer=')) args.rendererDir = resolve(value('--renderer'))
    else throw new Error(`unknown option '${a}'`)
  }
  return args
}

export async function main(argv: string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(usage)
    return 0
  }
  let args: ServeArgs
  try {
    args = parseServeArgs(argv)
  } catch (e) {
    console.error(`stridescope serve: ${(e as Error).message}\n\n${usage}`)
    return 2
  }
  if (!existsSync(join(args.rendererDir, 'index.html'))) {
    console.error(`stridescope serve: warning: no built renderer in ${args.rendererDir}; run \`npx electron-vite build\` first`)
  }
  // The session runs in a worker thread, so a long run never stalls the server.
  const session = startSessionWorker({ simulateCuda: args.simulateCuda })
  let server
  try {
    server = await startServer({ session, rendererDir: args.rendererDir, port: args.port })
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
