// One lesson, one position at a time: the intro card, each step (narration
// beside the code in large type, the output below, the 3D views beside), a
// "predict first" pause before a quiz step's reveal, and the end card.
// Keys: → / Space next, ← back, R restart, Esc exit.
import { useEffect, useReducer } from 'react'
import { paragraphs, type LessonInfo } from '../../../lessons/lesson-info'
import {
  currentPosition, initialPresenterState, presenterKey, presenterReducer, stepOf, stepsRun
} from '../../../lessons/presenter-state'
import { CodeBlock } from './CodeBlock'
import { PresenterViews } from './PresenterViews'
import { StepOutput } from './StepOutput'
import { useLessonSession } from './useLessonSession'

function positionLabel(p: ReturnType<typeof currentPosition>): string {
  return p.kind === 'intro' || p.kind === 'end' ? p.kind : `${p.kind}:${p.step}`
}

function typing(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null
  return !!el && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName))
}

export function LessonPresenter({ lesson, onExit, onPick }: { lesson: LessonInfo; onExit: () => void; onPick: () => void }): React.JSX.Element {
  const [state, dispatch] = useReducer(presenterReducer, lesson.steps, initialPresenterState)
  const session = useLessonSession(lesson, stepsRun(state))
  const position = currentPosition(state)
  const stepIndex = stepOf(position)
  const step = stepIndex === null ? null : lesson.steps[stepIndex]
  const run = stepIndex === null ? undefined : session.results[stepIndex]
  // The result shown must be from the session's current run of this step.
  const shownRun = position.kind === 'shown' && session.ran > position.step ? run : undefined

  useEffect(() => {
    // Capture phase on window: the presenter's keys do not also reach the app's shortcuts.
    const onKey = (e: KeyboardEvent): void => {
      if (typing(e.target) || e.ctrlKey || e.metaKey || e.altKey) return
      const action = presenterKey(e.key)
      if (!action) return
      e.preventDefault()
      e.stopPropagation()
      if (action === 'exit') onExit()
      else dispatch({ type: action })
    }
    window.addEventListener('keydown', onKey, true)
    return () => window.removeEventListener('keydown', onKey, true)
  }, [onExit])

  const counter = stepIndex === null ? '' : `step ${stepIndex + 1} / ${lesson.steps.length}`
  return (
    <div className="presenter" data-testid="presenter" data-lesson={lesson.id} data-position={positionLabel(position)}
      data-busy={session.busy ? 'true' : 'false'} data-ran={session.ran}>
      <header className="presenter-head">
        <button onClick={onPick} data-testid="presenter-lessons" title="All lessons">☰ lessons</button>
        <h1 className="presenter-title" data-testid="presenter-title">{lesson.title}</h1>
        <span className="presenter-counter" data-testid="presenter-counter">{counter}</span>
        <span className="spacer" />
        {session.simulatedCuda && (
          <span className="badge sim presenter-sim" data-testid="presenter-simulated-note" role="note">
            no GPU here: cuda:0 is simulated (a separate host allocation)
          </span>
        )}
        <button onClick={() => dispatch({ type: 'back' })} disabled={state.at === 0} data-testid="presenter-back" title="Back (←)">←</button>
        <button onClick={() => dispatch({ type: 'restart' })} data-testid="presenter-restart" title="Restart (R)">restart</button>
        <button onClick={() => dispatch({ type: 'next' })} disabled={state.at === state.positions.length - 1} data-testid="presenter-next" title="Next (→ or Space)">→</button>
        <button onClick={onExit} data-testid="presenter-exit" title="Exit (Esc)">✕</button>
      </header>
      {session.failure && <div className="banner error" role="alert" data-testid="presenter-failure">{session.failure}</div>}
      <div className="presenter-body">
        <section className="presenter-text">
          {position.kind === 'intro' && (
            <div className="presenter-card" data-testid="presenter-intro">
              <h2>{lesson.title}</h2>
              {paragraphs(lesson.intro).map((p, i) => <p key={i}>{p}</p>)}
              <p className="muted">{lesson.steps.length} steps · → or Space to begin · ← back · R restart · Esc exit</p>
            </div>
          )}
          {step && stepIndex !== null && (
            <>
              <div className={`presenter-step${step.narration.length ? '' : ' no-narration'}`} data-testid="presenter-step" data-step={stepIndex}>
                {step.narration.length > 0 && (
                  <div className="presenter-narration" data-testid="presenter-narration">
                    {paragraphs(step.narration).map((p, i) => <p key={i}>{p}</p>)}
                  </div>
                )}
                <CodeBlock code={step.code} testId="presenter-code" />
              </div>
              {position.kind === 'question'
                ? (
                  <div className="presenter-question" data-testid="presenter-question" role="status">
                    <div className="presenter-question-label">Predict first</div>
                    <div className="presenter-question-text">{step.predict || 'What will this print?'}</div>
                    <div className="muted">Think, then press → to run it and reveal the output.</div>
                  </div>
                )
                : <StepOutput run={shownRun} step={stepIndex} />}
            </>
          )}
          {position.kind === 'end' && (
            <div className="presenter-card" data-testid="presenter-end">
              <h2>End of the lesson</h2>
              <p>R to run it again from the start, ← to step back, Esc to leave.</p>
              <button onClick={onPick} data-testid="presenter-more">more lessons</button>
            </div>
          )}
        </section>
        <PresenterViews changes={shownRun?.changes ?? null} flashKey={`${lesson.id}-${state.at}`} />
      </div>
    </div>
  )
}
