// The renderer's whole UI state and the one reducer that changes it. Pure:
// the three.js views and React components subscribe; nothing here draws.
import { newWrites, type Written } from '../model/writtenCells'
import { emptyWorkspace, primaryName, type ObjectEntry, type Progress, type PyErrorInfo, type Workspace } from '../model/types'

export type Theme = 'dark' | 'light'
export type CentreView = 'logical' | 'memory' | 'split' | 'lanes' | 'profiler'

export interface TranscriptEntry {
  seq: number
  code: string
  stdout: string
  stderr: string
  error: PyErrorInfo | null
  pending: boolean
  /** A line the app wrote itself (not code that ran), e.g. what turning a device off removed. */
  note?: boolean
}

export interface Hover {
  objectId: number
  index: number[]
}

/** What the last snapshot's operations wrote in place (from their op records): both views flash those bytes. */
export interface Flash {
  writes: Written[]
  revision: number          // the workspace revision that wrote them
}

export interface AppState {
  connected: boolean
  connectError: string | null
  workspace: Workspace
  selectedId: number | null
  hover: Hover | null
  picked: Hover | null                // the element last clicked: the edit form's target
  flash: Flash | null
  pinnedId: number | null             // the object pinned for comparison beside the selection
  transcript: TranscriptEntry[]
  busy: number                        // runs in flight
  progress: Progress | null
  theme: Theme
  view: CentreView
  displayDims: Record<number, number[]> // per object id: dims shown as axes (rest folded)
  unit: 'elements' | 'bytes'            // the memory wall's cell
}

export const initialState: AppState = {
  connected: false,
  connectError: null,
  workspace: emptyWorkspace,
  selectedId: null,
  hover: null,
  picked: null,
  flash: null,
  pinnedId: null,
  transcript: [],
  busy: 0,
  progress: null,
  theme: 'dark',
  view: 'split',
  displayDims: {},
  unit: 'elements'
}

export type Action =
  | { type: 'connected' }
  | { type: 'connectFailed'; message: string }
  | { type: 'workspace'; workspace: Workspace; force?: boolean }
  | { type: 'runStarted'; seq: number; code: string }
  | {
      type: 'runFinished'; seq: number; stdout: string; stderr: string; error: PyErrorInfo | null; workspace: Workspace | null
      /** Ids of the objects the run's operations made, in order (its op records' resultId). */
      madeIds?: number[]
    }
  | { type: 'select'; id: number | null }
  | { type: 'hover'; hover: Hover | null }
  | { type: 'pick'; picked: Hover | null }
  | { type: 'pin'; id: number | null }
  | { type: 'progress'; progress: Progress }
  | { type: 'theme'; theme: Theme }
  | { type: 'view'; view: CentreView }
  | { type: 'displayDims'; objectId: number; dims: number[] }
  | { type: 'unit'; unit: 'elements' | 'bytes' }
  | { type: 'clearTranscript' }
  /** The transcript as it was before the page reloaded (./savedTranscript), below anything already shown. */
  | { type: 'restoreTranscript'; entries: TranscriptEntry[] }
  | { type: 'note'; text: string }

const TRANSCRIPT_LIMIT = 500

export function reduce(s: AppState, a: Action): AppState {
  switch (a.type) {
    case 'connected':
      return { ...s, connected: true, connectError: null }
    case 'connectFailed':
      return { ...s, connected: false, connectError: a.message }
    case 'workspace':
      return applyWorkspace(s, a.workspace, a.force)
    case 'runStarted':
      return {
        ...s,
        busy: s.busy + 1,
        transcript: [...s.transcript, { seq: a.seq, code: a.code, stdout: '', stderr: '', error: null, pending: true }].slice(-TRANSCRIPT_LIMIT)
      }
    case 'runFinished': {
      const transcript = s.transcript.map((t) =>
        t.seq === a.seq ? { ...t, stdout: a.stdout, stderr: a.stderr, error: a.error, pending: false } : t)
      let next: AppState = { ...s, busy: Math.max(0, s.busy - 1), transcript }
      if (a.workspace) next = applyWorkspace(next, a.workspace)
      // A run that binds what it made selects it: the person sees the result at once.
      const made = a.error ? null : lastBoundResult(next.workspace, a.madeIds ?? [])
      if (made !== null) next = { ...next, selectedId: made, hover: null }
      return next
    }
    case 'select':
      return { ...s, selectedId: a.id, hover: s.hover && s.hover.objectId === a.id ? s.hover : null }
    case 'hover':
      return sameHover(s.hover, a.hover) ? s : { ...s, hover: a.hover }
    case 'pin':
      return { ...s, pinnedId: a.id }
    case 'pick':
      return { ...s, picked: a.picked }
    case 'progress':
      return { ...s, progress: a.progress.done ? null : a.progress }
    case 'theme':
      return { ...s, theme: a.theme }
    case 'view':
      return { ...s, view: a.view }
    case 'displayDims':
      return { ...s, displayDims: { ...s.displayDims, [a.objectId]: a.dims } }
    case 'unit':
      return { ...s, unit: a.unit }
    case 'clearTranscript':
      return { ...s, transcript: [] }
    case 'restoreTranscript':
      return a.entries.length ? { ...s, transcript: [...a.entries, ...s.transcript].slice(-TRANSCRIPT_LIMIT) } : s
    case 'note': {
      const seq = (s.transcript.at(-1)?.seq ?? 0) + 0.5
      return { ...s, transcript: [...s.transcript, { seq, code: '', stdout: a.text, stderr: '', error: null, pending: false, note: true }].slice(-TRANSCRIPT_LIMIT) }
    }
  }
}

/** Snapshots older than the one held are dropped (events and replies can cross); `force` takes any (reset). */
function applyWorkspace(s: AppState, w: Workspace, force = false): AppState {
  // A run's snapshot arrives twice (its reply and the workspace event): the second is the same revision.
  if (!force && w.revision <= s.workspace.revision) return s
  const selectedAlive = s.selectedId !== null && w.objects.some((o) => o.info.id === s.selectedId)
  const hoverAlive = s.hover !== null && w.objects.some((o) => o.info.id === s.hover!.objectId)
  // A forced snapshot (start, reset, a device turned off and the history replayed, a lesson left) shows a
  // workspace as it is: none of its writes happened now.
  const writes = force ? [] : newWrites(s.workspace, w)
  return {
    ...s,
    workspace: w,
    flash: writes.length ? { writes, revision: w.revision } : s.flash,
    selectedId: selectedAlive ? s.selectedId : (w.objects[w.objects.length - 1]?.info.id ?? null),
    hover: hoverAlive ? s.hover : null,
    picked: s.picked && w.objects.some((o) => o.info.id === s.picked!.objectId) ? s.picked : null,
    pinnedId: s.pinnedId !== null && w.objects.some((o) => o.info.id === s.pinnedId) ? s.pinnedId : null
  }
}

function sameHover(a: Hover | null, b: Hover | null): boolean {
  if (a === b) return true
  if (!a || !b) return false
  return a.objectId === b.objectId && a.index.length === b.index.length && a.index.every((v, i) => v === b.index[i])
}

/** The last of a run's results still bound to a name (a temporary, or a value only printed, is not). */
function lastBoundResult(w: Workspace, madeIds: number[]): number | null {
  for (let i = madeIds.length - 1; i >= 0; i--) {
    if (w.objects.some((o) => o.info.id === madeIds[i] && o.names.length > 0)) return madeIds[i]
  }
  return null
}

export function selectedObject(s: AppState): ObjectEntry | null {
  return s.workspace.objects.find((o) => o.info.id === s.selectedId) ?? null
}

/** The object a view shows: the pinned one for a pinned view, else the selection. */
export function shownObject(s: AppState, pinned: boolean): ObjectEntry | null {
  return pinned ? (s.pinnedId === null ? null : objectById(s, s.pinnedId)) : selectedObject(s)
}

export function objectById(s: AppState, id: number): ObjectEntry | null {
  return s.workspace.objects.find((o) => o.info.id === id) ?? null
}

export function objectNames(s: AppState): string[] {
  return s.workspace.objects.map(primaryName)
}
