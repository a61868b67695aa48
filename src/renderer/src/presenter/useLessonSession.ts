// Keeps the session in step with the presenter: a lesson starts from an empty
// workspace of its own, the person's put aside until the presenter closes (with
// the simulated cuda device switched on when the lesson needs a device and no
// GPU answers), and whenever the position wants a different number of steps
// run, the missing steps run forward, or the lesson's workspace is emptied and
// replayed to go back (code cannot be un-run). Steps run only in the lesson's
// workspace: once another window has closed the lesson they are refused. Each run goes through the
// session's `run` request, the same runner as the console, so the workspace,
// and with it the 3D views, update as they do for typed code.
import { useCallback, useEffect, useRef, useState } from 'react'
import { runLessonStep, startLesson } from '../../../lessons/lesson-backend'
import type { LessonInfo } from '../../../lessons/lesson-info'
import { syncPlan } from '../../../lessons/presenter-state'
import { stepChanges, type StepChanges } from '../../../lessons/step-effects'
import type { PyErrorInfo, Workspace } from '../../../shared/protocol'
import { useApp } from '../state/context'

export interface StepRun {
  stdout: string
  stderr: string
  error: PyErrorInfo | null
  changes: StepChanges
}

export interface LessonSession {
  ready: boolean
  busy: boolean
  /** Steps the session has run for this lesson. */
  ran: number
  results: Record<number, StepRun>
  /** True when this lesson's cuda device is the simulated one (said once in the presenter). */
  simulatedCuda: boolean
  /** A transport failure (not a Python error: those are step results). */
  failure: string | null
}

export function useLessonSession(lesson: LessonInfo, want: number): LessonSession {
  const { store, controller } = useApp()
  const host = controller.host
  const [state, setState] = useState<LessonSession>({ ready: false, busy: true, ran: 0, results: {}, simulatedCuda: false, failure: null })
  const queue = useRef<Promise<void>>(Promise.resolve())
  const ran = useRef(0)
  const wanted = useRef(want)
  const workspace = useRef<Workspace | null>(null)
  const alive = useRef(true)

  const show = useCallback((w: Workspace, force = false) => {
    workspace.current = w
    store.dispatch({ type: 'workspace', workspace: w, force })
  }, [store])

  const guarded = useCallback((task: () => Promise<void>) => {
    queue.current = queue.current.then(async () => {
      if (!alive.current) return
      setState((s) => ({ ...s, busy: true }))
      try {
        await task()
        // A later task that gets through clears an earlier transport failure.
        setState((s) => (s.failure === null ? s : { ...s, failure: null }))
      } catch (e) {
        const failure = e instanceof Error ? e.message : String(e)
        setState((s) => ({ ...s, failure }))
      } finally {
        if (alive.current) setState((s) => ({ ...s, busy: false, ran: ran.current }))
      }
    })
  }, [])

  // Start: an empty workspace, and a cuda device when the lesson needs one.
  useEffect(() => {
    alive.current = true
    guarded(async () => {
      const { workspace: w, simulatedCuda } = await startLesson(lesson, host)
      show(w, true)
      ran.current = 0
      setState((s) => ({ ...s, ready: true, simulatedCuda, results: {} }))
    })
    return () => { alive.current = false }
  }, [lesson, host, guarded, show])

  // Follow the position: run forward, or empty the lesson's workspace and replay.
  useEffect(() => {
    wanted.current = want
    guarded(async () => {
      let last: StepRun | null = null
      while (alive.current && ran.current !== wanted.current) {
        const plan = syncPlan(ran.current, wanted.current)
        if (plan.reset) {
          show(await host.beginLesson(), true)
          ran.current = 0
          continue
        }
        const index = plan.run[0]
        const before = workspace.current ?? store.get().workspace
        const r = await runLessonStep(lesson, index, host)
        show(r.snapshot)
        last = { stdout: r.stdout, stderr: r.stderr, error: r.error, changes: stepChanges(before, r.snapshot, r.ops) }
        const result = last
        ran.current = index + 1
        setState((s) => ({ ...s, results: { ...s.results, [index]: result } }))
      }
      // The 3D views show what the step made or wrote.
      if (last && last.changes.focusObjectId !== null) store.dispatch({ type: 'select', id: last.changes.focusObjectId })
    })
  }, [want, lesson, host, guarded, show, store])

  return state
}
