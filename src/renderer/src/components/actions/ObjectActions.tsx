// Actions on the selected object. Each tab builds a Python line (shown before
// it runs); this shell owns what the tabs share: the tab strip, the result
// name, and the inline outcome of the line sent through the console's runner.
import { useEffect, useMemo, useState } from 'react'
import { useApp } from '../../state/context'
import { useStore } from '../../state/store'
import { objectNames, selectedObject } from '../../state/appState'
import { freshName, isValidName } from '../../model/pythonLines'
import { primaryName } from '../../model/types'
import { ActionResult, type Outcome } from '../ActionResult'
import { ViewTab } from './ViewTab'
import { ConvertTab, CopyTab } from './LineButtons'
import { DeviceTab } from './DeviceTab'
import { EditTab } from './EditTab'
import { DeleteTab } from './DeleteTab'
import { AttachedActions } from './AttachedActions'
import type { ActionTab, TabProps } from './tabProps'

const TABS: ActionTab[] = ['view', 'convert', 'copy', 'device', 'edit', 'delete']
/** Tabs whose line binds a new name (the others act on the object in place). */
const makesResult = (t: ActionTab): boolean => t !== 'edit' && t !== 'delete'

export function ObjectActions(): React.JSX.Element | null {
  const { store, controller } = useApp()
  const sel = useStore(store, selectedObject)
  const names = useStore(store, objectNames)
  const picked = useStore(store, (s) => s.picked)
  const [tab, setTab] = useState<ActionTab>('view')
  const [outcome, setOutcome] = useState<Outcome | null>(null)
  const [out, setOut] = useState('')

  const suggested = useMemo(() => freshName(names), [names])
  const outName = out.trim() || suggested
  useEffect(() => { setOutcome(null) }, [sel?.info.id])
  // A clicked cell is the edit form's target: open that tab.
  useEffect(() => {
    if (picked && sel && picked.objectId === sel.info.id) setTab('edit')
  }, [picked]) // eslint-disable-line react-hooks/exhaustive-deps

  if (!sel) return null
  if (sel.origin) return <AttachedActions />
  const tensor = sel.info.kind === 'tensor'
  const nameOk = isValidName(outName)
  const run = async (line: string | null): Promise<void> => {
    if (!line) return
    const error = await controller.runAction(line)
    setOutcome({ line, error })
    if (!error) setOut('')
  }
  const props: TabProps = { sel, src: primaryName(sel), outName, nameOk, run }
  const pickedIndex = picked && picked.objectId === sel.info.id ? picked.index : null

  return (
    <div className="actions" data-testid="object-actions">
      <div className="tabs" role="tablist">
        {TABS.filter((t) => t !== 'device' || tensor).map((t) => (
          <button key={t} role="tab" aria-selected={tab === t} className={tab === t ? 'on' : ''} data-testid={`tab-${t}`} onClick={() => setTab(t)}>{t}</button>
        ))}
      </div>
      {makesResult(tab) && (
        <label className="field">result name
          <input value={out} placeholder={suggested} onChange={(e) => setOut(e.target.value)} data-testid="out-name" aria-invalid={!nameOk} spellCheck={false} />
        </label>
      )}
      {tab === 'view' && <ViewTab {...props} />}
      {tab === 'convert' && <ConvertTab {...props} />}
      {tab === 'copy' && <CopyTab {...props} />}
      {tab === 'device' && tensor && <DeviceTab {...props} />}
      {tab === 'edit' && <EditTab {...props} pickedIndex={pickedIndex} />}
      {tab === 'delete' && <DeleteTab {...props} />}
      {!nameOk && makesResult(tab) && <div className="live-check">"{outName}" is not a usable Python name</div>}
      <ActionResult outcome={outcome} />
    </div>
  )
}
