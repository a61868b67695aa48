// Binds the host to the store: every UI action ends here as Python code that
// runs through the session (and lands in its history), then the snapshot the
// run returns replaces the workspace.
import type { Host } from '../host'
import type { Store } from './store'
import { push, emptyHistory, type History } from '../model/history'
import type { PyErrorInfo } from '../model/types'

export class Controller {
  private seq = 0
  history: History = emptyHistory
  private disposers: Array<() => void> = []

  constructor(readonly store: Store, readonly host: Host) {}

  async start(): Promise<void> {
    this.disposers.push(
      this.host.onWorkspace((w) => this.store.dispatch({ type: 'workspace', workspace: w })),
      this.host.onProgress((p) => this.store.dispatch({ type: 'progress', progress: p }))
    )
    const w = await this.host.snapshot()
    this.store.dispatch({ type: 'workspace', workspace: w, force: true })
    this.store.dispatch({ type: 'connected' })
    // The console's history starts from the session's (a reload keeps it).
    for (const h of w.history) this.history = push(this.history, h.code)
  }

  /** Runs Python source; resolves with the exception it raised (null when none). Never throws. */
  async run(code: string): Promise<PyErrorInfo | null> {
    const text = code.replace(/\s+$/, '')
    if (!text) return null
    const seq = ++this.seq
    this.history = push(this.history, text)
    this.store.dispatch({ type: 'runStarted', seq, code: text })
    try {
      const r = await this.host.run(text)
      this.store.dispatch({ type: 'runFinished', seq, stdout: r.stdout, stderr: r.stderr, error: r.error, workspace: r.snapshot })
      return r.error
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e)
      const error = { type: 'ConnectionError', message }
      this.store.dispatch({ type: 'runFinished', seq, stdout: '', stderr: '', error, workspace: null })
      return error
    }
  }

  async setSimulateCuda(on: boolean): Promise<void> {
    const w = await this.host.setSimulateCuda(on)
    this.store.dispatch({ type: 'workspace', workspace: w, force: true })
  }

  async reset(): Promise<void> {
    const w = await this.host.reset()
    this.store.dispatch({ type: 'workspace', workspace: w, force: true })
    this.store.dispatch({ type: 'clearTranscript' })
  }

  async exportScript(): Promise<string> {
    return (await this.host.exportScript()).script
  }

  dispose(): void {
    for (const d of this.disposers) d()
    this.disposers = []
  }
}
