// The native folder picker behind NativeDialogs.chooseFolder (src/shared/api.ts): main shows
// the dialog itself and answers the chosen path; the renderer then asks the session to take
// it (setWorkingFolder), which checks it as it checks a typed one.
import { BrowserWindow, dialog, ipcMain, type IpcMainInvokeEvent } from 'electron'
import { CHOOSE_FOLDER_CHANNEL } from '../shared/api'
import { fromApp } from './ipc'

export function registerFolderDialog(): () => void {
  ipcMain.handle(CHOOSE_FOLDER_CHANNEL, async (event: IpcMainInvokeEvent, current: unknown): Promise<string | null> => {
    if (!fromApp(event)) return null
    const options = {
      title: 'Working folder',
      buttonLabel: 'Use this folder',
      properties: ['openDirectory', 'createDirectory'] as Array<'openDirectory' | 'createDirectory'>,
      ...(typeof current === 'string' && current.length <= 4096 ? { defaultPath: current } : {})
    }
    const win = BrowserWindow.fromWebContents(event.sender)
    const r = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options)
    return r.canceled || r.filePaths.length === 0 ? null : r.filePaths[0]
  })
  return () => ipcMain.removeHandler(CHOOSE_FOLDER_CHANNEL)
}
