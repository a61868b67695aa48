import { describe, expect, it } from 'vitest'
import { suggestFix } from '../../src/shared/error-hints'

const CUDA_NUMPY = "can't convert cuda:0 device type tensor to numpy. Use Tensor.cpu() to copy the tensor to host memory first."

describe('suggested fixes for library errors', () => {
  it('numpy() on cuda says to call .cpu() first (both wordings)', () => {
    expect(suggestFix({ type: 'TypeError', message: CUDA_NUMPY })).toMatch(/\.cpu\(\)\.numpy\(\)/)
    expect(suggestFix({ type: 'TypeError', message: "can't convert CUDA tensor to numpy. Use Tensor.cpu() to copy the tensor to host memory first." })).toMatch(/\.cpu\(\)/)
  })
  it('names the object the failing line used', () => {
    expect(suggestFix({ type: 'TypeError', message: CUDA_NUMPY }, 'x = tc.numpy()')).toBe('copy it to host memory first: tc.cpu().numpy()')
    expect(suggestFix({ type: 'TypeError', message: CUDA_NUMPY }, 'print(model.w[0].numpy())')).toBe('copy it to host memory first: model.w[0].cpu().numpy()')
    expect(suggestFix({ type: 'RuntimeError', message: "Can't call numpy() on Tensor that requires grad. Use tensor.detach().numpy() instead." }, 'w.numpy()')).toBe('detach it first: w.detach().numpy()')
    expect(suggestFix({ type: 'ValueError', message: 'At least one stride in the given numpy array is negative, and tensors with negative strides are not currently supported. (You can probably work around this by making a copy of your array  with array.copy().) ' }, 't = torch.from_numpy(rev)'))
      .toBe('copy the array first: torch.from_numpy(rev.copy())')
  })
  it('view errors point at reshape; unknown errors get none', () => {
    expect(suggestFix({ type: 'RuntimeError', message: "view size is not compatible with input tensor's size and stride (at least one dimension spans across two contiguous subspaces). Use .reshape(...) instead." })).toMatch(/reshape/)
    expect(suggestFix({ type: 'IndexError', message: 'index 5 is out of bounds for dimension 0 with size 5' })).toBe('valid indices on dim 0 are 0..4')
    expect(suggestFix({ type: 'ValueError', message: 'something else' })).toBeUndefined()
  })
})
