// The console transcript kept across reloads of the page (browser mode and
// Electron alike), in the page's localStorage and bounded in size. A transcript
// belongs to one session: it is saved with the newest history entry the session
// had then (its seq and wall-clock time), and taken back only while the session
// still has that entry, so a restarted server or a reset session opens with an
// empty console instead of another session's lines.
import type { HistoryEntry } from '../model/types'
import type { TranscriptEntry } from './appState'

export const TRANSCRIPT_KEY = 'stridescope.transcript'
/** At most this many characters are kept (the oldest entries go first). */
export const MAX_SAVED_CHARS = 1_000_000
/** One entry's printed output is cut to this many characters when saved. */
export const MAX_SAVED_OUTPUT = 100_000

/** The part of the page's localStorage used here. */
export interface KeyValue {
  getItem(key: string): string | null
  setItem(key: string, value: string): void
  removeItem(key: string): void
}

interface Saved {
  anchor: { seq: number; time: number }
  entries: TranscriptEntry[]
}

function cut(text: string): string {
  if (text.length <= MAX_SAVED_OUTPUT) return text
  return `${text.slice(0, MAX_SAVED_OUTPUT)}\n… (${text.length - MAX_SAVED_OUTPUT} more characters were not kept across the reload)\n`
}

/** Saves the finished entries (a line still running is not kept) for the session whose history this is. */
export function saveTranscript(storage: KeyValue, entries: readonly TranscriptEntry[], history: readonly HistoryEntry[]): void {
  const newest = history.at(-1)
  const done = entries.filter((e) => !e.pending).map((e) => ({ ...e, stdout: cut(e.stdout), stderr: cut(e.stderr) }))
  try {
    if (!newest || done.length === 0) {
      storage.removeItem(TRANSCRIPT_KEY)
      return
    }
    const anchor = { seq: newest.seq, time: newest.time }
    let text = JSON.stringify({ anchor, entries: done } satisfies Saved)
    // Drop the oldest entries until it fits (in steps, so a long transcript is not re-serialised per entry).
    while (text.length > MAX_SAVED_CHARS && done.length > 1) {
      done.splice(0, Math.max(1, Math.ceil(done.length * (1 - MAX_SAVED_CHARS / text.length))))
      text = JSON.stringify({ anchor, entries: done } satisfies Saved)
    }
    storage.setItem(TRANSCRIPT_KEY, text)
  } catch {
    // Storage full or refused (a private window): the console works on without it.
  }
}

/** The saved transcript when it belongs to the session with this history; [] otherwise. */
export function loadTranscript(storage: KeyValue, history: readonly HistoryEntry[]): TranscriptEntry[] {
  let saved: Saved
  try {
    saved = JSON.parse(storage.getItem(TRANSCRIPT_KEY) ?? 'null') as Saved
  } catch {
    return []
  }
  if (!saved || typeof saved !== 'object' || !saved.anchor || !Array.isArray(saved.entries)) return []
  const { seq, time } = saved.anchor
  if (!history.some((h) => h.seq === seq && h.time === time)) return []
  return saved.entries.filter(isEntry)
}

function isEntry(e: unknown): e is TranscriptEntry {
  const t = e as Partial<TranscriptEntry> | null
  return !!t && typeof t.seq === 'number' && typeof t.code === 'string' && typeof t.stdout === 'string' &&
    typeof t.stderr === 'string' && t.pending === false && (t.error === null || (typeof t.error === 'object' && typeof t.error?.type === 'string'))
}
