#!/usr/bin/env node
// Builds the native addon (node-gyp, offline against the local Node headers) and,
// where nvcc exists, the optional CUDA backend library. Runs on `npm install`.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', shell: false, ...opts })
  return r.status === 0
}

const gyp = join(root, 'node_modules', 'node-gyp', 'bin', 'node-gyp.js')
if (!existsSync(join(root, 'binding.gyp'))) {
  console.log('[stridescope] no binding.gyp yet; skipping the native build')
} else if (!run(process.execPath, [gyp, 'rebuild', '-j', 'max'])) {
  console.error('[stridescope] the native addon failed to build; see the compiler output above')
  process.exit(1)
}

const cudaBuild = join(root, 'native', 'backends', 'cuda', 'build.mjs')
if (existsSync(cudaBuild)) {
  // Optional: the app works without it. build.mjs explains itself when it skips.
  run(process.execPath, [cudaBuild])
}
