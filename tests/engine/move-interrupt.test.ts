// Stop and Ctrl-C reach device moves and file copies: .cuda()/.cpu()/.to() move big
// tensors in pieces with a poll between them, the host staging of a strided source and the
// simulated device's kernel poll between chunks, and so do the copies of a file's bytes into
// a storage and of an array's bytes out for np.save. With the flag set first, each raises
// KeyboardInterrupt, consumes the request, frees what it had allocated, and runs whole next time.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import * as engine from '../../src/engine'
import { STOP, pyTypeOf } from './interrupt-flag'

const flag = new Int32Array(new SharedArrayBuffer(4))

const liveBytes = (device: string) => engine.memoryUsage().find((m) => m.device === device)?.live ?? 0

/** What a test made, disposed after it (a collected object freeing its bytes mid-test would skew the counts). */
const made: Array<{ dispose(): void }> = []
function keep<T extends { dispose(): void }>(x: T): T {
  made.push(x)
  return x
}

/** Asks `fn` to stop before it starts: it raises KeyboardInterrupt and leaves no bytes behind; then it runs whole. */
function expectStops<T extends { dispose(): void }>(fn: () => T): T {
  const before = { cpu: liveBytes('cpu'), cuda: liveBytes('cuda:0') }
  Atomics.store(flag, 0, STOP)
  expect(pyTypeOf(fn)).toBe('KeyboardInterrupt')
  expect(Atomics.load(flag, 0)).toBe(0)
  expect({ cpu: liveBytes('cpu'), cuda: liveBytes('cuda:0') }).toEqual(before)
  return keep(fn())
}

const at = (t: engine.EngineObject, index: number[]) =>
  Array.from(t.window(index, index.map(() => 1)).values as ArrayLike<number>)[0]

describe('device moves and file copies poll the stop flag', () => {
  beforeAll(() => {
    engine.setSimulateCuda(true)
    engine.setInterruptFlag(flag)
  })
  afterEach(() => {
    Atomics.store(flag, 0, 0)
    for (const x of made.splice(0)) x.dispose()
  })
  afterAll(() => {
    engine.setInterruptFlag(null)
    engine.setSimulateCuda(false)
  })

  // 72 MiB: more than one 64 MiB transfer piece, many copy chunks.
  const rows = 4608
  const cols = 4096

  it('contiguous .cuda(), .cpu() and .to() between their pieces', () => {
    const a = keep(keep(engine.arange('tensor', 0, rows * cols, 1, 'int32')).reshape([rows, cols]))
    const d = expectStops(() => a.cuda())
    expect(at(d, [rows - 1, cols - 1])).toBe(rows * cols - 1)
    const back = expectStops(() => d.cpu())
    expect(at(back, [1, 2])).toBe(cols + 2)
    const pinnedBack = expectStops(() => d.toDevice('cpu', true))
    expect(pinnedBack.isPinned()).toBe(true)
    expect(at(a, [rows - 1, 0])).toBe((rows - 1) * cols) // the source is untouched
  })

  it('a strided source: the host staging, the simulated kernel, copies on the device, pin_memory', () => {
    const a = keep(keep(engine.arange('tensor', 0, rows * cols, 1, 'int32')).reshape([rows, cols]))
    const gapped = keep(a.narrow(1, 0, cols - 1)) // not dense: moved through a dense host copy
    const d = expectStops(() => gapped.cuda())
    expect(at(d, [2, 3])).toBe(2 * cols + 3)
    const onDevice = keep(d.narrow(1, 1, cols - 2))
    const back = expectStops(() => onDevice.cpu()) // the simulated device's strided kernel, then moved
    expect(at(back, [2, 3])).toBe(2 * cols + 4)
    expect(at(expectStops(() => onDevice.contiguous()), [2, 3])).toBe(2 * cols + 4) // a strided copy on the device
    expect(at(expectStops(() => d.clone()), [rows - 1, 0])).toBe((rows - 1) * cols) // a dense one, in pieces
    const pinned = expectStops(() => gapped.pinMemory())
    expect(at(pinned, [3, 2])).toBe(3 * cols + 2)
  })

  it('a file\'s bytes into a storage, and an array\'s bytes out for np.save', () => {
    const bytes = new Uint8Array(48 << 20).fill(7)
    const st = expectStops(() => engine.storageFromBytes(bytes))
    expect(st.nbytes).toBe(bytes.length)
    const a = keep(engine.ones('ndarray', [rows, cols], 'float32'))
    const aT = keep(a.T)
    Atomics.store(flag, 0, STOP)
    expect(pyTypeOf(() => engine.arrayBytes(aT, 'C'))).toBe('KeyboardInterrupt')
    expect(Atomics.load(flag, 0)).toBe(0)
    const out = engine.arrayBytes(aT, 'C')
    expect(out.length).toBe(rows * cols * 4)
    expect(Array.from(new Float32Array(out.buffer, 0, 2))).toEqual([1, 1])
  })
})
