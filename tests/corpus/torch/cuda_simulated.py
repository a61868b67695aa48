# simulate-cuda
# Expected output written by hand: reference/semantics.md §G.66-68 (.cuda()/.to() return self
# when nothing changes, a dense tensor keeps its strides, non_blocking to CPU gives a pinned
# tensor), §B.14 (numpy() of a cuda tensor), §G.69 (.cuda(non-cuda device)); the device
# suffix of the repr per torch/_tensor_str.py. Runs on the engine's simulated cuda:0.
import torch
print(torch.cuda.is_available(), torch.cuda.device_count())
t = torch.arange(6.).view(2, 3)
c = t.cuda()
print(c.device, c.is_cuda, c.stride(), c.cuda() is c, c.to("cuda:0") is c, t.cpu() is t, t.to("cpu") is t)
print(c)
h = c.to("cpu", non_blocking=True)
print(h.is_pinned(), h.device, t.is_pinned())
print(h)
tt = t.t().cuda()
print(tt.stride(), tt.is_contiguous(), tt.device)
try:
    c.numpy()
except TypeError as e:
    print("TypeError:", e)
try:
    t.cuda("cpu")
except RuntimeError as e:
    print("RuntimeError:", e)
z = torch.zeros(2, device="cuda")
print(z, z.device)
print(torch.ones(2, dtype=torch.int32).to("cuda", torch.float64))
# Results of operations on a cuda tensor stay on its device.
print(c.clone().device, c.t().contiguous().device, c.t().reshape(6).device, (c + 1).device, c.sum().device, c.flip(0).device, c.double().device)
