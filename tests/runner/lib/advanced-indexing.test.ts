// Advanced indexing as the session sees it: results own new memory (or are NumPy's transposed
// view of one new allocation), writes through masks and index lists land in the source's memory
// (every view of it sees them), list index arrays never show up as program objects, and each
// op record says copy, bytes and why.
import { describe, it, expect } from 'vitest'
import { loadAddon } from '../../../src/engine'
import { Runner } from '../../../src/runner'

let skip: string | null = null
try { loadAddon() } catch (e) { skip = `native addon not built: ${(e as Error).message.split('\n')[0]}` }
if (skip) console.log(`[advanced-indexing] skipped: ${skip}`)

function run(code: string) {
  const res = new Runner().run(code)
  expect(res.error, res.stderr).toBeNull()
  return res
}
const lines = (code: string) => run(code).stdout.trim().split('\n')

describe.skipIf(!!skip)('advanced indexing: ownership, layout and records', () => {
  it('an integer-list result owns new memory: base is None, nothing shared with the source', () => {
    const out = lines('import numpy as np\na = np.arange(12).reshape(3, 4)\nr = a[[2, 0]]\n' +
      'print(r.base is None, r.flags.owndata, np.shares_memory(r, a), r.strides)\n' +
      'r[0, 0] = -1\nprint(a[2, 0])\n')
    expect(out).toEqual(['True True False (32, 8)', '8'])
  })

  it("NumPy's index dims in place are a transposed view of one new C-order allocation", () => {
    const out = lines('import numpy as np\na = np.arange(24).reshape(2, 3, 4)\nr = a[:, [0, 2]]\n' +
      'print(r.shape, r.strides, r.flags.owndata, r.base is None, r.base.shape, r.base.flags.owndata, np.shares_memory(r, a))\n')
    expect(out).toEqual(['(2, 2, 4) (32, 64, 8) False False (2, 2, 4) True False'])
  })

  it('a boolean-mask write is visible through every view of the source', () => {
    const out = lines('import numpy as np\na = np.arange(12).reshape(3, 4)\nrow = a[1]\ncol = a[:, 2]\nt = a.T\n' +
      'a[a % 2 == 0] = 0\nprint(row.tolist(), col.tolist(), t[2].tolist())\n')
    expect(out).toEqual(['[0, 5, 0, 7] [0, 0, 0] [0, 0, 0]'])
  })

  it('a write through a list index into a strided view lands in the base array', () => {
    const out = lines('import torch\nx = torch.arange(8.0)\nv = x[::2]\nv[[0, 3]] = -1.0\nprint(x.tolist())\n')
    expect(out).toEqual(['[-1.0, 1.0, 2.0, 3.0, 4.0, 5.0, -1.0, 7.0]'])
  })

  it('the op records: a gather copy with its bytes; a scatter into the array itself', () => {
    const res = run('import numpy as np\na = np.arange(12.0)\nr = a[[1, 2, 3]]\nm = a[a > 5]\na[[0, 1]] = 7\n')
    const [gather, , mask, scatter] = res.ops.slice(-4)  // the third is a > 5 itself
    expect(gather).toMatchObject({ copied: true, bytes: 24, kernel: 'gather', source: 'r = a[[1, 2, 3]]' })
    expect(gather.reason).toBe('advanced index: a new (3,) float64 array (a copy, not a view)')
    expect(mask).toMatchObject({ copied: true, bytes: 48, kernel: 'mask-gather' })
    expect(scatter).toMatchObject({ copied: true, bytes: 16, kernel: 'scatter', resultId: null })
  })

  it('a list index is not a program object: the op has the array alone as input', () => {
    const res = run('import numpy as np\na = np.arange(5)\nr = a[[0, 1]]\nidx = np.array([1])\ns = a[idx]\n')
    const [listOp, arrayOp] = res.ops.filter(o => o.op === 'index')
    expect(listOp.inputIds).toHaveLength(1)
    expect(arrayOp.inputIds).toHaveLength(2)
  })
})
