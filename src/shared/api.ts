// The domain API the renderer calls, built over any transport: the preload
// builds it over ipcRenderer.invoke, the renderer's WebSocket host over its
// socket. Both give the renderer exactly the same surface (`Api`), typed from
// the one contract in ./protocol.
import { profilerApi } from './profiler-protocol'
import { filesApi } from './files-protocol'
import { attachApi } from './attach-protocol'
import { lessonsApi } from './lessons-protocol'
import type { EventName, EventPayload, MemoryCaps, Method, Params, Reply, Result, RunOrigin, Workspace } from './protocol'
import { restoreRunSnapshot, type WireRunResult } from './run-snapshot'

/** Sends one request and resolves with the backend's reply envelope. */
export type Invoke = <M extends Method>(method: M, params: Params<M>) => Promise<Reply<M>>
/** Subscribes to one event; returns a disposer. */
export type Subscribe = <E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void) => () => void

/** A protocol-level failure (bad request, unknown object, ...) surfaced to the caller as a rejection. */
export class HostError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly pyType?: string
  ) {
    super(message)
    this.name = 'HostError'
  }
}

export function createApi(invoke: Invoke, subscribe: Subscribe) {
  async function call<M extends Method>(method: M, params: Params<M>): Promise<Result<M>> {
    const reply = await invoke(method, params)
    if (reply.ok) return reply.result
    throw new HostError(reply.error.code, reply.error.message, reply.error.pyType)
  }
  // The newest workspace event: a run's reply names its snapshot by revision when this was it (./run-snapshot).
  let latest: Workspace | null = null
  subscribe('workspace', (w) => {
    if (!latest || w.revision >= latest.revision) latest = w
  })
  return {
    /**
     * Runs Python source (a line or a block) in the session. `origin` 'console' only for what the
     * person typed (it alone may name absolute paths); lines the app writes are 'ui', the default.
     */
    run: async (code: string, origin: RunOrigin = 'ui') =>
      restoreRunSnapshot((await call('run', { code, origin })) as WireRunResult, latest, () => call('snapshot', {})),
    /** Stops the run in progress with KeyboardInterrupt. */
    interrupt: () => call('interrupt', {}),
    snapshot: () => call('snapshot', {}),
    /**
     * Values of a rectangular window of an object, in C order. `encoding: 'f64'` is
     * the fast form for drawing (read either form with windowNumbers in ./window-numbers).
     */
    window: (objectId: number, start: number[], shape: number[], encoding?: 'json' | 'f64') =>
      call('window', encoding ? { objectId, start, shape, encoding } : { objectId, start, shape }),
    /** What `as_strided` on the object would raise (the engine's dry run), or null. */
    checkAsStrided: (objectId: number, shape: number[], strides: number[], offset: number | null) =>
      call('checkAsStrided', { objectId, shape, strides, offset }),
    setSimulateCuda: (on: boolean) => call('setSimulateCuda', { on }),
    /** The memory caps in bytes per device type (null: half of RAM); returns the new snapshot. */
    setMemoryCaps: (caps: MemoryCaps) => call('setMemoryCaps', caps),
    /** Sets the working folder (must exist and be a folder); returns the new snapshot. */
    setWorkingFolder: (path: string) => call('setWorkingFolder', { path }),
    reset: () => call('reset', {}),
    exportScript: () => call('exportScript', {}),
    onWorkspace: (listener: (w: EventPayload<'workspace'>) => void) => subscribe('workspace', listener),
    onProgress: (listener: (p: EventPayload<'progress'>) => void) => subscribe('progress', listener),
    ...profilerApi(call),
    ...filesApi(call),
    ...attachApi(call),
    ...lessonsApi(call)
  }
}

/**
 * What only Electron offers (the preload adds it; browser mode has none): the native folder
 * picker. Resolves with the chosen folder, or null when the person cancels.
 */
export interface NativeDialogs {
  chooseFolder(current: string | null): Promise<string | null>
}

export type Api = ReturnType<typeof createApi> & Partial<NativeDialogs>

/** The IPC channel of NativeDialogs.chooseFolder: main answers it itself (a dialog, not a session request). */
export const CHOOSE_FOLDER_CHANNEL = 'stridescope:choose-folder'
