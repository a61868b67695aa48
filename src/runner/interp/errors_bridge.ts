// What the interpreter does with anything thrown: control-flow signals and a timeout pass
// through; engine errors (JS Error with pyType) and JS runtime failures become Python exceptions.
import { PyClass, PyExcInstance } from './values'
import { PyException, pyErr, excClass } from './exceptions'
import { RunTimedOut, keyboardInterrupt, pollInterrupt } from './interrupt'
import { memoryError } from './heap'

/** Signals the interpreter throws for break/continue/return (not Python exceptions). */
export class ControlSignal { }

export function isPyCatchable(e: unknown): boolean {
  return !(e instanceof ControlSignal || e instanceof RunTimedOut)
}

/** Maps any thrown value onto a Python exception: engine errors keep their type and text. */
export function toPyException(e: unknown): PyException {
  if (e instanceof PyException) return e
  if (e instanceof Error) {
    const pyType = (e as Error & { pyType?: string }).pyType
    if (pyType) {
      // A kernel stopped by the interrupt flag (native/core/cancel.h): a timeout still set
      // there ends the run (pollInterrupt throws it), a Stop is KeyboardInterrupt.
      if (pyType === 'KeyboardInterrupt') {
        pollInterrupt()
        return keyboardInterrupt() as PyException
      }
      let cls: PyClass
      try { cls = excClass(pyType) } catch { cls = excClass('RuntimeError') }
      return new PyException(new PyExcInstance(cls, [e.message]))
    }
    // Near a JS stack overflow even a regular expression can overflow again: plain string tests.
    if (e instanceof RangeError) {
      if (e.message.indexOf('call stack') >= 0) return pyErr('RecursionError', 'maximum recursion depth exceeded')
      if (e.message.indexOf('Invalid string length') >= 0 || e.message.indexOf('Invalid array length') >= 0) return memoryError()
    }
    return pyErr('SystemError', `internal error in the Stridescope runner: ${e.message}`)
  }
  return pyErr('SystemError', `internal error in the Stridescope runner: ${String(e)}`)
}

