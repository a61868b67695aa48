// The built main bundle (out/main/index.js) under a stand-in 'electron': it
// boots, registers exactly the protocol's IPC channels (and the folder picker's), opens one window, and
// runs Python through the bundled session worker. Catches bundling mistakes (paths,
// externals) that the source-level tests cannot. Skips when not built.
import { existsSync } from 'node:fs'
import Module from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { Channel, METHOD_NAMES } from '../../src/shared/protocol'
import { CHOOSE_FOLDER_CHANNEL } from '../../src/shared/api'

const bundle = join(__dirname, '..', '..', 'out', 'main', 'index.js')
const built = existsSync(bundle)
if (!built) console.log(`[tests/main] ${bundle} not built; bundle test skipped. Run \`npx electron-vite build\`.`)

describe.skipIf(!built)('out/main/index.js', () => {
  it('boots, registers the IPC allow-list and runs code', async () => {
    const handlers = new Map<string, (event: unknown, params: unknown) => Promise<any>>()
    const windows: { options: any }[] = []
    const appHandlers: [string, () => void][] = []
    let ready!: () => void
    const readyPromise = new Promise<void>((r) => (ready = r))
    class BrowserWindow {
      static getAllWindows = () => windows
      webContents = { send: () => undefined }
      constructor(readonly options: any) {
        windows.push(this)
      }
      once() {}
      isDestroyed = () => false
      loadFile = async () => undefined
      loadURL = async () => undefined
    }
    const pathsAsked: string[] = []
    const electron = {
      app: { requestSingleInstanceLock: () => true, enableSandbox: () => undefined, on: (name: string, fn: () => void) => appHandlers.push([name, fn]), whenReady: () => readyPromise.then(() => undefined), quit: () => undefined,
        // Without --workdir= the programs' working folder is the home folder.
        getPath: (name: string) => { pathsAsked.push(name); return tmpdir() } },
      BrowserWindow,
      ipcMain: { handle: (c: string, fn: any) => handlers.set(c, fn), removeHandler: (c: string) => handlers.delete(c) },
      session: { defaultSession: { webRequest: { onHeadersReceived: () => undefined }, setPermissionRequestHandler: () => undefined, setPermissionCheckHandler: () => undefined } },
      shell: { openExternal: async () => undefined }
    }
    const load = (Module as unknown as { _load: (req: string, ...rest: unknown[]) => unknown })._load
    ;(Module as unknown as { _load: unknown })._load = (req: string, ...rest: unknown[]) => (req === 'electron' ? electron : load(req, ...rest))
    try {
      const req = Module.createRequire(bundle)
      req(bundle)
      ready()
      await readyPromise
      await new Promise((r) => setTimeout(r, 0))
      // every protocol channel, and main's own: the native folder picker
      expect([...handlers.keys()].sort()).toEqual([...METHOD_NAMES.map((m) => Channel[m]), CHOOSE_FOLDER_CHANNEL].sort())
      expect(windows).toHaveLength(1)
      expect(pathsAsked).toEqual(['home'])
      expect(windows[0].options.webPreferences.preload).toBe(join(bundle, '..', '..', 'preload', 'index.js'))
      const frame = { senderFrame: { url: 'file:///x/out/renderer/index.html' } }
      const reply = await handlers.get(Channel.run)!(frame, { code: 'x = 6 * 7\nprint(x)' })
      expect(reply).toMatchObject({ ok: true, result: { stdout: '42\n', error: null } })
      const bad = await handlers.get(Channel.run)!(frame, { code: 42 })
      expect(bad).toMatchObject({ ok: false, error: { code: 'bad-request' } })
    } finally {
      // will-quit stops the session worker
      for (const [name, fn] of appHandlers) if (name === 'will-quit') fn()
      ;(Module as unknown as { _load: unknown })._load = load
    }
  })
})
