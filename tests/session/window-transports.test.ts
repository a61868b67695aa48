// A value window crosses both front-ends in the same narrowed form: Electron main's
// IPC reply carries the doubles as the narrowest typed array that holds each one
// exactly (what structured clone then copies), and the browser-mode socket's binary
// frame holds the same bytes; the renderer reads both through windowNumbers and
// gets the very same doubles. Driven over one session worker with the real engine,
// as the app runs it.
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import * as v8 from 'node:v8'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import WebSocket from 'ws'
import { electronMock, handlers } from '../main/electron-mock'
import { startSessionWorker } from '../../src/session/worker-service'
import { startServer, type RunningServer } from '../../src/server'
import { Channel, type ValuesWindow, type Workspace } from '../../src/shared/protocol'
import { decodeBinaryResponse } from '../../src/shared/binary-frame'
import { windowNumbers } from '../../src/shared/window-numbers'

vi.mock('electron', () => electronMock)
const { registerIpc } = await import('../../src/main/ipc')

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stridescope-windows-'))
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))
const fromApp = { senderFrame: { url: 'file:///opt/stridescope/out/renderer/index.html' } }

const CODE = `import numpy as np
import torch
zeros = np.zeros((1000, 1000))
special = np.array([np.nan, np.inf, -np.inf, -0.0, 1.5, 2.0**60])
big = np.array([2**53 + 1, -2**62, 3], dtype=np.int64)
flags = np.array([True, False, True])
z = np.array([1+2j, -0.0-1j, np.nan+np.inf*1j])
small = np.array([300, -5, 7])
t = torch.tensor([[1, -200], [70000, 3]])
third = np.array([0.1, 1/3])
halves = np.array([0.5, -2.25], dtype=np.float32)
`

/** Each object, the typed array its doubles cross in, and the doubles the renderer gets (-0 spelled out). */
const CASES: [string, Function, (number | '-0')[] | null][] = [
  ['zeros', Int8Array, null],
  ['special', Float32Array, [NaN, Infinity, -Infinity, '-0', 1.5, 2 ** 60]],
  // 'f64' rounds 64-bit integers beyond 2^53 to the nearest double
  ['big', Float32Array, [2 ** 53, -(2 ** 62), 3]],
  ['flags', Int8Array, [1, 0, 1]],
  ['z', Float32Array, [1, 2, '-0', -1, NaN, Infinity]],
  ['small', Int16Array, [300, -5, 7]],
  ['t', Int32Array, [1, -200, 70000, 3]],
  ['third', Float64Array, [0.1, 1 / 3]],
  ['halves', Float32Array, [0.5, -2.25]]
]

const spelled = (v: Float64Array) => Array.from(v, (x) => (Object.is(x, -0) ? '-0' : x))

describe('a value window over Electron IPC and the browser-mode socket', () => {
  const service = startSessionWorker({ simulateCuda: false, workingFolder: dir })
  let server: RunningServer
  let dispose: () => void
  let ws: WebSocket
  let objects: Workspace['objects']
  let nextId = 0
  const waiting = new Map<number, (m: any) => void>()
  /** What the renderer's socket host reads for a request: text, or a binary frame decoded as its socket decodes them. */
  const overSocket = (method: string, params: unknown) => {
    const id = ++nextId
    ws.send(JSON.stringify({ type: 'request', id, method, params }))
    return new Promise<any>((resolve) => waiting.set(id, resolve))
  }
  /** Electron main's reply as the renderer's preload receives it: structured-cloned (v8's serializer, as IPC does). */
  const overIpc = async (method: keyof typeof Channel, params: unknown) => {
    const reply = await handlers.get(Channel[method])!(fromApp, params)
    return v8.deserialize(v8.serialize(reply)) as any
  }
  const paramsOf = (name: string, encoding?: 'f64') => {
    const info = objects.find((o) => o.names.includes(name))!.info
    return { objectId: info.id, start: info.shape.map(() => 0), shape: info.shape, ...(encoding ? { encoding } : {}) }
  }

  beforeAll(async () => {
    server = await startServer({ session: service, rendererDir: dir, port: 0 })
    dispose = registerIpc(service)
    ws = new WebSocket(`ws://127.0.0.1:${server.port}/ws?token=${server.token}`)
    ws.binaryType = 'arraybuffer' // as the renderer's socket
    ws.on('message', (d, isBinary) => {
      const m: any = isBinary ? decodeBinaryResponse(d as ArrayBuffer) : JSON.parse(String(d))
      if (m.type === 'response') waiting.get(m.id)?.(m)
    })
    await new Promise((resolve, reject) => { ws.on('open', resolve); ws.on('error', reject) })
    const ran = await overIpc('run', { code: CODE })
    expect(ran.result.error).toBeNull()
    objects = (await overIpc('snapshot', {})).result.objects
  })
  afterAll(async () => {
    ws.close()
    dispose()
    await server.close()
    await service.dispose()
  })

  it.each(CASES)("'%s': IPC clones the narrowest exact typed array; the renderer reads the same doubles from either", async (name, Narrow, expected) => {
    const ipc = await overIpc('window', paramsOf(name, 'f64'))
    expect(ipc.ok).toBe(true)
    const viaIpc: ValuesWindow = ipc.result
    const viaSocket: ValuesWindow = (await overSocket('window', paramsOf(name, 'f64'))).result
    expect(viaIpc.f64).toBeInstanceOf(Narrow)
    expect(viaSocket.f64).toBeInstanceOf(Narrow)
    expect(viaIpc.values).toEqual([])
    expect({ ...viaIpc, f64: null }).toEqual({ ...viaSocket, f64: null })
    const [fromIpc, fromSocket] = [windowNumbers(viaIpc), windowNumbers(viaSocket)]
    expect(fromIpc).toBeInstanceOf(Float64Array)
    // the same doubles, bit for bit (NaN, ±inf, -0 included)
    const bytes = (f: Float64Array) => Buffer.from(f.buffer, f.byteOffset, f.byteLength)
    expect(fromIpc.length).toBe(fromSocket.length)
    expect(bytes(fromIpc).equals(bytes(fromSocket))).toBe(true)
    if (expected) expect(spelled(fromIpc)).toEqual(expected)
    else expect(fromIpc.length === 1_000_000 && fromIpc.every((v) => Object.is(v, 0))).toBe(true)
    expect(viaIpc.complex).toBe(name === 'z')
  })

  it('a 1000x1000 window of zeros clones in an eighth of the bytes of its doubles', async () => {
    const zeros = v8.serialize(await handlers.get(Channel.window)!(fromApp, paramsOf('zeros', 'f64'))).byteLength
    expect(zeros).toBeGreaterThanOrEqual(1_000_000)
    expect(zeros).toBeLessThan(1_000_000 + 1024)
  })

  it("a 'json' window (exact 64-bit integers) crosses IPC as the socket's values", async () => {
    const ipc = (await overIpc('window', paramsOf('big'))).result
    const socket = (await overSocket('window', paramsOf('big'))).result
    expect(ipc.values).toEqual(['9007199254740993', '-4611686018427387904', 3])
    expect(ipc).toEqual(socket)
  })
})
