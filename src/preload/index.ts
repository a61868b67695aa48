// The sandboxed preload: one bundle that exposes the domain API (never
// ipcRenderer itself) as window.stridescope. Subscriptions return disposers.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import { CHOOSE_FOLDER_CHANNEL, createApi, type Invoke, type NativeDialogs, type Subscribe } from '../shared/api'
import { Channel } from '../shared/protocol'
import { API_GLOBAL } from './api-types'

const invoke: Invoke = (method, params) => ipcRenderer.invoke(Channel[method], params)

const subscribe: Subscribe = (event, listener) => {
  const handler = (_e: IpcRendererEvent, msg: unknown) => {
    // Only main sends on this channel, with payloads the session built (their shapes are
    // checked by the session tests); here only the envelope is checked.
    const m = msg as { event?: unknown; payload?: unknown } | null
    if (m?.event === event && typeof m.payload === 'object' && m.payload !== null) {
      listener(m.payload as Parameters<typeof listener>[0])
    }
  }
  ipcRenderer.on(Channel.event, handler)
  return () => {
    ipcRenderer.removeListener(Channel.event, handler)
  }
}

const dialogs: NativeDialogs = {
  chooseFolder: async (current) => {
    const chosen: unknown = await ipcRenderer.invoke(CHOOSE_FOLDER_CHANNEL, current)
    return typeof chosen === 'string' ? chosen : null
  }
}

const api = { ...createApi(invoke, subscribe), ...dialogs }
contextBridge.exposeInMainWorld(API_GLOBAL, api)

export type Api = typeof api
