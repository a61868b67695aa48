# Expected output written by hand from torch/_tensor_str.py: bool padding, dtype suffixes
# (shown except for the default float dtype, int64 and bool), empty tensors with size=,
# scientific mode when max/min > 1000 (integral values too) or values outside [1e-4, 1e8],
# nan/inf, and
# summarisation of a 2-D tensor (3 edge items per dimension).
import torch
print(torch.tensor([[True, False], [False, True]]))
print(torch.tensor(True), torch.zeros(2, dtype=torch.int8), torch.ones(2, dtype=torch.int16), torch.ones(1, dtype=torch.uint8))
print(torch.zeros(2, dtype=torch.bfloat16), torch.tensor([1.5, 2.25], dtype=torch.bfloat16), torch.tensor([0.5], dtype=torch.float16))
print(torch.zeros(0, 3), torch.zeros(0, dtype=torch.int32), torch.tensor([123456789]), torch.tensor([-1.5, 0.25]))
print(torch.tensor([1e-8, 1.0], dtype=torch.float64), torch.tensor([1.0, 2000.0]), torch.tensor([1.5, 2000.0]))
print(torch.tensor([float("nan"), float("inf"), 1.0]), torch.tensor([-float("inf"), 0.5]))
print(torch.arange(1000., 3000.).view(40, 50))
print(torch.arange(6, dtype=torch.int32).view(2, 3).t())
