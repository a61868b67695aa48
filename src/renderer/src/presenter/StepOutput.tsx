// Below the code: what the step printed (or the traceback), and what it
// changed in memory, one line per effect, each fading in when the step is shown.
import type { StepRun } from './useLessonSession'
import { describeEffect } from '../../../lessons/step-effects'

export function StepOutput({ run, step }: { run: StepRun | undefined; step: number }): React.JSX.Element {
  if (!run) return <div className="presenter-output pending" data-testid="presenter-output" data-state="running">running…</div>
  return (
    <>
      <div className="presenter-output" data-testid="presenter-output" data-state="done" data-step={step}>
        {run.stdout && <pre data-testid="presenter-stdout">{run.stdout}</pre>}
        {run.error && <pre className="err-text" data-testid="presenter-error">{run.stderr || `${run.error.type}: ${run.error.message}`}</pre>}
        {!run.stdout && !run.error && <span className="muted">(prints nothing)</span>}
      </div>
      <ul className="presenter-effects" data-testid="presenter-effects" aria-label="what changed in memory">
        {run.changes.effects.map((e, i) => (
          // The key includes the step so a revisited step animates again.
          <li key={`${step}-${i}`} className={`presenter-effect effect-${e.kind}`} data-testid="presenter-effect" data-kind={e.kind}
            style={{ animationDelay: `${i * 120}ms` }}>
            {describeEffect(e)}
          </li>
        ))}
        {run.changes.effects.length === 0 && <li className="presenter-effect none muted" data-kind="none">no bytes made, viewed, written or moved</li>}
      </ul>
    </>
  )
}
