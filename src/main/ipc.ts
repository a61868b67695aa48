// IPC handlers: exactly one per protocol method, on the channels of the one
// enum (the allow-list); nothing else is handled. Every payload is validated
// by handleRequest before the session sees it, and only the app's own frames
// may call. A value window crosses as the session made it: an 'f64' window's
// values already in their narrowest exact typed array (../shared/binary-frame),
// which structured clone copies as one block.
import { BrowserWindow, ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron'
import type { SessionService } from '../session'
import { Channel, METHOD_NAMES, type EventName, type Method, type Reply, type RunResult } from '../shared/protocol'
import { elideRunSnapshot } from '../shared/run-snapshot'
import { isAppUrl } from './security'

/** Whether the sender is one of the app's own frames (what every handler asks first). */
export function fromApp(event: IpcMainInvokeEvent): boolean {
  const url = event.senderFrame?.url
  return typeof url === 'string' && isAppUrl(url)
}

export function registerIpc(session: SessionService): () => void {
  // Per window, the revision of the last workspace event sent to it: a run's reply to that
  // window then names the snapshot instead of carrying it again (see ../shared/run-snapshot).
  const sentRevision = new WeakMap<WebContents, number>()
  for (const method of METHOD_NAMES) {
    ipcMain.handle(Channel[method], async (event, params: unknown): Promise<Reply<Method>> => {
      if (!fromApp(event)) return { ok: false, error: { code: 'bad-request', message: 'request from an unknown frame' } }
      const reply = await session.request(method, params)
      if (method !== 'run' || !reply.ok || !event.sender) return reply
      return { ok: true, result: elideRunSnapshot(reply.result as RunResult, sentRevision.get(event.sender)) as never }
    })
  }
  const forward = (event: EventName) =>
    session.on(event, (payload) => {
      for (const win of BrowserWindow.getAllWindows()) {
        if (win.isDestroyed()) continue
        win.webContents.send(Channel.event, { event, payload })
        if (event === 'workspace') sentRevision.set(win.webContents, (payload as { revision: number }).revision)
      }
    })
  const offs = [forward('workspace'), forward('progress')]
  return () => {
    for (const method of METHOD_NAMES) ipcMain.removeHandler(Channel[method])
    for (const off of offs) off()
  }
}
