// Every live array and tensor, grouped by the memory it views (objects over
// the same bytes sit together); device, dtype and shape at a glance.
import { useApp } from '../state/context'
import { useStore } from '../state/store'
import { blocksOf } from '../state/footprints'
import { objectColor } from '../model/storageGroups'
import { hex } from '../model/address'
import { formatBytes } from '../model/format'
import { primaryName } from '../model/types'
import { CreateForm } from './CreateForm'

export function WorkspacePanel(): React.JSX.Element {
  const { store } = useApp()
  const workspace = useStore(store, (s) => s.workspace)
  const selectedId = useStore(store, (s) => s.selectedId)
  const blocks = blocksOf(workspace)
  const names = workspace.objects.map(primaryName)
  return (
    <div className="panel workspace" data-testid="workspace">
      <div className="panel-head">Workspace <span className="muted">{workspace.objects.length} objects · {blocks.length} memory blocks</span></div>
      <div className="scroll">
        {blocks.length === 0 && <div className="empty-state small" data-testid="workspace-empty">No arrays or tensors yet. Use <b>New</b> below or type in the console.</div>}
        {blocks.map((b) => (
          <div key={b.key} className="group" data-testid="storage-group" data-storages={b.storages.map((s) => s.id).join(',')}>
            <div className="group-head" title={`base ${hex(b.base)}`}>
              <span className={b.simulated ? 'dev sim' : b.device === 'cpu' ? 'dev' : 'dev gpu'}>{b.device}{b.simulated ? ' (simulated)' : ''}</span>
              {b.pinned && <span className="badge">pinned</span>}
              <span className="muted small">{formatBytes(b.nbytes)} · storage {b.storages.map((s) => `#${s.id}`).join(' + ')}</span>
            </div>
            {b.objects.map((o) => (
              <button key={o.info.id} className={o.info.id === selectedId ? 'obj on' : 'obj'} data-testid={`obj-${primaryName(o)}`}
                data-object-id={o.info.id} onClick={() => store.dispatch({ type: 'select', id: o.info.id })}>
                <span className="swatch" style={{ background: objectColor(primaryName(o), names) }} />
                <span className="obj-name">{o.names.join(' = ')}</span>
                <span className="obj-meta">{o.info.kind === 'tensor' ? 'tensor' : 'ndarray'} {o.info.dtype} [{o.info.shape.join(', ')}]</span>
                {!o.info.flags.cContiguous && <span className="badge" title="not C-contiguous">strided</span>}
              </button>
            ))}
          </div>
        ))}
      </div>
      <CreateForm />
    </div>
  )
}
