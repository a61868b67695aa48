// A lesson as the app lists it: the parsed steps plus where it came from.
// Pure (no file system), so the renderer, the session and the tests share it.
import { parseLesson, type Lesson } from './parse-lesson'

export interface LessonInfo extends Lesson {
  /** The file name without `.py` (`04_the_gpu_rule`): stable, used in requests and test ids. */
  id: string
  /** The file name (`04_the_gpu_rule.py`). */
  file: string
  /** True when some step names a cuda device: the presenter then needs one (real or simulated). */
  usesCuda: boolean
}

/** A lesson file name: two digits for the order, then words (`01_tensors_and_arrays.py`). */
export const LESSON_FILE = /^(\d{2}_[a-z0-9_]+)\.py$/

// Word boundaries: `torch.cuda`, `.cuda()`, `device='cuda'`, but not `is_cuda_x` names.
const CUDA_WORD = /\bcuda\b/

export function lessonInfo(file: string, source: string): LessonInfo {
  const m = LESSON_FILE.exec(file)
  if (!m) throw new Error(`not a lesson file name: ${file} (want NN_words.py)`)
  const lesson = parseLesson(source)
  return { ...lesson, id: m[1], file, usesCuda: lesson.steps.some((s) => CUDA_WORD.test(s.code)) }
}

/** Lessons in teaching order (their number prefix). */
export function byLessonOrder(a: LessonInfo, b: LessonInfo): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0
}

/**
 * Comment text as paragraphs: lesson files wrap their prose at ~90 columns, so
 * consecutive lines are one paragraph and a blank comment line separates two.
 */
export function paragraphs(lines: string[]): string[] {
  const out: string[] = []
  let current: string[] = []
  for (const line of [...lines, '']) {
    if (line.trim() === '') {
      if (current.length) out.push(current.join(' '))
      current = []
    } else {
      current.push(line.trim())
    }
  }
  return out
}
