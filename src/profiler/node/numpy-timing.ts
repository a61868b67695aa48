// Times NumPy's equivalents of sweep cells in the same run (python3 + NumPy,
// numpy_timing.py beside this file). Absent python3 or NumPy is not an error:
// the result says why it was skipped, and the CLI prints that note.
import { spawnSync } from 'node:child_process'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { timingStats } from '../stats'
import type { NumpyTiming, SweepRow } from '../types'

function here(): string {
  if (typeof __dirname !== 'undefined') return __dirname
  return dirname(fileURLToPath(import.meta.url))
}

export type NumpyRun = { ok: true; version: string } | { ok: false; why: string }

/**
 * Attaches `numpy` (median, min–max, ratio NumPy/ours) to each timed row that has
 * an equivalent; rows without one get null. Returns whether NumPy ran and why not.
 */
export function compareWithNumpy(rows: SweepRow[], warmup: number, repeats: number, python = process.env.PYTHON || 'python3'): NumpyRun {
  const timed = rows.filter((r) => r.skipped === null)
  if (timed.length === 0) return { ok: false, why: 'no timed rows' }
  const input = JSON.stringify({ warmup, repeats, cases: timed.map((r) => ({ op: r.op, shape: r.shape })) })
  const p = spawnSync(python, [join(here(), 'numpy_timing.py')], { input, encoding: 'utf8', maxBuffer: 16 << 20 })
  if (p.error) return { ok: false, why: `${python} not found (${p.error.message})` }
  if (p.status !== 0) {
    const err = (p.stderr || '').trim()
    return { ok: false, why: /No module named .?numpy/.test(err) ? `NumPy is not installed for ${python}` : `${python} failed: ${err.split('\n').slice(-1)[0]}` }
  }
  let out: { numpy: string; results: ({ expr: string; samples: number[] } | null)[] }
  try {
    out = JSON.parse(p.stdout)
  } catch {
    return { ok: false, why: `unreadable output from numpy_timing.py: ${p.stdout.slice(0, 120)}` }
  }
  timed.forEach((row, i) => {
    const res = out.results[i]
    if (!res) { row.numpy = null; return }
    const seconds = timingStats(res.samples)
    const numpy: NumpyTiming = { expr: res.expr, seconds, ratio: row.seconds.median > 0 ? seconds.median / row.seconds.median : null }
    row.numpy = numpy
  })
  return { ok: true, version: out.numpy }
}
