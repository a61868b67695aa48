// The TS engine API over the addon: typed errors, the op report, object
// identity, value windows, disposal, huge allocations, and a property test that
// arbitrary user shapes/strides/offsets/indices either make an in-bounds view
// or raise a Python-typed error (never a crash or an out-of-bounds view).
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import * as engine from '../../src/engine'
import type { EngineObject, IndexItem, ObjectInfo } from '../../src/engine'


function err(fn: () => unknown): { type: string; message: string } {
  try {
    fn()
  } catch (e) {
    return { type: (e as { pyType?: string }).pyType ?? 'JS', message: (e as Error).message }
  }
  throw new Error('expected an error')
}

/** Every addressed byte of the view lies inside its storage. */
function inBounds(info: ObjectInfo): boolean {
  if (info.shape.some((s) => s === 0)) return true
  let lo = info.byteOffset, hi = info.byteOffset
  info.shape.forEach((s, k) => {
    const span = (s - 1) * info.byteStrides[k]
    if (span < 0) lo += span
    else hi += span
  })
  return lo >= 0 && hi + info.itemsize <= info.storage.nbytes
}

describe('engine API', () => {
  it('errors are JS Errors with pyType and the exact message', () => {
    const e = err(() => engine.arange('ndarray', 6n).reshape([4, 2]))
    expect(e).toEqual({ type: 'ValueError', message: 'cannot reshape array of size 6 into shape (4,2)' })
    try {
      engine.zeros('tensor', [2]).index([{ kind: 'int', index: 5 }])
    } catch (x) {
      expect(engine.isEngineError(x)).toBe(true)
    }
  })

  it('argument errors are TypeErrors naming the argument', () => {
    expect(() => engine.zeros('ndarray', ['x' as unknown as number])).toThrow(/shape must be an integer/)
    expect(() => engine.zeros('matrix' as 'ndarray', [1])).toThrow(/kind must be/)
    expect(err(() => engine.zeros('ndarray', [1], 'float8' as 'float32')).message).toMatch(/unknown dtype 'float8'/)
  })

  it('lastReport describes the last operation; inspection leaves it', () => {
    const a = engine.arange('ndarray', 12).reshape([3, 4])
    a.T.copy()
    const r = engine.lastReport()
    expect(r).toMatchObject({ op: 'copy', copied: true, bytes: 96 })
    expect(r.kernel).not.toBe('view')
    // every call the binding marks as an inspection (native/binding: inspection(...))
    const t = engine.zeros('tensor', [2], 'float32')
    const first = { kind: 'int', index: 0 } as const
    const [el, row] = [a.index([first, first]), a.index([first])]
    a.T.copy()
    a.info()
    a.window([0, 0], [1, 1])
    el.item()
    a.isContiguous()
    engine.dlpackDevice(t)
    engine.sharesMemory(a, a)
    engine.mayShareMemory(a, a)
    t.isPinned()
    engine.cudaStatus()
    row.dispose()
    expect(engine.lastReport().op).toBe('copy')
    a.T
    expect(engine.lastReport()).toMatchObject({ op: 'T', copied: false, kernel: 'view', bytes: 0 })
  })

  it('an in-place op reports the bytes it writes to its target once', () => {
    const t = engine.zeros('tensor', [3], 'float64')
    t.add_(1n)
    expect(engine.lastReport()).toMatchObject({ op: 'inplace', bytes: 24, reason: 'in-place write' })
    t.T.mul_(2) // through a view: still the 24 bytes of t
    expect(engine.lastReport().bytes).toBe(24)
  })

  it('ops that return their input give back the same object', () => {
    const t = engine.zeros('tensor', [2, 2])
    expect(t.contiguous()).toBe(t)
    expect(engine.asTensor(t)).toBe(t)
    expect(t.to('float32')).toBe(t)
    const a = engine.zeros('ndarray', [3])
    expect(engine.npAsarray(a)).toBe(a)
    expect(a.astype('float64', 'K', false)).toBe(a)
  })

  it('t.numpy(): a.base is a hidden alias of t; a, a.base and views of a each keep the bytes', () => {
    const t = engine.arange('tensor', 12n, null, null, 'float32').view([3, 4])
    const a = t.numpy()
    const h = a.base()!
    const [ti, ai, hi] = [t.info(), a.info(), h.info()]
    expect(hi).toMatchObject({ kind: 'tensor', shape: [3, 4], strides: [4, 1], dataPtr: ti.dataPtr, baseId: null })
    expect(new Set([ti.id, ai.id, hi.id]).size).toBe(3)
    expect(hi.storage.id).toBe(ti.storage.id)
    expect(ai.storage.id).not.toBe(ti.storage.id)
    expect(ai).toMatchObject({ kind: 'ndarray', baseId: hi.id, dataPtr: ti.dataPtr, flags: { ownsData: false, writeable: true } })
    expect(t.numpy().base()!.info().id).not.toBe(hi.id) // every call makes its own alias
    const row = a.index([{ kind: 'int', index: 2 }])
    t.dispose()
    a.dispose()
    h.dispose()
    expect(Array.from(row.window([0], [4]).values as Float32Array)).toEqual([8, 9, 10, 11])
    const t2 = engine.arange('tensor', 3n, null, null, 'float64')
    const a2 = t2.numpy()
    const h2 = a2.base()!
    a2.dispose()
    t2.dispose()
    expect(Array.from(h2.window([0], [3]).values as Float64Array)).toEqual([0, 1, 2])
    const g = engine.zeros('tensor', [2]).requiresGrad_(true)
    expect(err(() => g.numpy())).toEqual({
      type: 'RuntimeError', message: "Can't call numpy() on Tensor that requires grad. Use tensor.detach().numpy() instead.",
    })
  })

  it('keyword arguments are matched whole', () => {
    const t = engine.zeros('tensor', [2])
    expect(() => t.clone('preserve_format' + 'x'.repeat(40) as 'preserve_format')).toThrow(/memory_format must be/)
    expect(() => t.clone('preserve' as 'preserve_format')).toThrow(/memory_format must be/)
    const a = engine.zeros('ndarray', [2])
    const long = 'C' + 'x'.repeat(40)
    expect(err(() => a.copy(long as 'C'))).toEqual({
      type: 'ValueError', message: `order must be one of 'C', 'F', 'A', or 'K' (got '${long}')`,
    })
    expect(a.copy('F').info().flags.fContiguous).toBe(true)
  })

  it('windows are clipped copies with JS-friendly types', () => {
    const b = engine.fromValues('ndarray', [true, false, true], [3])
    expect(b.window([0], [3]).values).toEqual(new Uint8Array([1, 0, 1]))
    const i = engine.arange('tensor', 5n)
    const w = i.window([3], [10])
    expect(w.shape).toEqual([2])
    expect(w.values).toEqual(new BigInt64Array([3n, 4n]))
    const h = engine.full('tensor', [2], 0.1, 'float16')
    expect((h.window([0], [2]).values as Float32Array)[0]).toBeCloseTo(0.0999755859375, 10)
    const c = engine.fromValues('ndarray', [{ re: 1, im: -2 }], [1])
    expect(Array.from(c.window([0], [1]).values as Float64Array)).toEqual([1, -2])
    expect(engine.full('tensor', [], 2.5).item()).toBe(2.5)
    expect(engine.full('ndarray', [], 7n).item()).toBe(7n)
  })

  it('dispose drops the object; its views keep the storage alive', () => {
    const a = engine.arange('ndarray', 4)
    const v = a.index([{ kind: 'slice', start: 1, stop: null, step: null }])
    a.dispose()
    expect(() => a.info()).toThrow(/released/)
    expect(Array.from(v.window([0], [3]).values as Float64Array)).toEqual([1, 2, 3])
  })

  it('huge allocations fail with the libraries\' memory errors', () => {
    expect(err(() => engine.zeros('ndarray', [1e18]))).toEqual({
      type: '_ArrayMemoryError',
      message: 'Unable to allocate 6.94 EiB for an array with shape (1000000000000000000,) and data type float64',
    })
    expect(err(() => engine.zeros('tensor', [1e15])).type).toBe('RuntimeError')
    expect(err(() => engine.zeros('ndarray', [2 ** 40, 2 ** 40])).type).toBe('ValueError')
  })

  it('in-place writes are visible through every alias', () => {
    const t = engine.zeros('tensor', [2, 3])
    const row = t.index([{ kind: 'int', index: 1 }])
    const a = t.numpy()
    row.add_(5n)
    expect(Array.from(a.window([1, 0], [1, 3]).values as Float32Array)).toEqual([5, 5, 5])
    const ro = engine.arange('ndarray', 3).broadcastTo([2, 3])
    expect(err(() => ro.setItem([], 1.0))).toEqual({ type: 'ValueError', message: 'assignment destination is read-only' })
  })

  it('any shape/stride/offset/index a user can type: a valid view or a Python error', () => {
    const pyTypes = new Set(['RuntimeError', 'ValueError', 'TypeError', 'IndexError', 'AxisError', 'MemoryError', '_ArrayMemoryError', 'OverflowError'])
    const bases: EngineObject[] = [
      engine.arange('ndarray', 24).reshape([2, 3, 4]),
      engine.arange('tensor', 24n, null, null, 'float32').view([4, 6]),
      engine.arange('ndarray', 10n, null, null, 'int16'),
      engine.zeros('tensor', [3, 0, 2]),
    ]
    const int = fc.integer({ min: -30, max: 30 })
    const big = fc.oneof(int, fc.constantFrom(2 ** 31, -(2 ** 31), 2 ** 53 - 1, -(2 ** 53 - 1)))
    const item: fc.Arbitrary<IndexItem> = fc.oneof(
      int.map((index) => ({ kind: 'int' as const, index })),
      fc.tuple(fc.option(big), fc.option(big), fc.option(int)).map(([start, stop, step]) => ({ kind: 'slice' as const, start, stop, step })),
      fc.constant({ kind: 'newaxis' as const }),
      fc.constant({ kind: 'ellipsis' as const }),
    )
    const op = fc.oneof(
      fc.record({ k: fc.constant('asStrided'), size: fc.array(big, { maxLength: 4 }), stride: fc.array(big, { maxLength: 4 }), off: fc.option(big) }),
      fc.record({ k: fc.constant('index'), items: fc.array(item, { maxLength: 5 }) }),
      fc.record({ k: fc.constant('reshape'), shape: fc.array(fc.integer({ min: -2, max: 30 }), { maxLength: 4 }) }),
      fc.record({ k: fc.constant('view'), shape: fc.array(fc.integer({ min: -2, max: 30 }), { maxLength: 4 }) }),
      fc.record({ k: fc.constant('expand'), shape: fc.array(fc.oneof(fc.integer({ min: -2, max: 8 }), fc.constant(2 ** 40)), { maxLength: 5 }) }),
      fc.record({ k: fc.constant('diagonal'), off: int, d1: fc.integer({ min: -4, max: 4 }), d2: fc.integer({ min: -4, max: 4 }) }),
      fc.record({ k: fc.constant('unfold'), d: fc.integer({ min: -3, max: 3 }), size: int, step: int }),
      fc.record({ k: fc.constant('narrow'), d: fc.integer({ min: -3, max: 3 }), start: int, len: int }),
    )
    fc.assert(
      fc.property(fc.integer({ min: 0, max: bases.length - 1 }), op, (bi, o) => {
        const b = bases[bi]
        let r: EngineObject
        try {
          switch (o.k) {
            case 'asStrided': r = b.asStrided(o.size, o.stride, o.off); break
            case 'index': r = b.index(o.items); break
            case 'reshape': r = b.reshape(o.shape); break
            case 'view': r = b.view(o.shape); break
            case 'expand': r = b.expand(o.shape); break
            case 'diagonal': r = b.diagonal(o.off, o.d1, o.d2); break
            case 'unfold': r = b.unfold(o.d, o.size, o.step); break
            default: r = b.narrow(o.d, o.start, o.len)
          }
        } catch (e) {
          const t = (e as { pyType?: string }).pyType
          if (!t || !pyTypes.has(t)) throw e
          return true
        }
        const info = r.info()
        expect(inBounds(info)).toBe(true)
        const n = info.shape.reduce((x, y) => x * y, 1)
        if (n > 0 && n < 5000) r.window(info.shape.map(() => 0), info.shape)
        return true
      }),
      { numRuns: 1500, seed: 20261126 },
    )
  })
})

describe('shares_memory is exact', () => {
  /** Byte addresses (relative to the storage) each element of the view touches. */
  function bytesOf(o: EngineObject): Set<number> {
    const info = o.info()
    const out = new Set<number>()
    const base = Number(BigInt(info.dataPtr) - BigInt(info.storage.dataPtr))
    const idx = info.shape.map(() => 0)
    const n = info.shape.reduce((x, y) => x * y, 1)
    for (let k = 0; k < n; k++) {
      let off = base
      idx.forEach((v, d) => (off += v * info.byteStrides[d]))
      for (let b = 0; b < info.itemsize; b++) out.add(off + b)
      for (let d = idx.length - 1; d >= 0; d--) {
        if (++idx[d] < info.shape[d]) break
        idx[d] = 0
      }
    }
    return out
  }

  it('agrees with brute force on random strided views of one buffer', () => {
    const base = engine.arange('ndarray', 60n, null, null, 'int16').reshape([6, 10])
    const sl = fc.tuple(fc.option(fc.integer({ min: -12, max: 12 })), fc.option(fc.integer({ min: -12, max: 12 })),
      fc.option(fc.integer({ min: -4, max: 4 }).filter((x) => x !== 0)))
      .map(([start, stop, step]): IndexItem => ({ kind: 'slice', start, stop, step }))
    const view = fc.record({ s0: sl, s1: sl, t: fc.boolean(), bytes: fc.boolean() })
    const make = (v: { s0: IndexItem; s1: IndexItem; t: boolean; bytes: boolean }) => {
      let r = base.index([v.s0, v.s1])
      if (v.t) r = r.T
      if (v.bytes && r.info().byteStrides.at(-1) === 2) r = r.viewDtype('uint8')
      return r
    }
    fc.assert(
      fc.property(view, view, (x, y) => {
        const a = make(x), b = make(y)
        const ba = bytesOf(a), bb = bytesOf(b)
        const brute = [...ba].some((q) => bb.has(q))
        expect(engine.sharesMemory(a, b)).toBe(brute)
        if (brute) expect(engine.mayShareMemory(a, b)).toBe(true)
      }),
      { numRuns: 800, seed: 7 },
    )
  })

  it("checkAsStrided (the app's dry run) raises exactly what asStrided raises, and nothing when it succeeds", () => {
    const bases = [
      engine.arange('tensor', 24n).reshape([2, 3, 4]),
      engine.arange('tensor', 24n).reshape([4, 6]).index([{ kind: 'slice', start: 1, stop: null, step: null }]),
      engine.arange('ndarray', 12n, null, null, 'float64'),
      engine.arange('ndarray', 12n, null, null, 'float64').index([{ kind: 'slice', start: 4, stop: null, step: null }]),
    ]
    const big = fc.oneof(fc.integer({ min: -30, max: 30 }), fc.constantFrom(2 ** 31, -(2 ** 31), 2 ** 53 - 1))
    const outcome = (f: () => unknown): string => {
      try { f(); return 'ok' } catch (e) { return `${(e as { pyType?: string }).pyType}: ${(e as Error).message}` }
    }
    let refused = 0
    fc.assert(
      fc.property(fc.integer({ min: 0, max: bases.length - 1 }), fc.array(big, { maxLength: 3 }), fc.array(big, { maxLength: 3 }), fc.option(big), (bi, size, stride, off) => {
        const b = bases[bi]
        const dry = outcome(() => b.checkAsStrided(size, stride, off))
        expect(dry).toBe(outcome(() => b.asStrided(size, stride, off)))
        if (dry !== 'ok') refused++
      }),
      { numRuns: 800, seed: 20261204 },
    )
    expect(refused).toBeGreaterThan(100) // both outcomes were exercised
    expect(refused).toBeLessThan(800)
  })
})
