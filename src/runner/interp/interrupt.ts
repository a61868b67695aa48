// Stopping a run from outside. A run owns an Int32Array over a SharedArrayBuffer:
// the app's Stop button (another thread), Ctrl-C or --timeout (native signal
// handlers, the CLI) write it; the interpreter polls it once per step and the
// engine's long kernels between chunks (native/core/cancel.h, same values).
// Native loops over Python values (a range's elements) poll the flag of the run in
// progress on this thread through `pollInterrupt`. No imports from the interpreter:
// ./values polls it, and ./exceptions (which needs ./values) registers the exception it raises.
import { INTERRUPT_NONE, INTERRUPT_STOP, INTERRUPT_TIMEOUT } from '../types'

export { INTERRUPT_NONE, INTERRUPT_STOP, INTERRUPT_TIMEOUT, newInterruptFlag } from '../types'

/** The run ended because its --timeout passed: not a Python exception, so no `except:` swallows it. */
export class RunTimedOut extends Error {
  constructor() { super('the program ran past its time limit') }
}

/** Throws what the flag asks for, if anything: KeyboardInterrupt (consuming the request) or RunTimedOut. */
export function raiseIfInterrupted(flag: Int32Array): void {
  const v = Atomics.load(flag, 0)
  if (v === INTERRUPT_NONE) return
  if (v === INTERRUPT_TIMEOUT) throw new RunTimedOut()
  Atomics.compareExchange(flag, 0, INTERRUPT_STOP, INTERRUPT_NONE)
  throw keyboardInterrupt()
}

let makeKeyboardInterrupt: () => Error = () => new Error('KeyboardInterrupt')

/** ./exceptions registers KeyboardInterrupt() as CPython raises it on SIGINT. */
export function setKeyboardInterrupt(make: () => Error): void {
  makeKeyboardInterrupt = make
}

export function keyboardInterrupt(): Error {
  return makeKeyboardInterrupt()
}

let current: Int32Array | null = null

/** Runs `body` with `flag` as this thread's run in progress (restored after: runs may nest). */
export function withInterruptFlag<T>(flag: Int32Array, body: () => T): T {
  const outer = current
  current = flag
  try {
    return body()
  } finally {
    current = outer
  }
}

/** Polls the flag of the run in progress (none outside a run). */
export function pollInterrupt(): void {
  if (current !== null && current[0] !== INTERRUPT_NONE) raiseIfInterrupted(current)
}
