// The engine's side of `npm run bench`, through the TypeScript API the app uses
// (src/engine): clone() and contiguous() of permuted tensors, and the cost of the
// zero-copy conversions (with --conversions). Run by scripts/bench.mjs with tsx;
// reads the cases as JSON in argv[2] and prints JSON. A case the engine cannot run yet is reported
// with `skipped` and the error, not dropped.
import * as engine from '../src/engine'
import { medianTime, now } from './timing'

interface BenchCase {
  dtype: string
  shape: number[]
  perm: number[]
}


// Seconds per call of a cheap op returning an object: the median of 6 loops of
// `calls`. The results are disposed after each timed loop, not inside it.
function perCall(op: () => engine.EngineObject, calls = 20000): number {
  const ts: number[] = []
  const objs: engine.EngineObject[] = new Array(calls)
  for (let r = 0; r < 6; r++) {
    const t0 = now()
    for (let i = 0; i < calls; i++) objs[i] = op()
    ts.push((now() - t0) / calls)
    for (const o of objs) o.dispose()
  }
  ts.sort((a, b) => a - b)
  return ts[Math.floor(ts.length / 2)]
}

const message = (e: unknown) => (e instanceof Error ? e.message.split('\n')[0] : String(e))

function runCase(c: BenchCase) {
  try {
    const x = engine.ones('tensor', c.shape, c.dtype as engine.DTypeName)
    const identity = c.perm.every((p, i) => p === i)
    const v = identity ? x : x.permute(c.perm)
    const copy = () => (identity ? v.clone() : v.contiguous())
    const seconds = medianTime(() => {
      copy().dispose() // frees the storage now, so the allocator can reuse it (as GC would later)
    })
    // Which kernel ran, read after the timed calls (building the report object is not part of a copy).
    copy().dispose()
    const r = engine.lastReport()
    if (v !== x) v.dispose()
    x.dispose()
    return { seconds, kernel: r.kernel, threads: r.threads }
  } catch (e) {
    return { skipped: message(e) }
  }
}

function conversions() {
  const out: Record<string, number | string> = {}
  try {
    const a = engine.ones('ndarray', [1000, 1000], 'float32')
    out.from_numpy_seconds = perCall(() => engine.fromNumpy(a))
    const t = engine.fromNumpy(a)
    out.numpy_seconds = perCall(() => t.numpy())
    out.view_T_seconds = perCall(() => a.T)
  } catch (e) {
    out.skipped = message(e)
  }
  return out
}

const cases = JSON.parse(process.argv[2] ?? '[]') as BenchCase[]
let results: unknown[]
try {
  engine.loadAddon()
  results = cases.map(runCase)
} catch (e) {
  results = cases.map(() => ({ skipped: message(e) }))
}
const wantConversions = process.argv.includes('--conversions')
process.stdout.write(JSON.stringify({ results, conversions: wantConversions ? conversions() : null }) + '\n')
