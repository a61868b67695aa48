// The inline outcome of a UI action: the Python line that ran and, when it
// raised, the library's message as Python shows it plus a suggested fix.
import { suggestFix } from '../model/errorHints'
import type { PyErrorInfo } from '../model/types'

export interface Outcome {
  line: string
  error: PyErrorInfo | null
}

export function ActionResult({ outcome }: { outcome: Outcome | null }): React.JSX.Element | null {
  if (!outcome) return null
  if (!outcome.error) return <div className="action-ok small" data-testid="action-ok">ran <code>{outcome.line}</code></div>
  const hint = suggestFix(outcome.error, outcome.line)
  return (
    <div className="action-error" role="alert" data-testid="action-error">
      <code className="err-line">{outcome.line}</code>
      <div className="err-text" data-testid="action-error-text">{outcome.error.type}: {outcome.error.message}</div>
      {hint && <div className="err-hint" data-testid="action-error-hint">Suggested fix: {hint}</div>}
    </div>
  )
}

/** A Python line preview that the person can see before running it. */
export function LinePreview({ line }: { line: string | null }): React.JSX.Element {
  return <code className="line-preview" data-testid="line-preview">{line ?? '…'}</code>
}
