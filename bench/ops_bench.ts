// The engine's side of the operation rows of `npm run bench` (array operations, not copies),
// through the TypeScript API. Run by scripts/bench.mjs with tsx: reads the cases as JSON in
// argv[2], prints JSON { results: [{ seconds, kernel, threads } | { skipped }] }.
// bench/ops_numpy_bench.py times the same cases in NumPy.
import * as engine from '../src/engine'
import type { DTypeName } from '../src/engine'
import { medianTime } from './timing'

interface OpCase { op: 'matmul' | 'concatenate' | 'mask' | 'gather' | 'sort' | 'argsort'; dtype: DTypeName; n: number; parts?: number; shape?: number[] }


function runCase(c: OpCase) {
  if (c.op === 'concatenate') {
    // `parts` arrays of n elements each, joined into one new array.
    const arrays = Array.from({ length: c.parts ?? 4 }, (_, i) => engine.full('ndarray', [c.n], i, c.dtype))
    const seconds = medianTime(() => engine.join('np.concatenate', arrays, 0).dispose(), 5, 1.0)
    const report = engine.lastReport()
    return { seconds, kernel: report.kernel, threads: report.threads ?? 1 }
  }
  if (c.op === 'mask' || c.op === 'gather') {
    // a[a > 0.5] on n random values (about half kept) / a[idx] with n scattered indices
    // ((i * 7919) % n): NumPy's boolean and integer fancy indexing, new 1-D results.
    engine.seed(0, 'ndarray')
    const a = engine.random('ndarray', 'rand', [c.n], 'float64').astype(c.dtype)
    const index = c.op === 'mask' ? a.binary('gt', 0.5) : engine.arange('ndarray', 0, c.n, 1, 'int64').binary('mul', 7919n).binary('mod', BigInt(c.n))
    const seconds = medianTime(() => a.index([{ kind: 'array', array: index }]).dispose(), 5, 1.0)
    const report = engine.lastReport()
    return { seconds, kernel: report.kernel, threads: report.threads ?? 1 }
  }
  if (c.op === 'sort' || c.op === 'argsort') {
    // np.sort / np.argsort along the last axis of random values of `shape`: a new array each call.
    engine.seed(0, 'ndarray')
    const a = engine.random('ndarray', 'rand', c.shape ?? [c.n], 'float64').astype(c.dtype)
    const fn = c.op === 'sort' ? 'np.sort' : 'np.argsort'
    const seconds = medianTime(() => engine.sort(fn, a, -1)[0].dispose(), 5, 1.0)
    const report = engine.lastReport()
    return { seconds, kernel: report.kernel, threads: report.threads ?? 1 }
  }
  engine.seed(0, 'ndarray')
  const a = engine.random('ndarray', 'rand', [c.n, c.n], 'float64').astype(c.dtype)
  const b = engine.random('ndarray', 'rand', [c.n, c.n], 'float64').astype(c.dtype)
  const seconds = medianTime(() => engine.product('np.matmul', a, b).dispose(), 5, 1.0)
  const report = engine.lastReport()
  return { seconds, kernel: report.kernel, threads: report.threads ?? 1 }
}

const results = (JSON.parse(process.argv[2]) as OpCase[]).map((c) => {
  try {
    return runCase(c)
  } catch (e) {
    return { skipped: (e as Error).message.split('\n')[0] }
  }
})
process.stdout.write(JSON.stringify({ results }) + '\n')
