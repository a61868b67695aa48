#!/usr/bin/env node
// Builds libstridescope_cuda.so (and its Node-free test and benchmark
// executables) with nvcc, whenever nvcc exists. Never fails `npm install`:
// without nvcc, or when the build fails, it prints why and exits 0 (the app
// works without the library). `--strict` makes a failure exit 1 (for
// scripts/test-cuda.sh). Incremental: an output newer than all its inputs is kept.
//
// Output: native/backends/cuda/build/{libstridescope_cuda.so, cuda_kernel_test, cuda_bench}
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, statSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const here = dirname(fileURLToPath(import.meta.url))
const core = join(here, '..', '..', 'core')
const out = join(here, 'build')
const strict = process.argv.includes('--strict')

// sm_80 (A100), sm_90 / sm_90a (H100, H200) machine code, plus compute_90 PTX
// so that newer GPUs JIT-compile it.
const GENCODE = [
  '-gencode', 'arch=compute_80,code=sm_80',
  '-gencode', 'arch=compute_90,code=sm_90',
  '-gencode', 'arch=compute_90a,code=sm_90a',
  '-gencode', 'arch=compute_90,code=compute_90',
]
const CXXFLAGS = ['-std=c++17', '-O3']
const HOSTFLAGS = ['-fPIC', '-fvisibility=hidden', '-Wall']

function say(msg) { console.log(`[stridescope cuda] ${msg}`) }
function give_up(msg) {
  say(msg)
  process.exit(strict ? 1 : 0)
}

function findNvcc() {
  const candidates = [process.env.NVCC, 'nvcc', '/usr/local/cuda/bin/nvcc'].filter(Boolean)
  for (const c of candidates) {
    const r = spawnSync(c, ['--version'], { encoding: 'utf8' })
    if (r.status === 0) return c
  }
  return null
}

function mtime(p) { return existsSync(p) ? statSync(p).mtimeMs : -1 }
function stale(output, inputs) {
  const t = mtime(output)
  return t < 0 || inputs.some((i) => mtime(i) > t)
}

function runAsync(cmd, args) {
  return new Promise((resolve) => {
    const p = spawn(cmd, args, { stdio: 'inherit' })
    p.on('close', (code) => resolve(code === 0))
    p.on('error', () => resolve(false))
  })
}

// Runs jobs two at a time (this machine class has 2 cores shared by everyone).
async function parallel(jobs, width = 2) {
  let ok = true
  const queue = [...jobs]
  const workers = Array.from({ length: width }, async () => {
    while (queue.length) {
      const job = queue.shift()
      if (!(await job())) ok = false
    }
  })
  await Promise.all(workers)
  return ok
}

const nvcc = findNvcc()
if (!nvcc) give_up('nvcc not found: skipping the optional CUDA backend (cuda devices will be unavailable)')
mkdirSync(out, { recursive: true })

const headers = [join(here, 'stridescope_cuda.h'), join(here, 'device_state.cuh'), join(core, 'cuda_copy_plan.h')]
const units = [
  { src: join(here, 'device_api.cu'), obj: join(out, 'device_api.o') },
  { src: join(here, 'strided_copy.cu'), obj: join(out, 'strided_copy.o') },
  { src: join(core, 'cuda_copy_plan.cc'), obj: join(out, 'cuda_copy_plan.o') },
]
const lib = join(out, 'libstridescope_cuda.so')

const started = Date.now()
const compiles = units
  .filter((u) => stale(u.obj, [u.src, ...headers, fileURLToPath(import.meta.url)]))
  .map((u) => () => {
    const gpu = u.src.endsWith('.cu')
    const args = [...CXXFLAGS, ...(gpu ? GENCODE : []), '-Xcompiler', HOSTFLAGS.join(','), '-c', u.src, '-o', u.obj]
    say(`nvcc ${u.src.slice(here.length - 'native/backends/cuda'.length)}`)
    return runAsync(nvcc, args)
  })
if (!(await parallel(compiles))) give_up('compiling the CUDA backend failed (see above); cuda devices will be unavailable')

if (stale(lib, units.map((u) => u.obj))) {
  // Static cudart: the library needs only the driver (libcuda.so.1) at run time.
  const args = ['-shared', '-cudart', 'static', ...GENCODE, '-o', lib, ...units.map((u) => u.obj)]
  if (!(await runAsync(nvcc, args))) give_up('linking libstridescope_cuda.so failed (see above)')
}

// The Node-free harness: kernel tests and the benchmark, linked against the library.
const harness = join(here, 'harness')
const tools = [
  { src: join(harness, 'cuda_kernel_test.cc'), exe: join(out, 'cuda_kernel_test') },
  { src: join(harness, 'cuda_bench.cc'), exe: join(out, 'cuda_bench') },
]
const links = tools
  .filter((t) => existsSync(t.src) && stale(t.exe, [t.src, lib, ...headers, join(harness, 'harness_util.h')]))
  .map((t) => () =>
    runAsync('g++', ['-std=c++17', '-O2', '-Wall', `-I${here}`, t.src, '-o', t.exe, `-L${out}`,
      '-lstridescope_cuda', `-Wl,-rpath,$ORIGIN`, '-pthread']))
if (!(await parallel(links))) give_up('building the CUDA test harness failed (see above)')

say(`built ${lib} (${((Date.now() - started) / 1000).toFixed(1)} s)`)
