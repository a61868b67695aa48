// Turns whatever the runner threw or returned as a Python exception into the
// protocol's plain PyErrorInfo, with a suggested fix for the errors people meet
// most while learning (the library's own text is never changed).
import type { PyErrorInfo } from '../shared/protocol'
import { suggestFix } from '../shared/error-hints'

function field(e: unknown, key: string): unknown {
  return typeof e === 'object' && e !== null ? (e as Record<string, unknown>)[key] : undefined
}

/** `sourceLines`: the code that ran, so the fix can name the object the failing line used. */
export function toPyError(e: unknown, sourceLines: string[] = []): PyErrorInfo {
  const type = field(e, 'pyType') ?? field(e, 'type')
  const message = field(e, 'message')
  const out: PyErrorInfo = {
    type: typeof type === 'string' && type ? type : 'RuntimeError',
    message: typeof message === 'string' ? message : String(e)
  }
  const line = field(e, 'line') ?? field(e, 'lineNo')
  if (Number.isSafeInteger(line) && (line as number) >= 0) out.lineNo = line as number
  const tb = field(e, 'traceback')
  if (typeof tb === 'string' && tb) out.traceback = tb
  const hint = suggestFix(out, out.lineNo ? sourceLines[out.lineNo - 1] ?? '' : sourceLines.length === 1 ? sourceLines[0] : '')
  if (hint) out.suggestion = hint
  return out
}
