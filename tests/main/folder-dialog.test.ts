// Main's native folder picker (NativeDialogs.chooseFolder): only the app's frames may open it;
// it starts in the current working folder and answers the chosen folder, or null on cancel.
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { dialogs, electronMock, handlers, windows, FakeWindow } from './electron-mock'

vi.mock('electron', () => electronMock)

const { registerFolderDialog } = await import('../../src/main/folder-dialog')
const { CHOOSE_FOLDER_CHANNEL } = await import('../../src/shared/api')

const fromApp = { senderFrame: { url: 'file:///opt/stridescope/out/renderer/index.html' } }

describe('the folder picker', () => {
  beforeEach(() => {
    handlers.clear()
    windows.length = 0
    dialogs.asked.length = 0
  })

  it('answers the chosen folder, starting from the current one, over the window that asked', async () => {
    const win = new FakeWindow({})
    const dispose = registerFolderDialog()
    dialogs.next = { canceled: false, filePaths: ['/data/run-3'] }
    const choose = handlers.get(CHOOSE_FOLDER_CHANNEL)!
    expect(await choose({ ...fromApp, sender: win.webContents }, '/home/me')).toBe('/data/run-3')
    const [parent, options] = dialogs.asked[0] as [unknown, { defaultPath: string; properties: string[] }]
    expect(parent).toBe(win)
    expect(options.defaultPath).toBe('/home/me')
    expect(options.properties).toContain('openDirectory')
    dialogs.next = { canceled: true, filePaths: [] }
    expect(await choose({ ...fromApp, sender: win.webContents }, null)).toBeNull()
    dispose()
    expect(handlers.has(CHOOSE_FOLDER_CHANNEL)).toBe(false)
  })

  it('opens nothing for a frame that is not the app', async () => {
    registerFolderDialog()
    expect(await handlers.get(CHOOSE_FOLDER_CHANNEL)!({ senderFrame: { url: 'https://evil.example/' } }, '/')).toBeNull()
    expect(dialogs.asked).toEqual([])
  })
})
