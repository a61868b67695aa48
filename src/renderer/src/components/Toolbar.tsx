// The toolbar: view tabs, theme, the simulated CUDA switch, camera undo, PNG
// and script export, reset, and the shortcut help.
import { useApp } from '../state/context'
import { useStore } from '../state/store'
import type { CentreView } from '../state/appState'
import { exportPNG, exportScript } from '../state/exports'

const VIEWS: Array<[CentreView, string, string]> = [
  ['logical', 'Logical', '1'], ['memory', 'Memory', '2'], ['split', 'Both', '3'], ['lanes', 'Devices', '4'], ['profiler', 'Profiler', '5']
]

export function Toolbar({ onHelp, onLessons, teaching = false }: { onHelp: () => void; onLessons: () => void; teaching?: boolean }): React.JSX.Element {
  const { store, controller, views } = useApp()
  const view = useStore(store, (s) => s.view)
  const theme = useStore(store, (s) => s.theme)
  const sim = useStore(store, (s) => s.workspace.simulateCuda)
  const connected = useStore(store, (s) => s.connected)
  // Turning the device off removes what lives on it: ask first, naming it.
  const toggleSimulatedCuda = (on: boolean): void => {
    const onDevice = on ? [] : controller.simulatedCudaNames()
    if (onDevice.length && !confirm(`Turn off the simulated CUDA device? ${onDevice.join(', ')} ${onDevice.length === 1 ? 'lives' : 'live'} on it and will be removed, as if the device vanished. Everything else stays.`)) return
    void controller.setSimulateCuda(on)
  }
  return (
    <header className="toolbar" data-testid="toolbar">
      <span className="brand">Stridescope</span>
      <span className="seg" role="tablist" aria-label="centre view">
        {VIEWS.map(([v, label, key]) => (
          <button key={v} role="tab" aria-selected={view === v} className={view === v ? 'on' : ''} data-testid={`view-${v}`}
            title={`${label} (${key})`} onClick={() => store.dispatch({ type: 'view', view: v })}>{label}</button>
        ))}
      </span>
      <button title="Lessons: step through a teaching script with the views following along" onClick={onLessons} data-testid="open-presenter">Lessons</button>
      <span className="spacer" />
      <label className="switch" title="A simulated cuda:0 device (a separate host allocation), so device moves can be tried without a GPU">
        <input type="checkbox" checked={sim} disabled={!connected} onChange={(e) => toggleSimulatedCuda(e.target.checked)} data-testid="toggle-sim-cuda" />
        simulated CUDA
      </label>
      <button title="Undo camera change (U)" onClick={() => views.current()?.undoCamera()} data-testid="camera-undo">↶ camera</button>
      <button title="Redo camera change (Shift+U)" onClick={() => views.current()?.redoCamera()} data-testid="camera-redo">↷</button>
      <button title="Frame the object (F)" onClick={() => views.current()?.resetCamera()} data-testid="camera-fit">fit</button>
      <button title="Save the view as PNG (P)" onClick={() => exportPNG(views)} data-testid="export-png">PNG</button>
      <button title="Save the session as a .py file (S)" onClick={() => void exportScript(controller)} data-testid="export-script">.py</button>
      <button title="Switch theme (T)" onClick={() => store.dispatch({ type: 'theme', theme: theme === 'dark' ? 'light' : 'dark' })} data-testid="toggle-theme">{theme === 'dark' ? '☀' : '☾'}</button>
      {/* During a lesson a reset would forget the person's workspace put aside too: the presenter has its own restart. */}
      <button title={teaching ? 'Leave the lessons first (a reset forgets your own workspace too; the lesson has its own restart)' : 'Forget every object and the history'}
        disabled={teaching} onClick={() => { if (confirm('Reset the workspace? Every object and the history are forgotten.')) void controller.reset() }} data-testid="reset">reset</button>
      <button title="Keyboard shortcuts (?)" onClick={onHelp} data-testid="help">?</button>
    </header>
  )
}
