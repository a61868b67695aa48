// The text table `stridescope inspect` prints: one row per entry, then the storages.
import type { FileDescription, FileEntry } from './description'
import { entryNumel } from './description'

function tuple(xs: readonly number[]): string {
  return xs.length === 1 ? `(${xs[0]},)` : `(${xs.join(', ')})`
}

function elementStrides(e: FileEntry): string {
  // Tensor strides are in elements; NumPy's need not be multiples of the itemsize.
  if (e.strides.every((s) => s % e.itemsize === 0)) return tuple(e.strides.map((s) => s / e.itemsize))
  return '-'
}

/** The entries sharing bytes with `e`, as listed, and how many more ('' when none). */
export function sharesText(e: FileEntry): string {
  return [...e.sharesWith, ...(e.sharesWithMore ? [`+${e.sharesWithMore} more`] : [])].join(', ')
}

export function entryRow(e: FileEntry): string[] {
  const dtype = (e.dtype ?? `${e.dtypeText}?`) + (e.byteOrder === '>' ? ' (big-endian)' : '') + (e.fortranOrder ? ' F' : '')
  const offset = e.byteOffset % e.itemsize === 0 && e.byteOffset !== 0 ? `${e.byteOffset} (${e.byteOffset / e.itemsize} el)` : String(e.byteOffset)
  return [
    e.name, dtype, tuple(e.shape), elementStrides(e), tuple(e.strides), offset, e.storageKey,
    String(entryNumel(e) * e.itemsize), sharesText(e) || '-',
  ]
}

const HEAD = ['name', 'dtype', 'shape', 'strides', 'byte strides', 'offset', 'storage', 'bytes', 'shares with']

export function formatTable(d: FileDescription): string {
  // Loops, not spreads: a file may list a million entries (more than a call takes arguments).
  const rows = [HEAD]
  for (const e of d.entries) rows.push(entryRow(e))
  const widths = HEAD.map(() => 0)
  for (const r of rows) for (let c = 0; c < r.length; c++) widths[c] = Math.max(widths[c], r[c].length)
  const line = (r: string[]) => r.map((x, c) => x.padEnd(widths[c])).join('  ').trimEnd()
  const out = [`format: ${d.format}`]
  for (const [k, v] of Object.entries(d.metadata)) out.push(`${k}: ${v}`)
  out.push('', line(rows[0]), line(widths.map((w) => '-'.repeat(w))))
  for (let i = 1; i < rows.length; i++) out.push(line(rows[i]))
  out.push('')
  out.push('storages:')
  for (const s of d.storages) {
    const used = d.entries.filter((e) => e.storageKey === s.key).reduce((a, e) => a + entryNumel(e) * e.itemsize, 0)
    out.push(`  ${s.key}: ${s.nbytes} bytes${s.location ? ` on ${s.location}` : ''}${s.lazy ? ' (read from disk on demand)' : ''}` +
      (used < s.nbytes ? `; its entries view ${used} of them` : ''))
  }
  for (const e of d.entries) if (e.unsupported) out.push(`note: ${e.name}: ${e.unsupported}`)
  for (const w of d.warnings) out.push(`warning: ${w}`)
  return out.join('\n') + '\n'
}
