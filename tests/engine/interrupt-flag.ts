// What the stop-flag tests share: the flag's values (src/runner's INTERRUPT_STOP and
// INTERRUPT_TIMEOUT) and the Python exception type a call raised, if any.

export const STOP = 1
export const TIMEOUT = 2

/** The Python type of the error `fn` threw (`pyType`), or null when it returned. */
export function pyTypeOf(fn: () => unknown): string | null {
  try {
    fn()
    return null
  } catch (e) {
    return (e as { pyType?: string }).pyType ?? String(e)
  }
}
