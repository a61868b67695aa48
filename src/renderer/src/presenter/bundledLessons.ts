// The shipped lessons, bundled into the renderer at build time (Vite reads
// resources/lessons/*.py as text), so the presenter works in Electron and in
// browser mode with nothing more than the session's `run` request. The same
// files are what `bin/stridescope run` and tests/lessons run.
import { byLessonOrder, lessonInfo, type LessonInfo } from '../../../lessons/lesson-info'

const sources = import.meta.glob('../../../../resources/lessons/*.py', { query: '?raw', import: 'default', eager: true }) as Record<string, string>

export const BUNDLED_LESSONS: LessonInfo[] = Object.entries(sources)
  .map(([path, source]) => lessonInfo(path.slice(path.lastIndexOf('/') + 1), source))
  .sort(byLessonOrder)
