// The slice of `npm run fuzz` that runs in npm test: 5,000 runner programs compared with
// NumPy, 2,000 mutated files through the readers, 300 random session requests. No crash
// and no hang anywhere; a runner program may differ from NumPy only if it is a known
// finding (runner-findings.json, the corpus of differences still to fix, replayed on every
// run: a finding that agrees with NumPy again must leave the corpus).
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { fuzzRunner, runUnderNumpy, runUnderRunner } from '../../src/fuzz/runner-programs'
import { fuzzFiles, fuzzRequests } from '../../src/fuzz/surfaces'

const PROGRAMS = Number(process.env.STRIDESCOPE_FUZZ_PROGRAMS ?? 5000)
const FINDINGS = join(__dirname, 'runner-findings.json')

const knownFindings = () => (JSON.parse(readFileSync(FINDINGS, 'utf8')) as { program: string }[]).map((f) => f.program)

describe('fuzz slice', () => {
  it(`${PROGRAMS} runner programs: no crash, and NumPy's output unless a known finding`, () => {
    const r = fuzzRunner(PROGRAMS, 1)
    console.log(`[fuzz] runner: ${r.inputs} programs, ${r.agreed} agree, ${r.cleanErrors} clean errors, ${r.mismatches.length} differ, ${r.crashes.length} crashes (${r.numpy})`)
    expect(r.crashes).toEqual([])
    const known = new Set(knownFindings())
    expect(r.mismatches.filter((m) => !known.has(m.program))).toEqual([])
  }, 600_000) // ~45 s on two busy cores, NumPy's side included

  it('every known finding still differs from NumPy (fixed ones leave runner-findings.json)', () => {
    const programs = knownFindings()
    const np = runUnderNumpy(programs)
    if (!np.outcomes) {
      console.log(`[fuzz] known findings not replayed: ${np.reason}`)
      return
    }
    const theirs = np.outcomes
    const ours = runUnderRunner(programs)
    const agreeing = programs.filter((_, i) => {
      const o = ours[i]
      return !('crash' in o) && o.stdout === theirs[i].stdout && o.error === theirs[i].error
    })
    expect(agreeing, `these now agree with NumPy: remove them from ${FINDINGS}`).toEqual([])
  })

  it('2,000 mutated .npy/.npz/.safetensors/.pt files: clean errors or loads, no crash or hang', () => {
    const r = fuzzFiles(join(__dirname, '..', 'fixtures', 'files'), 2000, 1)
    console.log(`[fuzz] files: ${r.inputs} inputs, ${r.cleanErrors} clean errors, ${r.crashes.length} crashes, ${r.hangs.length} hangs`)
    expect(r.crashes).toEqual([])
    expect(r.hangs).toEqual([])
  })

  it('300 random session requests: answered or refused, never thrown', async () => {
    const r = await fuzzRequests(300, 1)
    expect(r.crashes).toEqual([])
    expect(r.hangs).toEqual([])
  })
})
