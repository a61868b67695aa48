// Long reads poll for a stop request between chunks: reading a big file, inflating a zip
// member and checking its CRC, unpickling and walking a checkpoint, listing thousands of
// tensors. src/files knows nothing of runs: the runner installs its poll (pollInterrupt,
// src/runner/interp/interrupt.ts), which throws KeyboardInterrupt while a program is asked
// to stop and does nothing outside a run. Callers poll outside any try that would re-label
// what it throws as a format error.
let check: () => void = () => {}

/** Installs the poll every long read calls (one per thread: each worker runs its own programs). */
export function setStopCheck(fn: () => void): void {
  check = fn
}

/** Throws when the program reading the file has been asked to stop. */
export function checkStop(): void {
  check()
}

/** Bytes a reader handles between two polls (a few milliseconds of work at most). */
export const STOP_CHECK_BYTES = 4 << 20
/** Items (opcodes, objects, entries) a reader handles between two polls. */
export const STOP_CHECK_ITEMS = 1 << 14

/** Array.prototype.sort with a poll every few thousand comparisons (a million entries sort for a second). */
export function sortPolling<T>(items: T[], compare: (a: T, b: T) => number): T[] {
  let n = 0
  return items.sort((a, b) => {
    if (++n === STOP_CHECK_ITEMS) {
      n = 0
      checkStop()
    }
    return compare(a, b)
  })
}
