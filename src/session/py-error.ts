// Turns whatever the runner threw or returned as a Python exception into the
// protocol's plain PyErrorInfo, with a suggested fix for the errors people meet
// most while learning (the library's own text is never changed).
import type { PyErrorInfo } from '../shared/protocol'

function field(e: unknown, key: string): unknown {
  return typeof e === 'object' && e !== null ? (e as Record<string, unknown>)[key] : undefined
}

export function toPyError(e: unknown): PyErrorInfo {
  const type = field(e, 'pyType') ?? field(e, 'type')
  const message = field(e, 'message')
  const out: PyErrorInfo = {
    type: typeof type === 'string' && type ? type : 'RuntimeError',
    message: typeof message === 'string' ? message : String(e)
  }
  const line = field(e, 'line') ?? field(e, 'lineNo')
  if (Number.isSafeInteger(line) && (line as number) >= 0) out.lineNo = line as number
  const tb = field(e, 'traceback')
  if (typeof tb === 'string' && tb) out.traceback = tb
  const hint = suggestFix(out)
  if (hint) out.suggestion = hint
  return out
}

// Hints keyed on the libraries' exact texts (see shared/reference/semantics.md).
const HINTS: { test: RegExp; hint: string }[] = [
  { test: /can't convert cuda(:\d+)? device type tensor to numpy/i, hint: 'Copy it to host memory first: t.cpu().numpy()' },
  { test: /Can't call numpy\(\) on Tensor that requires grad/, hint: 'Detach it first: t.detach().numpy()' },
  { test: /has conjugate bit set/, hint: 'Materialise the conjugate first: t.resolve_conj().numpy()' },
  { test: /has negative bit set/, hint: 'Materialise the negation first: t.resolve_neg().numpy()' },
  {
    test: /view size is not compatible with input tensor's size and stride/,
    hint: 'The strides cannot express that shape without copying: use .reshape(...) or .contiguous().view(...)'
  },
  { test: /Found no NVIDIA driver|Torch not compiled with CUDA|No CUDA GPUs are available/, hint: 'Turn on the simulated CUDA device to try device moves without a GPU' },
  { test: /^name '.*' is not defined$/, hint: 'Create it first, or check the spelling' }
]

export function suggestFix(e: { type: string; message: string }): string | undefined {
  return HINTS.find((h) => h.test.test(e.message))?.hint
}
