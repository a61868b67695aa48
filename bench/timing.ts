// The one timer of the TypeScript bench scripts: one warm-up call, then at least
// `minReps` timed calls (more while `budget` seconds last, at most 50); the median.
// The NumPy side times the same way (bench/numpy_bench.py and its siblings).
export const now = (): number => Number(process.hrtime.bigint()) / 1e9

export function medianTime(fn: () => void, minReps = 5, budget = 0.4): number {
  fn()
  const ts: number[] = []
  const start = now()
  while (ts.length < minReps || (now() - start < budget && ts.length < 50)) {
    const t0 = now()
    fn()
    ts.push(now() - t0)
  }
  ts.sort((x, y) => x - y)
  return ts[Math.floor(ts.length / 2)]
}
