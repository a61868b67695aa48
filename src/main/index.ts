// Electron main: app lifecycle only. The session (runner + native engine) runs
// in a worker thread; windows, IPC and hardening live in their own modules.
import { app, BrowserWindow } from 'electron'
import { startSessionWorker } from '../session/worker-service'
import { startAttachListener } from '../server/attach-endpoint'
import { writeRuntimeFile } from '../server/runtime-file'
import { registerIpc } from './ipc'
import { registerFolderDialog } from './folder-dialog'
import { applySessionSecurity, guardAllContents } from './security'
import { createMainWindow } from './window'

app.enableSandbox()
guardAllContents()

// One app, one window: a second launch focuses the first instead of starting another session.
if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  app.on('second-instance', () => {
    const win = BrowserWindow.getAllWindows()[0]
    if (!win) return
    if (win.isMinimized()) win.restore()
    win.focus()
  })

  void app.whenReady().then(() => {
    applySessionSecurity()
    // The working folder of the programs' relative file paths: --workdir=DIR, else the home folder.
    const workdir = process.argv.find((a) => a.startsWith('--workdir='))?.slice('--workdir='.length)
    const session = startSessionWorker({ simulateCuda: process.argv.includes('--simulate-cuda'), workingFolder: workdir ?? app.getPath('home') })
    const unregister = registerIpc(session)
    const unregisterDialog = registerFolderDialog()
    createMainWindow()
    // Programs using the `stridescope` Python package find this app through its runtime file.
    const attach = startAttachListener(session).then((listener) => ({
      listener,
      file: writeRuntimeFile({ port: listener.port, token: listener.token, kind: 'electron' })
    }))
    attach.catch((e: Error) => console.error(`stridescope: attach is unavailable: ${e.message}`))

    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) createMainWindow()
    })
    app.on('will-quit', () => {
      void attach.then(({ listener, file }) => {
        file.remove()
        void listener.close()
      }, () => undefined)
      unregister()
      unregisterDialog()
      void session.dispose()
    })
  })

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
}
