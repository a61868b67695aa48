#!/usr/bin/env node
// `npm run bench [-- --quick] [-- --json]`: the copy paths of the engine beside
// NumPy's equivalents and memcpy, measured in one run on this machine.
//   engine  = through the TypeScript API (src/engine: clone(), contiguous()), when the addon has those ops
//   kernel  = the CPU backend alone (bench/copy_bench.cc: host_alloc + strided_copy), no Node
//   NumPy   = python3 bench/numpy_bench.py: a.copy(), np.ascontiguousarray(a.transpose(perm))
//   memcpy  = memcpy between two already-touched buffers of the same size (the ceiling)
// Every number is the median of >= 5 runs after a warm-up. GB/s = bytes of the result / seconds.
// Targets (DESIGN.md "Performance targets"): transposes >= 8x NumPy and >= 50% of memcpy;
// NCHW->NHWC ~2x NumPy; 256 MiB clone >= 1.5x NumPy; conversions O(1) (<= 2 us).
// Then whole-process rows (bench/whole_process.mjs): a script under bin/stridescope run beside CPython.
// Last, a console line's round trip in browser mode (bench/console-roundtrip.mjs; target <= 150 ms).
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { formatWholeProcess, wholeProcessRows } from '../bench/whole_process.mjs'
import { consoleRoundTrip, formatConsoleRoundTrip } from '../bench/console-roundtrip.mjs'
import { formatElementwise, elementwiseRows } from '../bench/elementwise_ops.mjs'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const args = new Set(process.argv.slice(2))
const quick = args.has('--quick')
const asJson = args.has('--json')
const log = (...m) => { if (!asJson) console.log(...m) }
const MiB = 1 << 20

// The one list of cases. perm = identity: a clone; otherwise contiguous() of the permuted view.
const ITEMSIZE = { uint8: 1, float32: 4, float64: 8 }
function cases() {
  const out = []
  for (const m of quick ? [1, 16] : [1, 16, 256])
    out.push({ name: `clone ${m} MiB`, kind: 'clone', dtype: 'uint8', shape: [m * MiB], perm: [0] })
  for (const n of quick ? [1024, 2048] : [1024, 4096, 8192])
    out.push({ name: `.T float32 ${n}²`, kind: 'transpose', dtype: 'float32', shape: [n, n], perm: [1, 0] })
  const n2 = quick ? 2048 : 4096
  out.push({ name: `.T uint8 ${n2}²`, kind: 'transpose', dtype: 'uint8', shape: [n2, n2], perm: [1, 0] })
  out.push({ name: `.T float64 ${n2}²`, kind: 'transpose', dtype: 'float64', shape: [n2, n2], perm: [1, 0] })
  const b = quick ? 8 : 32
  out.push({ name: `NCHW→NHWC ${b}×64×56×56 f32`, kind: 'permute', dtype: 'float32', shape: [b, 64, 56, 56], perm: [0, 2, 3, 1] })
  return out
}

function run(cmd, argv, input) {
  const r = spawnSync(cmd, argv, { cwd: root, input, encoding: 'utf8', maxBuffer: 64 * MiB })
  if (r.error) return { ok: false, why: r.error.message }
  if (r.status !== 0) return { ok: false, why: (r.stderr || r.stdout || `exit ${r.status}`).trim().split('\n').slice(-3).join(' | ') }
  try {
    return { ok: true, data: JSON.parse(r.stdout) }
  } catch {
    return { ok: false, why: `unparseable output: ${r.stdout.slice(0, 200)}` }
  }
}

// C++ benchmarks are built with the addon's flags (x86-64-v2 baseline; the AVX2
// kernels are chosen at run time). Objects are cached in native/build-tests/bench/obj
// (not build/: `node-gyp rebuild` wipes that) and
// rebuilt when their source or any engine header is newer; two compiles at a time.
const cxx = process.env.CXX || 'c++'
const cxxFlags = ['-std=c++17', '-O3', '-pthread', ...(process.arch === 'x64' ? ['-march=x86-64-v2'] : [])]
const mtime = (p) => (existsSync(p) ? statSync(p).mtimeMs : 0)
const newestHeader = (dirs) => Math.max(0, ...dirs.flatMap((d) =>
  existsSync(join(root, d)) ? readdirSync(join(root, d)).filter((f) => f.endsWith('.h')).map((f) => mtime(join(root, d, f))) : []))
// The most telling line of a compiler/linker error.
const firstError = (text) => {
  const lines = (text || '').trim().split('\n')
  return (lines.find((l) => /undefined reference|error:/.test(l)) ?? lines[0] ?? '').trim()
}

function compile(src, obj) {
  return new Promise((resolve) => {
    let err = ''
    const p = spawn(cxx, [...cxxFlags, '-c', src, '-o', obj], { cwd: root })
    p.stderr.on('data', (d) => { err += d })
    p.on('error', (e) => resolve(e.message))
    p.on('close', (code) => resolve(code === 0 ? null : firstError(err) || `exit ${code}`))
  })
}

async function compileAll(sources, headerDirs) {
  const headers = newestHeader(headerDirs)
  const objDir = join(root, 'native', 'build-tests', 'bench', 'obj')
  mkdirSync(objDir, { recursive: true })
  const objs = sources.map((src) => join(objDir, src.replace(/[\\/]/g, '_').replace(/\.cc$/, '.o')))
  const todo = sources.map((src, i) => [src, objs[i]]).filter(([src, obj]) => mtime(obj) < Math.max(mtime(join(root, src)), headers))
  if (todo.length) log(`  compiling ${todo.length} C++ file(s) for the benchmarks (-j2) ...`)
  let next = 0
  let failure = null
  const worker = async () => {
    while (next < todo.length && !failure) {
      const [src, obj] = todo[next++]
      const why = await compile(src, obj)
      if (why) failure = `${src}: ${why}`
    }
  }
  await Promise.all([worker(), worker()])
  return failure ? { ok: false, why: `compile failed: ${failure}` } : { ok: true, objs }
}

async function buildExe(name, sources, headerDirs) {
  const exe = join(root, 'native', 'build-tests', 'bench', name)
  const c = await compileAll(sources, headerDirs)
  if (!c.ok) return c
  if (c.objs.some((o) => mtime(o) > mtime(exe))) {
    const r = spawnSync(cxx, [...cxxFlags, ...c.objs, '-o', exe, '-ldl'], { cwd: root, encoding: 'utf8' })
    if (r.status !== 0) return { ok: false, why: `link failed: ${firstError(r.stderr || r.error?.message)}` }
  }
  return { ok: true, exe }
}

const cpuSources = () => readdirSync(join(root, 'native', 'backends', 'cpu')).filter((f) => f.endsWith('.cc')).map((f) => `native/backends/cpu/${f}`)

const list = cases()
const t0 = Date.now()
log(`stridescope bench${quick ? ' (--quick)' : ''}: ${list.length} copy cases; medians of >= 5 runs`)

const kernelExe = await buildExe('copy_bench', ['bench/copy_bench.cc', ...cpuSources()], ['native/backends/cpu'])
if (!kernelExe.ok) log(`  kernel column skipped: ${kernelExe.why}`)
const { engineSources } = await import('../native/binding/sources.mjs')
const coreExe = await buildExe('conversions_bench', ['bench/conversions_bench.cc', ...engineSources()],
  ['native/core', 'native/backends/cpu'])
if (!coreExe.ok) log(`  engine-side conversions skipped: ${coreExe.why}`)
const py = process.env.PYTHON || 'python3'
const tsx = join(root, 'node_modules', '.bin', 'tsx')

// Case by case, the three sides back to back, so that all the numbers of one row
// are measured under the same conditions (this machine is shared: the load drifts).
const kernel = { ok: kernelExe.ok, why: kernelExe.why, data: { avx2: null, results: [] } }
const numpy = { ok: true, data: { numpy: null, results: [], conversions: null } }
const eng = { ok: existsSync(tsx), why: 'tsx is not installed (npm install)', data: { results: [], conversions: null } }
for (const [i, c] of list.entries()) {
  log(`  [${i + 1}/${list.length}] ${c.name}`)
  const spec = { dtype: c.dtype, shape: c.shape, perm: c.perm }
  const last = i === list.length - 1
  if (kernel.ok) {
    const r = run(kernelExe.exe, [`${ITEMSIZE[c.dtype]};${c.shape.join(',')};${c.perm.join(',')}`])
    if (r.ok) {
      kernel.data.avx2 = r.data.avx2
      kernel.data.results.push(r.data.results[0])
    } else Object.assign(kernel, { ok: false, why: r.why })
  }
  if (numpy.ok) {
    const r = run(py, [join('bench', 'numpy_bench.py'), ...(last ? ['--conversions'] : [])], JSON.stringify([spec]))
    if (r.ok) {
      numpy.data.numpy = r.data.numpy
      numpy.data.results.push(r.data.results[0])
      if (r.data.conversions) numpy.data.conversions = r.data.conversions
    } else {
      const why = /No module named/.test(r.why) ? 'NumPy is not installed for python3' : r.why
      Object.assign(numpy, { ok: false, why })
    }
  }
  if (eng.ok) {
    const r = run(tsx, [join('bench', 'engine_bench.ts'), JSON.stringify([spec]), ...(last ? ['--conversions'] : [])])
    if (r.ok) {
      eng.data.results.push(r.data.results[0])
      if (r.data.conversions) eng.data.conversions = r.data.conversions
    } else Object.assign(eng, { ok: false, why: r.why })
  }
}
if (!kernel.ok) log(`  kernel column skipped: ${kernel.why}`)
if (!numpy.ok) log(`  NumPy columns skipped: ${numpy.why}`)
if (!eng.ok) log(`  engine column skipped: ${eng.why}`)
if (eng.ok && !eng.data.conversions) eng.data.conversions = { skipped: 'not measured' }
if (numpy.ok && !numpy.data.conversions) numpy.data.conversions = { skipped: 'not measured' }

const whole = wholeProcessRows({ root, py, quick, log })
// The app's data path: a console line in browser mode until both views show its result.
const roundTrip = await consoleRoundTrip(quick ? 3 : 7).catch((e) => ({ skipped: e instanceof Error ? e.message : String(e) }))
const ops = elementwiseRows({ root, py, quick, log })
const core = coreExe.ok ? run(coreExe.exe, []) : coreExe
if (coreExe.ok && !core.ok) log(`  engine-side conversions skipped: ${core.why}`)

const gbps = (bytes, s) => (s > 0 ? bytes / s / 1e9 : null)
const rows = list.map((c, i) => {
  const k = kernel.ok ? kernel.data.results[i] : null
  const n = numpy.ok ? numpy.data.results[i] : null
  const e = eng.ok ? eng.data.results[i] : null
  const bytes = k?.bytes ?? n?.bytes ?? c.shape.reduce((a, b) => a * b, 1) * ITEMSIZE[c.dtype]
  const row = {
    name: c.name, kind: c.kind, dtype: c.dtype, shape: c.shape, perm: c.perm, bytes,
    engine_gbps: e && !e.skipped ? gbps(bytes, e.seconds) : null,
    engine_skipped: e?.skipped ?? (eng.ok ? null : eng.why),
    kernel_gbps: k ? gbps(bytes, k.seconds) : null,
    numpy_gbps: n ? gbps(bytes, n.seconds) : null,
    memcpy_gbps: k ? gbps(bytes, k.memcpy_seconds) : null,
    kernel: (e && !e.skipped ? e.kernel : null) ?? k?.kernel ?? null,
    threads: (e && !e.skipped ? e.threads : null) ?? k?.threads ?? null,
  }
  // Ratios from the engine's own number when it has one, else from the kernel's.
  const ours = row.engine_gbps ?? row.kernel_gbps
  row.vs_numpy = ours && row.numpy_gbps ? ours / row.numpy_gbps : null
  row.vs_memcpy = ours && row.memcpy_gbps ? ours / row.memcpy_gbps : null
  row.target = c.kind === 'transpose' ? '≥8× NumPy, ≥50% memcpy'
    : c.kind === 'permute' ? '~2× NumPy'
    : c.bytes >= 256 * MiB || bytes >= 256 * MiB ? '≥1.5× NumPy' : ''
  row.met = c.kind === 'transpose' ? (row.vs_numpy == null ? null : row.vs_numpy >= 8 && row.vs_memcpy >= 0.5)
    : c.kind === 'permute' ? (row.vs_numpy == null ? null : row.vs_numpy >= 2)
    : bytes >= 256 * MiB ? (row.vs_numpy == null ? null : row.vs_numpy >= 1.5) : null
  return row
})

// Array operations (not copies) beside NumPy: seconds per call, ratio = NumPy's time / ours.
const OP_CASES = [
  { name: 'matmul f32 512² vs NumPy', op: 'matmul', dtype: 'float32', n: 512 },
  { name: 'np.concatenate 4×64 MiB f32', op: 'concatenate', dtype: 'float32', n: 16 << 20, parts: 4 },
  { name: 'a[a > 0.5] boolean mask 16M f32', op: 'mask', dtype: 'float32', n: 16 << 20 },
  { name: 'a[idx] integer gather 1M f32', op: 'gather', dtype: 'float32', n: 1 << 20 },
  { name: 'np.sort 1e6 f64', op: 'sort', dtype: 'float64', n: 1e6 },
  { name: 'np.argsort 1e6 f64', op: 'argsort', dtype: 'float64', n: 1e6 },
  { name: 'np.sort 4096² f32 axis -1', op: 'sort', dtype: 'float32', n: 4096, shape: [4096, 4096] },
]
const opsEngine = eng.ok ? run(tsx, [join('bench', 'ops_bench.ts'), JSON.stringify(OP_CASES)]) : eng
const opsNumpy = numpy.ok ? run(py, [join('bench', 'ops_numpy_bench.py')], JSON.stringify(OP_CASES)) : numpy
const opRows = OP_CASES.map((c, i) => {
  const e = opsEngine.ok ? opsEngine.data.results[i] : { skipped: opsEngine.why }
  const n = opsNumpy.ok ? opsNumpy.data.results[i] : { skipped: opsNumpy.why }
  const ours = e.skipped ? null : e.seconds
  const theirs = n.skipped ? null : n.seconds
  return {
    name: c.name, engine_seconds: ours, numpy_seconds: theirs, vs_numpy: ours && theirs ? theirs / ours : null,
    kernel: e.kernel ?? null, threads: e.threads ?? null, skipped: e.skipped ?? n.skipped ?? null,
  }
})

const conv = {
  core: core.ok ? core.data : { skipped: core.why },
  engine: eng.ok ? eng.data.conversions : { skipped: eng.why },
  numpy: numpy.ok ? numpy.data.conversions : { skipped: numpy.why },
}
const summary = {
  quick, seconds: (Date.now() - t0) / 1000, avx2: kernel.ok ? kernel.data.avx2 : null,
  numpy_version: numpy.ok ? numpy.data.numpy : null, rows, ops: opRows, conversions: conv, whole_process: whole, elementwise: ops,
  console_round_trip: roundTrip,
}

if (asJson) {
  process.stdout.write(JSON.stringify(summary, null, 2) + '\n')
} else {
  const f = (v, d = 2) => (v == null ? '—' : v.toFixed(d))
  const head = ['case', 'MiB', 'engine', 'kernel', 'NumPy', 'memcpy', '×NumPy', '%memcpy', 'target', 'ran']
  const body = rows.map((r) => [
    r.name, f(r.bytes / MiB, 0), f(r.engine_gbps), f(r.kernel_gbps), f(r.numpy_gbps), f(r.memcpy_gbps),
    r.vs_numpy == null ? '—' : f(r.vs_numpy, 1) + '×', r.vs_memcpy == null ? '—' : f(r.vs_memcpy * 100, 0) + '%',
    r.target ? `${r.target} ${r.met == null ? '' : r.met ? 'ok' : 'MISSED'}` : '',
    r.kernel ? `${r.kernel} ×${r.threads}` : '',
  ])
  const widths = head.map((h, j) => Math.max(h.length, ...body.map((b) => String(b[j]).length)))
  const line = (cells) => cells.map((c, j) => (j === 0 || j >= 8 ? String(c).padEnd(widths[j]) : String(c).padStart(widths[j]))).join('  ')
  console.log('\nGB/s (bytes of the result / median seconds)')
  console.log(line(head))
  for (const b of body) console.log(line(b))
  console.log('\noperations, median ms per call (×NumPy = NumPy time / engine time; no target):')
  for (const r of opRows) {
    const ms = (s) => (s == null ? '—' : (s * 1e3).toFixed(2))
    console.log(`  ${r.name}: engine ${ms(r.engine_seconds)}, NumPy ${ms(r.numpy_seconds)}, ×NumPy ${r.vs_numpy == null ? '—' : r.vs_numpy.toFixed(2)}` +
      (r.kernel ? `  (${r.kernel} ×${r.threads})` : '') + (r.skipped ? `  skipped: ${r.skipped}` : ''))
  }
  const us = (s) => (typeof s === 'number' ? `${(s * 1e6).toFixed(3)} µs` : '—')
  console.log('\nzero-copy conversions, per call:')
  if (conv.core.skipped) console.log(`  engine core (C++): skipped (${conv.core.skipped})`)
  else console.log(`  engine core (C++, target <= 2 µs): from_numpy ${us(conv.core.from_numpy_seconds)}, numpy() ${us(conv.core.numpy_seconds)}, a.T ${us(conv.core.view_T_seconds)}`)
  if (conv.engine.skipped) console.log(`  engine: skipped (${conv.engine.skipped})`)
  else console.log(`  engine (TS API: addon call + JS wrapper): from_numpy ${us(conv.engine.from_numpy_seconds)}, numpy() ${us(conv.engine.numpy_seconds)}, a.T ${us(conv.engine.view_T_seconds)}`)
  if (conv.numpy.skipped) console.log(`  NumPy: skipped (${conv.numpy.skipped})`)
  else console.log(`  NumPy: a.T ${us(conv.numpy.view_T_seconds)}, np.asarray(a) ${us(conv.numpy.asarray_seconds)}`)
  console.log('\n' + formatWholeProcess(whole).join('\n'))
  console.log('\n' + formatConsoleRoundTrip(roundTrip))
  console.log('\n' + formatElementwise(ops).join('\n'))
  const skippedEngine = rows.find((r) => r.engine_skipped)
  if (skippedEngine) console.log(`\nengine column: ${skippedEngine.engine_skipped}`)
  console.log(`\n${summary.seconds.toFixed(1)} s; AVX2 ${summary.avx2 ? 'yes' : 'no'}; NumPy ${summary.numpy_version ?? 'absent'}`)
}
