// A suggested fix for an error the libraries raise: shown under the inline
// error, never instead of the library's own message.
import type { PyErrorInfo } from './types'

interface Hint { test: RegExp; fix: (m: RegExpMatchArray) => string }

const HINTS: Hint[] = [
  { test: /can't convert (cuda:\d+ device type|CUDA) tensor to numpy/, fix: () => 'call .cpu() first: t.cpu().numpy() copies it to host memory' },
  { test: /Can't call numpy\(\) on Tensor that requires grad/, fix: () => 'call .detach() first: t.detach().numpy()' },
  { test: /conjugate bit set/, fix: () => 'call .resolve_conj() first' },
  { test: /negative bit set/, fix: () => 'call .resolve_neg() first' },
  { test: /Got unsupported ScalarType BFloat16/, fix: () => 'convert first: t.float().numpy()' },
  { test: /At least one stride in the given numpy array is negative/, fix: () => 'copy the array first: torch.from_numpy(a.copy())' },
  { test: /strides not a multiple of the element byte size/, fix: () => 'copy the array first: torch.from_numpy(a.copy())' },
  { test: /byte order different from the native byte order/, fix: () => "convert first: a.astype(a.dtype.newbyteorder('='))" },
  { test: /view size is not compatible with input tensor's size and stride/, fix: () => 'use .reshape(...) (it copies when needed) or .contiguous().view(...)' },
  { test: /is invalid for input of size (\d+)/, fix: (m) => `the new shape must hold exactly ${m[1]} elements` },
  { test: /The expanded size of the tensor/, fix: () => 'only dims of size 1 can be expanded; add one with .unsqueeze(d) first' },
  { test: /out of bounds for storage of size/, fix: () => 'make the sizes, strides or offset smaller: the view must fit in the storage' },
  { test: /Negative strides are not supported/, fix: () => 'use .flip(d) (it copies) instead of a negative stride' },
  { test: /step must be greater than zero/, fix: () => 'tensors cannot have negative steps: use .flip(d), which copies' },
  { test: /index (-?\d+) is out of bounds for (dimension|axis) (\d+) with size (\d+)/, fix: (m) => `valid indices on dim ${m[3]} are 0..${Number(m[4]) - 1}` },
  { test: /Expected all tensors to be on the same device/, fix: () => 'move both to one device with .to(...)' },
  { test: /Cannot access storage of|Torch not compiled with CUDA enabled|No CUDA GPUs are available/, fix: () => 'turn on the simulated CUDA device (toolbar) to try device moves here' },
  { test: /name 'np' is not defined/, fix: () => 'import it first: import numpy as np' },
  { test: /name 'torch' is not defined/, fix: () => 'import it first: import torch' },
  { test: /name '([^']+)' is not defined/, fix: (m) => `create ${m[1]} first, or check its name in the workspace` },
  { test: /t\(\) expects a tensor with <= 2 dimensions/, fix: () => 'use .permute(...) or .transpose(d0, d1) for more dims' },
  { test: /permute\(\): duplicate dims are not allowed/, fix: () => 'list every dim exactly once' }
]

export function suggestFix(err: PyErrorInfo | null): string | null {
  if (!err) return null
  for (const h of HINTS) {
    const m = err.message.match(h.test)
    if (m) return h.fix(m)
  }
  return null
}
