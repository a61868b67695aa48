// Errors from the engine are plain JS Errors with the Python exception name in
// `pyType` and the library's exact text in `message`.
import type { PyExcName } from './types'

export interface EngineError extends Error {
  pyType: PyExcName
}

export function isEngineError(e: unknown): e is EngineError {
  return e instanceof Error && typeof (e as Partial<EngineError>).pyType === 'string'
}

/** An engine-style error raised from TypeScript (argument checks before the native call). */
export function pyError(pyType: PyExcName, message: string): EngineError {
  const e = new Error(message) as EngineError
  e.pyType = pyType
  return e
}
