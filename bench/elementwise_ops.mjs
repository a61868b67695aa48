// The elementwise and reduction rows of `npm run bench` (matmul has its own, bench/ops_bench.ts): elementwise, ufunc and reduction kernels of the
// engine beside NumPy on the same 4096x4096 float32 operands, run back to back in one
// bench run. Bytes are what each operation must read and write; "%memcpy" compares with the
// engine's own contiguous copy of one operand (read + write) in the same run.
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'

// bytes moved per element of the 4096² float32 operands, and what is not measured yet
const OPS = [
  { name: 'copy', label: 'a.copy() (memcpy reference)', rw: 8 },
  { name: 'add_f32', label: 'a + b f32', rw: 12 },
  { name: 'T_plus_1', label: 'a.T + 1 f32 (transposed input)', rw: 8 },
  { name: 'sqrt_f32', label: 'np.sqrt(a) f32', rw: 8 },
  { name: 'sum_axis0', label: 'a.sum(axis=0) f32', rw: 4 },
  { name: 'sum_axis1', label: 'a.sum(axis=1) f32', rw: 4 },
  { name: 'max_f32', label: 'a.max() f32', rw: 4 },
]
// matmul, np.concatenate and the indexing rows (a[a > 0.5], a[idx]) are in the operation rows of bench/ops_bench.ts.

function runJson(cmd, args, cwd) {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8', maxBuffer: 1 << 24 })
  if (r.status !== 0) return { ok: false, why: (r.stderr || r.error?.message || '').trim().split('\n').pop() }
  try { return { ok: true, data: JSON.parse(r.stdout) } } catch { return { ok: false, why: 'bad JSON' } }
}

export function elementwiseRows({ root, py, quick, log }) {
  const n = quick ? 2048 : 4096
  log(`  operations on ${n}x${n} float32 (engine, then NumPy)`)
  const tsx = join(root, 'node_modules', '.bin', 'tsx')
  const eng = runJson(tsx, [join('bench', 'elementwise_bench.ts'), String(n)], root)
  const np = runJson(py, [join('bench', 'elementwise_numpy.py'), String(n)], root)
  const elems = n * n
  const copyS = eng.ok ? eng.data.seconds.copy : null
  return {
    n,
    engine_skipped: eng.ok ? null : eng.why,
    numpy_skipped: np.ok ? null : np.why,
    rows: OPS.map((o) => {
      const es = eng.ok ? eng.data.seconds[o.name] ?? null : null
      const ns = np.ok ? np.data.seconds[o.name] ?? null : null
      const bytes = elems * o.rw
      return {
        name: o.name, label: o.label, bytes, engine_seconds: es, numpy_seconds: ns,
        engine_gbps: es ? bytes / es / 1e9 : null, numpy_gbps: ns ? bytes / ns / 1e9 : null,
        vs_numpy: es && ns ? ns / es : null,
        vs_memcpy: es && copyS ? (bytes / es) / ((elems * 8) / copyS) : null,
        threads: eng.ok ? eng.data.threads[o.name] ?? null : null,
        skipped: eng.ok ? eng.data.skipped?.[o.name] ?? null : eng.why,
      }
    }),
  }
}

export function formatElementwise(ops) {
  const f = (v, d = 2) => (v == null ? '—' : v.toFixed(d))
  const out = [`operations (${ops.n}² float32; GB/s = bytes read + written / median seconds; ×NumPy = NumPy's time / ours)`]
  const head = ['operation', 'engine', 'NumPy', '×NumPy', '%memcpy', 'threads']
  const body = ops.rows.map((r) => [r.label, f(r.engine_gbps), f(r.numpy_gbps), r.vs_numpy == null ? '—' : f(r.vs_numpy, 2) + '×',
    r.vs_memcpy == null ? '—' : f(r.vs_memcpy * 100, 0) + '%', r.threads == null ? (r.skipped ?? '—') : String(r.threads)])
  const widths = head.map((h, j) => Math.max(h.length, ...body.map((b) => String(b[j]).length)))
  const line = (cells) => cells.map((c, j) => (j === 0 ? String(c).padEnd(widths[j]) : String(c).padStart(widths[j]))).join('  ')
  out.push(line(head), ...body.map(line))
  if (ops.engine_skipped) out.push(`  engine skipped: ${ops.engine_skipped}`)
  if (ops.numpy_skipped) out.push(`  NumPy skipped: ${ops.numpy_skipped}`)
  return out
}
