// Whole-process rows of `npm run bench`: the same .py file run start to finish by
// `bin/stridescope run` and by CPython + NumPy, alternating, so both see the same
// machine load. The outputs must be identical; a row whose outputs differ has no ratio.
//   8 × .T        a = np.ones((4096, 4096), np.float32), then 8 × b = np.ascontiguousarray(a.T)   target ≥ 8× CPython
//   print(1)      start-up alone                                                                   target ≤ 120 ms
//   40 × np.ones  for i in range(40): b = np.ones((8192, 8192), np.float32): peak resident memory   target ≈ CPython's
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'

const TRANSPOSES = `import numpy as np
a = np.ones((4096, 4096), np.float32)
${'b = np.ascontiguousarray(a.T)\n'.repeat(8)}print(b.shape, b.dtype, b.flags.c_contiguous, b[1, :3])
`
const REBINDING = `import numpy as np
for i in range(40):
    b = np.ones((8192, 8192), np.float32)
print(b.shape, b[0, :2])
`

function timed(cmd, args) {
  const t0 = process.hrtime.bigint()
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 16 << 20 })
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9
  return { ok: r.status === 0, seconds, stdout: r.stdout ?? '', why: (r.stderr || r.error?.message || `exit ${r.status}`).trim().split('\n').pop() }
}

/** Peak resident set size in bytes, through GNU time (null where it is missing). */
function peakRss(cmd, args) {
  if (!existsSync('/usr/bin/time')) return null
  const r = spawnSync('/usr/bin/time', ['-f', '%M', cmd, ...args], { encoding: 'utf8', maxBuffer: 16 << 20 })
  const kb = Number((r.stderr ?? '').trim().split('\n').pop())
  return r.status === 0 && Number.isFinite(kb) ? kb * 1024 : null
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]

/** Runs both sides `runs` times each, alternating which goes first. */
function race(name, file, { root, py, runs }) {
  // Started as a person types it (`bin/stridescope run FILE`, through its #! line), as
  // CPython is (`python3 FILE`).
  const ours = [join(root, 'bin', 'stridescope'), ['run', file]]
  const theirs = [py, [file]]
  const t = { ours: [], theirs: [] }
  let outputs = null
  for (let i = 0; i < runs; i++) {
    const order = i % 2 ? [['theirs', theirs], ['ours', ours]] : [['ours', ours], ['theirs', theirs]]
    for (const [side, [cmd, args]] of order) {
      const r = timed(cmd, args)
      if (!r.ok) return { name, skipped: `${side === 'ours' ? 'stridescope' : py} failed: ${r.why}` }
      t[side].push(r.seconds)
      outputs ??= {}
      outputs[side] = r.stdout
    }
  }
  const identical = outputs.ours === outputs.theirs
  const row = { name, stridescope_seconds: median(t.ours), cpython_seconds: median(t.theirs), identical, runs }
  row.speedup = identical ? row.cpython_seconds / row.stridescope_seconds : null
  return row
}

export function wholeProcessRows({ root, py, quick, log }) {
  const dir = mkdtempSync(join(tmpdir(), 'stridescope-bench-'))
  const write = (name, text) => { const f = join(dir, name); writeFileSync(f, text); return f }
  const probe = spawnSync(py, ['-c', 'import numpy'], { encoding: 'utf8' })
  if (probe.status !== 0) return { skipped: `NumPy is not installed for ${py}` }
  // The first start may rebuild the command-line bundle: not part of any measurement.
  spawnSync(join(root, 'bin', 'stridescope'), ['run', write('warm.py', 'pass\n')])
  const runs = quick ? 3 : 7
  const load = loadavg()[0]
  log('  whole process: 8 × .T, print(1)' + (quick ? '' : ', 40 × np.ones peak memory'))
  const transposes = race('8 × np.ascontiguousarray(a.T), f32 4096²', write('transposes.py', TRANSPOSES), { root, py, runs })
  transposes.target = '≥8× CPython'
  transposes.met = transposes.speedup == null ? null : transposes.speedup >= 8
  const start = race('print(1)', write('print1.py', 'print(1)\n'), { root, py, runs: runs * 2 })
  start.target = '≤120 ms'
  start.met = start.stridescope_seconds == null ? null : start.stridescope_seconds <= 0.12
  const rows = [transposes, start]
  if (!quick) {
    const f = write('rebinding.py', REBINDING)
    rows.push({
      name: '40 × b = np.ones((8192, 8192), f32): peak RSS',
      stridescope_peak_bytes: peakRss(join(root, 'bin', 'stridescope'), ['run', f]),
      cpython_peak_bytes: peakRss(py, [f]),
      target: '≈ CPython (one array freed per rebinding)',
    })
  }
  // Both sides share the machine: the load says how far the figures are from an idle one.
  return { rows, load: [load, loadavg()[0]] }
}

/** The rows as text. */
export function formatWholeProcess(w) {
  if (w.skipped) return [`whole process: skipped (${w.skipped})`]
  const s = (x) => (x == null ? '—' : `${(x * 1000).toFixed(0)} ms`)
  const gib = (x) => (x == null ? '—' : `${(x / 2 ** 30).toFixed(2)} GiB`)
  const load = w.load ? `; load average ${w.load.map((x) => x.toFixed(1)).join(' → ')}` : ''
  const lines = [`whole process (bin/stridescope run vs CPython + NumPy, alternating runs, medians${load}):`]
  for (const r of w.rows) {
    if (r.skipped) lines.push(`  ${r.name}: skipped (${r.skipped})`)
    else if (r.stridescope_peak_bytes !== undefined) lines.push(`  ${r.name}: stridescope ${gib(r.stridescope_peak_bytes)}, CPython ${gib(r.cpython_peak_bytes)}; target ${r.target}`)
    else {
      const ratio = r.speedup == null ? (r.identical ? '—' : 'outputs differ') : `${r.speedup.toFixed(1)}×`
      lines.push(`  ${r.name}: stridescope ${s(r.stridescope_seconds)}, CPython ${s(r.cpython_seconds)}, ${ratio}; target ${r.target} ${r.met == null ? '' : r.met ? 'ok' : 'MISSED'}`)
    }
  }
  return lines
}
