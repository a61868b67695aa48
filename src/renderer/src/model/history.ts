// Console history with shell-like up/down: walking back keeps the draft the
// person was typing so that walking forward past the newest entry restores it.

export interface History {
  entries: string[]
  cursor: number          // entries.length means "the draft"
  draft: string
}

export const emptyHistory: History = { entries: [], cursor: 0, draft: '' }

export function push(h: History, line: string): History {
  const text = line.replace(/\s+$/, '')
  if (!text) return { ...h, cursor: h.entries.length, draft: '' }
  const entries = h.entries[h.entries.length - 1] === text ? h.entries : [...h.entries, text]
  return { entries, cursor: entries.length, draft: '' }
}

/** Moves one step back (older); `current` is what the editor holds now. */
export function older(h: History, current: string): { history: History; text: string } {
  if (h.cursor === 0 || h.entries.length === 0) return { history: h, text: current }
  const draft = h.cursor === h.entries.length ? current : h.draft
  const cursor = h.cursor - 1
  return { history: { ...h, cursor, draft }, text: h.entries[cursor] }
}

export function newer(h: History, current: string): { history: History; text: string } {
  if (h.cursor >= h.entries.length) return { history: h, text: current }
  const cursor = h.cursor + 1
  const text = cursor === h.entries.length ? h.draft : h.entries[cursor]
  return { history: { ...h, cursor }, text }
}
