// The runtime file that lets the `stridescope` Python package find the running
// app: {pid, port, token} in a per-user folder, the folder mode 0700 and the
// file 0600 (as Jupyter does), removed when the app stops. The folder rule is
// the package's (python/stridescope/connection.py): $STRIDESCOPE_RUNTIME_DIR,
// else $XDG_RUNTIME_DIR/stridescope, else ~/.local/share/stridescope/runtime.
import { chmodSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { homedir } from 'node:os'
import { join } from 'node:path'

export function runtimeDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.STRIDESCOPE_RUNTIME_DIR) return env.STRIDESCOPE_RUNTIME_DIR
  if (env.XDG_RUNTIME_DIR) return join(env.XDG_RUNTIME_DIR, 'stridescope')
  return join(homedir(), '.local', 'share', 'stridescope', 'runtime')
}

export interface RuntimeFile {
  path: string
  remove(): void
}

/** Writes this process's runtime file; `remove()` (also run at exit) deletes it. */
export function writeRuntimeFile(info: { port: number; token: string; kind: 'serve' | 'electron' }): RuntimeFile {
  const dir = runtimeDir()
  mkdirSync(dir, { recursive: true, mode: 0o700 })
  chmodSync(dir, 0o700)
  const path = join(dir, `server-${process.pid}.json`)
  const body = { pid: process.pid, port: info.port, token: info.token, kind: info.kind, url: `http://127.0.0.1:${info.port}/` }
  // Created 0600 before the token is written, so it is never readable by others.
  writeFileSync(path, '', { mode: 0o600 })
  chmodSync(path, 0o600)
  writeFileSync(path, JSON.stringify(body) + '\n')
  let removed = false
  const remove = (): void => {
    if (removed) return
    removed = true
    process.off('exit', remove)
    rmSync(path, { force: true })
  }
  process.on('exit', remove)
  return { path, remove }
}
