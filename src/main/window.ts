// Creates the one app window: hidden until its first paint, sandboxed, with the
// preload as the only bridge. In dev, electron-vite sets ELECTRON_RENDERER_URL
// (its dev server); otherwise the built renderer is loaded from disk.
import { BrowserWindow } from 'electron'
import { join } from 'node:path'

export function rendererUrl(): string | undefined {
  return process.env.ELECTRON_RENDERER_URL || undefined
}

export function createMainWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1440,
    height: 900,
    minWidth: 800,
    minHeight: 500,
    show: false,
    title: 'Stridescope',
    backgroundColor: '#15171c',
    autoHideMenuBar: true,
    webPreferences: {
      preload: join(__dirname, '../preload/index.js'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false
    }
  })
  win.once('ready-to-show', () => win.show())
  const dev = rendererUrl()
  if (dev) void win.loadURL(dev)
  else void win.loadFile(join(__dirname, '../renderer/index.html'))
  return win
}
