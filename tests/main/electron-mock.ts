// A stand-in for the 'electron' module (its binary is absent here): records
// what main registers so tests can drive IPC handlers, windows and guards.
import { EventEmitter } from 'node:events'
import { vi } from 'vitest'

export const handlers = new Map<string, (event: unknown, ...args: unknown[]) => unknown>()
export const sent: { channel: string; payload: unknown }[] = []
export const windows: FakeWindow[] = []
export const appEvents = new EventEmitter()
export const headerHooks: ((details: unknown, cb: (r: unknown) => void) => void)[] = []
export const permissionHandlers: ((wc: unknown, permission: string, cb: (ok: boolean) => void) => void)[] = []

export class FakeWindow extends EventEmitter {
  loaded: { url?: string; file?: string } = {}
  shown = false
  constructor(readonly options: Record<string, any>) {
    super()
    windows.push(this)
  }
  webContents = { send: (channel: string, payload: unknown) => sent.push({ channel, payload }) }
  isDestroyed = () => false
  show = () => {
    this.shown = true
  }
  loadURL = async (url: string) => {
    this.loaded.url = url
  }
  loadFile = async (file: string) => {
    this.loaded.file = file
  }
  static getAllWindows = () => windows
  static fromWebContents = (wc: unknown) => windows.find((w) => w.webContents === wc) ?? null
}

/** What the native dialogs answer next, and what they were asked (tests set `dialogs.next`). */
export const dialogs: { next: { canceled: boolean; filePaths: string[] }; asked: unknown[] } = {
  next: { canceled: true, filePaths: [] },
  asked: []
}

export const electronMock = {
  BrowserWindow: FakeWindow,
  ipcMain: {
    handle: vi.fn((channel: string, fn: (event: unknown, ...args: unknown[]) => unknown) => handlers.set(channel, fn)),
    removeHandler: vi.fn((channel: string) => handlers.delete(channel))
  },
  app: {
    on: (name: string, fn: (...a: unknown[]) => void) => appEvents.on(name, fn),
    enableSandbox: vi.fn(),
    whenReady: () => new Promise(() => undefined)
  },
  session: {
    defaultSession: {
      webRequest: { onHeadersReceived: (fn: (typeof headerHooks)[number]) => headerHooks.push(fn) },
      setPermissionRequestHandler: (fn: (typeof permissionHandlers)[number]) => permissionHandlers.push(fn),
      setPermissionCheckHandler: vi.fn()
    }
  },
  shell: { openExternal: vi.fn(async () => undefined) },
  dialog: {
    showOpenDialog: vi.fn(async (...args: unknown[]) => {
      dialogs.asked.push(args)
      return dialogs.next
    })
  }
}
