// IPC handlers: exactly one per protocol method, on the channels of the one
// enum (the allow-list); nothing else is handled. Every payload is validated
// by handleRequest before the session sees it, and only the app's own frames
// may call.
import { BrowserWindow, ipcMain, type IpcMainInvokeEvent } from 'electron'
import type { SessionService } from '../session'
import { Channel, METHOD_NAMES, type EventName, type Method, type Reply } from '../shared/protocol'
import { isAppUrl } from './security'

function fromApp(event: IpcMainInvokeEvent): boolean {
  const url = event.senderFrame?.url
  return typeof url === 'string' && isAppUrl(url)
}

export function registerIpc(session: SessionService): () => void {
  for (const method of METHOD_NAMES) {
    ipcMain.handle(Channel[method], async (event, params: unknown): Promise<Reply<Method>> => {
      if (!fromApp(event)) return { ok: false, error: { code: 'bad-request', message: 'request from an unknown frame' } }
      return session.request(method, params)
    })
  }
  const forward = (event: EventName) =>
    session.on(event, (payload) => {
      for (const win of BrowserWindow.getAllWindows()) {
        if (!win.isDestroyed()) win.webContents.send(Channel.event, { event, payload })
      }
    })
  const offs = [forward('workspace'), forward('progress')]
  return () => {
    for (const method of METHOD_NAMES) ipcMain.removeHandler(Channel[method])
    for (const off of offs) off()
  }
}
