// What a value window costs to cross Electron IPC: the structured clone of main's
// reply (v8's serializer, which Electron's IPC uses for ipcRenderer.invoke) and its
// reading back, for 1000x1000 float64 windows asked for as the logical view asks
// ('f64'): zeros, and random doubles.
//   before: the reply with the values as a Float64Array (what IPC carried before they were narrowed)
//   after:  the reply as main sends it now, the values in the narrowest exact type (the session
//           worker narrows them, src/shared/binary-frame: narrowValues), plus the renderer's
//           widening back to doubles (windowNumbers)
// "narrowing" is the session worker's one pass (off main's thread), shown apart.
//
//   node_modules/.bin/tsx bench/ipc_clone_bench.ts [--json]
import * as v8 from 'node:v8'
import { createAppSession } from '../src/session/app-session'
import { narrowValues, widenValues } from '../src/shared/binary-frame'
import type { ValuesWindow } from '../src/shared/protocol'
import { windowNumbers } from '../src/shared/window-numbers'
import { medianTime } from './timing'

const CASES = [
  ['zeros', 'np.zeros((1000, 1000))'],
  ['noise', 'np.random.rand(1000, 1000)']
] as const

async function main(): Promise<void> {
  const session = createAppSession()
  await session.run(`import numpy as np\n${CASES.map(([name, expr]) => `${name} = ${expr}`).join('\n')}`)
  const rows = []
  for (const [name, expr] of CASES) {
    const info = session.snapshot().objects.find((o) => o.names.includes(name))!.info
    const after = { ok: true, result: await session.window(info.id, [0, 0], info.shape, 'f64') }
    const doubles = widenValues(after.result.f64!)
    const before = { ok: true, result: { ...after.result, f64: doubles } }
    const clone = (reply: unknown) => v8.deserialize(v8.serialize(reply)) as { result: ValuesWindow }
    const ms = (fn: () => unknown) => medianTime(fn) * 1e3
    rows.push({
      case: `${expr} (${info.dtype})`,
      afterType: after.result.f64!.constructor.name,
      beforeBytes: v8.serialize(before).byteLength,
      afterBytes: v8.serialize(after).byteLength,
      beforeSerializeMs: ms(() => v8.serialize(before)),
      afterSerializeMs: ms(() => v8.serialize(after)),
      beforeRoundTripMs: ms(() => windowNumbers(clone(before).result)),
      afterRoundTripMs: ms(() => windowNumbers(clone(after).result)),
      narrowingMs: ms(() => narrowValues(doubles))
    })
  }
  session.dispose()

  if (process.argv.includes('--json')) return console.log(JSON.stringify(rows))
  const f = (x: number) => `${x.toFixed(2)} ms`.padStart(8)
  const mb = (b: number) => `${(b / 1e6).toFixed(2)} MB`
  console.log("Electron IPC: a window reply's structured clone (v8.serialize; round trip = serialize + deserialize + windowNumbers)")
  for (const r of rows) {
    console.log(`  ${r.case}`)
    console.log(`    before  Float64Array  ${mb(r.beforeBytes)}  serialize ${f(r.beforeSerializeMs)}  round trip ${f(r.beforeRoundTripMs)}`)
    console.log(`    after   ${r.afterType.padEnd(12)}  ${mb(r.afterBytes)}  serialize ${f(r.afterSerializeMs)}  round trip ${f(r.afterRoundTripMs)}  (+ narrowing in the session worker ${f(r.narrowingMs).trim()})`)
  }
}

void main()
