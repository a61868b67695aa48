// The view tab: picks a view operation, builds its line from the typed
// arguments and, for as_strided, says before it runs why it would raise: the
// engine's own check, asked through the session (no rule of its own here).
import { useEffect, useState } from 'react'
import { useApp } from '../../state/context'
import { parseIntList, viewLine, type ViewOp } from '../../model/pythonLines'
import type { PyErrorInfo } from '../../model/types'
import { LinePreview } from '../ActionResult'
import type { TabProps } from './tabProps'

type ViewKind = ViewOp['op']

const ARRAY_KINDS: ViewKind[] = ['T', 'slice', 'transpose', 'permute', 'expand', 'reshape', 'as_strided']
const TENSOR_KINDS: ViewKind[] = ['T', 'slice', 'transpose', 'permute', 'expand', 'reshape', 'view', 'as_strided']

/** The operation the arguments describe, or null while they do not parse. */
function viewOpFor(kind: ViewKind, arg1: string, arg2: string, arg3: string): ViewOp | null {
  switch (kind) {
    case 'T': return { op: 'T' }
    case 'slice': return arg1.trim() ? { op: 'slice', spec: arg1.trim() } : null
    case 'transpose': {
      const a = parseIntList(arg1, true), b = parseIntList(arg2, true)
      return a?.length === 1 && b?.length === 1 ? { op: 'transpose', dim0: a[0], dim1: b[0] } : null
    }
    case 'permute': { const d = parseIntList(arg1, true); return d ? { op: 'permute', dims: d } : null }
    case 'expand': case 'reshape': case 'view': {
      const d = parseIntList(arg1, true); return d ? { op: kind, shape: d } : null
    }
    case 'as_strided': {
      const shape = parseIntList(arg1, true), strides = parseIntList(arg2, true)
      const offText = arg3.trim()
      const off = offText === '' ? null : parseIntList(offText, true)
      if (!shape || !strides || (off !== null && off.length !== 1)) return null
      return { op: 'as_strided', shape, strides, offset: off ? off[0] : null }
    }
  }
}

/**
 * The engine's answer to the as_strided the form describes, for the current
 * arguments only (an answer to older arguments is dropped), or null.
 */
function useAsStridedCheck(objectId: number, viewOp: ViewOp | null): PyErrorInfo | null {
  const { controller } = useApp()
  const key = viewOp?.op === 'as_strided' ? JSON.stringify([objectId, viewOp.shape, viewOp.strides, viewOp.offset]) : null
  const [answer, setAnswer] = useState<{ key: string; error: PyErrorInfo | null } | null>(null)
  useEffect(() => {
    if (key === null || viewOp?.op !== 'as_strided') return
    let current = true
    void controller.checkAsStrided(objectId, viewOp.shape, viewOp.strides, viewOp.offset).then((error) => {
      if (current) setAnswer({ key, error })
    })
    return () => { current = false }
  }, [key]) // eslint-disable-line react-hooks/exhaustive-deps
  return answer !== null && answer.key === key ? answer.error : null
}

export function ViewTab({ sel, src, outName, nameOk, run }: TabProps): React.JSX.Element {
  const [viewKind, setViewKind] = useState<ViewKind>('T')
  const [arg1, setArg1] = useState('')
  const [arg2, setArg2] = useState('')
  const [arg3, setArg3] = useState('')
  const kind = sel.info.kind
  const tensor = kind === 'tensor'

  const viewOp = viewOpFor(viewKind, arg1, arg2, arg3)
  const check = useAsStridedCheck(sel.info.id, viewOp)
  // NumPy's as_strided checks no bounds and reads whatever lies there; the engine refuses.
  const numpyWouldRead = !tensor && check !== null && /refuses views/.test(check.message)
  const viewText = viewOp && nameOk ? viewLine(outName, src, kind, viewOp) : null

  const placeholders: Record<ViewKind, [string, string?, string?]> = {
    T: [''],
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

  return (
    <form className="form" onSubmit={(e) => { e.preventDefault(); if (!check) void run(viewText) }}>
      <select value={viewKind} onChange={(e) => { setViewKind(e.target.value as ViewKind); setArg1(''); setArg2(''); setArg3('') }} data-testid="view-op">
        {(tensor ? TENSOR_KINDS : ARRAY_KINDS).map((k) => <option key={k} value={k}>{k === 'T' ? '.T' : k}</option>)}
      </select>
      {ph[0] !== '' && <input value={arg1} placeholder={ph[0]} onChange={(e) => setArg1(e.target.value)} data-testid="view-arg1" spellCheck={false} />}
      {ph[1] && <input value={arg2} placeholder={ph[1]} onChange={(e) => setArg2(e.target.value)} data-testid="view-arg2" spellCheck={false} />}
      {ph[2] && <input value={arg3} placeholder={ph[2]} onChange={(e) => setArg3(e.target.value)} data-testid="view-arg3" spellCheck={false} />}
      <LinePreview line={viewText} />
      {check && <div className="live-check" data-testid="live-check">
        would raise {check.type}: {check.message}
        {numpyWouldRead && ' (NumPy itself would not check this: it reads whatever lies there)'}
      </div>}
      <button type="submit" disabled={!viewText || !!check} data-testid="run-view">Run</button>
    </form>
  )
}
