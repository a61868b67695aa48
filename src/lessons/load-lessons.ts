// Reads the shipped lessons (resources/lessons/NN_name.py) from disk. Node only:
// the session's lesson service and the tests use it; the renderer bundles the
// same files at build time (src/renderer/src/presenter/bundledLessons.ts).
import { readFileSync, readdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { byLessonOrder, LESSON_FILE, lessonInfo, type LessonInfo } from './lesson-info'

export const LESSONS_DIR = resolve(__dirname, '..', '..', 'resources', 'lessons')

export function loadLessons(dir: string = LESSONS_DIR): LessonInfo[] {
  return readdirSync(dir)
    .filter((f) => LESSON_FILE.test(f))
    .map((f) => lessonInfo(f, readFileSync(join(dir, f), 'utf8')))
    .sort(byLessonOrder)
}
