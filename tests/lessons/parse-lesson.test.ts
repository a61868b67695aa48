import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseLesson } from '../../src/lessons/parse-lesson'

const lessonsDir = join(__dirname, '..', '..', 'resources', 'lessons')

describe('parseLesson', () => {
  it('splits a lesson into narrated steps and quiz steps', () => {
    const lesson = parseLesson(
      [
        '# Lesson 3: sharing',
        '#',
        '# Intro line.',
        '',
        '# %%',
        'import numpy as np',
        '',
        '# %% [predict] What prints?',
        '# A narration line.',
        'for i in range(2):',
        '    # stays with the code',
        '    print(i)',
        ''
      ].join('\n')
    )
    expect(lesson.title).toBe('sharing')
    expect(lesson.intro).toEqual(['Intro line.'])
    expect(lesson.steps).toHaveLength(2)
    expect(lesson.steps[0]).toMatchObject({ code: 'import numpy as np', predict: null, firstLine: 6 })
    expect(lesson.steps[1].predict).toBe('What prints?')
    expect(lesson.steps[1].narration).toEqual(['A narration line.'])
    expect(lesson.steps[1].code).toBe('for i in range(2):\n    # stays with the code\n    print(i)')
    expect(lesson.steps[1].firstLine).toBe(10)
  })

  it('parses every shipped lesson into steps whose code is the whole program', () => {
    const files = readdirSync(lessonsDir).filter((f) => f.endsWith('.py'))
    expect(files.length).toBeGreaterThanOrEqual(9)
    for (const file of files) {
      const source = readFileSync(join(lessonsDir, file), 'utf8')
      const lesson = parseLesson(source)
      expect(lesson.title.length, file).toBeGreaterThan(3)
      expect(lesson.steps.length, file).toBeGreaterThan(2)
      // Every non-comment, non-blank line of the file belongs to exactly one step.
      const codeLines = source.split('\n').filter((l) => l.trim() !== '' && !/^#/.test(l))
      const stepLines = lesson.steps.flatMap((s) => s.code.split('\n')).filter((l) => l.trim() !== '' && !/^#/.test(l))
      expect(stepLines, file).toEqual(codeLines)
    }
  })
})
