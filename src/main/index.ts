// Electron main: app lifecycle only. The session (workspace, runner) is made
// once; windows, IPC and hardening live in their own modules.
import { app, BrowserWindow } from 'electron'
import { startSessionWorker } from '../session/worker-service'
import { registerIpc } from './ipc'
import { applySessionSecurity, guardAllContents } from './security'
import { createMainWindow } from './window'

app.enableSandbox()
guardAllContents()

void app.whenReady().then(() => {
  applySessionSecurity()
  // The session (runner + native engine) lives in a worker thread: a long run never blocks main.
  const session = startSessionWorker({ simulateCuda: process.argv.includes('--simulate-cuda') })
  const unregister = registerIpc(session)
  createMainWindow()

  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createMainWindow()
  })
  app.on('will-quit', () => {
    unregister()
    void session.dispose()
  })
})

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit()
})
