// The lesson service's handlers over a real session (real runner and engine).
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createAppSession } from '../../src/session/app-session'
import { lessonsHandlers } from '../../src/session/lessons-service'
import { lessonsMethods } from '../../src/shared/lessons-protocol'
import { SessionError } from '../../src/session/errors'
import { needsSimulatedCuda } from '../../src/lessons/lesson-backend'

const expectedOut = (id: string): string => readFileSync(join(__dirname, 'expected', `${id}.out`), 'utf8')

describe('lesson service', () => {
  it('lists the shipped lessons in order, in the protocol shape', async () => {
    const s = createAppSession()
    const r = await lessonsHandlers.lessonsList(s, {})
    expect(lessonsMethods.lessonsList.result.check(r, 'result')).toBeNull()
    expect(r.lessons.map((l) => l.id)).toEqual([...r.lessons.map((l) => l.id)].sort())
    expect(r.lessons).toHaveLength(9)
    const gpu = r.lessons.find((l) => l.id === '04_the_gpu_rule')!
    expect(gpu).toMatchObject({ title: 'the GPU rule', usesCuda: true, file: '04_the_gpu_rule.py' })
    expect(gpu.steps[1].predict).toBe('What happens when we ask a cuda tensor for a NumPy array?')
    expect(r.lessons.find((l) => l.id === '01_tensors_and_arrays')!.usesCuda).toBe(false)
    s.dispose()
  })

  it('starts a cuda lesson on the simulated device where no GPU answers, and runs its steps like real Python', async () => {
    const s = createAppSession()
    await s.run('x = 1')
    const noGpu = needsSimulatedCuda(s.snapshot())
    const start = await lessonsHandlers.lessonsStart(s, { id: '04_the_gpu_rule' })
    expect(lessonsMethods.lessonsStart.result.check(start, 'result')).toBeNull()
    // The workspace is empty: a lesson runs from nothing, as its .py file does.
    expect(start.workspace.history).toEqual([])
    expect(start.simulatedCuda).toBe(noGpu)
    if (noGpu) expect(start.workspace.simulateCuda).toBe(true)
    let printed = ''
    for (let step = 0; step < 6; step++) {
      const r = await lessonsHandlers.lessonsRunStep(s, { id: '04_the_gpu_rule', step })
      expect(r.error, r.stderr).toBeNull()
      expect(lessonsMethods.lessonsRunStep.result.check(r, 'result')).toBeNull()
      printed += r.stdout
      // NOTE: the snapshot lists the simulated cuda:0 only once a run has set the engine's
      // device state (not right after the toggle with an empty history): checked here.
      if (noGpu) expect(r.snapshot.devices.some((d) => d.name === 'cuda:0' && d.simulated)).toBe(true)
    }
    expect(printed).toBe(expectedOut('04_the_gpu_rule'))
    s.dispose()
  })

  it('leaves the device alone for a CPU lesson', async () => {
    const s = createAppSession()
    const start = await lessonsHandlers.lessonsStart(s, { id: '01_tensors_and_arrays' })
    expect(start.simulatedCuda).toBe(false)
    expect(start.workspace.simulateCuda).toBe(false)
    s.dispose()
  })

  it('refuses unknown lessons and steps past the end with protocol errors', async () => {
    const s = createAppSession()
    await expect(async () => lessonsHandlers.lessonsStart(s, { id: 'nope' })).rejects.toThrow(SessionError)
    await expect(async () => lessonsHandlers.lessonsStart(s, { id: 'nope' })).rejects.toMatchObject({ code: 'not-found' })
    await expect(async () => lessonsHandlers.lessonsRunStep(s, { id: '01_tensors_and_arrays', step: 99 })).rejects.toMatchObject({
      code: 'out-of-range', message: 'step 99 is out of range: lesson 01_tensors_and_arrays has 5 steps'
    })
    expect(lessonsMethods.lessonsRunStep.params.check({ id: '01_tensors_and_arrays', step: -1 }, 'params')).not.toBeNull()
    expect(lessonsMethods.lessonsRunStep.params.check({ id: 'x'.repeat(500), step: 0 }, 'params')).not.toBeNull()
    s.dispose()
  })
})
