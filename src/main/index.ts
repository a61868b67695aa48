// Electron main: app lifecycle only. The session (workspace, runner) is made
// once; windows, IPC and hardening live in their own modules.
import { app, BrowserWindow } from 'electron'
import { createAppSession } from '../session/app-session'
import { registerIpc } from './ipc'
import { applySessionSecurity, guardAllContents } from './security'
import { createMainWindow } from './window'

app.enableSandbox()
guardAllContents()

void app.whenReady().then(() => {
  applySessionSecurity()
  const session = createAppSession({ simulateCuda: process.argv.includes('--simulate-cuda') })
  const unregister = registerIpc(session)
  createMainWindow()

  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createMainWindow()
  })
  app.on('will-quit', () => {
    unregister()
    session.dispose()
  })
})

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit()
})
