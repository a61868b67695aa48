# Expected output written by hand from PyTorch's printing rules (torch/_tensor_str.py:
# _Formatter picks int, fixed "%.4f" or scientific "%.4e" per tensor; dtype= is shown unless it
# is the default float dtype, int64 or bool; summarisation above 1000 elements with 3 edge
# items) and the repr of torch.Size, torch.dtype and torch.device.
import torch
print(torch.tensor([1., 2.]))
print(torch.tensor([1 / 3, 2 / 3]))
print(torch.tensor([1e-5, 1.]))
print(torch.tensor([1e10]))
print(torch.tensor([1, 2, 3]), torch.tensor([1, 2], dtype=torch.int32), torch.tensor([1, 2], dtype=torch.uint8))
print(torch.tensor([1.5], dtype=torch.float64), torch.tensor([1.5], dtype=torch.float16))
print(torch.tensor([True, False]), torch.tensor(3.5), torch.tensor(7), torch.tensor([]))
print(torch.zeros(2, 3))
print(torch.arange(2000))
print(torch.zeros(2, 3).shape, torch.Size([2, 3]), torch.float32, torch.float, torch.long, torch.double, torch.bool)
print(torch.device("cuda", 0), torch.device("cpu"), str(torch.device("cuda:1")), torch.zeros(1).device, torch.zeros(1).is_cuda)
print(repr(torch.device("cuda", 0)), repr(torch.device("cpu")), repr(torch.zeros(1).device))
print(repr(torch.ones(2, 2, dtype=torch.int16)), torch.full((2,), 2.5), torch.eye(2))
print(torch.tensor([[1.5, -2.0], [100.0, 0.25]]))
print(type(torch.zeros(1)).__name__, isinstance(torch.zeros(1), torch.Tensor), torch.is_tensor(3))
print(torch.zeros(2, 3).numel(), torch.zeros(2, 3).dim(), torch.zeros(2, 3).element_size(), torch.zeros(2, 3).size(1), torch.zeros(2, 3).size())
