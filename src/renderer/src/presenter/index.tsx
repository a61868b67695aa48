// Teaching mode: the lesson list and the presenter. Mount <PresenterView> in
// place of the app's main area (it uses the same AppContext: store, controller,
// 3D views); `onExit` returns to the normal layout, leaving the lesson's
// objects in the workspace to explore further. In App.tsx:
//   const [teaching, setTeaching] = useState(false)
//   {teaching ? <PresenterView onExit={() => setTeaching(false)} /> : <div className="main">…</div>}
// and a toolbar button with data-testid="open-presenter" that calls setTeaching(true)
// (e2e/presenter.spec.ts opens teaching mode with it).
import { useCallback, useEffect, useState } from 'react'
import type { LessonInfo } from '../../../lessons/lesson-info'
import { BUNDLED_LESSONS } from './bundledLessons'
import { LessonPicker } from './LessonPicker'
import { LessonPresenter } from './LessonPresenter'
import { useApp } from '../state/context'
import './presenter.css'

export interface PresenterViewProps {
  onExit: () => void
  /** Open this lesson at once (its id, e.g. '03_sharing_consequences'); the list otherwise. */
  lessonId?: string
  lessons?: LessonInfo[]
}

export function PresenterView({ onExit, lessonId, lessons = BUNDLED_LESSONS }: PresenterViewProps): React.JSX.Element {
  const [chosen, setChosen] = useState<string | null>(lessonId ?? null)
  const lesson = lessons.find((l) => l.id === chosen) ?? null
  const pick = useCallback(() => setChosen(null), [])
  const { store } = useApp()
  // A lesson starts from an empty workspace: ask first when there is something to lose (reset asks too).
  const choose = useCallback((id: string) => {
    const w = store.get().workspace
    // The app's own import lines are nothing to lose.
    const typed = w.history.filter((h) => !/^(\s*import [\w.]+( as \w+)?\s*)+$/.test(h.code))
    const lose = w.objects.length > 0 || typed.length > 0
    if (lose && !confirm(`Start the lesson? It clears the workspace: ${w.objects.length} object${w.objects.length === 1 ? '' : 's'} and ${typed.length} line${typed.length === 1 ? '' : 's'} of history are forgotten.`)) return
    setChosen(id)
  }, [store])

  // Esc on the list leaves teaching mode (the presenter handles its own keys).
  useEffect(() => {
    if (lesson) return
    const onKey = (e: KeyboardEvent): void => {
      if (e.key !== 'Escape') return
      e.stopPropagation()
      onExit()
    }
    window.addEventListener('keydown', onKey, true)
    return () => window.removeEventListener('keydown', onKey, true)
  }, [lesson, onExit])

  return lesson
    ? <LessonPresenter key={lesson.id} lesson={lesson} onExit={onExit} onPick={pick} />
    : <LessonPicker lessons={lessons} onChoose={choose} onExit={onExit} />
}

export { BUNDLED_LESSONS }
