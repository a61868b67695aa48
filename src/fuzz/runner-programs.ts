// Grammar-aware runner programs for fuzzing: an array of a random shape and dtype, then a
// chain of view / copy / convert / index / arithmetic steps, then a line that prints what
// NumPy would (shape, byte strides, dtype, contiguity, values). Each program runs under
// the runner and, where python3 with NumPy exists, under NumPy in one batch; the outputs
// (or the exception types) must agree. Used by `npm run fuzz` and the slice in npm test.
import { spawnSync } from 'node:child_process'
import fc from 'fast-check'
import { Runner } from '../runner'

const DTYPES = ['int8', 'uint8', 'int32', 'int64', 'float32', 'float64', 'bool'] as const

/** One step of the chain, as Python source over `x` (the current array) and its rank. */
function stepArb(rank: number): fc.Arbitrary<{ code: string; rank: number }> {
  const axis = fc.integer({ min: -Math.max(rank, 1), max: Math.max(rank, 1) - 1 })
  const same = (code: string) => ({ code, rank })
  const steps: fc.Arbitrary<{ code: string; rank: number }>[] = [
    fc.constant(same('x = x.T')),
    fc.constant(same('x = x.copy()')),
    fc.constant(same('x = np.ascontiguousarray(x)')),
    fc.constant(same('x = np.asfortranarray(x)')),
    fc.constant({ code: 'x = x.ravel()', rank: 1 }),
    fc.constant({ code: 'x = x.reshape(-1)', rank: 1 }),
    fc.constantFrom(...DTYPES).map((d) => same(`x = x.astype(np.${d})`)),
    fc.integer({ min: -3, max: 3 }).map((k) => same(`x = x + ${k}`)),
    fc.integer({ min: -2, max: 3 }).map((k) => same(`x = x * ${k}`)),
    fc.constant(same('x = -x')),
    fc.constant(same('x = x[::-1]')),
    fc.constant(same('x = x[::2]')),
    fc.constant(same('x = x[1:]')),
    fc.constant({ code: 'x = x[0]', rank: Math.max(rank - 1, 0) }),
    fc.constant({ code: 'x = x[..., None]', rank: rank + 1 }),
    fc.constant({ code: 'x = np.expand_dims(x, 0)', rank: rank + 1 }),
    fc.constant(same('x = np.squeeze(x)')),
    axis.map((a) => same(`x = np.flip(x, ${a})`)),
    axis.map((a) => ({ code: `x = x.sum(axis=${a})`, rank: Math.max(rank - 1, 0) })),
    fc.tuple(axis, axis).map(([a, b]) => same(`x = np.swapaxes(x, ${a}, ${b})`)),
    fc.integer({ min: 0, max: 3 }).map((n) => ({ code: `x = np.broadcast_to(x, (${n},) + x.shape)`, rank: rank + 1 })),
    fc.constant(same('x = x == x')),
  ]
  return fc.oneof(...steps)
}

function chainArb(rank: number, left: number): fc.Arbitrary<string[]> {
  if (left === 0) return fc.constant([])
  return stepArb(rank).chain((s) => chainArb(Math.min(s.rank, 5), left - 1).map((rest) => [s.code, ...rest]))
}

/** A whole program: creation, 1 to 5 steps, and the printing line. */
export const programArb: fc.Arbitrary<string> = fc
  .tuple(fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 0, maxLength: 4 }), fc.constantFrom(...DTYPES), fc.integer({ min: 1, max: 5 }))
  .chain(([shape, dtype, steps]) => {
    const n = shape.reduce((a, b) => a * b, 1)
    const shapeText = shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`
    const create = `x = np.arange(${n}).astype(np.${dtype}).reshape(${shapeText})`
    return chainArb(shape.length, steps).map((chain) => ['import numpy as np', create, ...chain,
      "print(x.shape, x.strides, x.dtype, x.flags['C_CONTIGUOUS'], x.flags['F_CONTIGUOUS'], x.tolist())"].join('\n'))
  })

export interface Outcome { stdout: string; error: string | null }

/** Runs each program under the runner (a fresh one each); a throw out of run() is a crash. */
export function runUnderRunner(programs: string[]): (Outcome | { crash: string })[] {
  return programs.map((p) => {
    try {
      const r = new Runner().run(p)
      return { stdout: r.stdout, error: r.error?.type ?? null }
    } catch (e) {
      return { crash: e instanceof Error ? e.stack ?? e.message : String(e) }
    }
  })
}

const NUMPY_BATCH = `
import sys, json, io, contextlib, warnings
warnings.simplefilter('ignore')
out = []
for src in json.load(sys.stdin):
    buf = io.StringIO()
    err = None
    try:
        with contextlib.redirect_stdout(buf):
            exec(src, {})
    except Exception as e:
        err = type(e).__name__
    out.append({'stdout': buf.getvalue(), 'error': err})
json.dump(out, sys.stdout)
`

/** The same programs under NumPy (python3), or null with the reason when it cannot run. */
export function runUnderNumpy(programs: string[]): { outcomes: Outcome[] | null; reason?: string } {
  const r = spawnSync('python3', ['-c', NUMPY_BATCH], { input: JSON.stringify(programs), encoding: 'utf8', maxBuffer: 1 << 30 })
  if (r.error || r.status !== 0) return { outcomes: null, reason: r.error?.message ?? r.stderr.split('\n').slice(-2).join(' ') }
  return { outcomes: JSON.parse(r.stdout) as Outcome[] }
}

export interface RunnerFuzzReport {
  inputs: number
  agreed: number
  cleanErrors: number
  mismatches: { program: string; runner: Outcome; numpy: Outcome }[]
  crashes: { program: string; crash: string }[]
  numpy: string
}

/** Generates `count` programs from `seed`, runs both sides and compares. */
export function fuzzRunner(count: number, seed: number): RunnerFuzzReport {
  const programs = fc.sample(programArb, { numRuns: count, seed })
  const ours = runUnderRunner(programs)
  const np = runUnderNumpy(programs)
  const report: RunnerFuzzReport = { inputs: count, agreed: 0, cleanErrors: 0, mismatches: [], crashes: [], numpy: np.outcomes ? 'compared with NumPy' : `not compared: ${np.reason}` }
  programs.forEach((program, i) => {
    const o = ours[i]
    if ('crash' in o) {
      report.crashes.push({ program, crash: o.crash })
      return
    }
    if (o.error && o.error === 'SystemError') report.crashes.push({ program, crash: 'SystemError (an internal runner error)' })
    else if (o.error) report.cleanErrors++
    const theirs = np.outcomes?.[i]
    if (!theirs) return
    if (o.stdout === theirs.stdout && o.error === theirs.error) report.agreed++
    else report.mismatches.push({ program, runner: o, numpy: theirs })
  })
  return report
}
