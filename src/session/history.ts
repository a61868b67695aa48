// The session's history of Python runs, and its export as a runnable .py file.
import type { HistoryEntry } from '../shared/protocol'

/** Imports every exported script starts with, so it also runs in real Python. */
export const SCRIPT_PRELUDE = ['import numpy as np', 'import torch']

/**
 * The history as a script: every run in order. A run that raised is kept as a
 * comment with its error, so the script reproduces the state without stopping
 * at the first exception; lines that repeat the prelude's imports are dropped.
 */
export function exportScript(history: readonly HistoryEntry[], simulateCuda: boolean): string {
  const out = ['# Stridescope session', ...SCRIPT_PRELUDE]
  if (simulateCuda) out.push('# (recorded with the simulated cuda device enabled)')
  out.push('')
  for (const entry of history) {
    const code = entry.code.replace(/\s+$/, '')
    if (entry.ok) {
      const lines = code.split('\n').filter((l) => !SCRIPT_PRELUDE.includes(l.trim()))
      if (lines.length) out.push(...lines)
    } else {
      out.push(`# raised ${entry.error?.type ?? 'Exception'}: ${(entry.error?.message ?? '').split('\n')[0]}`)
      out.push(...code.split('\n').map((l) => `# ${l}`))
    }
  }
  return out.join('\n') + '\n'
}
