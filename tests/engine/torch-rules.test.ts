// PyTorch behaviour through the TS API, checked against the rules and exact
// texts of reference/semantics.md (section numbers in each test name).
import { describe, expect, it } from 'vitest'
import * as engine from '../../src/engine'
import type { EngineObject } from '../../src/engine'


function err(fn: () => unknown): { type: string; message: string } {
  try {
    fn()
  } catch (e) {
    return { type: (e as { pyType?: string }).pyType ?? 'JS', message: (e as Error).message }
  }
  throw new Error('expected an error')
}
const vals = (o: EngineObject) => {
  const i = o.info()
  return Array.from(o.window(i.shape.map(() => 0), i.shape).values as ArrayLike<number | bigint>, Number)
}
const tarange = (n: number) => engine.arange('tensor', BigInt(n), null, null, 'float32')
const nparange = (n: number) => engine.arange('ndarray', n)

describe('torch.from_numpy (§A)', () => {
  it('§1 shares, strides in elements, offset 0 even for a[2:]', () => {
    const a = nparange(5)
    const t = engine.fromNumpy(a.index([{ kind: 'slice', start: 2, stop: null, step: null }]))
    const info = t.info()
    expect(info.strides).toEqual([1])
    expect(info.offset).toBe(0)
    expect(engine.sharesMemory(t, a)).toBe(true)
    expect(engine.lastReport().copied).toBe(false)
  })
  it('§4 negative strides and §5 odd strides fail with ValueError', () => {
    const a = nparange(3)
    expect(err(() => engine.fromNumpy(a.flip()))).toEqual({
      type: 'ValueError',
      message: 'At least one stride in the given numpy array is negative, and tensors with negative strides are not currently supported. (You can probably work around this by making a copy of your array  with array.copy().) ',
    })
    expect(err(() => engine.fromNumpy(a.asStrided([2], [3])))).toEqual({
      type: 'ValueError',
      message: 'given numpy array strides not a multiple of the element byte size. Copy the numpy array to reallocate the memory.',
    })
  })
  it('§8 a non-native byte order fails with ValueError', () => {
    expect(err(() => engine.fromNumpy(nparange(3).astypeByteOrder('float64', '>')))).toEqual({
      type: 'ValueError',
      message: 'given numpy array has byte order different from the native byte order. Conversion between byte orders is currently not supported.',
    })
  })
  it('§9 empty and 0-d arrays; §11 not resizable', () => {
    expect(engine.fromNumpy(engine.zeros('ndarray', [0, 2])).info().shape).toEqual([0, 2])
    const z = engine.fromNumpy(engine.full('ndarray', [], 1.5))
    expect(z.info().shape).toEqual([])
    expect(z.info().storage.resizable).toBe(false)
  })
})

describe('Tensor.numpy() (§B)', () => {
  it('§13 strides in bytes, shares, writes propagate', () => {
    const t = tarange(6).view([2, 3]).t()
    const a = t.numpy()
    expect(a.info().byteStrides).toEqual([4, 12])
    expect(a.info().flags.cContiguous).toBe(false)
    expect(a.info().flags.ownsData).toBe(false)
    expect(a.info().dataPtr).toBe(t.info().dataPtr)
    a.setItem([{ kind: 'int', index: 0 }, { kind: 'int', index: 1 }], 42.0)
    expect(vals(t)[1]).toBe(42)
  })
  it('§15 requires_grad: numpy() refuses, force=True shares; in-place on a leaf fails', () => {
    const g = tarange(3).requiresGrad_()
    expect(err(() => g.numpy())).toEqual({
      type: 'RuntimeError', message: "Can't call numpy() on Tensor that requires grad. Use tensor.detach().numpy() instead.",
    })
    expect(engine.sharesMemory(g.numpy(true), g)).toBe(true)
    expect(engine.sharesMemory(g.detach().numpy(), g)).toBe(true)
    expect(err(() => g.add_(1n)).message).toBe('a leaf Variable that requires grad is being used in an in-place operation.')
    expect(g.binary('mul', 2n).info()).toMatchObject({ requiresGrad: true, isLeaf: false })
    expect(err(() => engine.toDlpack(g)).message).toBe("Can't export tensors that require gradient, use tensor.detach()")
    expect(err(() => engine.arange('tensor', 3n).requiresGrad_()).message).toBe(
      'only Tensors of floating point and complex dtype can require gradients')
  })
  it('§17 bfloat16 is TypeError', () => {
    expect(err(() => tarange(2).to('bfloat16').numpy())).toEqual({ type: 'TypeError', message: 'Got unsupported ScalarType BFloat16' })
  })
})

describe('as_tensor / tensor / asarray (§C)', () => {
  it('§21 as_tensor shares with the same dtype, copies otherwise; §22 returns the tensor itself', () => {
    const a = nparange(3)
    expect(engine.sharesMemory(engine.asTensor(a), a)).toBe(true)
    expect(engine.sharesMemory(engine.asTensor(a, 'float32'), a)).toBe(false)
    const t = tarange(3)
    expect(engine.asTensor(t)).toBe(t)
  })
  it('§6 a read-only array shares with a UserWarning, once per process', () => {
    const ro = nparange(3).broadcastTo([2, 3])
    const t = engine.asTensor(ro)
    expect(engine.sharesMemory(t, ro)).toBe(true)
    const first = engine.lastReport().warnings ?? []
    engine.fromNumpy(ro)
    const second = engine.lastReport().warnings ?? []
    expect(first.length + second.length).toBeLessThanOrEqual(1)
  })
  it('§24 torch.tensor(t) copies and warns', () => {
    const t = tarange(2)
    const c = engine.tensor(t)
    expect(engine.sharesMemory(c, t)).toBe(false)
    expect(engine.lastReport().warnings?.[0]?.message).toMatch(/^To copy construct from a tensor/)
  })
  it('§27 asarray(copy=False) with another dtype', () => {
    expect(err(() => engine.torchAsarray(tarange(2), 'float64', false))).toEqual({
      type: 'ValueError', message: "can't alias tensor with dtype 'Float' into dtype 'Double'.",
    })
  })
  it('§28-30 np.asarray(t) shares; np.array(t) copies with a DeprecationWarning', () => {
    const t = tarange(3)
    expect(engine.sharesMemory(engine.npAsarray(t), t)).toBe(true)
    const c = engine.npArray(t)
    expect(engine.sharesMemory(c, t)).toBe(false)
    expect(engine.lastReport().warnings?.[0]?.category).toBe('DeprecationWarning')
    expect(err(() => engine.npAsarray(t, null, false)).message).toMatch(/^Unable to avoid copy while creating an array as requested\.\n/)
  })
})

describe('DLPack (§D)', () => {
  it('§31-33 shares; a capsule is consumed once', () => {
    const t = tarange(3)
    const cap = engine.toDlpack(t)
    const u = engine.fromDlpack('tensor', cap)
    expect(engine.sharesMemory(u, t)).toBe(true)
    expect(err(() => engine.fromDlpack('tensor', cap)).message).toMatch(/^from_dlpack received an invalid capsule\./)
    const n = engine.fromDlpack('ndarray', t)
    expect(n.info().flags.writeable).toBe(true)
  })
  it('§36 devices; §37 stream on cpu', () => {
    expect(engine.dlpackDevice(tarange(1))).toEqual([1, 0])
    expect(err(() => engine.toDlpack(tarange(1), { maxVersion: [1, 0], stream: 1 }))).toEqual({
      type: 'AssertionError', message: 'stream should be None on cpu.',
    })
  })
})

describe('views and strides (§E)', () => {
  it('§43-46 view and its errors', () => {
    const t = tarange(6).view([2, 3])
    expect(t.info().strides).toEqual([3, 1])
    expect(err(() => t.t().view([6])).type).toBe('RuntimeError')
    expect(err(() => t.view([4, 2])).message).toBe("shape '[4, 2]' is invalid for input of size 6")
  })
  it('§45 computeStride example', () => {
    const x = engine.zeros('tensor', [4, 3, 4]).index([{ kind: 'slice', start: null, stop: null, step: 2 }])
    expect(x.info().strides).toEqual([24, 4, 1])
    expect(x.view([2, 12]).info().strides).toEqual([24, 1])
  })
  it('§47 reshape copies when no view exists', () => {
    const t = tarange(6).view([2, 3]).t()
    const r = t.reshape([6])
    expect(engine.lastReport().copied).toBe(true)
    expect(vals(r)).toEqual([0, 3, 1, 4, 2, 5])
  })
  it('§49 .T on 3-D warns; §50 mT on 1-D fails', () => {
    tarange(24).view([2, 3, 4]).T
    expect(engine.lastReport().warnings?.[0]?.message).toMatch(/^The use of `x.T` on tensors of dimension other than 2/)
    expect(err(() => tarange(3).mT).message).toBe('tensor.mT is only supported on matrices or batches of matrices. Got 1-D tensor.')
  })
  it('§51 expand strides; §52 as_strided bounds; §54 negative step', () => {
    expect(engine.ones('tensor', [3, 1]).expand([3, 4]).info().strides).toEqual([1, 0])
    expect(err(() => tarange(3).asStrided([4], [1])).message).toBe(
      'setStorage: sizes [4], strides [1], storage offset 0, and itemsize 4 requiring a storage size of 16 are out of bounds for storage of size 12')
    expect(err(() => tarange(3).index([{ kind: 'slice', start: null, stop: null, step: -1 }]))).toEqual({
      type: 'ValueError', message: 'step must be greater than zero',
    })
  })
  it('§55 t[:] is a new alias; §57 torch.flip copies, np.flip views', () => {
    const t = tarange(4)
    const s = t.index([{ kind: 'slice', start: null, stop: null, step: null }])
    expect(s).not.toBe(t)
    expect(engine.sharesMemory(s, t)).toBe(true)
    expect(engine.sharesMemory(t.flip([0]), t)).toBe(false)
    const a = nparange(4)
    expect(engine.sharesMemory(a.flip(), a)).toBe(true)
  })
  it('§59 empty strides and contiguity; §60 channels_last', () => {
    expect(engine.empty('tensor', [2, 0, 3]).info().strides).toEqual([3, 3, 1])
    const x = engine.zeros('tensor', [2, 3, 4, 5]).contiguous('channels_last')
    expect(x.info().strides).toEqual([60, 1, 15, 3])
    expect(x.isContiguous()).toBe(false)
    expect(x.isContiguous('channels_last')).toBe(true)
  })
})

describe('copies (§F)', () => {
  it('§62 clone keeps dense strides; §63 contiguous returns self', () => {
    const t = tarange(6).view([2, 3]).t()
    expect(t.clone().info().strides).toEqual([1, 3])
    const c = tarange(6)
    expect(c.contiguous()).toBe(c)
    expect(engine.lastReport().copied).toBe(false)
    const k = t.contiguous()
    expect(engine.lastReport()).toMatchObject({ op: 'contiguous', copied: true, bytes: 24 })
    expect(k.info().strides).toEqual([2, 1])
  })
  it('§65 np.ascontiguousarray returns the same object when already contiguous', () => {
    const a = nparange(4)
    expect(engine.ascontiguousarray(a)).toBe(a)
  })
})
