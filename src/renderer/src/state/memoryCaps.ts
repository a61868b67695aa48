// The memory caps the person chose, kept across restarts (./prefs) and given to the
// session when the window connects. null per device type: the default (half of RAM).
import type { MemoryCaps } from '../../../shared/protocol'
import { loadPref, savePref } from './prefs'

const KEY = 'stridescope.memoryCaps'

const capValue = (v: unknown): number | null => (Number.isSafeInteger(v) && (v as number) > 0 ? (v as number) : null)

/** The saved caps, or null when none were ever set (or what is stored is unreadable). */
export function loadMemoryCaps(): MemoryCaps | null {
  const raw = loadPref(KEY)
  if (!raw) return null
  try {
    const v = JSON.parse(raw) as { cpu?: unknown; cuda?: unknown }
    return { cpu: capValue(v.cpu), cuda: capValue(v.cuda) }
  } catch {
    return null
  }
}

export function saveMemoryCaps(caps: MemoryCaps): void {
  savePref(KEY, JSON.stringify(caps))
}
