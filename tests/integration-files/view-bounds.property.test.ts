// Property: whatever shape, strides and offset a (lying) file claims, viewOfStorage either
// refuses with the library's error or gives a view whose every byte lies in its storage.
import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import * as engine from '../../src/engine'

const DTYPES: Array<[engine.DTypeName, number]> = [['uint8', 1], ['int16', 2], ['float32', 4], ['float64', 8], ['complex128', 16]]

describe('views over file storages stay in bounds', () => {
  it('refuses or stays inside, for 300 random descriptions', () => {
    const st = engine.storageFromBytes(new Uint8Array(256).map((_, i) => i))
    const dim = fc.integer({ min: -2, max: 40 })
    const stride = fc.oneof(fc.integer({ min: -64, max: 64 }), fc.constantFrom(2 ** 40, -(2 ** 40), 2 ** 52))
    fc.assert(fc.property(
      fc.constantFrom(...DTYPES), fc.constantFrom<engine.Kind>('ndarray', 'tensor'),
      fc.array(fc.tuple(dim, stride), { maxLength: 4 }), fc.integer({ min: -16, max: 300 }),
      ([dtype, item], kind, dims, byteOffset) => {
        const shape = dims.map((d) => d[0]), byteStrides = dims.map((d) => d[1])
        let v: engine.EngineObject
        try {
          v = engine.viewOfStorage(st, { kind, dtype, shape, byteStrides, byteOffset })
        } catch (e) {
          expect(engine.isEngineError(e), String(e)).toBe(true)
          expect(['TypeError', 'ValueError', 'RuntimeError']).toContain((e as engine.EngineError).pyType)
          return
        }
        const info = v.info()
        if (info.numel === 0) return
        let lo = info.byteOffset, hi = info.byteOffset
        info.shape.forEach((n, i) => { const span = (n - 1) * info.byteStrides[i]; if (span < 0) lo += span; else hi += span })
        expect(lo).toBeGreaterThanOrEqual(0)
        expect(hi + item).toBeLessThanOrEqual(256)
        // Reading every element back must work (and never fault).
        expect(v.window(info.shape.map(() => 0), info.shape).values.length).toBeGreaterThan(0)
      }), { numRuns: 300, seed: 6 })
  })
})
