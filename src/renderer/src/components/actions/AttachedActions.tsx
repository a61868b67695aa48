// An object attached from another Python program is that program's memory:
// nothing here may change it. One action recreates it in the engine (same
// layout and values) so it can be experimented on.
import { useState } from 'react'
import { useApp } from '../../state/context'
import { useStore } from '../../state/store'
import { objectNames, selectedObject } from '../../state/appState'
import { freshName, isValidName } from '../../model/pythonLines'

export function AttachedActions(): React.JSX.Element | null {
  const { store, controller } = useApp()
  const sel = useStore(store, selectedObject)
  const names = useStore(store, objectNames)
  const [name, setName] = useState('')
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null)
  if (!sel?.origin) return null
  const origin = sel.origin
  const want = name.trim() || freshName(names)
  const complete = origin.windowShape.every((n, d) => n === sel.info.shape[d])
  const copy = async (): Promise<void> => {
    const r = await controller.copyAttached(sel.info.id, want)
    setMessage(r.ok ? { ok: true, text: `${want} is an engine copy: same shape, strides and values` } : { ok: false, text: r.error })
  }
  return (
    <div className="actions" data-testid="attached-actions">
      <div className="form">
      <div className="small muted">
        This {sel.info.kind === 'tensor' ? 'tensor' : 'array'} lives in python {origin.pid} ({origin.program}), as that program
        last sent it; nothing here changes it. <code>stridescope.show()</code> again updates it.
      </div>
      <label className="field">engine name
        <input value={name} placeholder={freshName(names)} onChange={(e) => setName(e.target.value)} data-testid="attached-copy-name" spellCheck={false} />
      </label>
      <button className="primary" disabled={!complete || !isValidName(want)} onClick={() => void copy()} data-testid="attached-copy"
        title={complete ? 'recreate it in the engine with the same layout and values' : 'only part of its values were sent'}>
        Copy into the engine
      </button>
      {!complete && <div className="live-check">Only the leading [{origin.windowShape.join(', ')}] block of values was sent; raise the cap with <code>stridescope.set_window_cap()</code> to copy it.</div>}
      {message && <div className={message.ok ? 'small' : 'live-check'} data-testid="attached-copy-result">{message.text}</div>}
      </div>
    </div>
  )
}
