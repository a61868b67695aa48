// Teaching mode: the lesson list and the presenter. Mount <PresenterView> in
// place of the app's main area (it uses the same AppContext: store, controller,
// 3D views). A lesson runs in a workspace of its own; when the view closes
// (`onExit` returns to the normal layout) the person's workspace comes back as
// it was, with the object they had selected. In App.tsx:
//   const [teaching, setTeaching] = useState(false)
//   {teaching ? <PresenterView onExit={() => setTeaching(false)} /> : <div className="main">…</div>}
// and a toolbar button with data-testid="open-presenter" that calls setTeaching(true)
// (e2e/presenter.spec.ts opens teaching mode with it).
import { useCallback, useEffect, useRef, useState } from 'react'
import type { LessonInfo } from '../../../lessons/lesson-info'
import { BUNDLED_LESSONS } from './bundledLessons'
import { LessonPicker } from './LessonPicker'
import { LessonPresenter } from './LessonPresenter'
import { useApp } from '../state/context'
import { markPresenting } from '../state/prefs'
import { count } from '../model/format'
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
  const { store, controller } = useApp()
  // Set once a lesson has begun: the workspace shown is the lesson's from then on.
  const begun = useRef(lessonId !== undefined)
  // A lesson runs in an empty workspace of its own: ask first, saying what happens to the person's.
  const choose = useCallback((id: string) => {
    if (!begun.current) {
      const w = store.get().workspace
      // The app's own import lines are nothing to put aside.
      const typed = w.history.filter((h) => !/^(\s*import [\w.]+( as \w+)?\s*)+$/.test(h.code))
      if ((w.objects.length > 0 || typed.length > 0) && !confirm(lessonQuestion(w.objects.length, typed.length))) return
    }
    begun.current = true
    setChosen(id)
  }, [store])
  // A reload while a lesson is open ends it (Controller.start).
  useEffect(() => { if (lesson) markPresenting(true) }, [lesson])
  // Closing teaching mode (✕, Esc) leaves the lesson: the person's workspace comes back.
  useEffect(() => {
    const selected = store.get().selectedId
    return () => { void controller.leaveLesson(selected) }
  }, [store, controller])

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

/** What starting a lesson does to the person's workspace, asked before it does it. */
export function lessonQuestion(objects: number, lines: number): string {
  return `Start the lesson? It runs in an empty workspace of its own. Yours (${count(objects, 'object')}, ${count(lines, 'line')} of history, the console) ` +
    'is put aside and comes back as it was when you leave the lessons.'
}

export { BUNDLED_LESSONS }
