// Element byte offsets and the memory wall's coverage, checked against real
// NumPy's own addresses where python3 with NumPy is present.
import { describe, expect, it } from 'vitest'
import { spawnSync } from 'node:child_process'
import { coverage, elementOffsets, elementsTouching } from '../../../src/renderer/src/model/footprint'

const numpy = spawnSync('python3', ['-c', 'import numpy'], { encoding: 'utf8' }).status === 0
if (!numpy) console.log('[tests/renderer] NumPy oracle cases skipped: python3 with numpy is not available')

/** For each case: NumPy's shape, byte strides, offset of element 0 from the base buffer, and every element's offset in C order. */
function numpyCases(): Array<{ expr: string; shape: number[]; strides: number[]; base0: number; offsets: number[] }> {
  const script = `
import numpy as np, json
base = np.arange(60, dtype=np.float64)
b = base.reshape(3, 4, 5)
cases = {'b': b, 'b.T': b.T, 'b[1:, ::2, 1::3]': b[1:, ::2, 1::3], 'b[::-1, :, ::-2]': b[::-1, :, ::-2],
         'b.transpose(1, 0, 2)[:, 1]': b.transpose(1, 0, 2)[:, 1], 'np.broadcast_to(base[:4], (3, 4))': np.broadcast_to(base[:4], (3, 4)),
         'base[5]': base[5:6].reshape(())}
p0 = base.__array_interface__['data'][0]
out = []
for k, a in cases.items():
    # A one-element slice is a view: its data pointer is that element's address (a[idx] would be a copied scalar).
    offs = [int((a[tuple(slice(i, i + 1) for i in idx)] if a.ndim else a[...]).__array_interface__['data'][0] - p0) for idx in np.ndindex(a.shape)]
    out.append({'expr': k, 'shape': list(a.shape), 'strides': list(a.strides), 'base0': int(a.__array_interface__['data'][0] - p0), 'offsets': offs})
print(json.dumps(out))
`
  const r = spawnSync('python3', ['-c', script], { encoding: 'utf8' })
  if (r.status !== 0) throw new Error(r.stderr)
  return JSON.parse(r.stdout)
}

describe('element byte offsets', () => {
  it.skipIf(!numpy)('match NumPy for views with steps, negative strides, broadcasting and 0-d', () => {
    for (const c of numpyCases()) {
      const got = Array.from(elementOffsets({ shape: c.shape, byteStrides: c.strides }, c.base0))
      expect(got, c.expr).toEqual(c.offsets)
    }
  })

  it('stops at the limit and handles empty shapes', () => {
    expect(elementOffsets({ shape: [0, 3], byteStrides: [12, 4] }, 0).length).toBe(0)
    expect(Array.from(elementOffsets({ shape: [10], byteStrides: [4] }, 8, 3))).toEqual([8, 12, 16])
  })
})

describe('memory wall coverage', () => {
  it('marks each object in its own bit, and a transposed view touches the same cells', () => {
    const a = elementOffsets({ shape: [2, 3], byteStrides: [12, 4] }, 0)
    const t = elementOffsets({ shape: [3, 2], byteStrides: [4, 12] }, 0)
    const half = elementOffsets({ shape: [3], byteStrides: [8] }, 0) // a.ravel()[::2]
    const cov = coverage(24, [{ offsets: a, itemsize: 4 }, { offsets: t, itemsize: 4 }, { offsets: half, itemsize: 4 }], 4)
    expect(cov.cells).toBe(6)
    expect(Array.from(cov.mask)).toEqual([0b111, 0b011, 0b111, 0b011, 0b111, 0b011])
  })

  it('in bytes, an element covers itemsize cells; huge blocks are bucketed under the cap', () => {
    const cov = coverage(16, [{ offsets: new Float64Array([8]), itemsize: 8 }], 1)
    expect(Array.from(cov.mask)).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1])
    const big = coverage(1 << 30, [], 4, 1 << 20)
    expect(big.cells).toBeLessThanOrEqual(1 << 20)
    expect(big.cellBytes * big.cells).toBeGreaterThanOrEqual(1 << 30)
  })
})

describe('bytes seen through an object', () => {
  it('finds every index over a byte range (broadcast views repeat bytes)', () => {
    const e = elementOffsets({ shape: [3, 2], byteStrides: [0, 4] }, 0)
    expect(elementsTouching(e, 4, 4, 8)).toEqual([1, 3, 5])
  })
})

describe('elementOffsets with a limit', () => {
  it('stops mid-row at the limit with the same offsets as the whole walk', () => {
    const info = { shape: [3, 4, 5], byteStrides: [-8, 120, 16] }
    const all = elementOffsets(info, 400)
    for (const limit of [0, 1, 4, 5, 7, 23, 60, 100]) {
      expect(Array.from(elementOffsets(info, 400, limit))).toEqual(Array.from(all.subarray(0, Math.min(limit, 60))))
    }
    expect(Array.from(elementOffsets({ shape: [2, 0, 3], byteStrides: [8, 8, 8] }, 0))).toEqual([])
  })
})
