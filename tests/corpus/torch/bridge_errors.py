# Expected output written by hand: reference/semantics.md §A.3, §A.4 (negative strides, exact
# text with its double space and trailing space), §A.9 (list input), §B.17 (bfloat16),
# §A.10 check order, and torch.tensor's ragged-list error (torch/csrc/utils/tensor_new.cpp).
import numpy as np
import torch

def attempt(fn):
    try:
        fn()
        print("no error")
    except Exception as e:
        print(type(e).__name__ + ": [" + str(e) + "]")

attempt(lambda: torch.from_numpy([1]))
attempt(lambda: torch.from_numpy(np.arange(3.)[::-1]))
attempt(lambda: torch.zeros(2, dtype=torch.bfloat16).numpy())
attempt(lambda: torch.tensor([[1, 2], [3]]))
attempt(lambda: torch.zeros(2, device="nonsense"))
