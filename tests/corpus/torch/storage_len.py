# Expected output written by hand: Tensor.untyped_storage() (PyTorch 2.x; the 1.13 oracle has none).
# len() of an UntypedStorage is its size in bytes (torch/csrc/Storage.cpp THPStorage_length), the
# whole storage whatever view it was reached from.
import torch
x = torch.arange(24.).reshape(2, 3, 4)
print(len(x.untyped_storage()), len(x[0, 1].untyped_storage()), len(x.view(torch.float64).untyped_storage()))
print(len(torch.zeros(0).untyped_storage()), len(torch.ones(3, dtype=torch.int16).untyped_storage()))
