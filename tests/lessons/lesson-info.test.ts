import { describe, expect, it } from 'vitest'
import { lessonInfo, paragraphs } from '../../src/lessons/lesson-info'
import { loadLessons } from '../../src/lessons/node/load-lessons'

describe('lessonInfo', () => {
  it('takes the id from the file name and sees which lessons need a cuda device', () => {
    const l = lessonInfo('12_moves.py', '# Lesson 12: moves\n\n# %%\nimport torch\nx = torch.ones(2).cuda()\n')
    expect(l).toMatchObject({ id: '12_moves', file: '12_moves.py', title: 'moves', usesCuda: true })
    expect(lessonInfo('13_x.py', '# Lesson 13: x\n# %%\nis_cuda_like = 1\n').usesCuda).toBe(false)
    expect(() => lessonInfo('notes.py', '')).toThrow('not a lesson file name: notes.py')
  })

  it('finds the shipped GPU lesson, and only it, using a device', () => {
    expect(loadLessons().filter((l) => l.usesCuda).map((l) => l.id)).toEqual(['04_the_gpu_rule'])
  })

  it('joins wrapped comment lines into paragraphs', () => {
    expect(paragraphs(['A block of bytes', 'and a view.', '', 'Second.', ''])).toEqual(['A block of bytes and a view.', 'Second.'])
    expect(paragraphs([])).toEqual([])
  })
})
