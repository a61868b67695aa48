// A lesson is a plain .py file that also runs in real Python. Its structure
// lives in comments only:
//   - the comment block at the top is the lesson's title and introduction;
//   - `# %%` starts a step (the same cell marker Jupytext and VS Code use);
//   - `# %% [predict] Question?` starts a quiz step: the presenter pauses on
//     the question before running the code and revealing the output;
//   - comment lines inside a step are narration shown beside the code.

export interface LessonStep {
  index: number
  /** Narration lines (comment text without the leading `# `). */
  narration: string[]
  /** The step's code, comments removed, ready to hand to the runner. */
  code: string
  /** Set for `[predict]` steps: the question to ask before revealing. */
  predict: string | null
  /** 1-based line of the step's first code line in the file (for errors). */
  firstLine: number
}

export interface Lesson {
  title: string
  intro: string[]
  steps: LessonStep[]
}

const STEP_MARKER = /^#\s*%%(.*)$/
const PREDICT_TAG = /^\s*\[predict\]\s*(.*)$/

function commentText(line: string): string | null {
  const m = /^\s*#\s?(.*)$/.exec(line)
  return m ? m[1] : null
}

export function parseLesson(source: string): Lesson {
  const lines = source.replace(/\r\n?/g, '\n').split('\n')
  const intro: string[] = []
  const steps: LessonStep[] = []
  let current: LessonStep | null = null
  let codeLines: string[] = []

  const finish = (): void => {
    if (!current) return
    // Keep blank lines between code lines (Python blocks need them intact), trim the ends.
    while (codeLines.length && codeLines[codeLines.length - 1].trim() === '') codeLines.pop()
    while (codeLines.length && codeLines[0].trim() === '') codeLines.shift()
    current.code = codeLines.join('\n')
    steps.push(current)
  }

  lines.forEach((line, i) => {
    const marker = STEP_MARKER.exec(line)
    if (marker) {
      finish()
      const predict = PREDICT_TAG.exec(marker[1])
      current = { index: steps.length, narration: [], code: '', predict: predict ? predict[1].trim() : null, firstLine: i + 2 }
      codeLines = []
      return
    }
    const text = commentText(line)
    if (!current) {
      if (text !== null) intro.push(text)
      return
    }
    // A comment line at the step's top level is narration; code keeps its own
    // indentation, so an indented comment inside a block stays with the code.
    if (text !== null && /^#/.test(line)) {
      current.narration.push(text)
      return
    }
    if (codeLines.length === 0 && line.trim() === '') return
    if (codeLines.length === 0) current.firstLine = i + 1
    codeLines.push(line)
  })
  finish()

  const titleLine = intro.find((l) => l.trim() !== '') ?? 'Lesson'
  const title = titleLine.replace(/^Lesson\s+\d+:\s*/, '').trim()
  const rest = intro.slice(intro.indexOf(titleLine) + 1)
  while (rest.length && rest[0].trim() === '') rest.shift()
  return { title, intro: rest, steps }
}
