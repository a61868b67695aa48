// The op records of products, joins and splits: copy or view, bytes written, the kernel
// and why (what the session's operation log shows for each line).
import { describe, it, expect } from 'vitest'
import { loadAddon } from '../../../src/engine'
import { Runner } from '../../../src/runner'

let skip: string | null = null
try { loadAddon() } catch (e) { skip = `native addon not built: ${(e as Error).message.split('\n')[0]}` }
if (skip) console.log(`[products-joins-records] skipped: ${skip}`)

function lastOp(code: string) {
  const res = new Runner().run(code)
  expect(res.error, res.stderr).toBeNull()
  return res.ops[res.ops.length - 1]
}

describe.skipIf(!!skip)('op records of products, joins and splits', () => {
  it('a product is a new array: its bytes, the gemm kernel and why', () => {
    const op = lastOp('import numpy as np\na = np.ones((64, 32), np.float32)\nb = np.ones((32, 16), np.float32)\nc = a @ b\n')
    expect(op).toMatchObject({ copied: true, bytes: 64 * 16 * 4, source: 'c = a @ b' })
    expect(op.kernel).toMatch(/^gemm-f32/)
    expect(op.reason).toBe('matmul: a new (64, 16) float32 result')
    const mm = lastOp('import torch\nr = torch.ones(2, 3, dtype=torch.int64) @ torch.ones(3, 1, dtype=torch.int64)\n')
    expect(mm).toMatchObject({ copied: true, bytes: 16, kernel: 'matmul-loop', reason: 'matmul (mm): a new (2, 1) int64 result' })
  })

  it('a mixed-dtype product records the cast copy it made, with the product as the reason', () => {
    const op = lastOp('import numpy as np\nc = np.ones((2, 2), np.int64) @ np.ones((2, 2), np.float32)\n')
    // two 32-byte float64 casts of the operands, then the 32-byte result
    expect(op).toMatchObject({ copied: true, bytes: 32 + 32 + 32, reason: 'matmul: a new (2, 2) float64 result' })
  })

  it('joins copy every input once; cat of channels-last inputs says so', () => {
    const cat = lastOp('import numpy as np\na = np.ones((2, 3))\nc = np.concatenate([a, a, a])\n')
    expect(cat).toMatchObject({ copied: true, bytes: 3 * 48, reason: 'concatenate: a new (6, 3) float64 array' })
    const cl = lastOp('import torch\nx = torch.ones(1, 2, 3, 4).contiguous(memory_format=torch.channels_last)\nc = torch.cat([x, x])\n')
    expect(cl).toMatchObject({ copied: true, bytes: 2 * 24 * 4 })
    expect(cl.reason).toBe('cat of channels-last inputs (stays channels-last): a new (2, 2, 3, 4) float32 array')
  })

  it('splits, chunks and one-operand einsums are views: nothing copied', () => {
    const split = lastOp('import numpy as np\nparts = np.split(np.arange(6), 3)\n')
    expect(split).toMatchObject({ copied: false, bytes: 0, kernel: 'view', reason: 'split: 3 views of the input, nothing copied' })
    const chunk = lastOp('import torch\nparts = torch.arange(7).chunk(3)\n')
    expect(chunk).toMatchObject({ copied: false, bytes: 0, kernel: 'view', reason: 'chunk: 3 views of the input, nothing copied' })
    const diag = lastOp("import numpy as np\nd = np.einsum('ii->i', np.ones((3, 3)))\n")
    expect(diag).toMatchObject({ copied: false, bytes: 0 })
    expect(diag.reason).toMatch(/^einsum of one operand without a sum: a view/)
  })
})
