// Opening tensor files in the app: an "Open file" button (a file dialog: <input type=file>
// in Electron and the browser alike, the bytes sent size-capped), a path box for files on
// the backend's disk, drag-and-drop anywhere on the window, and the opened file's table.
// Loading runs Python through the session, so the tensors land in the workspace and history.
import { useCallback, useEffect, useRef, useState } from 'react'
import type { FilesApi, OpenFileResult } from '../../../shared/files-protocol'
import { useApp } from '../state/context'
import { FileTable } from './FileTable'
import { fileAsBase64 } from './readFileBytes'
import './files.css'

function filesApiOf(host: unknown): FilesApi | null {
  const h = host as Partial<FilesApi>
  return typeof h.openFile === 'function' && typeof h.openFileBytes === 'function' ? (h as FilesApi) : null
}

export function FilePanel(): React.JSX.Element | null {
  const { controller, store } = useApp()
  const api = filesApiOf(controller.host)
  const input = useRef<HTMLInputElement>(null)
  const [result, setResult] = useState<OpenFileResult | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [open, setOpen] = useState(false)
  const [dragging, setDragging] = useState(false)
  const [path, setPath] = useState('')

  const finish = useCallback(async (p: Promise<OpenFileResult>) => {
    setError(null)
    try {
      const r = await p
      setResult(r)
      setOpen(true)
      store.dispatch({ type: 'workspace', workspace: r.run.snapshot, force: true })
      if (r.run.error) setError(`${r.run.error.type}: ${r.run.error.message}`)
    } catch (e) {
      // A failed open shows no table: the previous file's would read as this one's.
      setResult(null)
      setOpen(false)
      setError(e instanceof Error ? e.message : String(e))
    }
  }, [store])

  const openFiles = useCallback((files: FileList | null) => {
    if (!api || !files || files.length === 0) return
    const f = files[0]
    void finish(fileAsBase64(f).then((b64) => api.openFileBytes(f.name, b64)))
  }, [api, finish])

  useEffect(() => {
    if (!api) return
    const over = (e: DragEvent): void => {
      if (!e.dataTransfer?.types.includes('Files')) return
      e.preventDefault()
      setDragging(true)
    }
    const leave = (e: DragEvent): void => { if (e.relatedTarget === null) setDragging(false) }
    const drop = (e: DragEvent): void => {
      if (!e.dataTransfer?.files.length) return
      e.preventDefault()
      setDragging(false)
      openFiles(e.dataTransfer.files)
    }
    window.addEventListener('dragover', over)
    window.addEventListener('dragleave', leave)
    window.addEventListener('drop', drop)
    return () => {
      window.removeEventListener('dragover', over)
      window.removeEventListener('dragleave', leave)
      window.removeEventListener('drop', drop)
    }
  }, [api, openFiles])

  if (!api) return null
  return (
    <div className="file-panel" data-testid="file-panel">
      <button onClick={() => input.current?.click()} data-testid="open-file" title="Open a .npy, .npz, .safetensors or .pt file (or drop one on the window)">Open file…</button>
      <input ref={input} type="file" hidden accept=".npy,.npz,.safetensors,.pt,.pth,.bin,.ckpt"
        onChange={(e) => { openFiles(e.target.files); e.target.value = '' }} data-testid="open-file-input" />
      <form onSubmit={(e) => { e.preventDefault(); if (path.trim()) void finish(api.openFile(path.trim())) }}>
        <input value={path} onChange={(e) => setPath(e.target.value)} placeholder="or a path on the backend's disk" aria-label="file path" data-testid="open-file-path" />
      </form>
      {result && <button onClick={() => setOpen((o) => !o)} data-testid="toggle-file-table">{open ? 'hide' : 'show'} {result.table.path.split(/[\\/]/).pop()}</button>}
      {error && <span className="error" role="alert" data-testid="file-error">{error}</span>}
      {dragging && <div className="drop-zone" data-testid="drop-zone">Drop a tensor file to open it</div>}
      {open && result && <FileTable table={result.table} />}
    </div>
  )
}
