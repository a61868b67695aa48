// The suggested fix shown under an inline error: the session's own (it knows the
// failing line), else the shared table's for the message alone.
import { suggestFix as sharedSuggestFix } from '../../../shared/error-hints'
import type { PyErrorInfo } from './types'

/** `line`: the Python line that failed, when the caller knows it. */
export function suggestFix(err: Pick<PyErrorInfo, 'type' | 'message'> & { suggestion?: string } | null, line = ''): string | null {
  if (!err) return null
  return err.suggestion ?? sharedSuggestFix(err, line) ?? null
}
