// The table of a file's tensors: name (and the workspace name it got), dtype, shape,
// byte strides, offset, storage and its size, bytes, and which entries share bytes.
import type { FileTable as Table } from '../../../shared/files-protocol'
import { count, formatBytes } from '../model/format'

const tuple = (xs: number[]): string => (xs.length === 1 ? `(${xs[0]},)` : `(${xs.join(', ')})`)

export function FileTable({ table }: { table: Table }): React.JSX.Element {
  return (
    <div className="file-table" data-testid="file-table">
      <div className="panel-head">
        {table.path.split(/[\\/]/).pop()} · {table.format} · {formatBytes(table.fileBytes)} · {count(table.entries.length, 'tensor')}
      </div>
      {table.warnings.map((w) => <div key={w} className="banner warning">{w}</div>)}
      <pre className="file-code" data-testid="file-code" title="the Python lines that loaded this file">{table.code}</pre>
      <table>
        <thead>
          <tr><th>name</th><th>variable</th><th>dtype</th><th>shape</th><th>strides (bytes)</th><th>offset</th><th>storage</th><th>bytes</th><th>shares with</th></tr>
        </thead>
        <tbody>
          {table.entries.map((e) => (
            <tr key={e.name} data-testid="file-entry" title={e.unsupported ?? undefined}>
              <td>{e.name}</td>
              <td><code>{e.variable || '—'}</code></td>
              <td>{e.byteOrder === '>' ? `>${e.dtype}` : e.dtype}{e.fortranOrder ? ' (F)' : ''}{e.readOnly ? ' read-only' : ''}</td>
              <td>{tuple(e.shape)}</td>
              <td>{tuple(e.strides)}</td>
              <td>{e.byteOffset}</td>
              <td>{e.storage} ({formatBytes(e.storageBytes)})</td>
              <td className={e.storageBytes > e.nbytes * 2 ? 'warn' : undefined}>{formatBytes(e.nbytes)}</td>
              <td>{e.sharesWith.join(', ') || '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {table.truncated && <div className="banner warning">only the first {table.entries.length} entries are listed</div>}
    </div>
  )
}
