// A suggested fix for the errors people meet most while learning, keyed on the
// libraries' exact texts (see shared/reference/semantics.md). Shown under the
// library's own message, never instead of it. When the failing line is known, the
// fix names the object the line used (`tc.cpu().numpy()`), not a placeholder.

interface Hint { test: RegExp; fix: (m: RegExpMatchArray, line: string) => string }

/** The expression a method was called on in `line` (`tc` in `x = tc.numpy()`), else `fallback`. */
function receiverOf(line: string, method: string, fallback: string): string {
  const m = line.match(new RegExp(`([A-Za-z_][\\w.]*(?:\\[[^\\]]*\\])?(?:\\(\\))?)\\.${method}\\(`))
  return m ? m[1] : fallback
}

/** The first argument of a call to `fn` in `line` (`a` in `torch.from_numpy(a)`), else `fallback`. */
function argumentOf(line: string, fn: string, fallback: string): string {
  const m = line.match(new RegExp(`${fn.replace('.', '\\.')}\\(\\s*([^,()]+?)\\s*[,)]`))
  return m ? m[1] : fallback
}

const numpyOf = (line: string): string => receiverOf(line, 'numpy', 't')

const HINTS: Hint[] = [
  { test: /can't convert (cuda(:\d+)? device type|CUDA) tensor to numpy/i, fix: (_m, l) => `copy it to host memory first: ${numpyOf(l)}.cpu().numpy()` },
  { test: /Can't call numpy\(\) on Tensor that requires grad/, fix: (_m, l) => `detach it first: ${numpyOf(l)}.detach().numpy()` },
  { test: /conjugate bit set/, fix: (_m, l) => `materialise the conjugate first: ${numpyOf(l)}.resolve_conj().numpy()` },
  { test: /negative bit set/, fix: (_m, l) => `materialise the negation first: ${numpyOf(l)}.resolve_neg().numpy()` },
  { test: /Got unsupported ScalarType BFloat16/, fix: (_m, l) => `convert first: ${numpyOf(l)}.float().numpy()` },
  { test: /At least one stride in the given numpy array is negative/, fix: (_m, l) => `copy the array first: torch.from_numpy(${argumentOf(l, 'torch.from_numpy', 'a')}.copy())` },
  { test: /strides not a multiple of the element byte size/, fix: (_m, l) => `copy the array first: torch.from_numpy(${argumentOf(l, 'torch.from_numpy', 'a')}.copy())` },
  { test: /byte order different from the native byte order/, fix: (_m, l) => { const a = argumentOf(l, 'torch.from_numpy', 'a'); return `convert first: ${a}.astype(${a}.dtype.newbyteorder('='))` } },
  { test: /view size is not compatible with input tensor's size and stride/, fix: () => 'the strides cannot express that shape without copying: use .reshape(...) (it copies when needed) or .contiguous().view(...)' },
  { test: /is invalid for input of size (\d+)/, fix: (m) => `the new shape must hold exactly ${m[1]} elements` },
  { test: /The expanded size of the tensor/, fix: () => 'only dims of size 1 can be expanded; add one with .unsqueeze(d) first' },
  { test: /out of bounds for storage of size/, fix: () => 'make the sizes, strides or offset smaller: the view must fit in the storage' },
  { test: /Negative strides are not supported/, fix: () => 'use .flip(d) (it copies) instead of a negative stride' },
  { test: /step must be greater than zero/, fix: () => 'tensors cannot have negative steps: use .flip(d), which copies' },
  { test: /index (-?\d+) is out of bounds for (dimension|axis) (\d+) with size (\d+)/, fix: (m) => `valid indices on dim ${m[3]} are 0..${Number(m[4]) - 1}` },
  { test: /Expected all tensors to be on the same device/, fix: () => 'move both to one device with .to(...)' },
  { test: /Cannot access storage of|Found no NVIDIA driver|Torch not compiled with CUDA enabled|No CUDA GPUs are available/, fix: () => 'turn on the simulated CUDA device (toolbar) to try device moves without a GPU' },
  { test: /name 'np' is not defined/, fix: () => 'import it first: import numpy as np' },
  { test: /name 'torch' is not defined/, fix: () => 'import it first: import torch' },
  { test: /name '([^']+)' is not defined/, fix: (m) => `create ${m[1]} first, or check its name in the workspace` },
  { test: /t\(\) expects a tensor with <= 2 dimensions/, fix: () => 'use .permute(...) or .transpose(d0, d1) for more dims' },
  { test: /permute\(\): duplicate dims are not allowed/, fix: () => 'list every dim exactly once' }
]

/** The fix for `err`, naming what `line` (the failing source line, when known) used. */
export function suggestFix(err: { type: string; message: string }, line = ''): string | undefined {
  for (const h of HINTS) {
    const m = err.message.match(h.test)
    if (m) return h.fix(m, line)
  }
  return undefined
}
