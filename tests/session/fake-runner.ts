// A tiny stand-in for the Runner, for session tests that must not depend on the
// native engine: it understands just enough "Python" to bind names to fake
// 1-D float32 objects, alias them, delete them and raise errors.
//   a = make(4)        new object with its own storage, values 0..3
//   b = a              another name for the same object
//   c = view(a)        a new object over a's storage
//   d = cuda(a)        a copy on cuda:0; raises unless the runner simulates cuda
//   del a              unbinds a name
//   print(x)           writes x to stdout
//   import ...         accepted, does nothing
//   raise T: message   a Python error
import type { ObjectInfo, ValueWindow } from '../../src/engine/types'
import type { RunnerOptions, RunnerOutcome, SessionObject, SessionRunner } from '../../src/session'

let nextId = 1
let nextPtr = 4096

function makeInfo(numel: number, device: string, storage?: ObjectInfo['storage']): ObjectInfo {
  const nbytes = numel * 4
  const st = storage ?? {
    id: nextId++, device, simulated: device !== 'cpu', pinned: false, nbytes, dataPtr: String((nextPtr += 8192)), resizable: true
  }
  return {
    id: nextId++, kind: 'tensor', dtype: 'float32', itemsize: 4, shape: [numel], strides: [1], byteStrides: [4],
    offset: 0, byteOffset: 0, numel, nbytes, dataPtr: st.dataPtr, device, storage: st,
    flags: { cContiguous: true, fContiguous: true, writeable: true, ownsData: !storage, aligned: true },
    requiresGrad: false, baseId: null, byteOrder: '=', conj: false, neg: false
  }
}

export class FakeObject implements SessionObject {
  constructor(readonly data: Float32Array, readonly meta: ObjectInfo) {}
  info(): ObjectInfo {
    return this.meta
  }
  window(start: number[], shape: number[]): ValueWindow {
    return { dtype: 'float32', shape, values: Array.from(this.data.subarray(start[0], start[0] + shape[0])) }
  }
  /** The fake models no as_strided: it answers as a Python exception, as the engine would for a real refusal. */
  checkAsStrided(): void {
    throw Object.assign(new Error('as_strided is not modelled by the fake runner'), { pyType: 'NotImplementedError' })
  }
}

export class FakeRunner implements SessionRunner {
  vars = new Map<string, FakeObject>()
  disposed = false
  runs: string[] = []
  constructor(readonly options: RunnerOptions) {}

  run(source: string): RunnerOutcome {
    this.runs.push(source)
    const out: RunnerOutcome = { stdout: '', stderr: '', error: null, ops: [] }
    const lines = source.split('\n')
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i].trim()
      let m: RegExpMatchArray | null
      if (!line || line.startsWith('import ')) continue
      if ((m = line.match(/^(\w+) = make\((\d+)\)$/))) {
        const n = Number(m[2])
        const data = Float32Array.from({ length: n }, (_, k) => k)
        this.vars.set(m[1], new FakeObject(data, makeInfo(n, 'cpu')))
        out.ops.push({ op: 'arange', copied: true, bytes: n * 4, kernel: 'fill', seconds: 1e-6, line: i + 1 })
      } else if ((m = line.match(/^(\w+) = view\((\w+)\)$/))) {
        const src = this.get(m[2], out)
        if (!src) return out
        this.vars.set(m[1], new FakeObject(src.data, makeInfo(src.data.length, 'cpu', src.meta.storage)))
        out.ops.push({ op: 'view', copied: false, bytes: 0, kernel: 'view', seconds: 1e-7, line: i + 1 })
      } else if ((m = line.match(/^(\w+) = cuda\((\w+)\)$/))) {
        if (!this.options.simulateCuda) {
          out.error = Object.assign(new Error('Torch not compiled with CUDA enabled'), { pyType: 'AssertionError' })
          return out
        }
        const src = this.get(m[2], out)
        if (!src) return out
        this.vars.set(m[1], new FakeObject(src.data.slice(), makeInfo(src.data.length, 'cuda:0')))
        out.ops.push({
          op: 'to', copied: true, bytes: src.data.length * 4, kernel: 'memcpy H2D', reason: 'device change', seconds: 2e-6,
          line: i + 1, transfer: { from: 'cpu', to: 'cuda:0', pinned: false }
        })
      } else if ((m = line.match(/^(\w+) = (\w+)$/))) {
        const src = this.get(m[2], out)
        if (!src) return out
        this.vars.set(m[1], src)
      } else if ((m = line.match(/^del (\w+(?:, \w+)*)$/))) {
        for (const name of m[1].split(', ')) this.vars.delete(name)
      } else if ((m = line.match(/^print\((\w+)\)$/))) {
        const src = this.get(m[1], out)
        if (!src) return out
        out.stdout += `${Array.from(src.data).join(' ')}\n`
      } else if ((m = line.match(/^raise (\w+): (.*)$/))) {
        out.error = { type: m[1], message: m[2], line: i + 1 }
        return out
      } else {
        out.error = { type: 'SyntaxError', message: 'invalid syntax', line: i + 1 }
        return out
      }
    }
    return out
  }

  private get(name: string, out: RunnerOutcome): FakeObject | undefined {
    const o = this.vars.get(name)
    if (!o) out.error = { type: 'NameError', message: `name '${name}' is not defined` }
    return o
  }

  variables() {
    return [...this.vars].map(([name, object]) => ({ name, object }))
  }
  reset() {
    this.vars.clear()
  }
  setSimulateCuda(on: boolean) {
    this.options.simulateCuda = on
  }
  dispose() {
    this.disposed = true
  }
}
