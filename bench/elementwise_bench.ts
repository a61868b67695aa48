// The engine's side of the operation rows of `npm run bench` (bench/elementwise_ops.mjs): the
// same operations as bench/elementwise_numpy.py through the TypeScript API, timed the same way.
// Prints JSON {seconds: {name: s}, threads: {name: n}}; an operation the engine lacks is
// reported under `skipped` with its error.
import * as engine from '../src/engine'
import { medianTime } from './timing'


const n = Number(process.argv[2] ?? 4096)
const a = engine.ones('ndarray', [n, n], 'float32')
const b = engine.ones('ndarray', [n, n], 'float32')
const aT = a.T
const ops: Record<string, () => engine.EngineObject> = {
  copy: () => a.copy('C'),
  add_f32: () => a.binary('add', b),
  T_plus_1: () => aT.binary('add', 1n),
  sqrt_f32: () => a.unary('sqrt'),
  sum_axis0: () => a.reduce('sum', [0]),
  sum_axis1: () => a.reduce('sum', [1]),
  max_f32: () => a.reduce('max'),
}
const seconds: Record<string, number> = {}
const threads: Record<string, number> = {}
const skipped: Record<string, string> = {}
for (const [name, op] of Object.entries(ops)) {
  try {
    seconds[name] = medianTime(() => {
      const r = op()
      threads[name] = engine.lastReport().threads
      r.dispose()
    })
  } catch (e) {
    skipped[name] = e instanceof Error ? e.message.split('\n')[0] : String(e)
  }
}
process.stdout.write(JSON.stringify({ seconds, threads, skipped }))
