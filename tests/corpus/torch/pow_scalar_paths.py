# oracle: torch
# torch.pow with a Python-number exponent takes its own loops (PowKernel.cpp): 0.5 sqrt, -0.5
# rsqrt, -1 reciprocal (float, double, bfloat16), 2 / 3 / -2 as products (float, double); a
# tensor exponent, even 0-d, and float16 take pow. In place (pow_, **=) as out of place.
import torch

x = torch.tensor([-0.0, -float('inf'), -8.0, 0.0, 2.0, float('inf'), float('nan')])
for e in [0.5, -0.5, -1.0, 2.0, 3.0, -2.0, 1 / 3]:
    print(e, torch.pow(x, e), x ** e, torch.pow(x, torch.full((7,), e)))
print(torch.pow(x.double(), 0.5), torch.pow(x, torch.tensor(0.5)), x.pow(0.5), x.pow(-0.5))
print(torch.pow(x.half(), 0.5), torch.pow(x.half(), -0.5), torch.pow(x.bfloat16(), -0.5))
y = x.clone()
y.pow_(0.5)
print(y)
y = x.clone()
y **= -0.5
print(y)
# Values whose x*x*x and 1/(x*x) in float32 differ from pow's correctly rounded results.
v = torch.tensor([5.062565803527832, 0.9847743511199951, 1.7102946043014526, 9.25193977355957, 6.423062801361084, 8.100114822387695])
print((v ** 3).tolist())
print((v.double() ** 3).tolist())
print((v ** -2).tolist())
g = torch.ones(2, requires_grad=True).clone()
g.pow_(2)
print(g)
g = torch.ones(2, requires_grad=True).clone()
g.pow_(torch.tensor(2.0))
print(g)
