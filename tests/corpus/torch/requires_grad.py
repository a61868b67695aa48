# Expected output written by hand: reference/semantics.md §B.15 (numpy() of a tensor that
# requires grad), §B.19 (force=True), §D.34 (DLPack export refuses it); requires_grad printing
# per torch/_tensor_str.py (grad_fn=<...> for non-leaf results, named as autograd's generated
# nodes: MulBackward0, SumBackward0, ...); detach() is an alias without the flag.
import torch
g = torch.ones(2, requires_grad=True)
print(g)
try:
    g.numpy()
except RuntimeError as e:
    print("RuntimeError:", e)
print(g.detach().numpy(), g.numpy(force=True))
d = g.detach()
print(d.requires_grad, g.requires_grad, d.data_ptr() == g.data_ptr())
try:
    g.__dlpack__()
except BufferError as e:
    print("BufferError:", e)
t = torch.zeros(2)
t.requires_grad_()
print(t.requires_grad, t.is_leaf)
try:
    torch.arange(3).requires_grad_()
except RuntimeError as e:
    print("RuntimeError:", e)
print(g * 2, g.sum(), 1 - g)
print(g.t() if False else g.clone(), (g + g).is_leaf)
