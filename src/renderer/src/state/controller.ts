// Binds the host to the store: every UI action ends here as Python code that
// runs through the session (and lands in its history), then the snapshot the
// run returns replaces the workspace.
import type { Host } from '../host'
import type { Store } from './store'
import { push, emptyHistory, type History } from '../model/history'
import { missingImports, PREAMBLE } from '../model/pythonLines'
import type { PyErrorInfo } from '../model/types'
import { MAX_CODE_LENGTH, type MemoryCaps, type RunOrigin, type Workspace } from '../../../shared/protocol'
import { loadMemoryCaps, saveMemoryCaps } from './memoryCaps'
import { shownObject } from './appState'
import { prefetchValues } from './valueLoader'
import { loadTranscript, saveTranscript, type KeyValue } from './savedTranscript'
import { markPresenting, wasPresenting } from './prefs'

/** The page's storage for the transcript (absent where the page has none, as in unit tests). */
const pageStorage = (): KeyValue | null => (typeof localStorage === 'undefined' ? null : localStorage)

export class Controller {
  private seq = 0
  history: History = emptyHistory
  private disposers: Array<() => void> = []

  constructor(readonly store: Store, readonly host: Host) {}

  async start(): Promise<void> {
    this.disposers.push(
      this.host.onWorkspace((w) => {
        this.store.dispatch({ type: 'workspace', workspace: w })
        this.prefetchShown()
      }),
      this.host.onProgress((p) => this.store.dispatch({ type: 'progress', progress: p }))
    )
    // A reload in the middle of a lesson this window presented ends it: the person's workspace comes back.
    if (wasPresenting()) await this.leaveLesson()
    const w = await this.applySavedMemoryCaps(await this.host.snapshot())
    this.store.dispatch({ type: 'workspace', workspace: w, force: true })
    // The console's history starts from the session's (a reload keeps it), and so does its transcript.
    for (const h of w.history) this.history = push(this.history, h.code)
    this.keepTranscript(w.history)
    await this.ensurePreamble()
    this.store.dispatch({ type: 'connected' })
  }

  /** The caps saved in an earlier run, given to a session that has others (one that counts memory at all). */
  private async applySavedMemoryCaps(w: Workspace): Promise<Workspace> {
    const saved = loadMemoryCaps()
    if (!saved || !w.memoryCaps) return w
    if (saved.cpu === w.memoryCaps.cpu && saved.cuda === w.memoryCaps.cuda) return w
    try {
      return await this.host.setMemoryCaps(saved)
    } catch {
      return w
    }
  }

  /** Sets the memory caps (bytes per device type; null: half of RAM) and keeps them for the next start. */
  async setMemoryCaps(caps: MemoryCaps): Promise<void> {
    const w = await this.host.setMemoryCaps(caps)
    saveMemoryCaps(caps)
    this.store.dispatch({ type: 'workspace', workspace: w, force: true })
  }

  /**
   * Sets the working folder the programs' relative paths resolve in. Resolves with the
   * backend's refusal (no such folder, not a folder) as text, or null when it was set.
   */
  async setWorkingFolder(folder: string): Promise<string | null> {
    try {
      const w = await this.host.setWorkingFolder(folder)
      this.store.dispatch({ type: 'workspace', workspace: w, force: true })
      return null
    } catch (e) {
      return e instanceof Error ? e.message : String(e)
    }
  }

  /** Brings back the transcript saved before a reload, then saves it as it changes (./savedTranscript). */
  private keepTranscript(history: Parameters<typeof loadTranscript>[1]): void {
    const storage = pageStorage()
    if (!storage) return
    const saved = loadTranscript(storage, history)
    // New lines number on from the restored ones.
    this.seq = Math.max(this.seq, Math.ceil(saved.at(-1)?.seq ?? 0))
    this.store.dispatch({ type: 'restoreTranscript', entries: saved })
    let shown = this.store.get().transcript
    // The session the transcript's lines ran in, as it was when they changed: by the time the
    // save below runs (later still on a busy machine) a lesson may have replaced the workspace,
    // and a transcript anchored to the lesson's history would not come back after a reload.
    let anchorHistory = this.store.get().workspace.history
    let timer: ReturnType<typeof setTimeout> | null = null
    const save = (): void => {
      timer = null
      saveTranscript(storage, this.store.get().transcript, anchorHistory)
    }
    this.disposers.push(this.store.subscribe(() => {
      if (this.store.get().transcript === shown) return
      shown = this.store.get().transcript
      anchorHistory = this.store.get().workspace.history
      if (timer === null) timer = setTimeout(save, 250)
    }))
    const now = (): void => { if (timer !== null) { clearTimeout(timer); save() } }
    window.addEventListener('pagehide', now)
    this.disposers.push(() => { window.removeEventListener('pagehide', now); now() })
  }

  /** A fresh session starts with the imports, as a script does; the line shows in the console and the .py. */
  private async ensurePreamble(): Promise<void> {
    const w = this.store.get().workspace
    if (missingImports('np. torch.', w.history).length) {
      await this.run(PREAMBLE)
    }
  }

  /**
   * Runs a line built by a UI action. If the session has not imported a
   * module the line names (the person deleted it, or typed lines failed),
   * the import goes in the same run, so the action never fails on a NameError.
   */
  async runAction(line: string): Promise<PyErrorInfo | null> {
    const need = missingImports(line, this.store.get().workspace.history)
    return this.run(need.length ? `${need.join('\n')}\n${line}` : line)
  }

  /**
   * What `as_strided(shape, strides, offset)` on an object would raise, asked of the
   * engine (a dry run through the session: nothing is made, nothing enters the
   * history). Null when it would succeed or the question cannot be asked (the object
   * is gone): the line itself is checked again when it runs. Never throws.
   */
  async checkAsStrided(objectId: number, shape: number[], strides: number[], offset: number | null): Promise<PyErrorInfo | null> {
    try {
      return (await this.host.checkAsStrided(objectId, shape, strides, offset)).error
    } catch {
      return null
    }
  }

  /**
   * Runs Python source; resolves with the exception it raised (null when none). Never throws.
   * `origin` 'console' only for what the person typed: it alone may name absolute file paths.
   */
  async run(code: string, origin: RunOrigin = 'ui'): Promise<PyErrorInfo | null> {
    const text = code.replace(/\s+$/, '')
    if (!text) return null
    const seq = ++this.seq
    this.history = push(this.history, text)
    this.store.dispatch({ type: 'runStarted', seq, code: text })
    if (text.length > MAX_CODE_LENGTH) {
      // The backend refuses it anyway (and a WebSocket message past its cap closes the socket): say so here.
      const error = { type: 'ValueError', message: scriptTooLong(text.length) }
      this.store.dispatch({ type: 'runFinished', seq, stdout: '', stderr: '', error, workspace: null })
      return error
    }
    try {
      const r = await this.host.run(text, origin)
      const madeIds = r.ops.flatMap((op) => (op.resultId == null ? [] : [op.resultId]))
      this.store.dispatch({ type: 'runFinished', seq, stdout: r.stdout, stderr: r.stderr, error: r.error, workspace: r.snapshot, madeIds })
      this.prefetchShown()
      return r.error
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e)
      const error = { type: 'ConnectionError', message }
      this.store.dispatch({ type: 'runFinished', seq, stdout: '', stderr: '', error, workspace: null })
      return error
    }
  }

  /**
   * Asks for the values the logical view is about to draw (when it is on screen), before
   * the views are built for the new snapshot: the session reads them meanwhile.
   */
  private prefetchShown(): void {
    const s = this.store.get()
    if (s.view !== 'logical' && s.view !== 'split') return
    const shown = shownObject(s, false)
    if (shown) prefetchValues(this.host, shown.info, s.workspace.revision)
  }

  /** Recreates an attached object in the engine under `name`; the line runs like any action. */
  async copyAttached(objectId: number, name: string): Promise<{ ok: true } | { ok: false; error: string }> {
    let code: string
    try {
      code = (await this.host.attachedCopyLine(objectId, name)).code
    } catch (e) {
      return { ok: false, error: e instanceof Error ? e.message : String(e) }
    }
    const error = await this.runAction(code)
    return error ? { ok: false, error: `${error.type}: ${error.message}` } : { ok: true }
  }

  /** The Stop button: the run in progress ends in KeyboardInterrupt; its earlier objects stay. */
  async interrupt(): Promise<void> {
    try {
      await this.host.interrupt()
    } catch {
      // the connection is gone: the run's own reply reports that
    }
  }

  /** Names bound to objects on the simulated cuda device: what turning it off removes. */
  simulatedCudaNames(): string[] {
    return this.store.get().workspace.objects.filter((o) => o.info.device.startsWith('cuda') && o.info.storage.simulated).flatMap((o) => o.names)
  }

  /** Turns the simulated device on or off; the workspace stays, except objects on a device turned off. */
  async setSimulateCuda(on: boolean): Promise<void> {
    const removed = on ? [] : this.simulatedCudaNames()
    const w = await this.host.setSimulateCuda(on)
    this.store.dispatch({ type: 'workspace', workspace: w, force: true })
    if (removed.length) {
      this.store.dispatch({ type: 'note', text: `simulated CUDA device off: ${removed.join(', ')} removed (their memory was on it)` })
    }
  }

  /** Leaves a lesson: the person's workspace comes back, with `selectedId` selected again when it is there. */
  async leaveLesson(selectedId: number | null = null): Promise<void> {
    markPresenting(false)
    try {
      const w = await this.host.endLesson()
      this.store.dispatch({ type: 'workspace', workspace: w, force: true })
      if (selectedId !== null && w.objects.some((o) => o.info.id === selectedId)) this.store.dispatch({ type: 'select', id: selectedId })
    } catch {
      // the connection is gone: the next window to open ends the lesson (start)
    }
  }

  async reset(): Promise<void> {
    const w = await this.host.reset()
    this.store.dispatch({ type: 'workspace', workspace: w, force: true })
    this.store.dispatch({ type: 'clearTranscript' })
    await this.ensurePreamble()
  }

  async exportScript(): Promise<string> {
    return (await this.host.exportScript()).script
  }

  dispose(): void {
    for (const d of this.disposers) d()
    this.disposers = []
  }
}

export function scriptTooLong(length: number): string {
  const n = (k: number): string => k.toLocaleString('en-US')
  return `this script is ${n(length)} characters long; one run takes at most ${n(MAX_CODE_LENGTH)} (run longer scripts with \`stridescope run FILE\`)`
}
