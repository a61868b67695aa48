# oracle: torch
# torch.tensor / as_tensor of lists holding tensors (each one element, read at its own dtype), and
# a tensor NumPy must read through numpy() (requires grad, conjugate bit) meeting an ndarray.
import numpy as np
import torch


def attempt(fn):
    try:
        print("ok", fn())
    except Exception as e:
        print(type(e).__name__ + ": " + str(e))


g = torch.ones(3, requires_grad=True)
print(torch.tensor([g[0], g[1]]), torch.tensor([torch.tensor(1, dtype=torch.int8), torch.tensor(2, dtype=torch.int8)]))
print(torch.tensor([torch.tensor(1, dtype=torch.int8), 2]), torch.tensor([torch.tensor(1.5, dtype=torch.float64), 2]))
print(torch.tensor([torch.ones(1), torch.ones(1)]), torch.tensor([[torch.tensor(True)], [torch.tensor(False)]]))
print(torch.tensor([torch.tensor(1 + 1j), 2.0]), torch.as_tensor([torch.tensor(3), torch.tensor(4)]))
print(torch.tensor([torch.tensor(3)], dtype=torch.float16), torch.tensor((torch.tensor(2.5),)))
attempt(lambda: torch.tensor([torch.ones(2), torch.ones(2)]))

n = np.ones(3)
attempt(lambda: g + n)
attempt(lambda: g * n)
attempt(lambda: torch.ones(3, dtype=torch.cfloat).conj() + n)
print(torch.ones(3) + n, torch.ones(3, dtype=torch.int32) + n, torch.ones(3).conj() + n)
