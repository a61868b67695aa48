import { describe, expect, it } from 'vitest'
import { checkArrayAsStrided, checkTensorAsStrided } from '../../../src/renderer/src/model/asStrided'
import type { ObjectInfo } from '../../../src/renderer/src/model/types'

// A float32 tensor of 3 elements (12-byte storage), like torch.arange(3.).
const t3 = { itemsize: 4, offset: 0, byteOffset: 0, storage: { nbytes: 12 } } as unknown as ObjectInfo

describe('as_strided live validation (PyTorch texts, semantics.md §52)', () => {
  it('accepts a view that fits', () => {
    expect(checkTensorAsStrided(t3, [3], [1], null)).toEqual({ ok: true, message: null, requiredBytes: 12 })
    expect(checkTensorAsStrided(t3, [2, 2], [1, 0], 1).ok).toBe(true)
  })
  it('refuses a view past the storage with setStorage\'s message', () => {
    expect(checkTensorAsStrided(t3, [4], [1], 0).message).toBe(
      'setStorage: sizes [4], strides [1], storage offset 0, and itemsize 4 requiring a storage size of 16 are out of bounds for storage of size 12')
  })
  it('the offset defaults to the source\'s storage offset', () => {
    const sliced = { ...t3, offset: 1, byteOffset: 4 } as ObjectInfo
    expect(checkTensorAsStrided(sliced, [3], [1], null).message).toContain('storage offset 1')
  })
  it('refuses negative strides and offsets, and mismatched lengths', () => {
    expect(checkTensorAsStrided(t3, [2], [-1], 0).message).toBe('as_strided: Negative strides are not supported at the moment, got strides: [-1]')
    expect(checkTensorAsStrided(t3, [2], [1], -1).message).toBe('Tensor: invalid storage offset -1')
    expect(checkTensorAsStrided(t3, [2, 2], [1], 0).message).toBe('mismatch in length of strides and shape')
  })
  it('an empty view needs no storage', () => {
    expect(checkTensorAsStrided(t3, [0, 5], [100, 100], 0).ok).toBe(true)
  })
  it('NumPy: byte strides, negative allowed while inside the buffer', () => {
    const a = { itemsize: 8, byteOffset: 16, storage: { nbytes: 24 } } as unknown as ObjectInfo // a[2:] of arange(3.)
    expect(checkArrayAsStrided(a, [3], [-8]).ok).toBe(true)
    expect(checkArrayAsStrided(a, [2], [8]).ok).toBe(false)
    expect(checkArrayAsStrided(a, [4], [-8]).message).toContain('[-8, 24)')
  })
})
