#!/usr/bin/env node
// Builds and runs the C++ core tests without Node's headers: every
// native/tests/*_test.cc is one program linked with the engine (native/core +
// native/backends/cpu, as listed by native/binding/sources.mjs). Objects are
// cached in native/build-tests/ and rebuilt when a source or header changes.
// Usage: node native/tests/run.mjs [name-filter]   (exit status 1 if any test fails)
// SANITIZE=1 builds everything with -fsanitize=address,undefined (in native/build-tests-asan/)
// and makes any sanitizer report fail its test; those objects are position-independent, so that
// `npm run test:asan` (scripts/test-asan.mjs) links the sanitized addon from them. SANITIZE_OPT=-O0
// compiles them faster (the tests then run slower).
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs'
import { basename, join } from 'node:path'
import { engineSources, root } from '../binding/sources.mjs'

const sanitize = process.env.SANITIZE === '1'
const out = join(root, 'native', sanitize ? 'build-tests-asan' : 'build-tests')
const objDir = join(out, 'obj')
mkdirSync(objDir, { recursive: true })
const cxx = process.env.CXX || 'g++'
const flags = sanitize
  ? ['-std=c++17', process.env.SANITIZE_OPT || '-O1', '-g', '-fPIC', '-pthread', '-Wall', '-Wno-unused-function', '-fsanitize=address,undefined', '-fno-sanitize-recover=undefined', '-fno-omit-frame-pointer']
  : ['-std=c++17', '-O2', '-g0', '-pthread', '-Wall', '-Wno-unused-function']
if (process.arch === 'x64') flags.push('-march=x86-64-v2')
const jobs = Math.max(1, Math.min(2, Number(process.env.JOBS) || 2))

if (spawnSync(cxx, ['--version'], { stdio: 'ignore' }).status !== 0) {
  console.log(`[native tests] SKIP: no C++ compiler (${cxx}) on this machine`)
  process.exit(0)
}

const mtime = (p) => (existsSync(p) ? statSync(p).mtimeMs : 0)
const newestIn = (dirs) =>
  Math.max(
    0,
    ...dirs.flatMap((d) =>
      existsSync(join(root, d)) ? readdirSync(join(root, d)).filter((f) => /\.(h|cuh)$/.test(f)).map((f) => mtime(join(root, d, f))) : [],
    ),
  )
// Engine objects depend on engine headers; test objects also on the test helpers.
const engineHeaders = newestIn(['native/core', 'native/backends/cpu'])
// (The CUDA tests include the CUDA library's kernels and harness headers, emulated on the CPU.)
const testHeaders = Math.max(engineHeaders, newestIn(['native/tests', 'native/backends/cuda', 'native/backends/cuda/harness']))

function objFor(src) {
  return join(objDir, src.replace(/[\\/]/g, '_').replace(/\.cc$/, '.o'))
}

function stale(src, obj) {
  const o = mtime(obj)
  const headers = src.startsWith('native/tests/') ? testHeaders : engineHeaders
  return o === 0 || o < mtime(join(root, src)) || o < headers
}

function run(cmd, args) {
  return new Promise((resolve) => {
    const p = spawn(cmd, args, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] })
    p.on('close', (code) => resolve(code === 0))
  })
}

async function pool(tasks) {
  const results = []
  let next = 0
  async function worker() {
    while (next < tasks.length) {
      const i = next++
      results[i] = await tasks[i]()
    }
  }
  await Promise.all(Array.from({ length: jobs }, worker))
  return results
}

const filter = process.argv[2] ?? ''
const tests = readdirSync(join(root, 'native', 'tests'))
  .filter((f) => f.endsWith('_test.cc') && f.includes(filter))
  .sort()
  .map((f) => `native/tests/${f}`)

const sources = engineSources()
const compileAll = (list) =>
  pool(list.filter((src) => stale(src, objFor(src))).map((src) => async () => [src, await run(cxx, [...flags, '-c', src, '-o', objFor(src)])]))
const staleCount = [...sources, ...tests].filter((src) => stale(src, objFor(src))).length
if (staleCount) console.log(`[native tests] compiling ${staleCount} file(s) with -j${jobs}`)
const engineFailed = (await compileAll(sources)).filter(([, ok]) => !ok)
if (engineFailed.length) {
  console.error(`[native tests] FAILED: the engine does not compile (${engineFailed.map(([s]) => s).join(', ')})`)
  process.exit(1)
}
// A test that does not compile fails alone; the others still run.
const failed = (await compileAll(tests)).filter(([, ok]) => !ok).map(([src]) => `${src} (compile)`)

const engineObjs = sources.map(objFor)
for (const t of tests) {
  if (failed.includes(`${t} (compile)`)) continue
  const exe = join(out, basename(t, '.cc'))
  if (!(await run(cxx, [...flags, objFor(t), ...engineObjs, '-o', exe, '-ldl']))) {
    failed.push(`${t} (link)`)
    continue
  }
  console.log(`\n--- ${basename(t)}`)
  if (!(await run(exe, []))) failed.push(t)
}
if (failed.length) {
  console.error(`\n[native tests] FAILED: ${failed.join(', ')}`)
  process.exit(1)
}
console.log(`\n[native tests] ${tests.length} test program(s) passed`)
