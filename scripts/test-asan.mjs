#!/usr/bin/env node
// `npm run test:asan`: the native engine under AddressSanitizer and UndefinedBehaviorSanitizer.
// `npm test` runs step 1 (the C++ core tests, sanitized where the compiler can); this adds the
// sanitized addon and the runs through it, which take many minutes more.
//   1. the C++ core tests, built with SANITIZE=1 by native/tests/run.mjs (native/build-tests-asan/);
//   2. the addon built with the same flags (native/build-asan/stridescope.node): the engine objects
//      of step 1 (position-independent) and the binding compiled against Node's headers;
//   3. through that addon, with libasan and libubsan preloaded into Node: the engine, file-reader
//      (hostile files, pickle payloads, zip bombs) and runner edge-input tests and the fuzz slice,
//      then a short `npm run fuzz` (runner programs, file mutants, session requests).
// Any sanitizer report aborts its process (halt_on_error), which fails the step.
// Usage: npm run test:asan [-- --skip-core] [-- --fuzz-programs N --fuzz-files N --fuzz-requests N]
// (SANITIZE_OPT=-O0 compiles faster than the default -O1; the runs are then slower.)
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { bindingSources, engineSources, root } from '../native/binding/sources.mjs'
import { sanitizerOptions } from './sanitizers.mjs'

const { values } = parseArgs({
  options: {
    'skip-core': { type: 'boolean', default: false },
    'fuzz-programs': { type: 'string', default: '1000' },
    'fuzz-files': { type: 'string', default: '3000' },
    'fuzz-requests': { type: 'string', default: '300' },
  },
})

const cxx = process.env.CXX || 'g++'
const out = join(root, 'native', 'build-asan')
const objDir = join(out, 'obj')
const addon = join(out, 'stridescope.node')
const engineObjDir = join(root, 'native', 'build-tests-asan', 'obj') // native/tests/run.mjs with SANITIZE=1
mkdirSync(objDir, { recursive: true })
const failures = []


function step(name, cmd, args, env = {}) {
  console.log(`\n=== ${name} ===`)
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } })
  if (r.status !== 0) failures.push(`${name} (exit ${r.status ?? r.signal})`)
  return r.status === 0
}

function finish() {
  if (failures.length) {
    console.error(`\ntest:asan FAILED: ${failures.join('; ')}`)
    process.exit(1)
  }
  console.log('\ntest:asan: every sanitized run passed with no report')
  process.exit(0)
}

if (spawnSync(cxx, ['--version'], { stdio: 'ignore' }).status !== 0) {
  console.log(`[asan] SKIP: no C++ compiler (${cxx})`)
  process.exit(0)
}

// 1. The core tests build (and so keep current) the sanitized engine objects the addon links.
if (values['skip-core']) {
  // Only the engine objects: a filter that names no test compiles them and runs nothing.
  step('engine objects (ASan + UBSan)', process.execPath, [join(root, 'native', 'tests', 'run.mjs'), '--no-test--'], { ...sanitizerOptions, SANITIZE: '1' })
} else {
  step('C++ core tests (ASan + UBSan)', process.execPath, [join(root, 'native', 'tests', 'run.mjs')], { ...sanitizerOptions, SANITIZE: '1' })
}
const engineObjs = engineSources().map((s) => join(engineObjDir, s.replace(/[\\/]/g, '_').replace(/\.cc$/, '.o')))
const missing = engineObjs.filter((o) => !existsSync(o))
if (missing.length) {
  failures.push(`engine objects missing (${missing.length}): the engine did not compile`)
  finish()
}

// 2. The binding against Node's headers: $npm_config_nodedir, else beside this node.
const nodeDirs = [process.env.npm_config_nodedir, '/usr', join(process.execPath, '..', '..')].filter(Boolean)
const nodeInclude = nodeDirs.map((d) => join(d, 'include', 'node')).find((d) => existsSync(join(d, 'node_api.h')))
if (!nodeInclude) {
  console.log("[asan] SKIP the addon: Node's headers (node_api.h) are not installed; set npm_config_nodedir")
  finish()
}
const napiInclude = createRequire(import.meta.url)('node-addon-api').include.replace(/"/g, '')
const flags = ['-std=c++17', process.env.SANITIZE_OPT || '-O1', '-g', '-fPIC', '-pthread', '-fexceptions', '-fvisibility=hidden',
  '-fsanitize=address,undefined', '-fno-sanitize-recover=undefined', '-fno-omit-frame-pointer',
  '-DNAPI_VERSION=8', '-DNAPI_CPP_EXCEPTIONS', '-DNODE_ADDON_API_DISABLE_DEPRECATED', `-I${nodeInclude}`, `-I${napiInclude}`]
if (process.arch === 'x64') flags.push('-march=x86-64-v2')
const mtime = (p) => (existsSync(p) ? statSync(p).mtimeMs : 0)
// An object is stale when it or its dependency file (-MMD) is missing, or anything it includes is newer.
function stale(obj) {
  const dep = obj.replace(/\.o$/, '.d')
  if (!existsSync(obj) || !existsSync(dep)) return true
  const built = mtime(obj)
  const files = readFileSync(dep, 'utf8').replace(/\\\n/g, ' ').split(':').slice(1).join(':').trim().split(/\s+/)
  return files.some((f) => mtime(join(root, f)) > built || !existsSync(join(root, f)) && !existsSync(f))
}
const bindingObjs = bindingSources().map((s) => [s, join(objDir, s.replace(/[\\/]/g, '_').replace(/\.cc$/, '.o'))])
const todo = bindingObjs.filter(([, o]) => stale(o))
console.log(`\n=== addon (ASan + UBSan): compiling ${todo.length} of ${bindingObjs.length} binding file(s) ===`)
const compile = ([s, o]) =>
  new Promise((resolve) => spawn(cxx, [...flags, '-MMD', '-c', s, '-o', o], { cwd: root, stdio: 'inherit' }).on('close', (c) => resolve(c === 0)))
let ok = true
for (let i = 0; i < todo.length; i += 2) ok = (await Promise.all(todo.slice(i, i + 2).map(compile))).every(Boolean) && ok
if (!ok) {
  failures.push('addon (ASan + UBSan): the binding does not compile')
  finish()
}
if (!step('addon (ASan + UBSan): link', cxx, ['-shared', '-fsanitize=address,undefined', '-pthread', '-o', addon,
  ...engineObjs, ...bindingObjs.map(([, o]) => o), '-ldl'])) finish()

// 3. Node with the sanitizer runtimes preloaded (an instrumented library needs ASan's runtime
// first in the process), the addon chosen by STRIDESCOPE_ADDON (src/engine/load.ts).
const runtime = (name) => spawnSync(cxx, [`-print-file-name=${name}`], { encoding: 'utf8' }).stdout.trim()
const env = {
  ...sanitizerOptions,
  STRIDESCOPE_ADDON: addon,
  LD_PRELOAD: [runtime('libasan.so'), runtime('libubsan.so')].join(' '),
  // Node's and V8's own allocations are not ours to judge: no leak report at exit, no new/delete
  // pairing checks across the uninstrumented runtime.
  ASAN_OPTIONS: `${sanitizerOptions.ASAN_OPTIONS}:detect_leaks=0:alloc_dealloc_mismatch=0:new_delete_type_mismatch=0`,
}
// The runs below load only this addon (STRIDESCOPE_ADDON is the one candidate, src/engine/load.ts):
// check first that it loads here, with the runtimes preloaded, so a fault is one clear line.
if (!step('the sanitized addon loads (native/build-asan, not build/Release)', process.execPath,
  ['-e', `const a = require(${JSON.stringify(addon)}); if (typeof a.cudaStatus !== 'function') process.exit(1); ` +
    `const fs = require('fs'); const maps = fs.existsSync('/proc/self/maps') ? fs.readFileSync('/proc/self/maps', 'utf8') : null; ` +
    `if (maps !== null && (!maps.includes(${JSON.stringify(addon)}) || !/libasan/.test(maps))) { console.error('not the sanitized addon'); process.exit(1) }`], env)) finish()
const vitest = join(root, 'node_modules', '.bin', 'vitest')
step('engine, file readers, runner edge inputs and the fuzz slice through the sanitized addon', vitest,
  ['run', 'tests/engine', 'tests/files', 'tests/runner/edge', 'tests/fuzz'], env)
step('npm run fuzz (short) through the sanitized addon', join(root, 'node_modules', '.bin', 'tsx'),
  [join(root, 'scripts', 'fuzz.ts'), '--programs', values['fuzz-programs'], '--files', values['fuzz-files'], '--requests', values['fuzz-requests']],
  env)
finish()
