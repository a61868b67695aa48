// Actions on the selected object. Each builds a Python line (shown before it
// runs), sends it through the console's runner and shows the outcome inline.
import { useEffect, useMemo, useState } from 'react'
import { useApp } from '../state/context'
import { useStore } from '../state/store'
import { objectNames, selectedObject } from '../state/appState'
import {
  conversionLine, conversionsFor, copiesFor, copyLine, deleteLine, deviceLine, editLine, freshName, isValidName,
  parseIntList, valueLiteral, viewLine, type ViewOp
} from '../model/pythonLines'
import { checkArrayAsStrided, checkTensorAsStrided } from '../model/asStrided'
import { primaryName } from '../model/types'
import { ActionResult, LinePreview, type Outcome } from './ActionResult'

type Tab = 'view' | 'convert' | 'copy' | 'device' | 'edit' | 'delete'
type ViewKind = ViewOp['op']

export function ObjectActions(): React.JSX.Element | null {
  const { store, controller } = useApp()
  const sel = useStore(store, selectedObject)
  const names = useStore(store, objectNames)
  const picked = useStore(store, (s) => s.picked)
  const devices = useStore(store, (s) => s.workspace.devices)
  const [tab, setTab] = useState<Tab>('view')
  const [outcome, setOutcome] = useState<Outcome | null>(null)
  const [out, setOut] = useState('')
  const [viewKind, setViewKind] = useState<ViewKind>('T')
  const [arg1, setArg1] = useState('')
  const [arg2, setArg2] = useState('')
  const [arg3, setArg3] = useState('')
  const [editIndex, setEditIndex] = useState('')
  const [editValue, setEditValue] = useState('')
  const [toDevice, setToDevice] = useState('cpu')

  const suggested = useMemo(() => freshName(names), [names])
  const outName = out.trim() || suggested
  useEffect(() => { setOutcome(null) }, [sel?.info.id])
  useEffect(() => {
    if (picked && sel && picked.objectId === sel.info.id) {
      setEditIndex(picked.index.join(', '))
      setTab('edit')
    }
  }, [picked]) // eslint-disable-line react-hooks/exhaustive-deps

  if (!sel) return null
  const src = primaryName(sel)
  const kind = sel.info.kind
  const tensor = kind === 'tensor'
  const nameOk = isValidName(outName)

  const run = async (line: string | null): Promise<void> => {
    if (!line) return
    const error = await controller.runAction(line)
    setOutcome({ line, error })
    if (!error) setOut('')
  }

  // ---- view ops: build the line and, for as_strided, validate live ----
  let viewOp: ViewOp | null = null
  let check: string | null = null
  switch (viewKind) {
    case 'T': viewOp = { op: 'T' }; break
    case 'slice': viewOp = arg1.trim() ? { op: 'slice', spec: arg1.trim() } : null; break
    case 'transpose': {
      const a = parseIntList(arg1, true), b = parseIntList(arg2, true)
      viewOp = a?.length === 1 && b?.length === 1 ? { op: 'transpose', dim0: a[0], dim1: b[0] } : null
      break
    }
    case 'permute': { const d = parseIntList(arg1, true); viewOp = d ? { op: 'permute', dims: d } : null; break }
    case 'expand': case 'reshape': case 'view': {
      const d = parseIntList(arg1, true); viewOp = d ? { op: viewKind, shape: d } : null; break
    }
    case 'as_strided': {
      const shape = parseIntList(arg1, true), strides = parseIntList(arg2, true)
      const offText = arg3.trim()
      const off = offText === '' ? null : parseIntList(offText, true)
      if (shape && strides && (off === null || off.length === 1)) {
        viewOp = { op: 'as_strided', shape, strides, offset: off ? off[0] : null }
        const r = tensor ? checkTensorAsStrided(sel.info, shape, strides, off ? off[0] : null) : checkArrayAsStrided(sel.info, shape, strides)
        check = r.ok ? null : r.message
      }
      break
    }
  }
  const viewText = viewOp && nameOk ? viewLine(outName, src, kind, viewOp) : null
  const editLit = valueLiteral(sel.info.dtype, editValue)
  const editIdx = parseIntList(editIndex, true)
  const editText = editLit !== null && editIdx && editIdx.length === sel.info.shape.length ? editLine(src, editIdx, editLit) : null
  const cudaNames = devices.filter((d) => d.type === 'cuda').map((d) => d.name)

  const placeholders: Record<ViewKind, [string, string?, string?]> = {
    T: ['' ],
    slice: ['1:, ::2'],
    transpose: ['dim0', 'dim1'],
    permute: ['dims, e.g. 2, 0, 1'],
    expand: ['shape, e.g. 3, 4'],
    reshape: ['shape, e.g. 3, -1'],
    view: ['shape, e.g. 6'],
    as_strided: [
      'shape, e.g. 2, 2',
      tensor ? 'strides in elements, e.g. 1, 2' : 'strides in bytes, e.g. 8, 16',
      tensor ? `offset (default ${sel.info.offset})` : undefined
    ]
  }
  const ph = placeholders[viewKind]
  const viewKinds: ViewKind[] = tensor ? ['T', 'slice', 'transpose', 'permute', 'expand', 'reshape', 'view', 'as_strided'] : ['T', 'slice', 'transpose', 'permute', 'expand', 'reshape', 'as_strided']

  return (
    <div className="actions" data-testid="object-actions">
      <div className="tabs" role="tablist">
        {(['view', 'convert', 'copy', 'device', 'edit', 'delete'] as Tab[]).filter((t) => t !== 'device' || tensor).map((t) => (
          <button key={t} role="tab" aria-selected={tab === t} className={tab === t ? 'on' : ''} data-testid={`tab-${t}`} onClick={() => setTab(t)}>{t}</button>
        ))}
      </div>
      {tab !== 'edit' && tab !== 'delete' && (
        <label className="field">result name
          <input value={out} placeholder={suggested} onChange={(e) => setOut(e.target.value)} data-testid="out-name" aria-invalid={!nameOk} spellCheck={false} />
        </label>
      )}
      {tab === 'view' && (
        <form className="form" onSubmit={(e) => { e.preventDefault(); if (!check) void run(viewText) }}>
          <select value={viewKind} onChange={(e) => { setViewKind(e.target.value as ViewKind); setArg1(''); setArg2(''); setArg3('') }} data-testid="view-op">
            {viewKinds.map((k) => <option key={k} value={k}>{k === 'T' ? '.T' : k}</option>)}
          </select>
          {ph[0] !== '' && <input value={arg1} placeholder={ph[0]} onChange={(e) => setArg1(e.target.value)} data-testid="view-arg1" spellCheck={false} />}
          {ph[1] && <input value={arg2} placeholder={ph[1]} onChange={(e) => setArg2(e.target.value)} data-testid="view-arg2" spellCheck={false} />}
          {ph[2] && <input value={arg3} placeholder={ph[2]} onChange={(e) => setArg3(e.target.value)} data-testid="view-arg3" spellCheck={false} />}
          <LinePreview line={viewText} />
          {check && <div className="live-check" data-testid="live-check">
            {tensor ? `would raise RuntimeError: ${check}` : `NumPy would not check this (it reads whatever lies there); the engine refuses it: ${check}`}
          </div>}
          <button type="submit" disabled={!viewText || !!check} data-testid="run-view">Run</button>
        </form>
      )}
      {tab === 'convert' && (
        <div className="btn-grid">
          {conversionsFor(kind).map((c) => (
            <button key={c} disabled={!nameOk} data-testid={`convert-${c}`} onClick={() => void run(conversionLine(outName, src, c))} title={conversionLine(outName, src, c)}>
              {conversionLine(outName, src, c).split(' = ')[1]}
            </button>
          ))}
        </div>
      )}
      {tab === 'copy' && (
        <div className="btn-grid">
          {copiesFor(kind).map((c) => (
            <button key={c} disabled={!nameOk} data-testid={`copy-${c}`} onClick={() => void run(copyLine(outName, src, c))} title={copyLine(outName, src, c)}>
              {copyLine(outName, src, c).split(' = ')[1]}
            </button>
          ))}
        </div>
      )}
      {tab === 'device' && tensor && (
        <div className="btn-grid">
          <button disabled={!nameOk} data-testid="move-cuda" onClick={() => void run(deviceLine(outName, src, { op: 'cuda' }))}>{src}.cuda()</button>
          <button disabled={!nameOk} data-testid="move-cpu" onClick={() => void run(deviceLine(outName, src, { op: 'cpu' }))}>{src}.cpu()</button>
          <button disabled={!nameOk} data-testid="move-pin" onClick={() => void run(deviceLine(outName, src, { op: 'pin_memory' }))}>{src}.pin_memory()</button>
          <span className="inline">
            <select value={toDevice} onChange={(e) => setToDevice(e.target.value)} data-testid="move-to-device">
              {['cpu', ...cudaNames, ...(cudaNames.length ? [] : ['cuda'])].map((d) => <option key={d}>{d}</option>)}
            </select>
            <button disabled={!nameOk} data-testid="move-to" onClick={() => void run(deviceLine(outName, src, { op: 'to', device: toDevice }))}>.to()</button>
          </span>
          {cudaNames.length === 0 && <div className="muted small">No CUDA device: turn on the simulated one in the toolbar to see the moves (or their errors).</div>}
        </div>
      )}
      {tab === 'edit' && (
        <form className="form" onSubmit={(e) => { e.preventDefault(); void run(editText) }}>
          <input value={editIndex} placeholder={`index: ${sel.info.shape.length} ints (click a cell)`} onChange={(e) => setEditIndex(e.target.value)} data-testid="edit-index" spellCheck={false} />
          <input value={editValue} placeholder={`value (${sel.info.dtype})`} onChange={(e) => setEditValue(e.target.value)} data-testid="edit-value" spellCheck={false} />
          <LinePreview line={editText} />
          <button type="submit" disabled={!editText} data-testid="run-edit">Write</button>
        </form>
      )}
      {tab === 'delete' && (
        <div className="form">
          <LinePreview line={deleteLine(src)} />
          <button className="danger" data-testid="run-delete" onClick={() => void run(deleteLine(src))}>del {src}</button>
          <div className="muted small">Deletes the name; the storage lives on while another object views it.</div>
        </div>
      )}
      {!nameOk && tab !== 'edit' && tab !== 'delete' && <div className="live-check">"{outName}" is not a usable Python name</div>}
      <ActionResult outcome={outcome} />
    </div>
  )
}
