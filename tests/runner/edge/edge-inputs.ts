// The op sweep over 0-d and empty inputs: every method and function the runner
// offers, called on a 0-d value, an empty 1-d one and an empty 3-d one. The same
// Python program runs on the Stridescope runner and on real NumPy / PyTorch; each
// case prints one line: the result's description or the exception's type and text.

/** Inputs each case runs against (Python expressions). */
export const NUMPY_INPUTS = ['np.array(5.0)', 'np.zeros((0,))', 'np.zeros((2, 0, 3), dtype=np.int32)']
export const TORCH_INPUTS = ['torch.tensor(5.0)', 'torch.zeros(0)', 'torch.zeros(2, 0, 3, dtype=torch.int32)']

/** Expressions over `x` (the input). */
export const NUMPY_CASES = [
  'x.shape', 'x.strides', 'x.ndim', 'x.size', 'x.nbytes', 'x.itemsize', 'x.dtype',
  'x.flags.c_contiguous', 'x.flags.f_contiguous', 'x.flags.writeable', 'x.flags.owndata',
  'x.T', 'x.real', 'x.imag',
  'x.reshape(-1)', 'x.reshape(0)', 'x.reshape(())', 'x.reshape(0, -1)', 'x.reshape(1, -1)',
  'x.transpose()', 'x.transpose(0)', 'x.swapaxes(0, -1)', 'x.swapaxes(0, 0)',
  'x.conj()', 'x.conjugate()', 'x.copy()', 'x.astype(np.int8)', 'x.astype(np.complex128)',
  'x.view(np.uint8)', 'x.view(np.int64)', 'x.ravel()', 'x.flatten()', 'x.flatten("F")',
  'x.squeeze()', 'x.squeeze(0)', 'x.squeeze(-1)', 'x.diagonal()', 'x.fill(1)',
  'x.sum()', 'x.sum(0)', 'x.sum(-1)', 'x.sum(keepdims=True)', 'x.sum(axis=())',
  'x.mean()', 'x.mean(0)', 'x.mean(-1)', 'x.item()', 'x.item(0)', 'x.tolist()',
  'x[...]', 'x[None]', 'x[()]', 'x[0]', 'x[-1]', 'x[:]', 'x[::-1]', 'x[..., None]', 'x[1:0]', 'x[:, None]',
  'x[0:0]', 'x[::2]', 'x[None, ..., None]',
  'x + 1', 'x * x', 'x - x', '-x', 'x / 2', 'x + x.T',
  'np.flip(x)', 'np.flip(x, 0)', 'np.flip(x, -1)', 'np.expand_dims(x, 0)', 'np.expand_dims(x, -1)',
  'np.broadcast_to(x, (2,) + x.shape)', 'np.broadcast_to(x, (0,))', 'np.broadcast_to(x, ())',
  'np.diagonal(x)', 'np.transpose(x)', 'np.swapaxes(x, 0, -1)', 'np.reshape(x, (0, 3))', 'np.reshape(x, -1)',
  'np.squeeze(x)', 'np.ravel(x)', 'np.sum(x)', 'np.mean(x)', 'np.ndim(x)', 'np.shape(x)', 'np.size(x)',
  'np.array(x)', 'np.asarray(x)', 'np.copy(x)', 'np.conj(x)', 'np.conjugate(x)', 'np.isscalar(x)',
  'np.lib.stride_tricks.as_strided(x, (0,), (8,))', 'np.lib.stride_tricks.as_strided(x, (), ())',
  'np.lib.stride_tricks.sliding_window_view(x, 0)', 'np.lib.stride_tricks.sliding_window_view(x, 1)',
  'np.zeros(x.shape)', 'np.ones(x.shape, dtype=x.dtype)', 'np.full(x.shape, 3)', 'np.empty(x.shape).shape',
  'len(x)', 'bool(x)', 'float(x)', 'int(x)', 'repr(x)', 'str(x)', 'list(x)'
]

export const TORCH_CASES = [
  'x.size()', 'x.size(0)', 'x.size(-1)', 'x.shape', 'x.stride()', 'x.stride(0)', 'x.stride(-1)', 'x.storage_offset()',
  'x.element_size()', 'x.numel()', 'x.nelement()', 'x.dim()', 'x.ndim', 'x.dtype', 'x.is_contiguous()', 'x.get_device()',
  'x.T', 'x.mT', 'x.real', 'x.is_leaf', 'x.requires_grad', 'x.device', 'x.layout' ,
  'x.view(-1)', 'x.view(())', 'x.view(0)', 'x.view(0, -1)', 'x.view_as(x)', 'x.view(torch.uint8)',
  'x.reshape(-1)', 'x.reshape(())', 'x.reshape(0, -1)',
  'x.transpose(0, -1)', 'x.transpose(0, 0)', 'x.swapaxes(0, -1)', 'x.swapdims(0, 0)', 'x.permute()', 'x.permute(0)',
  'x.t()', 'x.expand(2, *x.shape)', 'x.expand(0)', 'x.expand_as(x)', 'x.broadcast_to((0,) + tuple(x.shape))',
  'x.squeeze()', 'x.squeeze(0)', 'x.squeeze(-1)', 'x.unsqueeze(0)', 'x.unsqueeze(-1)', 'x.unsqueeze(1)',
  'x.narrow(0, 0, 0)', 'x.narrow(-1, 0, 0)', 'x.diagonal()', 'x.unfold(0, 1, 1)', 'x.unfold(0, 0, 1)', 'x.unfold(-1, 1, 1)',
  'x.as_strided((0,), (1,))', 'x.as_strided((), ())', 'x.as_strided((0,), (1,), 2**40)',
  'x.flip(0)', 'x.flip(-1)', 'x.flip(1)', 'x.flip(0, 0)', 'x.flip(0, -1)', 'x.flip(())',
  'x.flatten()', 'x.flatten(0)', 'x.flatten(0, -1)', 'x.ravel()', 'x.contiguous()', 'x.clone()',
  'x.numpy()', 'x.to(torch.float64)', 'x.cpu()', 'x.float()', 'x.half()', 'x.bfloat16()', 'x.short()',
  'x.type(torch.int32)', 'x.type()',
  'x.clone().fill_(1)', 'x.clone().zero_()', 'x.clone().add_(1)', 'x.add(x)', 'x.add(1)',
  'x.sum()', 'x.sum(0)', 'x.sum(-1)', 'x.sum(0, keepdim=True)', 'x.mean()', 'x.mean(0)', 'x.float().mean(-1)',
  'x.item()', 'x.tolist()', 'x.detach()', 'x.conj()', 'x.is_conj()', 'x.resolve_conj()', 'x.conj_physical()',
  'x.is_floating_point()', 'x.is_complex()', 'x.is_pinned()', 'x.data_ptr() == x.data_ptr()',
  'x[...]', 'x[None]', 'x[()]', 'x[0]', 'x[-1]', 'x[:]', 'x[..., None]', 'x[1:0]', 'x[0:0]', 'x[::2]', 'x[None, ..., None]',
  'x + 1', 'x * x', 'x - x', '-x', 'x / 2',
  'torch.numel(x)', 'torch.is_tensor(x)', 'torch.is_floating_point(x)', 'torch.from_numpy(x.numpy())',
  'torch.as_tensor(x)', 'torch.zeros(x.shape)', 'torch.ones(x.shape, dtype=x.dtype)', 'torch.full(x.shape, 3)',
  'torch.empty(x.shape).shape', 'torch.tensor(x.tolist())',
  'len(x)', 'bool(x)', 'float(x)', 'int(x)', 'repr(x)', 'str(x)', 'list(x)'
]

/** Each case's line: `ok <description>` or `err <Type>: <message>`; describe() is plain enough for the runner. */
function program(imports: string, inputs: string[], cases: string[], describe: string): string {
  const lines = [imports, describe]
  for (const input of inputs) {
    for (const expr of cases) {
      lines.push(
        'try:',
        `    x = ${input}`,
        `    print("ok", describe(${expr}))`,
        'except Exception as e:',
        '    print("err", type(e).__name__ + ":", str(e).splitlines()[0] if str(e) else "")'
      )
    }
  }
  return lines.join('\n') + '\n'
}

const NUMPY_DESCRIBE = `
def describe(r):
    if isinstance(r, np.ndarray):
        return "ndarray %s %s %s" % (r.shape, r.strides, r.dtype)
    return repr(r)
`

const TORCH_DESCRIBE = `
def describe(r):
    if isinstance(r, torch.Tensor):
        return "tensor %s %s %s %s" % (list(r.shape), r.stride(), r.storage_offset(), r.dtype)
    if isinstance(r, np.ndarray):
        return "ndarray %s %s %s" % (r.shape, r.strides, r.dtype)
    return repr(r)
`

export const NUMPY_PROGRAM = program('import numpy as np', NUMPY_INPUTS, NUMPY_CASES, NUMPY_DESCRIBE)
export const TORCH_PROGRAM = program('import numpy as np\nimport torch', TORCH_INPUTS, TORCH_CASES, TORCH_DESCRIBE)

/** The (input, case) of each output line, in order. */
export function caseNames(inputs: string[], cases: string[]): string[] {
  return inputs.flatMap((i) => cases.map((c) => `${i}; ${c}`))
}
