// Every live array and tensor, grouped by the memory it views (objects over
// the same bytes sit together); device, dtype and shape at a glance. The list
// and the New form below it share the panel through a divider the person can
// move (kept across reloads); a folded form leaves the list the whole panel.
import { useApp } from '../state/context'
import { useStore } from '../state/store'
import { blocksOf } from '../state/footprints'
import { objectColor, type MemoryBlock } from '../model/storageGroups'
import { hex } from '../model/address'
import { count, formatBytes } from '../model/format'
import { dtypeText, primaryName } from '../model/types'
import { useEffect, useState } from 'react'
import { CreateForm } from './CreateForm'
import { SplitPane } from './SplitPane'
import { loadPref, savePref } from '../state/prefs'
import { MemoryMeter } from './MemoryMeter'
import { blockBufferId } from '../../../shared/buffer-ids'

export function WorkspacePanel(): React.JSX.Element {
  const { store } = useApp()
  const workspace = useStore(store, (s) => s.workspace)
  const selectedId = useStore(store, (s) => s.selectedId)
  const blocks = blocksOf(workspace)
  const names = workspace.objects.map(primaryName)
  // Engine objects first; objects attached from other programs after, under their process.
  const own = blocks.filter((b) => !b.objects[0]?.origin)
  const processes = attachedProcesses(blocks)
  const [formOpen, setFormOpen] = useState(() => loadPref(FORM_OPEN_KEY) !== 'false')
  useEffect(() => { savePref(FORM_OPEN_KEY, String(formOpen)) }, [formOpen])
  const form = <CreateForm open={formOpen} onToggle={() => setFormOpen((o) => !o)} />
  const list = (
      <div className="scroll" data-testid="workspace-list">
        {blocks.length === 0 && <div className="empty-state small" data-testid="workspace-empty">No arrays or tensors yet. Use <b>New</b> below or type in the console.</div>}
        {own.map((b) => <BlockGroup key={b.key} block={b} names={names} selectedId={selectedId} />)}
        {processes.map((p) => (
          <div key={p.pid} className="attached-process" data-testid="attached-process" data-pid={p.pid}>
            <div className="process-head" title="objects of another Python program, sent by the stridescope package; read-only here">
              python {p.pid}: {p.program} <span className="muted small">(attached, read-only)</span>
            </div>
            {p.blocks.map((b) => <BlockGroup key={b.key} block={b} names={names} selectedId={selectedId} />)}
          </div>
        ))}
      </div>
  )
  return (
    <div className="panel workspace" data-testid="workspace">
      <div className="panel-head">Workspace <span className="muted">{count(workspace.objects.length, 'object')} · {count(blocks.length, 'memory block')}</span></div>
      <MemoryMeter />
      {formOpen
        ? <SplitPane id="workspace-form" dir="column" initial={-210} min={72} label="the workspace list and the New form">{[list, form]}</SplitPane>
        : <>{list}{form}</>}
    </div>
  )
}

const FORM_OPEN_KEY = 'stridescope.createFormOpen'


function attachedProcesses(blocks: readonly MemoryBlock[]): { pid: number; program: string; blocks: MemoryBlock[] }[] {
  const byPid = new Map<number, { pid: number; program: string; blocks: MemoryBlock[] }>()
  for (const b of blocks) {
    const origin = b.objects[0]?.origin
    if (!origin) continue
    let p = byPid.get(origin.pid)
    if (!p) byPid.set(origin.pid, (p = { pid: origin.pid, program: origin.program, blocks: [] }))
    p.blocks.push(b)
  }
  return [...byPid.values()]
}

function BlockGroup({ block: b, names, selectedId }: { block: MemoryBlock; names: string[]; selectedId: number | null }): React.JSX.Element {
  const { store } = useApp()
  const origin = b.objects[0]?.origin
  // Attached buffers are named by their real address: storage ids are this app's own.
  // One buffer, one id, however many storage objects (one per library) see it.
  const where = origin ? `${origin.bufferKind} at ${hex(b.base)}` : `storage #${blockBufferId(b.storages.map((s) => s.id))}`
  return (
    <div className="group" data-testid="storage-group" data-storages={b.storages.map((s) => s.id).join(',')}>
      <div className="group-head" title={`base ${hex(b.base)}`}>
        <span className={b.simulated ? 'dev sim' : b.device === 'cpu' ? 'dev' : 'dev gpu'}>{b.device}{b.simulated ? ' (simulated)' : ''}</span>
        {b.pinned && <span className="badge">pinned</span>}
        <span className="muted small" data-testid="group-storage"
          title={b.storages.length > 1 ? `one buffer seen through ${b.storages.length} storage objects (each library keeps its own)` : undefined}>
          {formatBytes(b.nbytes)} · {where}</span>
      </div>
      {b.objects.map((o) => (
        <button key={o.info.id} className={o.info.id === selectedId ? 'obj on' : 'obj'} data-testid={`obj-${primaryName(o)}`}
          data-object-id={o.info.id} onClick={() => store.dispatch({ type: 'select', id: o.info.id })}>
          <span className="swatch" style={{ background: objectColor(primaryName(o), names) }} />
          <span className="obj-name">{o.names.join(' = ')}</span>
          <span className="obj-meta">{o.info.kind === 'tensor' ? 'tensor' : 'ndarray'} {dtypeText(o)} [{o.info.shape.join(', ')}]</span>
          {!o.info.flags.cContiguous && <span className="badge" title="not C-contiguous">strided</span>}
        </button>
      ))}
    </div>
  )
}
