// "New": an array or tensor from a library, fill, dtype, shape and device;
// the form shows the Python line it will run.
import { useMemo, useState } from 'react'
import { useApp } from '../state/context'
import { useStore } from '../state/store'
import { objectNames } from '../state/appState'
import { createLine, freshName, isValidName, parseIntList, type Fill, shapeProblem } from '../model/pythonLines'
import type { DTypeName, Kind } from '../model/types'
import { ActionResult, LinePreview, type Outcome } from './ActionResult'

const DTYPES: DTypeName[] = ['float32', 'float64', 'float16', 'int8', 'int16', 'int32', 'int64', 'uint8', 'bool', 'complex64', 'bfloat16']

/** `open`: the form shown (else its heading alone); the workspace panel keeps it. */
export function CreateForm({ open, onToggle }: { open: boolean; onToggle: () => void }): React.JSX.Element {
  const { store, controller } = useApp()
  const names = useStore(store, objectNames)
  const devices = useStore(store, (s) => s.workspace.devices)
  const [kind, setKind] = useState<Kind>('ndarray')
  const [fill, setFill] = useState<Fill>('arange')
  const [dtype, setDtype] = useState<DTypeName>('float32')
  const [shapeText, setShapeText] = useState('3, 4')
  const [device, setDevice] = useState('cpu')
  const [name, setName] = useState('')
  const [outcome, setOutcome] = useState<Outcome | null>(null)
  const suggested = useMemo(() => freshName(names), [names])
  const n = name.trim() || suggested
  const shape = parseIntList(shapeText)
  const dtypes = kind === 'ndarray' ? DTYPES.filter((d) => d !== 'bfloat16') : DTYPES
  const line = shape && isValidName(n) ? createLine({ name: n, kind, fill, dtype, shape, device: kind === 'tensor' ? device : undefined }) : null

  const submit = async (): Promise<void> => {
    if (!line) return
    const error = await controller.runAction(line)
    setOutcome({ line, error })
    if (!error) setName('')
  }
  return (
    <div className="create" data-testid="create-form">
      <button className="panel-head toggle" onClick={onToggle} aria-expanded={open} data-testid="create-toggle">New array or tensor {open ? '▾' : '▸'}</button>
      {open && (
        <form className="form" onSubmit={(e) => { e.preventDefault(); void submit() }}>
          <div className="seg" role="group" aria-label="library">
            <button type="button" className={kind === 'ndarray' ? 'on' : ''} onClick={() => setKind('ndarray')} data-testid="create-np">NumPy</button>
            <button type="button" className={kind === 'tensor' ? 'on' : ''} onClick={() => { setKind('tensor') }} data-testid="create-torch">PyTorch</button>
          </div>
          <div className="row">
            <select value={fill} onChange={(e) => setFill(e.target.value as Fill)} data-testid="create-fill" aria-label="fill">
              {(['arange', 'zeros', 'ones', 'rand', 'empty'] as Fill[]).map((f) => <option key={f}>{f}</option>)}
            </select>
            <select value={dtypes.includes(dtype) ? dtype : 'float32'} onChange={(e) => setDtype(e.target.value as DTypeName)} data-testid="create-dtype" aria-label="dtype">
              {dtypes.map((d) => <option key={d}>{d}</option>)}
            </select>
          </div>
          <div className="row">
            <input value={shapeText} onChange={(e) => setShapeText(e.target.value)} placeholder="shape, e.g. 3, 4" data-testid="create-shape" aria-label="shape" aria-invalid={!shape} spellCheck={false} />
            <input value={name} onChange={(e) => setName(e.target.value)} placeholder={suggested} data-testid="create-name" aria-label="name" spellCheck={false} />
          </div>
          {kind === 'tensor' && (
            <select value={device} onChange={(e) => setDevice(e.target.value)} data-testid="create-device" aria-label="device">
              {devices.map((d) => <option key={d.name} value={d.name}>{d.label}</option>)}
            </select>
          )}
          {!shape && <div className="small form-why" role="alert" data-testid="create-why">{shapeProblem(shapeText)}</div>}
          {shape && !isValidName(n) && <div className="small form-why" role="alert" data-testid="create-why">'{n}' is not a Python name: letters, digits and _, not starting with a digit</div>}
          <LinePreview line={line} />
          <button type="submit" disabled={!line} data-testid="create-run">Create</button>
          <ActionResult outcome={outcome} />
        </form>
      )}
    </div>
  )
}
