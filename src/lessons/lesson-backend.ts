// Starting a lesson and running one of its steps, over anything that runs
// Python the way the session does: the Session itself (the lesson service) or
// the renderer's host (the presenter). One place for the rule: a lesson starts
// from an empty workspace of its own (the person's is put aside until
// endLesson), and a lesson that names a cuda device gets the simulated one when
// no real GPU is listed, which the presenter then says.
import type { RunResult, Workspace } from '../shared/protocol'
import type { LessonInfo } from './lesson-info'

/** What the Session and the renderer's Api both offer (same names, same results). */
export interface LessonBackend {
  /** An empty workspace for the lesson (the person's is put aside the first time). */
  beginLesson(): Promise<Workspace>
  setSimulateCuda(on: boolean): Promise<Workspace>
  /** Runs in the lesson's workspace; refused once the lesson is closed. */
  runInLesson(code: string): Promise<RunResult>
}

export interface LessonStart {
  workspace: Workspace
  /** True when the lesson's cuda device is the simulated one. */
  simulatedCuda: boolean
}

/** True when no real GPU is listed: a cuda lesson then runs on the simulated device. */
export function needsSimulatedCuda(w: Workspace): boolean {
  return !w.devices.some((d) => d.type === 'cuda' && !d.simulated)
}

export async function startLesson(lesson: Pick<LessonInfo, 'usesCuda'>, backend: LessonBackend): Promise<LessonStart> {
  let workspace = await backend.beginLesson()
  if (!lesson.usesCuda || !needsSimulatedCuda(workspace)) return { workspace, simulatedCuda: false }
  if (!workspace.simulateCuda) workspace = await backend.setSimulateCuda(true)
  return { workspace, simulatedCuda: true }
}

export function runLessonStep(lesson: Pick<LessonInfo, 'steps'>, step: number, backend: LessonBackend): Promise<RunResult> {
  const s = lesson.steps[step]
  if (!s) throw new RangeError(`step ${step} is out of range: the lesson has ${lesson.steps.length} steps`)
  return backend.runInLesson(s.code)
}
