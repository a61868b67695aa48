// The list of lessons. A lesson runs from an empty workspace of its own, as its
// .py file does in Python; the person's comes back when teaching mode closes.
import type { LessonInfo } from '../../../lessons/lesson-info'

export function LessonPicker({ lessons, onChoose, onExit }: { lessons: LessonInfo[]; onChoose: (id: string) => void; onExit: () => void }): React.JSX.Element {
  return (
    <div className="presenter presenter-picker" data-testid="presenter-picker">
      <header className="presenter-head">
        <h1 className="presenter-title">Lessons</h1>
        <span className="spacer" />
        <span className="muted" data-testid="presenter-picker-note">A lesson runs in a workspace of its own; yours comes back when you leave.</span>
        <button onClick={onExit} data-testid="presenter-exit" title="Exit (Esc)">✕</button>
      </header>
      <ol className="lesson-list">
        {lessons.map((l) => (
          <li key={l.id}>
            <button className="lesson-item" onClick={() => onChoose(l.id)} data-testid={`lesson-${l.id}`}>
              <span className="lesson-name">{l.title}</span>
              <span className="muted">{l.steps.length} steps{l.steps.some((s) => s.predict !== null) ? ' · with questions' : ''}{l.usesCuda ? ' · uses a cuda device' : ''}</span>
            </button>
          </li>
        ))}
      </ol>
    </div>
  )
}
