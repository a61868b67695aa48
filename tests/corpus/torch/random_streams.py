# Expected output written by hand: torch's default CPU generator is mt19937 seeded with
# init_genrand(seed) (aten/src/ATen/core/MT19937RNGEngine.h, CPUGeneratorImpl.cpp: random() is one
# 32-bit draw, random64() = (draw1 << 32) | draw2). torch.rand: uniform_real_distribution
# (aten/src/ATen/core/DistributionsHelper.h) takes random() for float32 and random64() for float64,
# then TransformationHelper.h uniform_real keeps the low `digits` bits: (v & (2^24-1)) * 2^-24 or
# (v & (2^53-1)) * 2^-53. torch.randint: uniform_int_from_to_distribution, random() % range + low
# while range < 2^32. The values were computed from those formulas with CPython's own MT19937
# (random.setstate with the init_genrand state); torch.manual_seed(0); torch.rand(5) is the
# well-known tensor([0.4963, 0.7682, 0.0885, 0.1320, 0.3074]).
import torch
torch.manual_seed(0)
print(torch.rand(5))
torch.manual_seed(0)
print(torch.rand(5).tolist())
torch.manual_seed(0)
print(torch.rand(3, dtype=torch.float64).tolist())
torch.manual_seed(0)
print(torch.randint(0, 10, (10,)))
print(torch.randint(5, (2, 3)))
print(torch.randint(-3, 3, (4,)).tolist())
torch.manual_seed(42)
print(torch.rand(2, 2).tolist())
print(torch.rand(4, dtype=torch.float64).tolist())
