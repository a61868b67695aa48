// Writes through an index or a mask (a[idx] = v, a[mask] = v, np.put, masked_fill_) record
// the elements they reached as runs of byte offsets, so the views flash exactly those. The
// oracle: start from zeros, write ones, and the recorded elements must be exactly the
// elements that now hold a one, read back through the runner.
import { describe, it, expect } from 'vitest'
import { Runner } from '../../../src/runner'
import { elementOffsets, offsetRuns, writtenOffsets } from '../../../src/shared/element-offsets'

/** Runs `setup` + `write` and returns the written offsets the last op recorded, and the offsets holding ones. */
function recordedAndChanged(setup: string[], write: string, target: string) {
  const r = new Runner()
  const res = r.run(['import numpy as np', 'import torch', ...setup, write].join('\n'))
  expect(res.error).toBeNull()
  const record = res.ops[res.ops.length - 1]
  expect(record.source).toBe(write)
  const w = record.wrote!
  expect(w.runs).toBeDefined()
  const obj = r.variables().find(v => v.name === target)!.object
  const info = obj.info()
  const at = Number(BigInt(w.dataPtr) - BigInt(info.dataPtr))
  const recorded = [...new Set(writtenOffsets(w, at))].sort((a, b) => a - b)
  const offs = elementOffsets(info, 0)
  const values = obj.window(info.shape.map(() => 0), info.shape).values as ArrayLike<number>
  const changed = [...offs].filter((_, i) => Number(values[i]) !== 0).sort((a, b) => a - b)
  return { recorded, changed, ops: res.ops, names: r.variables().map(v => v.name) }
}

describe('scattered writes name the elements they reached', () => {
  it('NumPy setitem through integer arrays, with negative and repeated indices and a slice', () => {
    const { recorded, changed } = recordedAndChanged(['a = np.zeros((5, 7))'], 'a[[0, -1, 0], 1::2] = 1', 'a')
    expect(recorded).toEqual(changed)
    expect(recorded.length).toBe(6)
  })

  it('NumPy setitem through a boolean mask of a transposed array', () => {
    const { recorded, changed } = recordedAndChanged(
      ['b = np.arange(24.).reshape(4, 6)', 'a = np.zeros((6, 4)).T', 'm = b % 5 == 0'], 'a[m] = 1', 'a')
    expect(recorded).toEqual(changed)
    expect(recorded.length).toBe(5)
  })

  it('np.put on a non-contiguous array counts flat C-order positions', () => {
    const { recorded, changed } = recordedAndChanged(['base = np.zeros((4, 6), np.float32)', 'a = base[:, ::2]'], 'np.put(a, [0, 5, -1], 1)', 'a')
    expect(recorded).toEqual(changed)
    expect(recorded.length).toBe(3)
  })

  it('torch masked_fill_ with a broadcast mask, and tensor setitem through an index tensor', () => {
    const mask = recordedAndChanged(['t = torch.zeros(3, 4)', 'm = torch.tensor([True, False, False, True])'], 't.masked_fill_(m, 1)', 't')
    expect(mask.recorded).toEqual(mask.changed)
    expect(mask.recorded.length).toBe(6)
    const idx = recordedAndChanged(['t = torch.zeros(3, 4)'], 't[torch.tensor([2, 0]), 1] = 1', 't')
    expect(idx.recorded).toEqual(idx.changed)
  })

  it('locating the write adds no operation and no object to the program', () => {
    const { ops, names } = recordedAndChanged(['a = np.zeros(10)'], 'a[[1, 3]] = 1', 'a')
    expect(ops.map(o => o.line)).toEqual([3, 4])
    expect(names).toEqual(['a'])
  })
})

describe('offsetRuns', () => {
  it('encodes sorted, deduplicated offsets as [start, step, count] runs that decode to the same set', () => {
    const offsets = [40, 0, 8, 16, 16, 24, 100, 104, 300]
    const runs = offsetRuns(offsets)
    expect(runs).toEqual([0, 8, 4, 40, 60, 2, 104, 196, 2])
    const back = [...writtenOffsets({ shape: [], byteStrides: [], runs }, 0)]
    expect(new Set(back)).toEqual(new Set(offsets))
  })
})
