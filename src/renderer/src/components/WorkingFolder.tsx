// The working folder in the console's title: where np.save('a.npy') and the other file
// functions resolve relative paths. Clicking it changes it: Electron opens the native
// folder picker; browser mode has a path field that the backend checks (it must exist and
// be a folder, else it says why and nothing changes).
import { useState } from 'react'
import { useApp } from '../state/context'
import { useStore } from '../state/store'

/** A long path shortened from the left, keeping the folder's own name: '…/data/run-3'. */
export function shortFolder(folder: string, max = 36): string {
  if (folder.length <= max) return folder
  const parts = folder.split(/[\\/]/).filter(Boolean)
  const tail = parts.slice(-2).join('/')
  return tail.length + 2 <= max ? `…/${tail}` : `…/${parts.at(-1)}`
}

export function WorkingFolderButton({ onEdit, editing }: { onEdit: () => void; editing: boolean }): React.JSX.Element | null {
  const { store, controller } = useApp()
  const folder = useStore(store, (s) => s.workspace.workingFolder)
  const [why, setWhy] = useState<string | null>(null)
  if (folder === undefined) return null
  const choose = async (): Promise<void> => {
    const pick = controller.host.chooseFolder
    if (!pick) return onEdit()
    const chosen = await pick(folder)
    if (chosen !== null) setWhy(await controller.setWorkingFolder(chosen))
  }
  return (
    <span className="working-folder" data-testid="working-folder">
      <span className="muted small">folder</span>
      <button className="folder-path" data-testid="working-folder-button" aria-expanded={editing} onClick={() => void choose()}
        title={`Working folder: ${folder}\nnp.save / np.load and the other file functions resolve relative paths here; lines the app writes never leave it. Click to change it.`}>
        {shortFolder(folder)}
      </button>
      {why && <span className="form-why small" role="alert">{why}</span>}
    </span>
  )
}

/** Browser mode's field: a path typed on the backend's disk. */
export function WorkingFolderForm({ onDone }: { onDone: () => void }): React.JSX.Element {
  const { store, controller } = useApp()
  const [text, setText] = useState(() => store.get().workspace.workingFolder ?? '')
  const [why, setWhy] = useState<string | null>(null)
  const submit = async (e: React.FormEvent): Promise<void> => {
    e.preventDefault()
    const refused = await controller.setWorkingFolder(text)
    if (refused === null) onDone()
    else setWhy(refused)
  }
  return (
    <form className="working-folder-form" data-testid="working-folder-form" onSubmit={(e) => void submit(e)}>
      <label className="small">working folder
        <input value={text} autoFocus spellCheck={false} aria-invalid={why !== null} data-testid="working-folder-input"
          placeholder="/path/to/a/folder on the backend's disk" onChange={(e) => { setText(e.target.value); setWhy(null) }} />
      </label>
      <button type="submit" data-testid="working-folder-save">Set</button>
      <button type="button" onClick={onDone}>Cancel</button>
      {why && <div className="form-why small" role="alert" data-testid="working-folder-why">{why}</div>}
    </form>
  )
}
