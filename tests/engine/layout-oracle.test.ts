// NumPy-oracle tests: each case builds an array with the engine and the same
// expression in real NumPy (one python3 subprocess for the whole table), then
// compares shape, byte strides, dtype, C/F flags, writeable, owndata, values,
// sharing with the base array, and for errors the exception type and message.
// Skips with a printed reason when python3/NumPy or the addon is missing.
import { describe, expect, it } from 'vitest'
import * as engine from '../../src/engine'
import type { EngineObject, IndexItem } from '../../src/engine'
import { oracleSkipReason, runNumpy, type NumpyResult } from './numpy-oracle'

const skip = oracleSkipReason('tests/engine/layout-oracle')

const s = (start: number | null = null, stop: number | null = null, step: number | null = null): IndexItem => ({
  kind: 'slice', start, stop, step,
})
const i = (index: number): IndexItem => ({ kind: 'int', index })
const NA: IndexItem = { kind: 'newaxis' }
const EL: IndexItem = { kind: 'ellipsis' }

type Bases = Record<string, EngineObject>
function bases(): Bases {
  return {
    a: engine.arange('ndarray', 24).reshape([2, 3, 4]),
    m: engine.arange('ndarray', 12n, null, null, 'int32').reshape([3, 4]),
    v: engine.arange('ndarray', 10n, null, null, 'float32'),
    u: engine.arange('ndarray', 6n, null, null, 'uint8'),
    e: engine.zeros('ndarray', [2, 0, 3]),
    s: engine.full('ndarray', [], 5.0),
    n: engine.arange('ndarray', 120n, null, null, 'float32').reshape([2, 3, 4, 5]),
  }
}

type Case = [base: string, py: string, ts: (b: Bases) => EngineObject]

const CASES: Case[] = [
  // slicing, steps, negative steps, int index, newaxis, ellipsis
  ['a', 'a[1]', (b) => b.a.index([i(1)])],
  ['a', 'a[:, 1:3]', (b) => b.a.index([s(), s(1, 3)])],
  ['a', 'a[..., ::2]', (b) => b.a.index([EL, s(null, null, 2)])],
  ['a', 'a[::-1]', (b) => b.a.index([s(null, null, -1)])],
  ['a', 'a[:, ::-2, 1]', (b) => b.a.index([s(), s(null, null, -2), i(1)])],
  ['a', 'a[None, 1, None]', (b) => b.a.index([NA, i(1), NA])],
  ['a', 'a[..., None]', (b) => b.a.index([EL, NA])],
  ['a', 'a[-1, -2:, 5:]', (b) => b.a.index([i(-1), s(-2), s(5)])],
  ['v', 'v[2:8:2]', (b) => b.v.index([s(2, 8, 2)])],
  ['v', 'v[8:2:-3]', (b) => b.v.index([s(8, 2, -3)])],
  ['v', 'v[100:]', (b) => b.v.index([s(100)])],
  ['v', 'v[::0]', (b) => b.v.index([s(null, null, 0)])],
  ['v', 'v[10]', (b) => b.v.index([i(10)])],
  ['a', 'a[0, 0, 0, 0]', (b) => b.a.index([i(0), i(0), i(0), i(0)])],
  ['a', 'a[..., ...]', (b) => b.a.index([EL, EL])],
  ['a', 'a[...]', (b) => b.a.index([EL])],
  // transposes
  ['a', 'a.T', (b) => b.a.T],
  ['a', 'a.transpose(1, 0, 2)', (b) => b.a.transpose(1, 0, 2)],
  ['a', 'a.transpose(0, 0, 1)', (b) => b.a.transpose(0, 0, 1)],
  ['a', 'a.swapaxes(0, 2)', (b) => b.a.swapaxes(0, 2)],
  ['a', 'a.swapaxes(0, 3)', (b) => b.a.swapaxes(0, 3)],
  ['a', 'a.mT', (b) => b.a.mT],
  ['v', 'v.mT', (b) => b.v.mT],
  ['m', 'np.transpose(m, (1, 0))', (b) => b.m.permute([1, 0])],
  // broadcast_to
  ['v', 'np.broadcast_to(v, (3, 10))', (b) => b.v.broadcastTo([3, 10])],
  ['m', 'np.broadcast_to(m[:, :1], (3, 4))', (b) => b.m.index([s(), s(null, 1)]).broadcastTo([3, 4])],
  ['m', 'np.broadcast_to(m, (4, 4))', (b) => b.m.broadcastTo([4, 4])],
  ['m', 'np.broadcast_to(m, (4,))', (b) => b.m.broadcastTo([4])],
  // reshape (view or copy), ravel, flatten
  ['a', 'a.reshape(6, 4)', (b) => b.a.reshape([6, 4])],
  ['a', 'a.reshape(-1)', (b) => b.a.reshape([-1])],
  ['a', 'a.T.reshape(24)', (b) => b.a.T.reshape([24])],
  ['a', 'a.T.reshape((24,), order="F")', (b) => b.a.T.reshape([24], 'F')],
  ['a', 'a[:, ::2].reshape(2, 4, 2)', (b) => b.a.index([s(), s(null, null, 2)]).reshape([2, 4, 2])],
  ['a', 'a[:, :, ::2].reshape(6, 2)', (b) => b.a.index([s(), s(), s(null, null, 2)]).reshape([6, 2])],
  ['a', 'a[:, 1:2].reshape(2, 4)', (b) => b.a.index([s(), s(1, 2)]).reshape([2, 4])],
  ['a', 'a.reshape(5, -1)', (b) => b.a.reshape([5, -1])],
  ['a', 'a.reshape(-1, -1)', (b) => b.a.reshape([-1, -1])],
  ['e', 'e.reshape(0, 3)', (b) => b.e.reshape([0, 3])],
  ['e', 'e.reshape(-1, 0)', (b) => b.e.reshape([-1, 0])],
  ['a', 'a.ravel()', (b) => b.a.ravel()],
  ['a', 'a.T.ravel()', (b) => b.a.T.ravel()],
  ['a', 'a.T.ravel(order="K")', (b) => b.a.T.ravel('K')],
  ['a', 'a[::-1].ravel(order="K")', (b) => b.a.index([s(null, null, -1)]).ravel('K')],
  ['a', 'a.flatten()', (b) => b.a.flatten()],
  ['a', 'a.T.flatten(order="A")', (b) => b.a.T.flatten({ order: 'A' })],
  // squeeze / expand_dims
  ['a', 'a[:, :1].squeeze()', (b) => b.a.index([s(), s(null, 1)]).squeeze()],
  ['a', 'np.squeeze(a, axis=0)', (b) => b.a.squeeze([0])],
  ['a', 'np.expand_dims(a, 1)', (b) => b.a.expandDims([1])],
  ['a', 'np.expand_dims(a, (0, -1))', (b) => b.a.expandDims([0, -1])],
  ['a', 'np.expand_dims(a, 5)', (b) => b.a.expandDims([5])],
  // diagonal, sliding windows, as_strided, flip
  ['m', 'm.diagonal()', (b) => b.m.diagonal()],
  ['m', 'm.diagonal(1)', (b) => b.m.diagonal(1)],
  ['m', 'm.diagonal(-2)', (b) => b.m.diagonal(-2)],
  ['a', 'a.diagonal(0, 1, 2)', (b) => b.a.diagonal(0, 1, 2)],
  ['m', 'm.diagonal(0, 0, 0)', (b) => b.m.diagonal(0, 0, 0)],
  ['v', 'sliding_window_view(v, 3)', (b) => b.v.slidingWindowView([3])],
  ['m', 'sliding_window_view(m, (2, 2))', (b) => b.m.slidingWindowView([2, 2])],
  ['m', 'sliding_window_view(m, 2, axis=1)', (b) => b.m.slidingWindowView([2], [1])],
  ['m', 'sliding_window_view(m, 3)', (b) => b.m.slidingWindowView([3])],
  ['v', 'sliding_window_view(v, 11)', (b) => b.v.slidingWindowView([11])],
  ['v', 'as_strided(v, (4, 3), (8, 4))', (b) => b.v.asStrided([4, 3], [8, 4])],
  ['v', 'np.flip(v)', (b) => b.v.flip()],
  ['a', 'np.flip(a, 1)', (b) => b.a.flip([1])],
  // dtype views
  ['a', 'a.view(np.int16)', (b) => b.a.viewDtype('int16')],
  ['u', 'u.view(np.int16)', (b) => b.u.viewDtype('int16')],
  ['u', 'u[:5].view(np.int16)', (b) => b.u.index([s(null, 5)]).viewDtype('int16')],
  ['a', 'a.T.view(np.int32)', (b) => b.a.T.viewDtype('int32')],
  ['m', 'm.view(np.uint8)', (b) => b.m.viewDtype('uint8')],
  // copies and layouts
  ['a', 'a.T.copy()', (b) => b.a.T.copy()],
  ['a', 'a.T.copy(order="K")', (b) => b.a.T.copy('K')],
  ['a', 'a.T.copy(order="A")', (b) => b.a.T.copy('A')],
  ['a', 'a.copy(order="F")', (b) => b.a.copy('F')],
  ['a', 'a[::-1, :, ::2].copy(order="K")', (b) => b.a.index([s(null, null, -1), s(), s(null, null, 2)]).copy('K')],
  ['a', 'np.copy(a.transpose(1, 2, 0))', (b) => b.a.transpose(1, 2, 0).copy('K')],
  ['a', 'np.ascontiguousarray(a)', (b) => engine.ascontiguousarray(b.a)],
  ['a', 'np.ascontiguousarray(a.T)', (b) => engine.ascontiguousarray(b.a.T)],
  ['s', 'np.ascontiguousarray(s)', (b) => engine.ascontiguousarray(b.s)],
  ['a', 'np.asfortranarray(a)', (b) => engine.asfortranarray(b.a)],
  ['a', 'np.asarray(a)', (b) => engine.npAsarray(b.a)],
  ['a', 'np.asarray(a, dtype=np.float32)', (b) => engine.npAsarray(b.a, 'float32')],
  ['a', 'np.array(a)', (b) => engine.npArray(b.a)],
  ['a', 'np.array(a.T, copy=None)', (b) => engine.npArray(b.a.T, null, null)],
  ['a', 'np.array(a, dtype=np.int8, copy=False)', (b) => engine.npArray(b.a, 'int8', false)],
  ['m', 'm.astype(np.float16)', (b) => b.m.astype('float16')],
  ['m', 'm.T.astype(np.float64)', (b) => b.m.T.astype('float64')],
  ['m', 'm.T.astype(np.float64, order="C")', (b) => b.m.T.astype('float64', 'C')],
  ['m', 'm.astype(np.int32, copy=False)', (b) => b.m.astype('int32', 'K', false)],
  ['a', 'a.astype(np.complex64)', (b) => b.a.astype('complex64')],
  ['v', 'v.astype(np.uint8)', (b) => b.v.astype('uint8')],
  // elementwise (result layout follows the inputs) and reductions
  ['a', 'a.T + 1', (b) => b.a.T.binary('add', 1n)],
  ['m', 'm + m.T.T', (b) => b.m.binary('add', b.m.T.T)],
  ['m', 'm.T * 2.5', (b) => b.m.T.binary('mul', 2.5)],
  ['m', 'm / 3', (b) => b.m.binary('div', 3n)],
  ['u', 'u + 250', (b) => b.u.binary('add', 250n)],
  ['u', 'u + 300', (b) => b.u.binary('add', 300n)],
  ['u', 'u - np.arange(6, dtype=np.int8)', (b) => b.u.binary('sub', engine.arange('ndarray', 6n, null, null, 'int8'))],
  ['v', 'v < 4', (b) => b.v.binary('lt', 4n)],
  ['a', 'a + np.arange(4.)', (b) => b.a.binary('add', engine.arange('ndarray', 4))],
  ['a', 'a + np.arange(5.)', (b) => b.a.binary('add', engine.arange('ndarray', 5))],
  ['a', 'a.sum()', (b) => b.a.sum()],
  ['a', 'a.sum(axis=(0, 2))', (b) => b.a.sum([0, 2])],
  ['m', 'm.sum(axis=1, keepdims=True)', (b) => b.m.sum([1], true)],
  ['m', 'm.mean(axis=0)', (b) => b.m.mean([0])],
  ['u', 'u.sum()', (b) => b.u.sum()],
  ['n', 'n.sum(axis=-1)', (b) => b.n.sum([-1])],
  ['m', 'm.sum(axis=2)', (b) => b.m.sum([2])],
  // byte order: non-native arrays read, copy, convert and compute like NumPy's
  ['a', "a.astype('>f8')", (b) => b.a.astypeByteOrder('float64', '>')],
  ['a', "a.astype('>f8').T.copy()", (b) => b.a.astypeByteOrder('float64', '>').T.copy()],
  ['a', "np.ascontiguousarray(a.astype('>f8'))", (b) => engine.ascontiguousarray(b.a.astypeByteOrder('float64', '>'))],
  ['a', "a.astype('>f8') + 1", (b) => b.a.astypeByteOrder('float64', '>').binary('add', 1n)],
  ['a', "a.astype('>f8').astype(np.float32)", (b) => b.a.astypeByteOrder('float64', '>').astype('float32')],
  ['m', "m.view(m.dtype.newbyteorder('>'))", (b) => b.m.viewByteOrder('>')],
  ['m', "m.astype('>i4').sum()", (b) => b.m.astypeByteOrder('int32', '>').sum()],
  // creation
  ['a', 'np.zeros((2, 0, 3))', () => engine.zeros('ndarray', [2, 0, 3])],
  ['a', 'np.ones((3, 2), dtype=np.int16)', () => engine.ones('ndarray', [3, 2], 'int16')],
  ['a', 'np.full((2, 2), 7)', () => engine.full('ndarray', [2, 2], 7n)],
  ['a', 'np.full(3, True)', () => engine.full('ndarray', [3], true)],
  ['a', 'np.arange(1, 2, 0.3)', () => engine.arange('ndarray', 1n, 2n, 0.3)],
  ['a', 'np.arange(10, 1, -3)', () => engine.arange('ndarray', 10n, 1n, -3n)],
  ['a', 'np.linspace(0, 1, 5)', () => engine.linspace('ndarray', 0n, 1n, 5)],
  ['a', 'np.linspace(0, 1, 5, endpoint=False)', () => engine.linspace('ndarray', 0n, 1n, 5, false)],
  ['a', 'np.linspace(2, 10, 4, dtype=np.int64)', () => engine.linspace('ndarray', 2n, 10n, 4, true, 'int64')],
  ['a', 'np.eye(3, 4, -1)', () => engine.eye('ndarray', 3, 4, -1)],
  ['a', 'np.array([[1, 2], [3, 4.5]])', () => engine.fromValues('ndarray', [1n, 2n, 3n, 4.5], [2, 2])],
  ['a', 'np.array([True, 2])', () => engine.fromValues('ndarray', [true, 2n], [2])],
  ['a', 'np.array([1, 2j])', () => engine.fromValues('ndarray', [1n, { re: 0, im: 2 }], [2])],
  ['a', 'np.zeros(-1)', () => engine.zeros('ndarray', [-1])],
  ['v', 'np.broadcast_to(v, (2**40, 2**40, 10))', (b) => b.v.broadcastTo([2 ** 40, 2 ** 40, 10])],
  ['v', 'as_strided(v, (2**40, 2**40), (0, 0))', (b) => b.v.asStrided([2 ** 40, 2 ** 40], [0, 0])],
  ['a', 'np.arange(0, float("nan"))', () => engine.arange('ndarray', 0n, NaN)],
  ['a', 'np.arange(0, 1, 0)', () => engine.arange('ndarray', 0n, 1n, 0n)],
]

function engineResult(base: EngineObject, make: () => EngineObject): NumpyResult {
  let r: EngineObject
  try {
    r = make()
  } catch (e) {
    const pyType = (e as { pyType?: string }).pyType
    if (!pyType) throw e
    return { error: { type: pyType, message: (e as Error).message } }
  }
  const info = r.info()
  const win = r.window(info.shape.map(() => 0), info.shape)
  const raw = Array.from(win.values as ArrayLike<number | bigint>, (x) => Number(x))
  let values: NumpyResult['values']
  if (info.dtype.startsWith('complex')) {
    values = []
    for (let k = 0; k < raw.length; k += 2) values.push([raw[k], raw[k + 1]])
  } else if (info.dtype === 'bool') {
    values = raw.map((x) => x !== 0)
  } else {
    values = raw
  }
  return {
    shape: info.shape, strides: info.byteStrides, dtype: info.dtype,
    c: info.flags.cContiguous, f: info.flags.fContiguous, writeable: info.flags.writeable, owndata: info.flags.ownsData,
    values, shares: engine.sharesMemory(r, base), isBase: r === base,
  }
}

describe.skipIf(!!skip)('layouts against real NumPy', () => {
  const expected = skip ? [] : runNumpy(CASES.map(([b, py]) => [b, py]))
  CASES.forEach(([baseName, py, ts], k) => {
    it(py, () => {
      const b = bases()
      const got = engineResult(b[baseName], () => ts(b))
      const want = expected[k]
      if (want.error) {
        // numpy's AxisError and _UFuncOutputCastingError keep their class names; compare messages exactly
        expect(got.error?.message).toBe(want.error.message)
        const type = want.error.type === '_UFuncOutputCastingError' ? 'TypeError' : want.error.type
        expect(got.error?.type).toBe(type)
        return
      }
      expect(got.error).toBeUndefined()
      expect({ shape: got.shape, dtype: got.dtype }).toEqual({ shape: want.shape, dtype: want.dtype })
      expect(got.strides).toEqual(want.strides)
      expect({ c: got.c, f: got.f, writeable: got.writeable, owndata: got.owndata })
        .toEqual({ c: want.c, f: want.f, writeable: want.writeable, owndata: want.owndata })
      expect({ shares: got.shares, isBase: got.isBase }).toEqual({ shares: want.shares, isBase: want.isBase })
      const close = (x: unknown, y: unknown) =>
        typeof x === 'number' && typeof y === 'number' ? Math.abs(x - y) <= 1e-6 * Math.max(1, Math.abs(y)) : x === y
      const gv = got.values ?? [], wv = want.values ?? []
      expect(gv.length).toBe(wv.length)
      gv.forEach((x, j) => {
        const y = wv[j]
        const ok = Array.isArray(x) && Array.isArray(y) ? close(x[0], y[0]) && close(x[1], y[1]) : close(x, y)
        if (!ok) expect(x).toEqual(y)
      })
    })
  })
})
