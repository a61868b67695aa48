# oracle: torch
# select / unbind / tensor_split (views: strides, offsets, errors), movedim's errors, .H / .mH /
# adjoint(), and the dtype torch.tensor infers from NumPy scalars.
import numpy as np
import torch


def attempt(fn):
    try:
        print("ok", fn())
    except Exception as e:
        print(type(e).__name__ + ": " + str(e))


x = torch.arange(24.).reshape(2, 3, 4)
s = x.select(1, 2)
print(s.shape, s.stride(), s.storage_offset(), x.select(-1, -1).storage_offset())
print(torch.select(x, 0, 1).stride(), x.select(dim=0, index=1).shape)
attempt(lambda: x.select(-2, 3))
attempt(lambda: x.select(-2, -4))
attempt(lambda: x.select(3, 0))
attempt(lambda: torch.tensor(1.).select(0, 0))
print([(t.shape, t.stride(), t.storage_offset()) for t in x.unbind(-1)])
print(type(x.unbind(0)).__name__, torch.unbind(x, 1)[1].shape, torch.ones(0, 2).unbind(0))
attempt(lambda: torch.tensor(1.).unbind())
attempt(lambda: x.unbind(3))
print([t.shape for t in x.tensor_split(3, dim=2)])
print([t.shape for t in torch.tensor_split(x, 5, dim=1)])
print([(t.shape, t.storage_offset()) for t in x.tensor_split([1, 3], dim=2)])
print([(t.shape, t.storage_offset()) for t in x.tensor_split([3, 1], dim=2)])
print([t.storage_offset() for t in x.tensor_split([-1, 9], dim=2)])
print([t.storage_offset() for t in torch.arange(7).tensor_split(3)])
print([t.shape for t in x.tensor_split(torch.tensor([1, 2]), dim=2)], [t.shape for t in x.tensor_split(torch.tensor(2), dim=2)])
print([t.shape for t in x.tensor_split(indices=[1], dim=2)], [t.shape for t in x.tensor_split(sections=2, dim=2)])
attempt(lambda: x.tensor_split(0, dim=2))
attempt(lambda: x.tensor_split(2, dim=3))
attempt(lambda: torch.tensor(1.).tensor_split(2))
attempt(lambda: x.tensor_split(torch.tensor([1.5]), dim=2))
g = torch.ones(3, 2, requires_grad=True)
print(g.select(0, 1))
print(g.unbind(1))
print(g.tensor_split(2))

attempt(lambda: x.movedim((0, 0), (1, 2)))
attempt(lambda: x.movedim((0, 1), (2, 2)))
attempt(lambda: x.movedim((-3, 0), (1, 2)))
attempt(lambda: x.movedim((0, 1), (1,)))
attempt(lambda: x.movedim((0, 5), (1,)))
attempt(lambda: x.movedim((0, 0), (1, 9)))

m = torch.arange(6.).reshape(2, 3)
c = torch.tensor([[1 + 2j, 3 - 1j]])
print(m.H.stride(), m.mH.shape, m.adjoint().stride(), torch.adjoint(c).shape)
print(c.H, c.H.is_conj(), c.mH.is_conj(), c.mH.stride(), c.adjoint().is_conj())
print(torch.ones(2, 2, 3).mH.shape)
attempt(lambda: torch.ones(3).H)
attempt(lambda: torch.ones(3).mH)
attempt(lambda: torch.ones(3).adjoint())
attempt(lambda: torch.ones(2, 2, 3).H)
print(torch.ones(2, 3, requires_grad=True).H.grad_fn.name(), torch.ones(2, 3, requires_grad=True).mT.grad_fn.name())
print(torch.ones(2, 3, dtype=torch.cfloat, requires_grad=True).mH.grad_fn.name())

attempt(lambda: torch.from_numpy(np.float64(3.0)))
attempt(lambda: torch.from_numpy([1, 2]))
print(torch.tensor(np.int16(2)).dtype, torch.tensor(np.float64(2)).dtype, torch.tensor([np.float32(2.5)]).dtype)
print(torch.tensor([np.int16(2), 3]).dtype, torch.tensor([np.int16(2), 3.0]).dtype, torch.tensor([np.uint8(2), np.int8(3)]).dtype)
print(torch.tensor([True, np.uint8(3)]), torch.tensor([[np.float64(1), 2.0], [3, 4]]))
print(torch.tensor([np.complex64(1), np.float64(2)]).dtype, torch.tensor([np.float16(1), 1j]).dtype)
print(torch.as_tensor([np.float64(1.5), 2]), torch.as_tensor(np.float64(1.5)).dtype, torch.tensor([np.int8(100), np.int8(100)]))

u = torch.ones(3, 4)
for sizes in [(-1, -1), (-2, 2), (-2, -1), (3, 2), (-1, 3), (0, -1), (2, -1)]:
    attempt(lambda: u.unflatten(1, sizes).shape)
