// The console transcript saved across reloads: taken back only by the session it
// belongs to, bounded in size, and never a line still running.
import { describe, expect, it } from 'vitest'
import {
  loadTranscript, MAX_SAVED_CHARS, MAX_SAVED_OUTPUT, saveTranscript, TRANSCRIPT_KEY, type KeyValue
} from '../../../src/renderer/src/state/savedTranscript'
import type { TranscriptEntry } from '../../../src/renderer/src/state/appState'
import type { HistoryEntry } from '../../../src/shared/protocol'

function memory(): KeyValue & { map: Map<string, string> } {
  const map = new Map<string, string>()
  return {
    map,
    getItem: (k: string) => map.get(k) ?? null,
    setItem: (k: string, v: string) => { map.set(k, v) },
    removeItem: (k: string) => { map.delete(k) }
  }
}

const hist = (seq: number, time: number): HistoryEntry => ({ seq, code: `x${seq} = 1`, ok: true, seconds: 0, time })
const entry = (seq: number, over: Partial<TranscriptEntry> = {}): TranscriptEntry =>
  ({ seq, code: `x${seq} = 1`, stdout: '', stderr: '', error: null, pending: false, ...over })

describe('saved transcript', () => {
  it('comes back for the same session, errors and notes included, without the line still running', () => {
    const s = memory()
    const history = [hist(0, 1000), hist(1, 2000)]
    const err = { type: 'ValueError', message: 'negative dimensions are not allowed' }
    const entries = [entry(1, { stdout: '0.5\n' }), entry(2, { error: err }), entry(2.5, { code: '', stdout: 'note', note: true }), entry(3, { pending: true })]
    saveTranscript(s, entries, history)
    expect(loadTranscript(s, history)).toEqual(entries.slice(0, 3))
    // More lines ran since (in another window): still the same session.
    expect(loadTranscript(s, [...history, hist(2, 3000)])).toHaveLength(3)
  })

  it('is not taken by another session: a restarted server or a reset one', () => {
    const s = memory()
    saveTranscript(s, [entry(1)], [hist(0, 1000), hist(1, 2000)])
    expect(loadTranscript(s, [])).toEqual([])
    expect(loadTranscript(s, [hist(0, 1000), hist(1, 2001)])).toEqual([])
    expect(loadTranscript(s, [hist(0, 5000)])).toEqual([])
  })

  it('keeps the newest entries within the size cap and cuts one huge output', () => {
    const s = memory()
    const big = 'y'.repeat(MAX_SAVED_OUTPUT + 10)
    const entries = Array.from({ length: 40 }, (_, i) => entry(i + 1, { stdout: i === 39 ? big : 'z'.repeat(60_000) }))
    saveTranscript(s, entries, [hist(0, 1)])
    expect(s.map.get(TRANSCRIPT_KEY)!.length).toBeLessThanOrEqual(MAX_SAVED_CHARS)
    const back = loadTranscript(s, [hist(0, 1)])
    expect(back.at(-1)!.seq).toBe(40)
    expect(back.at(-1)!.stdout).toMatch(/^y{100000}\n… \(10 more characters were not kept across the reload\)\n$/)
    expect(back.length).toBeLessThan(40)
    expect(back.map((e) => e.seq)).toEqual(Array.from({ length: back.length }, (_, i) => 41 - back.length + i))
  })

  it('reads nothing from a damaged or foreign value, and a storage that refuses does not throw', () => {
    const s = memory()
    for (const bad of ['{', 'null', '[]', '{"anchor":{"seq":0,"time":1},"entries":[{"seq":"x"}]}']) {
      s.setItem(TRANSCRIPT_KEY, bad)
      expect(loadTranscript(s, [hist(0, 1)])).toEqual([])
    }
    const full = { ...memory(), setItem: () => { throw new Error('QuotaExceededError') } }
    expect(() => saveTranscript(full, [entry(1)], [hist(0, 1)])).not.toThrow()
  })
})
