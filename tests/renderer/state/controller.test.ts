// The controller refuses a script over the run limit itself, with the reason,
// instead of sending it (the backend would refuse it; a WebSocket message over
// the server's cap would close the socket).
import { describe, expect, it, vi } from 'vitest'
import { Controller, scriptTooLong } from '../../../src/renderer/src/state/controller'
import { Store } from '../../../src/renderer/src/state/store'
import type { Host } from '../../../src/renderer/src/host'
import { MAX_CODE_LENGTH, MAX_MESSAGE_BYTES } from '../../../src/shared/protocol'

describe('run size check', () => {
  it('answers a script over MAX_CODE_LENGTH with a ValueError and sends nothing', async () => {
    let sent = 0
    const host = { run: async () => { sent++; throw new Error('must not be sent') } } as unknown as Host
    const store = new Store()
    const c = new Controller(store, host)
    const code = 'x = 1\n'.repeat(Math.ceil((MAX_CODE_LENGTH + 1) / 6))
    const error = await c.run(code)
    expect(sent).toBe(0)
    expect(error).toEqual({ type: 'ValueError', message: scriptTooLong(code.trimEnd().length) })
    expect(error!.message).toMatch(/^this script is [\d,]+ characters long; one run takes at most 200,000/)
    const last = store.get().transcript.at(-1)!
    expect(last.pending).toBe(false)
    expect(last.error).toEqual(error)
    expect(store.get().busy).toBe(0)
  })

  it('a script at the limit fits one WebSocket message, whatever its characters', () => {
    // the worst case per character: a control character JSON-escapes to six bytes
    const worst = JSON.stringify({ type: 'request', id: 2 ** 53, method: 'run', params: { code: '\u0001'.repeat(MAX_CODE_LENGTH) } })
    expect(new TextEncoder().encode(worst).length).toBeLessThan(MAX_MESSAGE_BYTES)
    const wide = JSON.stringify({ type: 'request', id: 1, method: 'run', params: { code: '\u{1F600}'.repeat(MAX_CODE_LENGTH / 2) } })
    expect(new TextEncoder().encode(wide).length).toBeLessThan(MAX_MESSAGE_BYTES)
  })
})

// The console transcript is saved (debounced) for the session its lines ran in. A lesson that
// replaces the workspace before the save runs (a busy machine runs the timer late) must not
// anchor the saved transcript to the lesson's history: after a reload it would not come back.
describe('the saved transcript', () => {
  it('is anchored to the history its lines ran in, even when a lesson replaced the workspace before the save', async () => {
    const { emptyWorkspace } = await import('../../../src/renderer/src/model/types')
    const { TRANSCRIPT_KEY } = await import('../../../src/renderer/src/state/savedTranscript')
    const items = new Map<string, string>()
    const g = globalThis as Record<string, unknown>
    const had = { localStorage: g.localStorage, window: g.window }
    g.localStorage = { getItem: (k: string) => items.get(k) ?? null, setItem: (k: string, v: string) => void items.set(k, v), removeItem: (k: string) => void items.delete(k) }
    g.window = { addEventListener() {}, removeEventListener() {} }
    vi.useFakeTimers()
    try {
      const entry = (seq: number, code: string) => ({ seq, code, ok: true, seconds: 0, time: 1000 + seq })
      const mine = (history: ReturnType<typeof entry>[], revision: number) => ({ ...emptyWorkspace, history, revision })
      let history = [entry(0, 'import numpy as np\nimport torch')]
      const host = {
        onWorkspace: () => () => {},
        onProgress: () => () => {},
        snapshot: async () => mine(history, 1),
        run: async (code: string) => {
          history = [...history, entry(history.length, code)]
          return { stdout: '', stderr: '', error: null, ops: [], snapshot: mine(history, history.length) }
        },
      } as unknown as Host
      const store = new Store()
      const c = new Controller(store, host)
      await c.start()
      await c.run('b = 1')
      // A lesson's workspace arrives before the debounced save has run.
      store.dispatch({ type: 'workspace', workspace: mine([entry(0, 'lesson line')].map((e) => ({ ...e, time: 5 })), 99), force: true })
      await vi.advanceTimersByTimeAsync(1000)
      const saved = JSON.parse(items.get(TRANSCRIPT_KEY) ?? 'null') as { anchor: { seq: number; time: number } }
      expect(saved.anchor).toEqual({ seq: 1, time: 1001 })
      c.dispose()
    } finally {
      vi.useRealTimers()
      g.localStorage = had.localStorage
      g.window = had.window
    }
  })
})
