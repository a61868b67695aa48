// CSV (RFC 4180: comma-separated, CRLF rows, quotes doubled) and JSON export of
// sweep results and of the profiled op log, and the CSV parser that reads a sweep
// back. Numbers are written with JS's shortest round-trip form, so a value read
// back is the value written. Pure: the renderer's export buttons use it too.
import type { OpKind, ProfiledOp, SweepOpId, SweepResult, SweepRow } from './types'

function csvField(v: string): string {
  return /[",\r\n]/.test(v) || /^\s|\s$/.test(v) ? `"${v.replace(/"/g, '""')}"` : v
}

export function toCsv(header: readonly string[], rows: readonly (readonly string[])[]): string {
  return [header, ...rows].map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n'
}

/** Parses RFC 4180 CSV (also accepts bare LF line ends); returns the rows of fields. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let i = 0
  let quoted = false
  while (i < text.length) {
    const c = text[i]
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') { field += '"'; i += 2; continue }
        quoted = false; i++; continue
      }
      field += c; i++; continue
    }
    if (c === '"' && field === '') { quoted = true; i++; continue }
    if (c === ',') { row.push(field); field = ''; i++; continue }
    if (c === '\r' || c === '\n') {
      row.push(field); rows.push(row); row = []; field = ''
      i += c === '\r' && text[i + 1] === '\n' ? 2 : 1
      continue
    }
    field += c; i++
  }
  if (quoted) throw new Error('CSV: unterminated quoted field')
  if (field !== '' || row.length > 0) { row.push(field); rows.push(row) }
  return rows
}

const num = (v: number | null | undefined) => (v === null || v === undefined ? '' : String(v))
const bool = (v: boolean) => (v ? 'true' : 'false')

/** The columns of a sweep CSV, in order. */
export const SWEEP_CSV_COLUMNS = [
  'op', 'label', 'kind', 'bytes', 'shape', 'dtype', 'copied', 'bytes_moved', 'kernel', 'reason', 'simulated',
  'repeats', 'median_s', 'min_s', 'max_s', 'gbps', 'gbps_min', 'gbps_max', 'peak_fraction',
  'numpy_expr', 'numpy_median_s', 'numpy_min_s', 'numpy_max_s', 'numpy_n', 'vs_numpy', 'skipped',
] as const

export function sweepToCsv(rows: readonly SweepRow[]): string {
  return toCsv(SWEEP_CSV_COLUMNS, rows.map((r) => [
    r.op, r.label, r.kind, num(r.bytes), r.shape.join('x'), r.dtype, bool(r.copied), num(r.bytesMoved), r.kernel, r.reason,
    bool(r.simulated), num(r.repeats), num(r.seconds.median), num(r.seconds.min), num(r.seconds.max),
    num(r.gbps), num(r.gbpsMin), num(r.gbpsMax), num(r.peakFraction),
    r.numpy?.expr ?? '', num(r.numpy?.seconds.median), num(r.numpy?.seconds.min), num(r.numpy?.seconds.max),
    num(r.numpy?.seconds.n), num(r.numpy?.ratio), r.skipped ?? '',
  ]))
}

function toNum(s: string, col: string): number {
  const n = Number(s)
  if (s === '' || !Number.isFinite(n)) throw new Error(`CSV: column ${col}: not a number: '${s}'`)
  return n
}
const toNumOrNull = (s: string, col: string) => (s === '' ? null : toNum(s, col))
function toBool(s: string, col: string): boolean {
  if (s !== 'true' && s !== 'false') throw new Error(`CSV: column ${col}: not true/false: '${s}'`)
  return s === 'true'
}

/** Reads a sweep CSV back into rows (the inverse of sweepToCsv). */
export function sweepFromCsv(text: string): SweepRow[] {
  const [header, ...body] = parseCsv(text)
  if (!header || header.join(',') !== SWEEP_CSV_COLUMNS.join(',')) throw new Error('CSV: not a Stridescope sweep (header differs)')
  return body.map((f, i) => {
    if (f.length !== header.length) throw new Error(`CSV: row ${i + 1} has ${f.length} fields, expected ${header.length}`)
    const g = Object.fromEntries(header.map((h, j) => [h, f[j]])) as Record<(typeof SWEEP_CSV_COLUMNS)[number], string>
    const row: SweepRow = {
      op: g.op as SweepOpId, label: g.label, kind: g.kind as OpKind, bytes: toNum(g.bytes, 'bytes'),
      shape: g.shape === '' ? [] : g.shape.split('x').map((s) => toNum(s, 'shape')), dtype: g.dtype,
      copied: toBool(g.copied, 'copied'), bytesMoved: toNum(g.bytes_moved, 'bytes_moved'), kernel: g.kernel,
      reason: g.reason, simulated: toBool(g.simulated, 'simulated'), repeats: toNum(g.repeats, 'repeats'),
      seconds: { n: 0, median: toNum(g.median_s, 'median_s'), min: toNum(g.min_s, 'min_s'), max: toNum(g.max_s, 'max_s') },
      gbps: toNumOrNull(g.gbps, 'gbps'), gbpsMin: toNumOrNull(g.gbps_min, 'gbps_min'), gbpsMax: toNumOrNull(g.gbps_max, 'gbps_max'),
      peakFraction: toNumOrNull(g.peak_fraction, 'peak_fraction'), skipped: g.skipped === '' ? null : g.skipped,
    }
    // A skipped cell has no samples; a timed one has `repeats` of them.
    row.seconds.n = row.skipped === null ? row.repeats : 0
    if (g.numpy_expr !== '') {
      row.numpy = {
        expr: g.numpy_expr,
        seconds: { n: toNum(g.numpy_n, 'numpy_n'), median: toNum(g.numpy_median_s, 'numpy_median_s'), min: toNum(g.numpy_min_s, 'numpy_min_s'), max: toNum(g.numpy_max_s, 'numpy_max_s') },
        ratio: toNumOrNull(g.vs_numpy, 'vs_numpy'),
      }
    }
    return row
  })
}

export function sweepToJson(result: SweepResult): string {
  return JSON.stringify(result, null, 2) + '\n'
}

export const OP_LOG_CSV_COLUMNS = [
  'line', 'op', 'kind', 'copied', 'causes', 'reason', 'bytes', 'kernel', 'seconds', 'gbps', 'peak_fraction',
  'transfer_from', 'transfer_to', 'pinned', 'simulated',
] as const

export function opLogToCsv(ops: readonly ProfiledOp[]): string {
  return toCsv(OP_LOG_CSV_COLUMNS, ops.map((o) => [
    o.line, o.op, o.kind, bool(o.copied), o.causes.join('; '), o.reason, num(o.bytes), o.kernel, num(o.seconds),
    num(o.gbps), num(o.peakFraction), o.transfer?.from ?? '', o.transfer?.to ?? '',
    o.transfer ? bool(o.transfer.pinned) : '', bool(o.simulated),
  ]))
}
