// The lesson service's request handlers: the shipped lessons (read from
// resources/lessons once), starting one (empty workspace, simulated cuda when
// a cuda lesson finds no GPU) and running one of its steps through the session,
// the console's runner, so every window's 3D views follow. The rules are the
// shared ones in src/lessons/lesson-backend.ts, which the presenter uses too.
import { runLessonStep, startLesson } from '../lessons/lesson-backend'
import type { LessonInfo } from '../lessons/lesson-info'
import { loadLessons } from '../lessons/node/load-lessons'
import type { LessonsMethod, lessonsMethods } from '../shared/lessons-protocol'
import type { Infer } from '../shared/schema'
import { SessionError } from './errors'
import type { Session } from './session'

let cached: LessonInfo[] | null = null

/** The shipped lessons (read once; `reload` for tests that change the folder). */
export function shippedLessons(reload = false): LessonInfo[] {
  if (!cached || reload) cached = loadLessons()
  return cached
}

function lessonById(id: string): LessonInfo {
  const found = shippedLessons().find((l) => l.id === id)
  if (!found) throw new SessionError('not-found', `no lesson ${JSON.stringify(id)}`)
  return found
}

type Handlers = {
  [M in LessonsMethod]: (session: Session, params: Infer<(typeof lessonsMethods)[M]['params']>) =>
    Promise<Infer<(typeof lessonsMethods)[M]['result']>> | Infer<(typeof lessonsMethods)[M]['result']>
}

/** Spread into src/session/handlers.ts's table: `...lessonsHandlers`. */
export const lessonsHandlers: Handlers = {
  lessonsList: () => ({ lessons: shippedLessons() }),
  lessonsStart: (session, p) => startLesson(lessonById(p.id), session),
  lessonsRunStep: (session, p) => {
    const lesson = lessonById(p.id)
    if (p.step >= lesson.steps.length) {
      throw new SessionError('out-of-range', `step ${p.step} is out of range: lesson ${p.id} has ${lesson.steps.length} steps`)
    }
    return runLessonStep(lesson, p.step, session)
  },
  lessonsRun: (session, p) => session.runInLesson(p.code),
  lessonsBegin: (session) => session.beginLesson(),
  lessonsEnd: (session) => session.endLesson()
}
