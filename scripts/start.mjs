#!/usr/bin/env node
// `npm start [-- OPTIONS]`: build, then open the desktop app. Where Electron
// cannot run (its binary is missing and its installer cannot fetch it, or there
// is no display), serve the same app in browser mode on 127.0.0.1 and print
// its URL (with the access token).
//
//   npm start                       Electron, or browser mode as the fallback
//   npm start -- --browser          browser mode even where Electron exists
//   npm start -- --port 8123        browser mode on a fixed port
//   npm start -- --simulate-cuda    with the simulated cuda:0 device (both modes)
// STRIDESCOPE_BROWSER=1 also forces browser mode.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const argv = process.argv.slice(2)
const forceBrowser = argv.includes('--browser') || !!process.env.STRIDESCOPE_BROWSER
const passthrough = argv.filter((a) => a !== '--browser')
const say = (msg) => console.log(`[stridescope] ${msg}`)

function electronBinary() {
  const dir = join(root, 'node_modules', 'electron')
  const pathFile = join(dir, 'path.txt')
  if (!existsSync(pathFile)) return null
  const exe = join(dir, 'dist', readFileSync(pathFile, 'utf8').trim())
  return existsSync(exe) ? exe : null
}

/** Electron needs a display on Linux; without one it would exit at once. */
function hasDisplay() {
  return process.platform !== 'linux' || !!(process.env.DISPLAY || process.env.WAYLAND_DISPLAY)
}

/** Runs a child with our stdio, forwards Ctrl-C/termination to it, and exits with its code. */
function runForeground(cmd, args, env = process.env) {
  const child = spawn(cmd, args, { cwd: root, stdio: 'inherit', env })
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal))
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
}

// 1. The native engine (once; `npm run build:native` rebuilds it).
if (!existsSync(join(root, 'build', 'Release', 'stridescope.node'))) {
  const r = spawnSync(process.execPath, [join(root, 'scripts', 'build-native.mjs')], { cwd: root, stdio: 'inherit' })
  if (r.status !== 0) process.exit(r.status ?? 1)
}

// 2. Main, preload and renderer bundles (out/).
const built = spawnSync(process.execPath, [join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'], {
  cwd: root,
  stdio: 'inherit'
})
if (built.status !== 0) process.exit(built.status ?? 1)

// 3. Electron where it can run, else browser mode.
let exe = forceBrowser ? null : electronBinary()
if (!forceBrowser && !exe && hasDisplay()) {
  say("the Electron binary is not installed; trying electron's installer…")
  spawnSync(process.execPath, [join(root, 'node_modules', 'electron', 'install.js')], {
    cwd: join(root, 'node_modules', 'electron'),
    stdio: 'inherit',
    timeout: 60_000
  })
  exe = electronBinary()
}

if (exe && hasDisplay()) {
  const appArgs = passthrough.filter((a) => a === '--simulate-cuda')
  runForeground(exe, [root, ...appArgs])
} else {
  const why = forceBrowser
    ? 'browser mode requested'
    : !exe
      ? 'the Electron binary is unavailable here'
      : 'there is no display for Electron'
  say(`${why}; starting browser mode (open the URL below in a browser).`)
  runForeground(process.execPath, [join(root, 'bin', 'stridescope'), 'serve', ...passthrough])
}
