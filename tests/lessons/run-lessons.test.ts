// Every shipped lesson runs on the runner (simulated cuda on, as the presenter
// runs it where no GPU exists) and prints exactly what real Python prints:
// tests/lessons/expected/NAME.out, byte for byte. A lesson that needs something
// the runner or engine lacks FAILS here (never skips): the failure names the
// lesson, the step and the Python error, for the runner/engine owners.
//
// Also checked: running step by step (as the presenter does) prints the same as
// running the file; `bin/stridescope run FILE --simulate-cuda` prints the same;
// and, where python3 with NumPy exists, the NumPy-only steps print the same in
// real CPython + NumPy (lesson 04's expected output is what PyTorch prints on a
// GPU machine, so it can only be checked against the hand-written file).
import { spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { Runner } from '../../src/runner'
import { loadLessons, LESSONS_DIR } from '../../src/lessons/node/load-lessons'
import { numpyOnlySteps } from './numpy-only-steps'

const ROOT = resolve(__dirname, '..', '..')
const EXPECTED = join(__dirname, 'expected')
const lessons = loadLessons()
const expectedOut = (id: string): string => readFileSync(join(EXPECTED, `${id}.out`), 'utf8')

function stepByStep(steps: { code: string }[]) {
  const runner = new Runner({ simulateCuda: true })
  return steps.map((s, i) => ({ index: i, ...runner.run(s.code, `<step ${i + 1}>`) }))
}

describe('lessons run on the runner exactly as in real Python', () => {
  it('ships nine lessons, each with an expected output', () => {
    expect(lessons.map((l) => l.id)).toHaveLength(9)
    for (const l of lessons) expect(() => expectedOut(l.id), l.id).not.toThrow()
  })

  for (const lesson of lessons) {
    it(`${lesson.file}: whole file`, () => {
      const runner = new Runner({ simulateCuda: true })
      const r = runner.run(readFileSync(join(LESSONS_DIR, lesson.file), 'utf8'), lesson.file)
      // The traceback first: when a runner feature is missing, it says which.
      expect(r.stderr, `${lesson.file} raised`).toBe('')
      expect(r.stdout).toBe(expectedOut(lesson.id))
    })

    it(`${lesson.file}: step by step, as the presenter runs it`, () => {
      const results = stepByStep(lesson.steps)
      for (const r of results) {
        expect(r.error, `${lesson.file} step ${r.index + 1}: ${r.stderr}`).toBeNull()
      }
      expect(results.map((r) => r.stdout).join('')).toBe(expectedOut(lesson.id))
    })
  }
})

describe('stridescope run FILE --simulate-cuda', () => {
  for (const id of ['04_the_gpu_rule', '07_when_things_copy']) {
    it(`${id}.py prints the expected output`, () => {
      const r = spawnSync(process.execPath, [join(ROOT, 'bin', 'stridescope'), 'run', join(LESSONS_DIR, `${id}.py`), '--simulate-cuda'], {
        encoding: 'utf8',
        timeout: 120_000
      })
      expect(r.stderr).toBe('')
      expect(r.stdout).toBe(expectedOut(id))
      expect(r.status).toBe(0)
    })
  }
})

const python = spawnSync('python3', ['-c', 'import numpy; print(numpy.__version__)'], { encoding: 'utf8' })
const noNumpy = python.status === 0 ? null : 'python3 with NumPy is not available'
if (noNumpy) console.log(`[lessons] skipping the CPython+NumPy check: ${noNumpy}`)

// Runs each step in one CPython namespace and prints a marker after each.
const STEP_DRIVER = `
import json, sys
steps = json.load(sys.stdin)
ns = {'__name__': '__main__'}
# A step that also touches torch is left out, imports and all: give every step the lessons' imports.
exec('import numpy as np; import time', ns)
for i, code in enumerate(steps):
    exec(compile(code, '<step %d>' % i, 'exec'), ns)
    print('\\x00STEP-END\\x00', flush=True)
`

describe.skipIf(noNumpy !== null)('NumPy-only steps print the same in CPython + NumPy', () => {
  let checked = 0
  for (const lesson of lessons) {
    it(lesson.file, () => {
      const picked = numpyOnlySteps(lesson.steps)
      if (picked.length === 0) return
      const ours = stepByStep(lesson.steps)
      const r = spawnSync('python3', ['-c', STEP_DRIVER], { input: JSON.stringify(picked.map((p) => p.code)), encoding: 'utf8' })
      expect(r.stderr, `${lesson.file} in CPython`).toBe('')
      const theirs = r.stdout.split('\x00STEP-END\x00\n')
      picked.forEach((p, k) => {
        expect(ours[p.index].stdout, `${lesson.file} step ${p.index + 1}`).toBe(theirs[k])
      })
      checked += picked.length
    })
  }
  it('checked some steps in all', () => {
    expect(checked).toBeGreaterThan(5)
  })
})
