// Where the runner still differs from the oracle on 0-d and empty inputs (none of
// them a crash: each is a Python error or a result). The sweep fails when one of
// these starts to agree, so the list only shrinks.

const NUMPY_0D_SCALAR = 'NumPy returns a NumPy scalar from 0-d arithmetic and reductions; the runner keeps a 0-d array'
const AS_STRIDED_EMPTY = 'as_strided of a 0-byte array into a 0-d view: the runner refuses any view reaching past the buffer'
const BROADCAST_SCALAR = 'broadcast_to(non-scalar, ()) raises the same ValueError with another text'
const TORCH_113 = 'the PyTorch oracle here is 1.13; PyTorch 2.x (the target) gives what the runner gives'
const TORCH_LAYOUT = 'Tensor.layout and Tensor.type() without arguments are not implemented'
const TORCH_PERMUTE = 'Tensor.permute() without dims: the runner does not check the argument count'
const TORCH_0D_INDEX = 'indexing a 0-d tensor with one int or slice: PyTorch names the 0-d case, the runner says too many indices'

export const NUMPY_GAPS: Record<string, string> = {
  'np.array(5.0); np.flip(x)': NUMPY_0D_SCALAR,
  'np.array(5.0); np.conj(x)': NUMPY_0D_SCALAR,
  'np.array(5.0); np.conjugate(x)': NUMPY_0D_SCALAR,
  'np.zeros((0,)); np.broadcast_to(x, ())': BROADCAST_SCALAR,
  'np.zeros((0,)); np.lib.stride_tricks.as_strided(x, (), ())': AS_STRIDED_EMPTY,
  'np.zeros((2, 0, 3), dtype=np.int32); np.broadcast_to(x, ())': BROADCAST_SCALAR,
  'np.zeros((2, 0, 3), dtype=np.int32); np.lib.stride_tricks.as_strided(x, (), ())': AS_STRIDED_EMPTY
}

export const TORCH_GAPS: Record<string, string> = {
  'torch.tensor(5.0); x.layout': TORCH_LAYOUT,
  'torch.tensor(5.0); x.permute()': TORCH_PERMUTE,
  'torch.tensor(5.0); x.type()': TORCH_LAYOUT,
  'torch.tensor(5.0); x[0]': TORCH_0D_INDEX,
  'torch.tensor(5.0); x[-1]': TORCH_0D_INDEX,
  'torch.tensor(5.0); x[:]': TORCH_0D_INDEX,
  'torch.tensor(5.0); x[1:0]': TORCH_0D_INDEX,
  'torch.tensor(5.0); x[0:0]': TORCH_0D_INDEX,
  'torch.tensor(5.0); x[::2]': TORCH_0D_INDEX,
  'torch.zeros(0); x.layout': TORCH_LAYOUT,
  'torch.zeros(0); x.permute()': TORCH_PERMUTE,
  'torch.zeros(0); x.type()': TORCH_LAYOUT,
  'torch.zeros(0); x.item()': TORCH_113,
  'torch.zeros(2, 0, 3, dtype=torch.int32); x.layout': TORCH_LAYOUT,
  'torch.zeros(2, 0, 3, dtype=torch.int32); x.permute()': TORCH_PERMUTE,
  'torch.zeros(2, 0, 3, dtype=torch.int32); x.type()': TORCH_LAYOUT,
  'torch.zeros(2, 0, 3, dtype=torch.int32); x.item()': TORCH_113
}
