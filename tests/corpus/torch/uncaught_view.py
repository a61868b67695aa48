# Expected output written by hand: reference/semantics.md §E.44; an uncaught engine error
# ends the program with the library's message as the traceback's last line.
import torch
v = torch.arange(6).view(2, 3)
print(v)
v.t().view(6)
