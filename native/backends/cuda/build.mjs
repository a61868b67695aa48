#!/usr/bin/env node
// Builds the optional CUDA backend (libstridescope_cuda.so and its Node-free
// harness) by running build.sh, whenever nvcc exists. Never fails `npm install`:
// without nvcc, or when the build fails, it says why and exits 0 (the app works
// without the library: cuda devices are then unavailable). `--strict` exits 1 on
// failure instead.
import { spawnSync } from 'node:child_process'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const here = dirname(fileURLToPath(import.meta.url))
const strict = process.argv.includes('--strict')
const say = (msg) => console.log(`[stridescope cuda] ${msg}`)

function findNvcc() {
  for (const c of [process.env.NVCC, 'nvcc', '/usr/local/cuda/bin/nvcc'].filter(Boolean)) {
    if (spawnSync(c, ['--version'], { stdio: 'ignore' }).status === 0) return c
  }
  return null
}

const nvcc = findNvcc()
if (!nvcc) {
  say('nvcc not found: skipping the optional CUDA backend (cuda devices will be unavailable)')
  process.exit(0)
}
const started = Date.now()
const r = spawnSync('bash', [join(here, 'build.sh')], { stdio: 'inherit', env: { ...process.env, NVCC: nvcc } })
if (r.status !== 0) {
  say('building the CUDA backend failed (see above); cuda devices will be unavailable')
  process.exit(strict ? 1 : 0)
}
say(`done in ${((Date.now() - started) / 1000).toFixed(1)} s`)
