// Matrix products: NumPy's matmul / dot / inner / outer and PyTorch's mm / bmm / matmul,
// each with its library's shape rules, result dtype and error texts (native/core/matmul.h).
// Results are new C-contiguous arrays; lastReport() names the kernel and the threads it used.
import { loadAddon } from './load'
import { EngineObject } from './object'
import type { Kind, ProductFn } from './types'

/** `np.matmul(a, b)` / `a @ b`, `np.dot`, `torch.mm`, ... for two engine objects. */
export const product = (fn: ProductFn, a: EngineObject, b: EngineObject) =>
  new EngineObject(loadAddon().product(fn, a.handle, b.handle))

/** `np.einsum` (kind 'ndarray') / `torch.einsum` (kind 'tensor'): one operand without a sum gives a view. */
export const einsum = (kind: Kind, equation: string, operands: EngineObject[]) =>
  new EngineObject(loadAddon().einsum(kind, equation, operands.map(o => o.handle)))
