// The window is hidden until ready, sandboxed and isolated; dev loads the
// dev server, production the built files. Hardening: CSP, no permissions,
// no navigation away, no new windows, no webviews.
import { EventEmitter } from 'node:events'
import { describe, expect, it, vi } from 'vitest'
import { appEvents, electronMock, headerHooks, permissionHandlers, windows } from './electron-mock'

vi.mock('electron', () => electronMock)

const { createMainWindow } = await import('../../src/main/window')
const { applySessionSecurity, guardAllContents } = await import('../../src/main/security')

describe('createMainWindow', () => {
  it('is sandboxed, isolated, and shown only when ready', () => {
    delete process.env.ELECTRON_RENDERER_URL
    createMainWindow()
    const win = windows.at(-1)!
    expect(win.options.show).toBe(false)
    expect(win.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false })
    expect(win.options.webPreferences.preload).toMatch(/preload[/\\]index\.js$/)
    expect(win.loaded.file).toMatch(/renderer[/\\]index\.html$/)
    expect(win.shown).toBe(false)
    win.emit('ready-to-show')
    expect(win.shown).toBe(true)
  })

  it('loads the dev server URL in dev', () => {
    process.env.ELECTRON_RENDERER_URL = 'http://localhost:5173'
    createMainWindow()
    expect(windows.at(-1)!.loaded).toEqual({ url: 'http://localhost:5173' })
    delete process.env.ELECTRON_RENDERER_URL
  })
})

describe('hardening', () => {
  it('sets the CSP on every response and refuses permissions', () => {
    applySessionSecurity()
    let headers: Record<string, string[]> = {}
    headerHooks.at(-1)!({ responseHeaders: { 'X-A': ['1'] } }, (r) => (headers = (r as { responseHeaders: Record<string, string[]> }).responseHeaders))
    expect(headers['X-A']).toEqual(['1'])
    expect(headers['Content-Security-Policy'][0]).toContain("script-src 'self';")
    let granted = true
    permissionHandlers.at(-1)!({}, 'media', (ok) => (granted = ok))
    expect(granted).toBe(false)
  })

  it('denies navigation away, new windows and webviews', () => {
    guardAllContents()
    const contents = Object.assign(new EventEmitter(), {
      getURL: () => 'file:///app/out/renderer/index.html',
      openHandler: null as null | ((d: { url: string }) => { action: string }),
      setWindowOpenHandler(fn: (d: { url: string }) => { action: string }) {
        this.openHandler = fn
      }
    })
    appEvents.emit('web-contents-created', {}, contents)
    const prevented = (name: string, ...args: unknown[]) => {
      const event = { preventDefault: vi.fn() }
      contents.emit(name, event, ...args)
      return event.preventDefault.mock.calls.length > 0
    }
    expect(prevented('will-navigate', 'https://evil.example/')).toBe(true)
    expect(prevented('will-navigate', 'file:///etc/passwd')).toBe(true)
    expect(prevented('will-navigate', 'file:///app/out/renderer/index.html')).toBe(false)
    expect(prevented('will-attach-webview')).toBe(true)
    expect(contents.openHandler!({ url: 'https://pytorch.org/docs' })).toEqual({ action: 'deny' })
    expect(electronMock.shell.openExternal).toHaveBeenCalledWith('https://pytorch.org/docs')
    expect(contents.openHandler!({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' })
    expect(electronMock.shell.openExternal).toHaveBeenCalledTimes(1)
  })
})
