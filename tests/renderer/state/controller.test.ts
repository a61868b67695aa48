// The controller refuses a script over the run limit itself, with the reason,
// instead of sending it (the backend would refuse it; a WebSocket message over
// the server's cap would close the socket).
import { describe, expect, it } from 'vitest'
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
