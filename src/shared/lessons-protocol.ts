// The lesson service's requests, added to the one contract (./protocol.ts) by
// spreading `lessonsMethods` into `methods` and `lessonsChannels` into `Channel`
// (as the profiler's are). The presenter bundles the lessons and runs steps
// through `run`: of these it needs only beginLesson and endLesson (a lesson's own
// workspace, the person's put aside meanwhile); the rest serve any client that
// does not bundle them (a remote viewer, scripts over the WebSocket, tests).
import { MAX_CODE_LENGTH, runResult, workspace, type RunResult } from './workspace-protocol'
import { array, boolean, boundedString, count, nullable, object, string, type Infer } from './schema'

/** Lesson ids are file names without `.py` (`04_the_gpu_rule`). */
const lessonId = boundedString(200)

export const lessonStep = object({
  index: count,
  narration: array(string),
  code: string,
  predict: nullable(string),
  firstLine: count
})

export const lesson = object({
  id: string,
  file: string,
  title: string,
  intro: array(string),
  steps: array(lessonStep),
  usesCuda: boolean
})

/** What `lessonsRunStep` answers: exactly `run`'s result. */
export type LessonRunResult = RunResult

export const lessonsMethods = {
  /** Every shipped lesson: title, intro, steps (narration, code, quiz question). */
  lessonsList: { params: object({}), result: object({ lessons: array(lesson) }) },
  /** Empties the workspace for a lesson and, for a cuda lesson without a GPU, turns the simulated device on. */
  lessonsStart: {
    params: object({ id: lessonId }),
    result: object({
      workspace,
      simulatedCuda: boolean
    })
  },
  /** Runs one step of a lesson through the session (the console's runner): the same result as `run`. */
  lessonsRunStep: {
    params: object({ id: lessonId, step: count }),
    result: runResult
  },
  /** An empty workspace for a lesson; the first call puts the person's aside as it is, later ones empty the lesson's. */
  lessonsBegin: { params: object({}), result: workspace },
  /** Drops the lesson's workspace and brings the person's back as it was (nothing changes outside a lesson). */
  lessonsEnd: { params: object({}), result: workspace },
  /**
   * Runs a lesson's code in the lesson's workspace, as `run` does; refused (a bad-request error) when no lesson
   * is open (it was closed from another window), so a lesson's line never runs in the person's workspace.
   */
  lessonsRun: { params: object({ code: boundedString(MAX_CODE_LENGTH) }), result: runResult }
}

export const lessonsChannels = {
  lessonsList: 'stridescope:lessons-list',
  lessonsStart: 'stridescope:lessons-start',
  lessonsRunStep: 'stridescope:lessons-run-step',
  lessonsBegin: 'stridescope:lessons-begin',
  lessonsEnd: 'stridescope:lessons-end',
  lessonsRun: 'stridescope:lessons-run'
} as const satisfies Record<keyof typeof lessonsMethods, string>

export type LessonsMethod = keyof typeof lessonsMethods
export type WireLesson = Infer<typeof lesson>
type P<M extends LessonsMethod> = Infer<(typeof lessonsMethods)[M]['params']>
type R<M extends LessonsMethod> = Infer<(typeof lessonsMethods)[M]['result']>

/** The lessons' part of the renderer's Api (src/shared/api.ts spreads `lessonsApi(call)` into its object). */
export function lessonsApi(call: <M extends LessonsMethod>(method: M, params: P<M>) => Promise<R<M>>) {
  return {
    lessonsList: () => call('lessonsList', {}),
    lessonsStart: (id: string) => call('lessonsStart', { id }),
    lessonsRunStep: (id: string, step: number) => call('lessonsRunStep', { id, step }),
    beginLesson: () => call('lessonsBegin', {}),
    endLesson: () => call('lessonsEnd', {}),
    runInLesson: (code: string) => call('lessonsRun', { code })
  }
}
export type LessonsApi = ReturnType<typeof lessonsApi>
