#!/usr/bin/env node
// `npm start`: build, then open the desktop app. Where the Electron binary is
// missing, try electron's own installer once; if that fails too (no network),
// serve the same app in browser mode on 127.0.0.1 and print its URL.
import { spawnSync, spawn } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const require = createRequire(import.meta.url)
const passthrough = process.argv.slice(2)

function electronBinary() {
  const dir = join(root, 'node_modules', 'electron')
  const pathFile = join(dir, 'path.txt')
  if (!existsSync(pathFile)) return null
  const exe = join(dir, 'dist', readFileSync(pathFile, 'utf8').trim())
  return existsSync(exe) ? exe : null
}

if (!existsSync(join(root, 'build', 'Release', 'stridescope.node'))) {
  spawnSync(process.execPath, [join(root, 'scripts', 'build-native.mjs')], { cwd: root, stdio: 'inherit' })
}
const built = spawnSync(process.execPath, [require.resolve('electron-vite/bin/electron-vite.js'), 'build'], {
  cwd: root,
  stdio: 'inherit'
})
if (built.status !== 0) process.exit(built.status ?? 1)

let exe = electronBinary()
if (!exe && !process.env.STRIDESCOPE_BROWSER) {
  console.log('[stridescope] the Electron binary is not installed; trying electron\'s installer…')
  spawnSync(process.execPath, [join(root, 'node_modules', 'electron', 'install.js')], {
    cwd: join(root, 'node_modules', 'electron'),
    stdio: 'inherit',
    timeout: 120_000
  })
  exe = electronBinary()
}

if (exe && !process.env.STRIDESCOPE_BROWSER) {
  const child = spawn(exe, [root, ...passthrough], { stdio: 'inherit' })
  child.on('exit', (code) => process.exit(code ?? 0))
} else {
  console.log('[stridescope] Electron is unavailable here; starting browser mode instead.')
  const child = spawn(process.execPath, [join(root, 'bin', 'stridescope'), 'serve', ...passthrough], { stdio: 'inherit' })
  child.on('exit', (code) => process.exit(code ?? 0))
}
