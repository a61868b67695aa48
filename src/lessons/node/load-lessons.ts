// Reads the shipped lessons (resources/lessons/NN_name.py) from disk. Node only:
// the session's lesson service and the tests use it; the renderer bundles the
// same files at build time (src/renderer/src/presenter/bundledLessons.ts).
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { byLessonOrder, LESSON_FILE, lessonInfo, type LessonInfo } from '../lesson-info'

/**
 * The nearest resources/lessons above this file: the checkout's from the sources
 * (src/lessons/node), the same from a bundle in out/main.
 */
function findLessonsDir(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const candidate = join(dir, 'resources', 'lessons')
    if (existsSync(candidate)) return candidate
    if (dirname(dir) === dir) return join(from, '..', '..', '..', 'resources', 'lessons')
  }
}

export const LESSONS_DIR = findLessonsDir(__dirname)

export function loadLessons(dir: string = LESSONS_DIR): LessonInfo[] {
  return readdirSync(dir)
    .filter((f) => LESSON_FILE.test(f))
    .map((f) => lessonInfo(f, readFileSync(join(dir, f), 'utf8')))
    .sort(byLessonOrder)
}
