# Expected output written by hand: elementwise ops with broadcasting and torch's type promotion
# (c10/core/ScalarType.h promoteTypes; Python scalars are "weak"), in-place ops through views
# (§E aliasing), the cast check of in-place ops, sum/mean, item/tolist; printing per
# torch/_tensor_str.py (%.4f when not all values are integral, width padding).
import torch
a = torch.arange(6).view(2, 3)
print(a + 1)
print(a * 2.5)
print(a / 2)
print(10 - a)
print(a > 2)
print(torch.arange(3, dtype=torch.int32) + torch.arange(3), torch.tensor([1, 2], dtype=torch.uint8) + 1.5, torch.tensor([True]) + 1)
b = torch.zeros(3)
v = b[1:]
v.add_(1)
b.mul_(2)
b += 0.5
print(b, v)
i = torch.arange(3)
try:
    i += 1.5
except RuntimeError as e:
    print("RuntimeError:", e)
print(a.sum(), a.sum(0), torch.sum(a), a.float().mean(), a.float().mean(1))
print(a.sum(dim=1, keepdim=True))
print(a.sum().item(), a.tolist(), torch.tensor(2.5).item(), a[1, 2].item(), int(torch.tensor(3.7)), float(a[0, 1]))
print(a[0], a[:, 1], a[1, 2], a[0].dtype)
