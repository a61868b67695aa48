// Browser mode for the benches: `stridescope serve` on a free port and headless
// Chromium with SwiftShader (software WebGL, as on this machine).
import { spawn, spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

export const root = join(dirname(fileURLToPath(import.meta.url)), '..')
export const chromiumPath = process.env.STRIDESCOPE_CHROMIUM || '/usr/bin/chromium'
export const CHROMIUM_ARGS = ['--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--ignore-gpu-blocklist',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic',
  '--disable-dev-shm-usage']

/** Builds out/renderer (what serve serves) when it is missing. */
export function ensureRendererBuilt() {
  if (existsSync(join(root, 'out', 'renderer', 'index.html'))) return
  const r = spawnSync(process.execPath, [join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'], { cwd: root, stdio: 'inherit' })
  if (r.status !== 0) process.exit(r.status ?? 1)
}

/** Starts `stridescope serve --port 0` (serving `rendererDir` when given); resolves with the URL it prints and the child process. */
export function startServe(rendererDir) {
  const args = [join(root, 'bin', 'stridescope'), 'serve', '--port', '0', ...(rendererDir ? ['--renderer', rendererDir] : [])]
  const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] })
  let out = ''
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => { child.kill(); reject(new Error(`serve printed no URL:\n${out}`)) }, 90_000)
    child.stderr.on('data', (d) => (out += d))
    child.stdout.on('data', (d) => {
      out += d
      const m = /(http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]+)/.exec(out)
      if (m) { clearTimeout(timer); resolve({ url: m[1], child }) }
    })
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`serve exited (${code}):\n${out}`)) })
  })
}
