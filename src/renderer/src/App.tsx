// The window: toolbar; workspace (left), the 3D area (centre), inspector
// (right); console and operation log (bottom). Every divider is draggable.
import { Fragment, useEffect, useLayoutEffect, useRef, useState } from 'react'
import { useApp } from './state/context'
import { useStore } from './state/store'
import { handleShortcut, SHORTCUTS } from './state/shortcuts'
import { Toolbar } from './components/Toolbar'
import { SplitPane } from './components/SplitPane'
import { WorkspacePanel } from './components/WorkspacePanel'
import { Inspector } from './components/Inspector'
import { ConsolePanel } from './components/ConsolePanel'
import { OpLog } from './components/OpLog'
import { ProgressBar } from './components/ProgressBar'
import { LogicalView } from './views/LogicalView'
import { MemoryView } from './views/MemoryView'
import { DeviceLanes } from './views/DeviceLanes'
import { ProfilerPanel } from './profiler'
import { PresenterView } from './presenter'
import { FilePanel } from './files'

/** The console and op log's first height: 260 px, less in a short window (30%, at least 180) so the views above keep a usable size. */
function bottomPanesHeight(): number {
  return Math.round(Math.min(260, Math.max(180, window.innerHeight * 0.3)))
}

export function App(): React.JSX.Element {
  const app = useApp()
  const { store } = app
  const theme = useStore(store, (s) => s.theme)
  const view = useStore(store, (s) => s.view)
  const connectError = useStore(store, (s) => s.connectError)
  // Only what the window's frame itself shows: every panel reads its own slice of the store, so a
  // run starting or ending, a new revision or another selection re-renders the panels that show it,
  // not the whole tree from here (a console line's round trip spends its time elsewhere).
  const pinnedApart = useStore(store, (s) => s.pinnedId !== null && s.pinnedId !== s.selectedId)
  const inLesson = useStore(store, (s) => s.workspace.lesson === true)
  const root = useRef<HTMLDivElement>(null)
  const [help, setHelp] = useState(false)
  const [teaching, setTeaching] = useState(false)

  useEffect(() => {
    document.documentElement.dataset.theme = theme
    localStorage.setItem('stridescope.theme', theme)
  }, [theme])
  useEffect(() => {
    // The presenter has its own keys (→, Space, ←, R, Esc): the app's shortcuts rest while it is open.
    if (teaching) return
    const onKey = (e: KeyboardEvent): void => {
      if (handleShortcut(e, app, (open) => setHelp((h) => open ?? !h))) e.preventDefault()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [app, teaching])

  // A pinned object other than the selection: both side by side, each with the chosen views.
  const comparing = pinnedApart && (view === 'logical' || view === 'memory' || view === 'split')
  const views = (pinned: boolean): React.JSX.Element => (
    <>
      {(view === 'logical' || view === 'split') && <LogicalView pinned={pinned} />}
      {(view === 'memory' || view === 'split') && <MemoryView pinned={pinned} />}
    </>
  )
  const centre = comparing ? (
    <div className="centre compare" data-testid="compare">
      <div className={`centre centre-${view}`}>{views(true)}</div>
      <div className={`centre centre-${view}`}>{views(false)}</div>
    </div>
  ) : (
    <div className={`centre centre-${view}`}>
      {views(false)}
      {view === 'lanes' && <DeviceLanes />}
      {view === 'profiler' && <ProfilerPanel />}
    </div>
  )
  return (
    <div className="app" data-testid="app" ref={root}>
      <ReadyState root={root} />
      <ProgressBar />
      <Toolbar onHelp={() => setHelp(true)} onLessons={() => setTeaching(true)} teaching={teaching} />
      {!teaching && <FilePanel />}
      {connectError && <div className="banner error" role="alert" data-testid="connect-error">{connectError}</div>}
      {!teaching && inLesson && (
        <div className="banner warning" role="status" data-testid="lesson-open-banner">
          This workspace is a lesson's (a lesson is open in another window, or was left open). Yours is put aside.{' '}
          <button onClick={() => void app.controller.leaveLesson()} data-testid="lesson-open-leave">close the lesson and bring my workspace back</button>
        </div>
      )}
      {teaching ? <PresenterView onExit={() => setTeaching(false)} /> : <div className="main">
        <SplitPane id="bottom" dir="column" initial={-bottomPanesHeight()} min={120}>
          <SplitPane id="left" dir="row" initial={270} min={180}>
            <WorkspacePanel />
            <SplitPane id="right" dir="row" initial={-340} min={220}>
              {centre}
              <Inspector />
            </SplitPane>
          </SplitPane>
          <SplitPane id="console" dir="row" initial={-520} min={240}>
            <ConsolePanel />
            <OpLog />
          </SplitPane>
        </SplitPane>
      </div>}
      {help && (
        <div className="modal" role="dialog" aria-label="Keyboard shortcuts" onClick={() => setHelp(false)} data-testid="help-dialog">
          <div className="modal-box" onClick={(e) => e.stopPropagation()}>
            <div className="panel-head">Keyboard shortcuts</div>
            <dl className="props">{SHORTCUTS.map(([k, v]) => <Fragment key={k}><dt><kbd>{k}</kbd></dt><dd>{v}</dd></Fragment>)}</dl>
            <button onClick={() => setHelp(false)}>close</button>
          </div>
        </div>
      )}
    </div>
  )
}

/**
 * data-ready (connected and idle) and data-revision on the window's root, so tests wait on
 * state instead of sleeping. Written in the same commit as the panels that show that state
 * (one store change re-renders every reader of it together), by this small reader alone.
 */
function ReadyState({ root }: { root: React.RefObject<HTMLDivElement | null> }): null {
  const { store } = useApp()
  const ready = useStore(store, (s) => s.connected && s.busy === 0)
  const revision = useStore(store, (s) => s.workspace.revision)
  useLayoutEffect(() => {
    const el = root.current
    if (!el) return
    el.dataset.ready = ready ? 'true' : 'false'
    el.dataset.revision = String(revision)
  }, [root, ready, revision])
  return null
}
